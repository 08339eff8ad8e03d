#include "cli/shard_options.hpp"

#include <iostream>

#include "cli/frame.hpp"

namespace paperbag::cli {

void add_shard_options(CLI::App* sub, ShardCliOptions& options) {
    sub->add_option("--plan", options.plan,
                    "Work on the issues of this plan (paperbag plan) instead of INPUT")
        ->check(CLI::ExistingFile)
        ->option_text("FILE");
    sub->add_option("--shard", options.shard,
                    "Only shard K of N of the plan (K/N, 0 <= K < N; docs/scale.md)")
        ->option_text("K/N");
    sub->add_option("--shard-report", options.report,
                    "Write the shard report (JSON) here (default: "
                    "<command>-shard-KKKK-of-NNNN.json)")
        ->option_text("FILE");
}

std::optional<PlanShard> load_shard(const ShardCliOptions& options, bool inputs_given) {
    if (options.plan.empty()) {
        if (!options.shard.empty() || !options.report.empty())
            throw Error("PB-USAGE", "", "--shard and --shard-report need --plan FILE");
        return std::nullopt;
    }
    if (inputs_given)
        throw Error("PB-USAGE", options.plan,
                    "--plan replaces the inputs: give either INPUT... or --plan FILE");
    const ShardSpec spec = options.shard.empty() ? ShardSpec{} : ShardSpec::parse(options.shard);
    return load_plan_shard(options.plan, spec);
}

void save_shard_report(const ShardReport& report, const ShardCliOptions& options) {
    // --plan alone is a single-machine run over the whole plan: a report only when asked.
    if (options.shard.empty() && options.report.empty()) return;
    const std::filesystem::path file = options.report.empty()
                                           ? default_shard_report(report.command, report.shard)
                                           : std::filesystem::path(options.report);
    if (file.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        if (ec) throw Error("PB-IO", file.parent_path().string(), "cannot create: " + ec.message());
    }
    write_shard_report(report, file);
    if (quiet()) return;
    std::cerr << "shard " << report.shard.to_string() << ": " << report.count(ItemOutcome::built)
              << " built, " << report.count(ItemOutcome::skipped) << " skipped, "
              << report.count(ItemOutcome::refused) << " refused; report " << file.string() << '\n';
}

}  // namespace paperbag::cli
