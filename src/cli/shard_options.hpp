// --plan FILE --shard K/N --shard-report FILE, shared by build, validate, verify and export.
#pragma once

#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "paperbag/shard.hpp"

namespace paperbag::cli {

struct ShardCliOptions {
    std::string plan;
    std::string shard;   // "K/N"; empty: the whole plan (0/1)
    std::string report;  // empty: default_shard_report(command, shard)
};

void add_shard_options(CLI::App* sub, ShardCliOptions& options);

// The shard to run, or nothing without --plan. Throws Error (PB-USAGE) for --shard or
// --shard-report without --plan, or when `inputs_given` (the plan replaces the inputs).
std::optional<PlanShard> load_shard(const ShardCliOptions& options, bool inputs_given);

// Writes the shard report (atomically) where asked, or to its default name with --shard,
// and says so on stderr. --plan alone writes no report unless --shard-report is given.
void save_shard_report(const ShardReport& report, const ShardCliOptions& options);

}  // namespace paperbag::cli
