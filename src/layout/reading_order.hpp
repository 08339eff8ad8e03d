// Reading order of the regions of a page from their boxes alone: recursive XY-cut.
//
// The set of boxes is cut at the widest gap that no box straddles, horizontally (a band
// across the whole set: a headline spanning columns above them, a rule between stories) or
// vertically (a gutter between columns); each side is ordered the same way, top before
// bottom and left before right. A set that cannot be cut is ordered top to bottom, then
// left to right. Horizontal cuts win ties, so that a headline printed across several
// columns is read before the columns under it. O(n^2 log n) in the worst case; pages have
// hundreds of regions, not millions, and importers cap them.
#pragma once

#include <cstddef>
#include <vector>

#include "paperbag/model.hpp"

namespace paperbag::layout {

// Indexes of `boxes` in reading order. `right_to_left`: columns are read right to left
// (vertical CJK pages).
// `min_band`: a band across columns narrower than this (the page's line height: paragraph
// breaks of several columns that happen to line up) does not win over a gutter; 0: any band.
std::vector<std::size_t> xy_cut_order(const std::vector<Box>& boxes, bool right_to_left = false,
                                      double min_band = 0);

}  // namespace paperbag::layout
