// Stage 1b helper of page-text import: does a paragraph run on from the foot of one column
// read out of a layout grid (text_columns) to the top of the column beside it?
//
// A column's leaves are written one after the other, a blank line between them, and a blank
// line ends a paragraph for the segmenter. Where a paragraph runs on from the foot of a column
// to the top of the next one (the ordinary case in newspaper columns), the two leaves are
// joined instead: the left one's last line does not end a sentence and it is full (a wrapped
// line of justified text), or the right one's first line starts in lower case (the sentence
// goes on: "…who came from" / "the hotel, to take…"). See docs/segmentation.md.
#pragma once

#include <string_view>

namespace paperbag::text {

// `last_line`: the left leaf's last printed line (trimmed); `full`: it reaches its column's
// right edge; `next_first`: the right leaf's first printed line (trimmed).
bool paragraph_runs_on(std::string_view last_line, bool full, std::string_view next_first);

}  // namespace paperbag::text
