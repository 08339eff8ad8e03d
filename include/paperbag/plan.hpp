// Scale-out on existing engines (docs/scale.md): a plan lists every issue of a collection,
// and shard K of N takes a deterministic, size-balanced, contiguous part of it.
//
// `paperbag plan` finds the issues under its inputs: issue folders (with issue.xml), METS
// issue folders (a folder holding an XML file whose root is mets:mets), PDFs and bundles
// (*.zip). Each becomes one JSON line {"key","kind","path","size","digest"}; lines are sorted
// by key, and keys are unique (two issues with one key would write the same bundle), so the
// same collection always gives the same plan, byte for byte, wherever it is computed.
//
// Shards need no coordination: every shard reads the same plan file and computes the same
// split (shard_of_items). Shards are contiguous runs of the plan, so the parts `export`
// writes per shard concatenate, in shard order, to the output of one run over the whole plan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

enum class PlanKind { issue_folder, mets_folder, pdf, bundle };

// "issue-folder", "mets-folder", "pdf", "bundle".
std::string_view to_string(PlanKind kind);

struct PlanItem {
    std::string key;  // stable: the issue key (bundle name) or the file/folder stem
    PlanKind kind = PlanKind::issue_folder;
    std::filesystem::path path;  // as found under the inputs given (relative stays relative)
    std::uint64_t size = 0;      // bytes of every file of the issue: the weight for balancing
    std::string digest;          // "sha256:<hex>" over the issue's file names and contents
};

struct PlanOptions {
    std::vector<std::filesystem::path> inputs;  // folders searched recursively, or items
    unsigned jobs = 0;                          // digest threads; 0: one per core
};

struct PlanRun {
    std::vector<PlanItem> items;  // sorted by key, keys unique
    Diagnostics diagnostics;      // inputs that are not issues, unreadable manifests, ...
    // 0 every input gave issues, 1 an input is not an issue or folder of issues, 2 I/O.
    int exit_code() const;
};

// Finds and fingerprints the issues. Throws Error (PB-PLAN-DUPLICATE) when two issues have
// the same key, naming both paths.
PlanRun make_plan(const PlanOptions& options);

// One plan line (JSON, no newline) and its reverse. parse_plan_line throws Error
// (PB-PLAN-SYNTAX) naming `path` and `line`.
std::string plan_line(const PlanItem& item);
PlanItem parse_plan_line(std::string_view text, const std::string& path, std::uint64_t line);

// Writes the plan atomically (one line per item).
void write_plan(const std::vector<PlanItem>& items, const std::filesystem::path& file);

struct Plan {
    std::vector<PlanItem> items;
    std::string digest;  // "sha256:<hex>" of the plan file's bytes: shards of one plan agree
};

// Reads a plan file. Throws Error (PB-IO, PB-PLAN-SYNTAX, PB-PLAN-DUPLICATE).
Plan read_plan(const std::filesystem::path& file);

// "K/N" with 0 <= K < N.
struct ShardSpec {
    std::size_t index = 0;
    std::size_t count = 1;
    // Throws Error (PB-USAGE) for anything but "K/N" with 0 <= K < N.
    static ShardSpec parse(std::string_view text);
    std::string to_string() const;  // "K/N"
};

// The indices (ascending) of the plan items shard `shard` takes. Item i goes to the shard
// whose share of the total size holds the middle of item i: shards are contiguous, every
// item is in exactly one shard, and shard sizes differ by at most about one item's size.
// When every size is 0 the items are split by count.
std::vector<std::size_t> shard_of_items(const std::vector<PlanItem>& items, ShardSpec shard);

// True for a folder holding a METS file (an *.xml file directly inside whose root element is
// {http://www.loc.gov/METS/}mets). The one place that decides what a METS issue folder is.
bool is_mets_issue_folder(const std::filesystem::path& folder);

}  // namespace paperbag
