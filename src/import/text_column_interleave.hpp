// Stage 1b helper of page-text import: rows of a column that alternate with the rows of the
// column beside it (text_columns).
//
// pdftotext -layout gives every baseline its own text row. Where two neighbouring regions of
// a page are set with different leading (a headline and the columns under it beside another
// article), the rows of one region fall between those of the other: inside the region, every
// other row is empty, and on that empty row the neighbour is printed. Where such a run meets
// ordinary rows (its column goes on with the neighbour's lines on the same rows), the region's
// usual line pitch is 1 and each lone row of the run became a band of its own, read across
// its columns (the left and right columns of one article alternating line by line). A part
// whose printed rows are such a run (one row, or rows two apart with the neighbour printed on
// each row between) is joined to the part below it when the one row between them is empty
// inside the region but printed beside it (the neighbour's baseline), and each of its rows
// keeps the gutters of the part below (it fits in that part's columns). See docs/segmentation.md.
#pragma once

#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

namespace paperbag::text {

// Rows [r0, r1) of a region; the last row is printed (as horizontal parts are cut).
struct RowSpan {
    std::size_t r0 = 0;
    std::size_t r1 = 0;
};

// The gutters of a part: its printed extent [left, right) and its clear runs [from, to).
struct PartGutters {
    std::size_t left = 0;
    std::size_t right = 0;
    std::vector<std::pair<std::size_t, std::size_t>> runs;
};

// What the join needs to know of the grid, inside the region's cells and beside them.
struct InterleaveProbe {
    std::function<bool(std::size_t row)> printed;         // ink inside the region
    std::function<bool(std::size_t row)> printed_beside;  // ink left or right of the region
    std::function<bool(std::size_t row, std::size_t from, std::size_t to)> inked;  // cells
    std::function<PartGutters(RowSpan)> gutters;
};

// Joins lone rows of an alternating run to the part below them (bottom up; see above).
void join_interleaved(std::vector<RowSpan>& parts, const InterleaveProbe& probe);

}  // namespace paperbag::text
