// paperbag stats as a library call: what a corpus of bundles and issue folders holds, per
// publication title and year -- issues, pages, articles, illustrations, characters of
// article text and articles without a headline. The table a researcher checks before
// trusting a corpus. Inputs as for export (paperbag/export.hpp); read in parallel, memory flat.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "paperbag/diagnostic.hpp"
#include "paperbag/export_filter.hpp"
#include "paperbag/page_import.hpp"

namespace paperbag {

struct CorpusCounts {
    std::uint64_t issues = 0;
    std::uint64_t pages = 0;
    std::uint64_t articles = 0;
    std::uint64_t illustrations = 0;
    std::uint64_t characters = 0;  // Unicode code points of article bodies (paragraphs)
    std::uint64_t without_headline = 0;
};

struct CorpusStats {
    // (title, year) -> counts; year 0 when the issue date is unknown.
    std::map<std::pair<std::string, int>, CorpusCounts> rows;
    CorpusCounts total;
    std::uint64_t read = 0;     // inputs read (counted or turned down by the filter)
    std::uint64_t skipped = 0;  // inputs that could not be read
    // An input was missing or unreadable (an I/O error, not a bad input): exit 2.
    bool io_failure = false;
};

struct StatsOptions {
    std::vector<std::filesystem::path> inputs;
    PageFilesOptions pages;
    // The export filters: only the issues export would take (date, title) are counted, and of
    // them only the records it would write (type, language); an issue of which no record is
    // taken is not counted. When nothing is taken, a warning (PB-EXPORT-NO-MATCH) is reported.
    ExportFilter filter;
    unsigned jobs = 0;                              // 0: one per core
    std::ostream* progress = nullptr;               // progress bar (a terminal)
    std::function<void(const Diagnostic&)> report;  // skipped inputs, as they happen
};

// Counts every input. Unreadable inputs are reported and counted in `skipped`. Throws Error
// (PB-USAGE) when the filter is unusable (ExportFilter::check), before anything is read.
CorpusStats collect_stats(const StatsOptions& options);

// A text table: title, year, issues, pages, articles, illustrations, characters, no headline;
// then the total and, when any, the skipped inputs.
std::string format_stats_table(const CorpusStats& stats);

// The same as one JSON object: {"rows":[{"title":..,"year":..,...}],"total":{...},"skipped":N}.
std::string format_stats_json(const CorpusStats& stats);

}  // namespace paperbag
