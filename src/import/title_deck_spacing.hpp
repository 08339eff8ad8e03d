// A deck set apart by blank lines (issue 10, ninth round). A kicker is printed tight above
// its headline in smaller type; a deck is set below the headline with space above and below
// it. An extractor that writes a blank line wherever the vertical gap between text blocks
// grows (`mutool draw -F txt`) therefore prints kicker and headline as one block
// (`在项东道深聚稳稀一保` / `贾克钱哲滥贴旁万久度哲`, no blank between them) but a headline and
// its deck as two blocks, each one line with a blank line before and after
// (`第十一闭博共袭外娜旁擂尾于` / blank / `发意破果存崔锐印降文青` / blank / body). Without this
// the two title paragraphs were linked as kicker + headline (segment_page.cpp: every title of
// a cluster before the last is a kicker).
//
// Only in text that is not double-spaced: there a blank line follows every line and says
// nothing about the gap.
#pragma once

#include <vector>

#include "import/segment_classify.hpp"
#include "import/text_lines.hpp"

namespace paperbag::text {

// Marks as subtitle each one-line CJK title piece that is not part of a tight stack, follows
// a title piece (or tight stack) with no title above it after exactly one blank line, and is
// followed, after a blank line, by a body, dateline or byline piece. `lines`: the page's lines
// (Piece::first_line indexes them, 1-based).
void mark_spaced_decks(std::vector<Piece>& pieces, const std::vector<Line>& lines,
                       bool double_spaced);

}  // namespace paperbag::text
