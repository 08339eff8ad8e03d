// Stage 3 of page-text import: lines -> paragraphs (the layout units of a page).
//
// A page text comes in one of two rhythms, measured per page: "double-spaced" (a blank line
// after every printed line, as PDF extractors write Chinese pages) or "single-spaced" (blank
// lines only between paragraphs or articles). In double-spaced text a paragraph ends where
// a line is short for its column, or ends a sentence and the next line is indented-narrow
// (the dropped two-character indent); lines printed with no blank line between them are a
// wrap only after a digit (a number split from its measure word) or inside a bracketed
// byline, otherwise they are a stack of separate items (intertitle lines, headline and
// subtitle, headline and caption). In single-spaced text blank lines and indented first
// lines separate paragraphs. The column width is estimated per stretch of the page between
// hard boundaries (datelines, bylines, continuation lines, signatures).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "import/patterns.hpp"
#include "import/text_lines.hpp"

namespace paperbag::text {

struct Paragraph {
    std::size_t first = 0;   // index of the first line in the line vector
    std::size_t last = 0;    // index of the last non-blank line
    std::size_t group = 0;   // blank-line-separated group (single-spaced text), else stretch
    bool stacked = false;    // a tight stack of title lines (joined without blank lines)
    double column = 0;       // estimated column width of its stretch, in CJK cells
    double width = 0;        // widest line
    bool furniture = false;  // a line of page furniture (running head, page label, ad label)
    bool separator = false;  // a rule between items ("o o")
    // One title whose second line is its first line's end, wrapped (not a stack).
    bool wrapped_title = false;
};

struct Layout {
    bool double_spaced = false;
    std::vector<Paragraph> paragraphs;  // in text order; blank lines belong to no paragraph
};

// `title`: the newspaper's title; a line that is only the title is furniture (masthead).
Layout find_paragraphs(const std::vector<Line>& lines, const PatternSet& patterns,
                       std::string_view title = {});

}  // namespace paperbag::text
