// What `validate` and `verify` share on the command line: the options of a validation run
// and how its report is printed or written.
#pragma once

#include <string>

#include "cli/commands.hpp"
#include "paperbag/validate.hpp"

namespace paperbag::cli {

struct ReportOutput {
    ReportFormat format = ReportFormat::text;
    std::string file;  // -o: the report goes there (atomically); empty: stdout
};

// --format, -o, --catalog, --profile, --skip, --max-errors, -j, --strict.
void add_validation_options(CLI::App* sub, ValidateOptions& options, ReportOutput& output);

// --include GLOB, --exclude GLOB (repeatable) and --unknown (validate).
void add_selection_options(CLI::App* sub, ValidateOptions& options);
// --unknown ignore|warn|fail (validate and verify).
void add_unknown_option(CLI::App* sub, ValidateOptions& options);

// Prints run-level warnings to stderr, the report to stdout or its file (then the text
// report to stdout), and returns the run's exit code.
int emit_report(const ValidationRun& run, const ReportOutput& output);

}  // namespace paperbag::cli
