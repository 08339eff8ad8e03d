// Linking continuations across the pages of one issue: an article that ends with
// "（下转2版）" / "See BUDGET, Page A2" and one that starts with "（上接1版）" /
// "BUDGET, from Page A1" become one article spanning both pages.
//
// For every pair of pages, the jumps out of page A to page B are matched to the jumps into
// page B from page A as an assignment (headline_link.hpp): same jump keyword scores 2, plus
// the share of n-grams of the second part's headline and first paragraphs found in the
// first part. Unmatched jumps stay separate articles with a warning.
#pragma once

#include <string>
#include <vector>

#include "import/segment_page.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag::text {

// `articles` in page order; `jumps` parallel to it. Merged parts are removed.
// Jumps to pages that are not in `labels` (not imported) are left alone, without a warning.
// An unmatched jump gets PB-SEG-JUMP-UNMATCHED naming the file and the line of its marker
// ("page-01.txt:162: continued on page 2, but no continuation was found there"), both in
// the article's warnings and in `diagnostics`.
void link_continuations(std::vector<Article>& articles, std::vector<Jump>& jumps,
                        const std::vector<std::string>& labels, Diagnostics& diagnostics);

}  // namespace paperbag::text
