// paperbag verify: structure, fixity and validation of bundles, without extracting them.
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.hpp"
#include "io/atomic_file.hpp"
#include "paperbag/verify.hpp"

namespace paperbag::cli {

namespace {

struct VerifyCliOptions {
    std::vector<std::string> bundles;
    VerifyJobOptions job = default_verify_options();
    ReportFormat format = ReportFormat::text;
    std::string output;
    bool no_xml = false;
};

int run_verify(VerifyCliOptions& options) {
    options.job.validate_xml = !options.no_xml;
    const std::vector<std::filesystem::path> paths(options.bundles.begin(), options.bundles.end());
    const ValidationRun run = verify_bundles(paths, options.job);
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

void setup_verify(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<VerifyCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "verify",
        "Check bundles without extracting them: ZIP structure, hostile entries, BagIt "
        "completeness and fixity, then schema and profile validation of every XML file inside");
    sub->add_option("BUNDLE", o->bundles, "Bundle files (.zip)")->required();
    sub->add_option("--format", o->format, "Report format: text, json, junit, sarif")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, ReportFormat>{{"text", ReportFormat::text},
                                                {"json", ReportFormat::json},
                                                {"junit", ReportFormat::junit},
                                                {"sarif", ReportFormat::sarif}},
            CLI::ignore_case));
    sub->add_option("-o,--output", o->output, "Write the report to this file (atomically)");
    sub->add_option("--catalog", o->job.validation.catalogs,
                    "OASIS XML catalog for the official schemas (repeatable)")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);
    sub->add_option("--profile", o->job.validation.profile, "Rule set: paperbag, mets, none")
        ->transform(CLI::CheckedTransformer(
            std::map<std::string, Profile>{
                {"paperbag", Profile::paperbag}, {"mets", Profile::mets}, {"none", Profile::none}},
            CLI::ignore_case));
    sub->add_option("--skip", o->job.validation.skip, "Rule id not to run (repeatable)")
        ->allow_extra_args(false);
    sub->add_option("-j,--jobs", o->job.validation.jobs, "Worker threads (default: all cores)");
    sub->add_flag("--strict", o->job.validation.strict, "Warnings make a bundle invalid");
    sub->add_flag("--no-xml", o->no_xml,
                  "Check structure and fixity only, without schema validation");
    sub->callback([o, &exit_code] { exit_code = run_verify(*o); });
}

}  // namespace paperbag::cli
