// A CJK title printed with no blank line above its body (pdftotext's default mode, which
// writes no indents and joins a short item's headline to its first body line): whether the
// block's first line(s) are a title and the body starts under them.
//
// Evidence, on the lines under the title:
// - the first body line is set narrower than the column by a paragraph indent (1.5 to 3
//   cells) and the line after it is wider, or has clause punctuation;
// - or the first body line is letter-spaced (a justified first line, whose indent the
//   extractor turned into spaces), the title is clearly narrower than the column, and the
//   title names what the lines under it say (its n-grams, as item_title reads them).
#pragma once

#include <string_view>

namespace paperbag::text {

// A title line at least this much narrower (cells) than the column above a letter-spaced line.
inline constexpr double glued_title_narrower = 2.5;
// Share of the title's n-grams found in the lines under it (as item_title_after).
inline constexpr double glued_title_named = 0.4;

struct GluedLine {
    double width = 0;     // cells
    bool spaced = false;  // letter-spaced by justification (its width says nothing)
    bool clause = false;  // has clause or sentence punctuation
    bool present = true;  // false: no such line (the page or the block ends)
};

// `title`: the title's text (its lines joined) and `title_width` its widest line; `first` and
// `second`: the two lines under it (same block); `column`: the column's measure;
// `following`: the text of a few lines under the title.
bool body_glued_under_title(std::string_view title, double title_width, const GluedLine& first,
                            const GluedLine& second, double column, std::string_view following);

}  // namespace paperbag::text
