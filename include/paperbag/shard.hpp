// Running one shard of a plan (docs/scale.md): `build`, `validate`, `verify` and `export`
// with --plan FILE --shard K/N take the items shard_of_items() gives shard K, do their usual
// work on them and describe it in a ShardReport.
//
// Shards share nothing but the plan file and the output folder, and never write the same
// file: build writes <output>/<key>.zip for its own items only (keys are unique in a plan),
// export writes its own part file. Every file is written atomically. A shard killed and run
// again skips what it finished (build: bundles whose recorded input digest matches) and
// writes the rest, with the same bytes under the same SOURCE_DATE_EPOCH.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "paperbag/build.hpp"
#include "paperbag/export.hpp"
#include "paperbag/plan.hpp"
#include "paperbag/shard_report.hpp"
#include "paperbag/validate.hpp"

namespace paperbag {

// The plan, the shard and the items it takes.
struct PlanShard {
    Plan plan;
    ShardSpec shard;
    std::vector<std::size_t> indices;  // ascending positions in plan.items

    std::vector<std::filesystem::path> paths() const;
    // The report skeleton: command, plan digest, shard; no items yet.
    ShardReport report(const std::string& command) const;
};

// Reads the plan and selects shard `shard` (default: the whole plan as shard 0/1).
PlanShard load_plan_shard(const std::filesystem::path& plan_file, ShardSpec shard = {});

// Builds the shard's items with `options` (its `inputs` are replaced by the shard's items;
// issue folders are built in one run, every other item alone). `on_issue` as in run_build.
ShardReport build_shard(const PlanShard& shard, BuildOptions options, const Clock& clock,
                        const std::function<void(const IssueBuild&)>& on_issue = {});

// Assigns the files of a validate or verify run over shard.paths() to the shard's items: an
// item is built ("valid") when all its files are valid, refused otherwise.
ShardReport validation_shard_report(const PlanShard& shard, const ValidationRun& run,
                                    const std::string& command);

// The part file of shard K of N for an export output: ".part-KKKK-of-NNNN" before the last
// extension ("articles.jsonl" -> "articles.part-0002-of-0004.jsonl"), zero-padded so that
// the parts sort in shard order.
std::filesystem::path part_file(const std::filesystem::path& output, ShardSpec shard);

// Exports the shard's items to part_file(*options.output, shard) (to the output itself when
// the plan is one shard): options.inputs are replaced
// by the shard's items, the CSV header is written only by the shard
// holding the plan's first item. jsonl and csv only.
ShardReport export_shard(const PlanShard& shard, ExportOptions options, std::ostream& out,
                         Diagnostics& diagnostics);

// Where a shard's report goes unless given: "<command>-shard-KKKK-of-NNNN.json".
std::filesystem::path default_shard_report(const std::string& command, ShardSpec shard);

}  // namespace paperbag
