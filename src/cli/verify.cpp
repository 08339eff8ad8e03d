// paperbag verify: structure, fixity and validation of bundles, without extracting them.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/report_options.hpp"
#include "cli/shard_options.hpp"
#include "io/file.hpp"
#include "paperbag/verify.hpp"

namespace paperbag::cli {

namespace {

struct VerifyCliOptions {
    std::vector<std::string> bundles;
    VerifyJobOptions job = default_verify_options();
    ReportOutput output;
    bool no_xml = false;
    bool list_rules = false;
    ShardCliOptions sharding;
};

int run_verify(VerifyCliOptions& options) {
    if (options.list_rules) {
        std::cout << format_rules(verify_rules(), options.output.format);
        return exit_ok;
    }
    options.job.validate_xml = !options.no_xml;
    if (const auto shard = load_shard(options.sharding, !options.bundles.empty())) {
        const ValidationRun run = verify_bundles(shard->paths(), options.job);
        const int code = emit_report(run, options.output);
        save_shard_report(validation_shard_report(*shard, run, "verify"), options.sharding);
        return code;
    }
    if (options.bundles.empty()) throw Error("PB-USAGE", "", "no BUNDLE given (or --plan FILE)");
    const std::vector<std::filesystem::path> paths(options.bundles.begin(), options.bundles.end());
    refuse_output_over_input(options.output.file, paths);
    return emit_report(verify_bundles(paths, options.job), options.output);
}

}  // namespace

void setup_verify(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<VerifyCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "verify",
        "Check bundles without extracting them: ZIP structure, hostile entries, BagIt "
        "completeness and fixity, then schema and profile validation of every XML file inside");
    sub->add_option("BUNDLE", o->bundles, "Bundle files (.zip), or --plan FILE");
    add_validation_options(sub, o->job.validation, o->output);
    sub->add_flag("--no-xml", o->no_xml,
                  "Check structure and fixity only, without schema validation");
    add_unknown_option(sub, o->job.validation);
    sub->add_flag("--list-rules", o->list_rules,
                  "List the rules with id, severity and meaning (as JSON with --format json)");
    add_shard_options(sub, o->sharding);
    sub->callback([o, &exit_code] { exit_code = run_verify(*o); });
}

}  // namespace paperbag::cli
