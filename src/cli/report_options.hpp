// What `validate` and `verify` share on the command line: the options of a validation run
// and how its report is printed or written.
#pragma once

#include <functional>
#include <string>

#include "cli/commands.hpp"
#include "paperbag/validate.hpp"

namespace paperbag::cli {

struct ReportOutput {
    ReportFormat format = ReportFormat::text;
    std::string file;  // -o: the report goes there (atomically); empty or "-": stdout
};

// --format text|json|junit|sarif (default: text).
void add_report_format_option(CLI::App* sub, ReportFormat& format);

// --format, -o, --catalog, --profile, --skip, --max-errors, -j, --strict.
void add_validation_options(CLI::App* sub, ValidateOptions& options, ReportOutput& output);

// --include GLOB, --exclude GLOB (repeatable) and --unknown (validate).
void add_selection_options(CLI::App* sub, ValidateOptions& options);
// --unknown ignore|warn|fail (validate and verify).
void add_unknown_option(CLI::App* sub, ValidateOptions& options);

// Prints `report` (in output.format) to stdout, or writes it to its file and prints only the
// summary line (the last line of `text_report()`) to stdout. Under -q a text report on
// stdout is `quiet_text()` (the errors) and no summary line is printed.
void print_report(const std::string& report, const ReportOutput& output,
                  const std::function<std::string()>& text_report,
                  const std::function<std::string()>& quiet_text);

// Prints run-level messages to stderr (by -q/-v), the report as print_report does, and
// returns the run's exit code.
int emit_report(const ValidationRun& run, const ReportOutput& output);

}  // namespace paperbag::cli
