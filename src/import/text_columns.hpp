// Stage 1b of page-text import: layout-preserving text -> the text read column by column.
//
// Extractors that keep the page layout (`pdftotext -layout`) print neighbouring columns side
// by side on the same text line, padded with spaces. Such a page is recognised by its lines
// (many lines with a run of 3+ spaces between printed characters); it is then cut like a
// recursive XY-cut over the grid of characters (one code point = one cell, as pdftotext
// pads; two cells for a wide character when the gutters line up clearly better so): a
// region is cut at rows that are empty across it, then at gutters (runs of 2+ cells that are
// a space on every row of the region), and, where a few spanning lines (a headline over two
// columns) block an otherwise clear gutter, above and below those lines, else where the
// columns under spanning lines start. The leaves are written in cut order, one blank line
// between leaves; a column cut by an empty row goes on with its part below when its last
// line is full (no blank line: the paragraph continues), and so does the next column beside
// it when the paragraph at its foot runs on (text_column_flow). See docs/segmentation.md.
//
// The rewritten text keeps a map back to the original bytes: every byte of the input is in
// exactly one output character (gutter spaces go with the column on their left; a line break
// inserted between two columns of one printed line maps to no byte), so blocks still name
// their bytes in the page file (as several ranges) and their line numbers.
#pragma once

#include <cstddef>
#include <vector>

#include "import/text_decode.hpp"

namespace paperbag::text {

struct ColumnReading {
    bool applied = false;                  // the text was laid out in columns and rewritten
    DecodedText text;                      // the rewritten text (map: to the original bytes)
    std::vector<std::size_t> line_origin;  // output line (0-based) -> input line (1-based)
};

// True when the page looks laid out in columns side by side (see above).
bool looks_columnar(const DecodedText& decoded);

// Reads a columnar page column by column; `applied` is false (and nothing else is set) when
// the page does not look columnar.
ColumnReading read_columns(const DecodedText& decoded);

}  // namespace paperbag::text
