// Articles that run on over a page break without a marker, on pages with geometry.
//
// Older papers print no "continued on" line: an item stops at the foot of the last column
// and its sentence goes on at the head of the next page, or of the same band of the next
// page (the feuilleton "under the rule" continues under the rule). Such a run-on part comes
// out of segment_layout() as a headless article that opens its band; it is joined to the
// article that closes the matching band of the page before when its text starts in the
// middle of a sentence (a lowercase letter first) and that article stops in the middle of one.
//
// The bands of a page are the runs of blocks between gaps that cross the whole page; bands of
// two pages match by their place on the page (the share of the page height they overlap).
#pragma once

#include <vector>

#include "import/segment_page.hpp"
#include "paperbag/model.hpp"

namespace paperbag::layout {

// `articles` in page order with `jumps` parallel to it, their blocks already in `pages`.
// Joined parts are removed from both vectors. Pages without block boxes are left alone.
// Before joining, section labels over an item's own heading are set apart across pages
// (section_heads.hpp), which may change the kinds of title blocks in `pages`.
void join_run_ons(std::vector<Article>& articles, std::vector<text::Jump>& jumps,
                  std::vector<Page>& pages);

// The first letter of `text` (after quotes, dashes and other punctuation) is lowercase:
// the text goes on with a sentence begun elsewhere.
bool starts_mid_sentence(std::string_view text);

// `text` stops in the middle of a sentence: it ends with a letter, a digit, a comma or a
// hyphen (a word broken at the foot of the column), not with a full stop, quote or bracket.
bool ends_mid_sentence(std::string_view text);

}  // namespace paperbag::layout
