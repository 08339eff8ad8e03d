// paperbag export as a library call: bundles, issue folders and page text files -> records
// for researchers (docs/export.md), streamed issue by issue.
//
// Inputs are read in parallel (`jobs`) and written strictly in input order (then page order
// within an issue), so the output is the same whatever the number of threads, and at most a
// few issues are in memory at any time however many inputs there are. A bundle that cannot
// be read (damaged, not a paperbag bundle) is reported with its path and the reason and
// skipped; the run goes on and ends with ExportStatus::invalid_input.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "paperbag/diagnostic.hpp"
#include "paperbag/export_filter.hpp"
#include "paperbag/model.hpp"
#include "paperbag/page_import.hpp"

namespace paperbag {

struct ExportOptions {
    // Bundles (*.zip), issue folders (with issue.xml), folders to search recursively for
    // both, or page .txt files (consecutive ones form one issue, described by `pages`).
    std::vector<std::filesystem::path> inputs;
    std::string format = "jsonl";  // jsonl, csv, txt, xml (see exporters())
    // jsonl/csv: the output file (written atomically; stdout when empty). txt/xml: the folder.
    std::optional<std::filesystem::path> output;
    bool gzip = false;  // jsonl/csv: gzip the output (also when output ends .gz)
    // jsonl/csv: these fields, in this order (spaces around a name are ignored); empty: all.
    std::vector<std::string> fields;
    ExportFilter filter;     // issues and records to export; when it takes none, a warning says so
    PageFilesOptions pages;  // metadata for page text files
    unsigned jobs = 0;       // reading threads; 0: one per core
    // --format xml: the most bytes one bundle's payload may unpack to (--max-output)
    std::uint64_t max_output = std::uint64_t{8} << 30;
    // When set, a progress bar is drawn there (callers pass std::cerr on a terminal).
    std::ostream* progress = nullptr;
    // When set, every diagnostic is handed over as it happens instead of being collected in
    // the `diagnostics` argument (memory stays flat over long runs).
    std::function<void(const Diagnostic&)> report;
    // Write the format's header (the CSV column names). Export shards after the first leave
    // it out, so that their parts concatenate to one file (docs/scale.md).
    bool header = true;
};

// Exit status of an export, as in SPEC section 2.
enum class ExportStatus { ok = 0, invalid_input = 1, failure = 2 };

// Runs the export. Records go to `out` (or the output file). Usage errors (unknown format or
// field, missing -o folder, --format xml with bundles) fail before anything is read. The
// output file is committed when the run worked, also when some inputs were skipped.
ExportStatus run_export(const ExportOptions& options, std::ostream& out, Diagnostics& diagnostics);

// The names of every record field, in CSV column order.
std::vector<std::string> export_field_names();

// Paths, one per line, for `-` and --from-list (blank lines ignored); bounded (lines of at
// most 4096 bytes, no NUL, at most 1,000,000 paths: Error PB-TOO-LARGE naming `name`).
std::vector<std::filesystem::path> read_export_list(std::istream& in,
                                                    const std::string& name = "-");

}  // namespace paperbag
