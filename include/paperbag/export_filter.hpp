// Which issues and records `export` and `stats` take (docs/export.md#filters): one filter,
// shared by both commands, so that `stats --from 2024` counts exactly what
// `export --from 2024` writes.
//
// Issue-level tests (date, title) are made as soon as an issue's metadata is known, before its
// texts are read; record-level tests (type, language) on each record.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

// A date bound as a user writes it: YYYY, YYYY-MM or YYYY-MM-DD. As a start (`end` false) it
// is the first day of that year or month, as an end the last day ("2024-02" ends on
// 2024-02-29). Nothing when `text` is none of these or not a real date.
std::optional<Date> parse_date_bound(std::string_view text, bool end);

struct ExportFilter {
    std::optional<Date> from;  // issue date >= from
    std::optional<Date> to;    // issue date <= to
    // Publication titles: an issue is taken when its title equals one of `titles` or contains
    // one of `title_contains`, compared without regard to case or width
    // (fold_for_matching); both empty: any title.
    std::vector<std::string> titles;
    std::vector<std::string> title_contains;
    std::string language;  // BCP 47 prefix of the record language ("zh" takes "zh-Hans")
    std::string type;      // "article" or "illustration"; empty: both

    // True when any test is set.
    bool active() const;
    // True when a record-level test (type, language) is set.
    bool filters_records() const;
    // Throws Error (PB-USAGE) for a reversed date range, an unknown type or a language that is
    // not a BCP 47 tag.
    void check() const;
    bool issue_wanted(const Issue& issue) const;
    bool record_wanted(std::string_view type, std::string_view language) const;
    // How many of the issue's records (articles, then illustrations) record_wanted takes, with
    // the languages the export records carry (an article's own, else the issue's).
    std::size_t wanted_articles(const Issue& issue) const;
    std::size_t wanted_illustrations(const Issue& issue) const;
    // The filters as options, for messages: "--from 2024-03-19 --title 'The Riverton Courier'".
    std::string describe() const;
    // The warning of a run whose filters took nothing from the `read` inputs it read
    // (PB-EXPORT-NO-MATCH; the exit code stays 0); `outcome`: "nothing exported".
    Diagnostic nothing_matched(std::size_t read, std::string_view outcome) const;
};

}  // namespace paperbag
