#include "cli/report_options.hpp"

#include <iostream>
#include <map>

#include "io/atomic_file.hpp"

namespace paperbag::cli {

void add_validation_options(CLI::App* sub, ValidateOptions& options, ReportOutput& output) {
    sub->add_option("--format", output.format, "Report format")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, ReportFormat>{{"text", ReportFormat::text},
                                                {"json", ReportFormat::json},
                                                {"junit", ReportFormat::junit},
                                                {"sarif", ReportFormat::sarif}},
            CLI::ignore_case))
        ->option_text("text|json|junit|sarif (default: text)");
    sub->add_option("-o,--output", output.file,
                    "Write the report to FILE (atomically); the text report goes to stdout");
    sub->add_option("--catalog", options.catalogs,
                    "OASIS XML catalog mapping schema URLs to files (repeatable)")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);
    sub->add_option("--profile", options.profile,
                    "Rules beyond XSD: none, mets (references, files, checksums, dates) or "
                    "paperbag (mets + paperbag's profile schemas)")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, Profile>{
                {"none", Profile::none}, {"mets", Profile::mets}, {"paperbag", Profile::paperbag}},
            CLI::ignore_case));
    sub->add_option("--skip", options.skip, "Do not run or report RULE (repeatable)")
        ->allow_extra_args(false);
    sub->add_option("--max-errors", options.max_errors,
                    "Keep at most N findings per file (0: all)");
    sub->add_option("-j,--jobs", options.jobs, "Worker threads (default: all cores)");
    sub->add_flag("--strict", options.strict, "Warnings fail the run (exit 1)");
}

void add_selection_options(CLI::App* sub, ValidateOptions& options) {
    sub->add_option("--include", options.include,
                    "Validate only files in folders and bundles that match GLOB (repeatable; a "
                    "GLOB without '/' also matches the file name)")
        ->allow_extra_args(false);
    sub->add_option("--exclude", options.exclude,
                    "Leave out files in folders and bundles that match GLOB (repeatable)")
        ->allow_extra_args(false);
    add_unknown_option(sub, options);
}

void add_unknown_option(CLI::App* sub, ValidateOptions& options) {
    sub->add_option("--unknown", options.unknown,
                    "XML of a format without schema (PAGE, NDNP batch.xml): ignore (counted in "
                    "the summary), warn (listed as skipped; exit unaffected) or fail (not "
                    "validated, exit 2)")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, UnknownPolicy>{{"ignore", UnknownPolicy::ignore},
                                                 {"warn", UnknownPolicy::warn},
                                                 {"fail", UnknownPolicy::fail}},
            CLI::ignore_case))
        ->option_text("ignore|warn|fail (default: warn)");
}

int emit_report(const ValidationRun& run, const ReportOutput& output) {
    for (const Diagnostic& d : run.messages)
        if (d.severity != Severity::info) std::cerr << d.format() << '\n';
    const std::string report = format_report(run, output.format);
    if (output.file.empty()) {
        std::cout << report;
    } else {
        write_file_atomic(output.file, report);
        if (output.format != ReportFormat::text)
            std::cout << format_report(run, ReportFormat::text);
    }
    return run.exit_code();
}

}  // namespace paperbag::cli
