// Geometry of a PDF page: words -> printed lines -> regions (paragraphs, headlines, captions).
//
// Lines: words side by side on a common baseline with gaps smaller than a column gutter
// (GroupOptions::max_word_gap font sizes). Neighbouring CJK words of a line are joined into
// one word (poppler splits letter-spaced CJK text at every glyph; the page text has no spaces
// there). Regions: lines stacked under each other in one column, in one font size and weight,
// with the leading of the region; a region ends at a paragraph indent, after a short last
// line, at a change of font or at a larger gap. A stack of single CJK characters is a
// vertical (竖排) headline and becomes one vertical region. Vertical text (vertical writing
// mode, text rotated by 90 degrees) is grouped the same way with the axes turned.
//
// Printed rules (PageWords::rules) are walls: words on the two sides of an upright rule are not
// one line, lines on the two sides of a flat rule are not one region, so columns set closer
// than a space and items set off by a rule stay apart. A rule that touches the text beside it
// (text printed over a rule) separates nothing.
//
// Nothing here decides reading order or roles: that is layout::segment_layout()'s work.
#pragma once

#include <vector>

#include "layout/layout_page.hpp"
#include "pdf/pdf_words.hpp"

namespace paperbag::pdf {

struct GroupOptions {
    double max_word_gap = 0.9;      // font sizes: a wider gap is a gutter, not a space
    double max_loose_gap = 4;       // font sizes: ... unless neighbouring lines cover it
    double max_line_gap = 0.8;      // font sizes between the boxes of two lines of a region
    double max_size_change = 0.12;  // relative font size difference within a region
    double min_indent = 0.8;        // font sizes: a first-line indent starts a paragraph
};

// The regions of a page, ordered top to bottom, then left to right.
std::vector<layout::Region> group_words(const PageWords& page, const GroupOptions& options = {});

// True for code points of CJK scripts and CJK punctuation (ideographs, kana, hangul,
// fullwidth forms).
bool is_cjk(char32_t c) noexcept;

}  // namespace paperbag::pdf
