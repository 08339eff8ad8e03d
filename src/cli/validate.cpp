// paperbag validate: schema + profile validation of files, folders and bundles, for CI.
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.hpp"
#include "io/atomic_file.hpp"
#include "paperbag/validate.hpp"

namespace paperbag::cli {

namespace {

struct ValidateCliOptions {
    ValidateOptions job;
    ReportFormat format = ReportFormat::text;
    std::string output;
    bool list_rules = false;
};

int list_rules() {
    for (const RuleInfo& rule : validation_rules())
        std::cout << rule.id << "  " << to_string(rule.severity) << "  [" << rule.profile << "]  "
                  << rule.summary << '\n';
    return exit_ok;
}

int run_validate(const ValidateCliOptions& options) {
    if (options.list_rules) return list_rules();
    if (options.job.inputs.empty()) {
        std::cerr << "paperbag validate: error: no FILE, DIR or BUNDLE given\n";
        return exit_failure;
    }
    const ValidationRun run = validate_inputs(options.job);
    for (const Diagnostic& d : run.messages)
        if (d.severity != Severity::info) std::cerr << d.format() << '\n';
    const std::string report = format_report(run, options.format);
    if (options.output.empty()) {
        std::cout << report;
    } else {
        write_file_atomic(options.output, report);
        if (options.format != ReportFormat::text)
            std::cout << format_report(run, ReportFormat::text);
    }
    return run.exit_code();
}

}  // namespace

void setup_validate(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<ValidateCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "validate",
        "Validate METS/MODS/PREMIS/ALTO/NewsML-G2 files, folders and ZIP bundles against their "
        "schemas and profile rules");
    sub->add_option("INPUT", o->job.inputs, "Files, folders (recursive) or ZIP bundles");
    sub->add_option("--format", o->format, "Report format")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, ReportFormat>{{"text", ReportFormat::text},
                                                {"json", ReportFormat::json},
                                                {"junit", ReportFormat::junit},
                                                {"sarif", ReportFormat::sarif}},
            CLI::ignore_case))
        ->option_text("text|json|junit|sarif (default: text)");
    sub->add_option("-o,--output", o->output,
                    "Write the report to FILE (atomically); the text report goes to stdout");
    sub->add_option("--catalog", o->job.catalogs, "OASIS XML catalog mapping schema URLs to files")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);
    sub->add_option("--profile", o->job.profile,
                    "Rules beyond XSD: none, mets (default: references, files, checksums, "
                    "dates) or paperbag (mets + paperbag's profile schemas)")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, Profile>{
                {"none", Profile::none}, {"mets", Profile::mets}, {"paperbag", Profile::paperbag}},
            CLI::ignore_case));
    sub->add_option("--skip", o->job.skip, "Do not run or report RULE (repeatable)")
        ->allow_extra_args(false);
    sub->add_option("--max-errors", o->job.max_errors, "Keep at most N findings per file (0: all)");
    sub->add_option("-j,--jobs", o->job.jobs, "Worker threads (default: all cores)");
    sub->add_flag("--strict", o->job.strict, "Warnings fail the run (exit 1)");
    sub->add_flag("--list-rules", o->list_rules, "List the rules with id, severity and meaning");
    sub->callback([o, &exit_code] { exit_code = run_validate(*o); });
}

}  // namespace paperbag::cli
