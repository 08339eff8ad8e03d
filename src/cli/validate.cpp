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

int run_validate(const ValidateCliOptions& options) {
    if (options.list_rules) {
        std::cout << format_rules(validation_rules(), options.output.format);
        return exit_ok;
    }
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
    add_selection_options(sub, o->job);
    sub->add_flag("--list-rules", o->list_rules,
                  "List the rules with id, severity and meaning (as JSON with --format json)");
    add_shard_options(sub, o->sharding);
    sub->callback([o, sub, &exit_code] {
        // A bundle gets the checks `paperbag verify` runs on it unless --profile says otherwise.
        if (sub->count("--profile") == 0) o->job.bundle_profile = Profile::paperbag;
        exit_code = run_validate(*o);
    });
}

}  // namespace paperbag::cli
