// paperbag validate: schema + profile validation of files, folders and bundles, for CI.
#include <iostream>
#include <map>
#include <memory>

#include "cli/commands.hpp"
#include "cli/report_options.hpp"
#include "cli/shard_options.hpp"
#include "io/file.hpp"
#include "paperbag/validate.hpp"

namespace paperbag::cli {

namespace {

struct ValidateCliOptions {
    ValidateOptions job;
    ReportOutput output;
    bool list_rules = false;
    ShardCliOptions sharding;
};

int list_rules() {
    for (const RuleInfo& rule : validation_rules())
        std::cout << rule.id << "  " << to_string(rule.severity) << "  [" << rule.profile << "]  "
                  << rule.summary << '\n';
    return exit_ok;
}

int run_validate(const ValidateCliOptions& options) {
    if (options.list_rules) return list_rules();
    if (const auto shard = load_shard(options.sharding, !options.job.inputs.empty())) {
        ValidateOptions job = options.job;
        for (const auto& path : shard->paths()) job.inputs.push_back(path.string());
        const ValidationRun run = job.inputs.empty() ? ValidationRun{} : validate_inputs(job);
        const int code = emit_report(run, options.output);
        save_shard_report(validation_shard_report(*shard, run, "validate"), options.sharding);
        return code;
    }
    if (options.job.inputs.empty()) {
        throw Error("PB-USAGE", "", "no FILE, DIR or BUNDLE given (or --plan FILE)");
    }
    refuse_output_over_input(
        options.output.file,
        std::vector<std::filesystem::path>(options.job.inputs.begin(), options.job.inputs.end()));
    return emit_report(validate_inputs(options.job), options.output);
}

}  // namespace

void setup_validate(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<ValidateCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "validate",
        "Validate METS/MODS/PREMIS/ALTO/NewsML-G2 files, folders and ZIP bundles against their "
        "schemas and profile rules");
    sub->add_option("INPUT", o->job.inputs, "Files, folders (recursive) or ZIP bundles");
    add_validation_options(sub, o->job, o->output);
    sub->add_flag("--list-rules", o->list_rules, "List the rules with id, severity and meaning");
    add_shard_options(sub, o->sharding);
    sub->callback([o, &exit_code] { exit_code = run_validate(*o); });
}

}  // namespace paperbag::cli
