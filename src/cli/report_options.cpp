#include "cli/report_options.hpp"

#include <iostream>
#include <map>

#include "cli/frame.hpp"
#include "io/atomic_file.hpp"

namespace paperbag::cli {

namespace {

// The last line of a text report: "summary: ...".
std::string summary_of(const std::string& text_report) {
    std::string_view text = text_report;
    while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    const auto start = text.rfind('\n');
    return std::string(start == std::string_view::npos ? text : text.substr(start + 1)) + '\n';
}

// -q with a text report on stdout: only the findings that are errors.
std::string errors_only(const ValidationRun& run) {
    std::string out;
    for (const FileResult& file : run.files)
        for (const Diagnostic& d : file.findings)
            if (d.severity == Severity::error) out += d.format() + '\n';
    return out;
}

}  // namespace

void add_report_format_option(CLI::App* sub, ReportFormat& format) {
    choices(sub->add_option("--format", format, "Report format")
                ->transform(CLI::CheckedTransformer(
                    std::map<std::string, ReportFormat>{{"text", ReportFormat::text},
                                                        {"json", ReportFormat::json},
                                                        {"junit", ReportFormat::junit},
                                                        {"sarif", ReportFormat::sarif}})),
            {"text", "json", "junit", "sarif"}, "text");
}

void add_validation_options(CLI::App* sub, ValidateOptions& options, ReportOutput& output) {
    add_report_format_option(sub, output.format);
    sub->add_option("-o,--output", output.file,
                    "Write the report to FILE (atomically; '-': stdout); stdout then gets only "
                    "the summary line")
        ->option_text("FILE");
    sub->add_option("--catalog", options.catalogs,
                    "OASIS XML catalog mapping schema URLs to files (repeatable)")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);
    choices(sub->add_option("--profile", options.profile,
                            "Rules beyond XSD: none, mets (references, files, checksums, dates) "
                            "or paperbag (mets + paperbag's profile schemas)")
                ->transform(CLI::CheckedTransformer(
                    std::map<std::string, Profile>{{"none", Profile::none},
                                                   {"mets", Profile::mets},
                                                   {"paperbag", Profile::paperbag}})),
            {"none", "mets", "paperbag"}, "paperbag");
    sub->add_option("--skip", options.skip, "Do not run or report RULE (repeatable)")
        ->option_text("RULE")
        ->allow_extra_args(false);
    sub->add_option("--max-errors", options.max_errors, "Keep at most N findings per file (0: all)")
        ->capture_default_str();
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
    choices(sub->add_option_function<std::string>(
                "--unknown",
                [&options](const std::string& value) {
                    options.unknown = value == "ignore" ? UnknownPolicy::ignore
                                      : value == "fail" ? UnknownPolicy::fail
                                                        : UnknownPolicy::warn;
                },
                "XML of a format without schema (PAGE, NDNP batch.xml): ignore (counted in the "
                "summary), warn (listed as skipped; exit unaffected) or fail (not validated, "
                "exit 2)"),
            {"ignore", "warn", "fail"}, "warn");
}

void print_report(const std::string& report, const ReportOutput& output,
                  const std::function<std::string()>& text_report,
                  const std::function<std::string()>& quiet_text) {
    if (output.file.empty() || is_stdout(output.file)) {
        if (quiet() && output.format == ReportFormat::text)
            std::cout << quiet_text();
        else
            std::cout << report;
        return;
    }
    write_file_atomic(output.file, report);
    human_out() << summary_of(text_report());
}

int emit_report(const ValidationRun& run, const ReportOutput& output) {
    for (const Diagnostic& d : run.messages) print_run_message(d);
    print_report(
        format_report(run, output.format), output,
        [&] { return format_report(run, ReportFormat::text); }, [&] { return errors_only(run); });
    return run.exit_code();
}

}  // namespace paperbag::cli
