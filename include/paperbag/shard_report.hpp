// Shard reports (docs/scale.md): what one shard of a plan did, as JSON, and their merge into
// one summary and one exit code by `paperbag report`.
//
// A shard report is written atomically at the end of a shard's run, so a report exists only
// for a shard that finished; a shard killed mid-run leaves no report (or its previous one),
// and `paperbag report` then names the shard as missing. Counts use the same three words for
// every command: `built` items done (build: built; validate/verify: valid; export: exported),
// `skipped` items already done by an earlier run (build: bundle unchanged), `refused` items
// that failed (their diagnostics are kept in the report).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "paperbag/diagnostic.hpp"
#include "paperbag/plan.hpp"
#include "paperbag/validate.hpp"

namespace paperbag {

enum class ItemOutcome { built, skipped, refused };

struct ShardItem {
    std::size_t index = 0;  // position in the plan
    std::string key;
    std::string input;  // the plan item's path
    std::string state;  // command-specific: built, unchanged, failed, valid, invalid, ...
    ItemOutcome outcome = ItemOutcome::built;
    std::string output;  // the file written or kept (build: the bundle), when there is one
    std::vector<std::string> messages;  // formatted errors of a refused item
    std::vector<std::string> codes;     // their codes, in the same order
};

struct ShardReport {
    std::string command;  // build, validate, verify, export
    std::string plan;     // the plan file's digest ("sha256:<hex>")
    std::size_t plan_items = 0;
    ShardSpec shard;
    std::string output;  // build: the output folder; export: the part file
    std::vector<ShardItem> items;
    int exit_code = 0;

    std::size_t count(ItemOutcome outcome) const;
};

// The JSON document (one object, keys in a fixed order, ending with a newline).
std::string shard_report_json(const ShardReport& report);
// Writes it atomically.
void write_shard_report(const ShardReport& report, const std::filesystem::path& file);
// Reads one back. Throws Error (PB-IO, PB-REPORT-SYNTAX) naming the file.
ShardReport read_shard_report(const std::filesystem::path& file);

struct MergedReport {
    std::string command;
    std::string plan;
    std::size_t shards = 0;  // N
    std::size_t plan_items = 0;
    std::vector<ShardItem> items;      // every item reported, in plan order
    std::vector<std::size_t> missing;  // shard indices without a report
    Diagnostics problems;              // reports that do not belong together, missing shards
    int exit_code = 0;  // the worst shard exit code; 2 when shards are missing or mismatched

    std::size_t count(ItemOutcome outcome) const;
};

// Merges the reports of one plan's shards. Reports of another command, plan or shard count
// than the first, a shard reported twice and missing shards become `problems` (exit 2).
MergedReport merge_shard_reports(const std::vector<ShardReport>& reports,
                                 const std::vector<std::string>& names);

// text: refused items, then "summary: B built, S skipped, R refused" and the shard line;
// json: the merged counts and items; junit: one testcase per item; sarif: SARIF 2.1.0 with
// one result per refused item.
std::string format_merged_report(const MergedReport& report, ReportFormat format);

}  // namespace paperbag
