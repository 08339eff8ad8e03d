// Stage 3b of page-text import, text read column by column (text_columns): a one-column
// headline that wrapped onto a second line.
//
// pdftotext -layout keeps the centring of title lines: a headline too long for its column
// fills the column's first line, flush with its left edge, and its rest is centred on the
// line under it ("冠际颜秦煌合昆贸冠享唤催" / "   萨毕禹旁擂"). The indent makes the second line a
// paragraph of its own, so the two became two title units, read as kicker + headline. They are
// one title unit when the second line follows without a blank line, is indented and shorter,
// and either the first line is as wide as the column under it (the body's widest line, within
// a character and a half) or the break falls inside a word (title_wrap.hpp). A kicker or deck
// is set in its own line, centred and narrower than the column, and stays apart. See
// docs/segmentation.md ("Tenth round: -layout").
#pragma once

#include <string_view>
#include <vector>

#include "import/segment_classify.hpp"

namespace paperbag::text {

// Joins such title pairs in `pieces` (classified from `text`, before line numbers are mapped
// back to the page file).
void join_wrapped_column_titles(std::vector<Piece>& pieces, std::string_view text);

}  // namespace paperbag::text
