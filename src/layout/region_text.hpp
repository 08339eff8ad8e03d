// The text and the measures of a region, as the geometric segmenter sees them.
//
// Words of a line are joined with a space, except between two CJK characters; lines are
// repaired and re-joined with the page-text rules (text_repair.hpp: no space between CJK,
// hyphenation undone). A region's size is its font size when the input states fonts, else
// its median line height: both are compared only with other regions of the same page.
#pragma once

#include <string>
#include <vector>

#include "import/text_repair.hpp"
#include "layout/layout_page.hpp"

namespace paperbag::layout {

// The printed text of one line (words joined).
std::string line_text(const TextLine& line);

// The repaired lines of a region, without empty ones.
std::vector<std::string> region_lines(const Region& region, text::RepairMode mode);

struct RegionMeasure {
    double size = 0;  // font size (points) or line height (page unit); 0 if unknown
    bool from_fonts = false;
    double line_height = 0;  // median height of its line boxes, in the page's unit; 0 if unknown
    bool bold = false;       // most of its characters are set in a bold font
    std::size_t chars = 0;   // code points of its text
    std::size_t lines = 0;
};

RegionMeasure measure(const Region& region, const std::vector<TextStyle>& styles);

}  // namespace paperbag::layout
