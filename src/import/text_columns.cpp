#include "import/text_columns.hpp"

#include <algorithm>
#include <limits>

#include "import/text_column_flow.hpp"
#include "import/text_column_interleave.hpp"
#include "import/text_lines.hpp"
#include "import/text_repair.hpp"

namespace paperbag::text {

namespace {

constexpr std::size_t open_end = std::numeric_limits<std::size_t>::max();
constexpr std::size_t min_gutter = 2;     // cells of space that separate two columns
constexpr std::size_t min_gap_cells = 3;  // a run of spaces inside a line that may be a gutter
constexpr std::size_t max_depth = 48;     // recursion guard of the cut

// One input line as a row of cells (one code point each).
struct Row {
    std::size_t begin = 0;        // decoded offsets
    std::size_t content_end = 0;  // without the terminator
    std::size_t end = 0;          // with the terminator
    std::size_t number = 0;       // 1-based
    std::vector<std::size_t> at;  // byte offset of each cell from `begin`; one past the last
    std::vector<bool> ink;        // cell holds a printed character

    std::size_t cells() const { return ink.size(); }
    bool inked(std::size_t x) const { return x < ink.size() && ink[x]; }
    bool inked(std::size_t x0, std::size_t x1) const {
        for (std::size_t x = x0; x < std::min(x1, ink.size()); ++x)
            if (ink[x]) return true;
        return false;
    }
    // Decoded offset of cell x (the end of the content past the last cell).
    std::size_t offset(std::size_t x) const {
        return x == open_end ? end : begin + at[std::min(x, at.size() - 1)];
    }
};

// How an extractor counts the columns of its grid: pdftotext -layout gives every character
// one cell, wide or not; tools that pad for a terminal give a wide (CJK) character two.
enum class Cells { code_points, display };

char32_t decode_at(std::string_view s, std::size_t i, std::size_t len) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    if (len == 1 || i + len > s.size()) return byte(0);
    char32_t c = byte(0) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k) c = (c << 6) | (byte(k) & 0x3F);
    return c;
}

std::vector<Row> rows_of(const std::string& text, Cells cells) {
    std::vector<Row> rows;
    for (const Line& line : split_lines(text)) {
        Row row;
        row.begin = line.begin;
        row.content_end = line.content_end;
        row.end = line.end;
        row.number = line.number;
        const std::string_view s = line.content;
        std::size_t i = 0;
        while (i < s.size()) {
            const auto lead = static_cast<unsigned char>(s[i]);
            const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            const bool space = s[i] == ' ' || s[i] == '\t' || s.substr(i, 3) == "\xE3\x80\x80";
            // The second cell of a wide character maps to the character's first byte, so a
            // cut there keeps the character whole, on its right.
            const std::size_t n =
                cells == Cells::display && lead >= 0xE0 && is_wide(decode_at(s, i, len)) ? 2 : 1;
            for (std::size_t k = 0; k < n; ++k) {
                row.at.push_back(i);
                row.ink.push_back(!space);
            }
            i += len;
        }
        row.at.push_back(s.size());
        rows.push_back(std::move(row));
    }
    return rows;
}

// Share of the starts of printed runs after 2+ spaces that fall on a cell where at least
// two other rows start one too: columns line up in the extractor's own cell count.
double alignment(const std::vector<Row>& rows) {
    std::vector<std::size_t> starts;
    std::size_t total = 0;
    for (const Row& row : rows) {
        std::size_t run = 0;
        bool seen_ink = false;
        for (std::size_t x = 0; x < row.cells(); ++x) {
            if (!row.ink[x]) {
                ++run;
                continue;
            }
            if (seen_ink && run >= min_gutter) {
                if (starts.size() <= x) starts.resize(x + 1, 0);
                ++starts[x];
                ++total;
            }
            seen_ink = true;
            run = 0;
        }
    }
    std::size_t aligned = 0;
    for (std::size_t n : starts)
        if (n >= 3) aligned += n;
    return total == 0 ? 0.0 : static_cast<double>(aligned) / static_cast<double>(total);
}

// The grid of the page in the cell count its columns line up in: code points unless the
// page has wide characters and its gutters line up clearly better in display cells.
std::vector<Row> grid_of(const std::string& text) {
    constexpr double clearly_better = 0.1;
    std::vector<Row> rows = rows_of(text, Cells::code_points);
    const bool any_wide = std::any_of(text.begin(), text.end(),
                                      [](char c) { return static_cast<unsigned char>(c) >= 0xE0; });
    if (!any_wide) return rows;
    std::vector<Row> display = rows_of(text, Cells::display);
    if (alignment(display) > alignment(rows) + clearly_better) return display;
    return rows;
}

// A line with a run of 3+ spaces between printed characters, or placed in a column far
// right of the page's left edge (a run of 16+ spaces before it: more than any paragraph
// indent or centred title in plain text; a column printed with nothing beside it on its
// rows, which only an extractor that keeps the layout pads so).
bool has_inner_gap(const Row& row) {
    constexpr std::size_t far_right = 16;
    std::size_t run = 0;
    bool seen_ink = false;
    for (std::size_t x = 0; x < row.cells(); ++x) {
        if (row.ink[x]) {
            if (seen_ink ? run >= min_gap_cells : run >= far_right) return true;
            seen_ink = true;
            run = 0;
        } else {
            ++run;
        }
    }
    return false;
}

bool columnar(const std::vector<Row>& rows) {
    std::size_t printed = 0;
    std::size_t gapped = 0;
    for (const Row& row : rows) {
        if (!row.inked(0, open_end)) continue;
        ++printed;
        gapped += has_inner_gap(row);
    }
    return gapped >= 8 && gapped * 4 >= printed;
}

struct Region {
    std::size_t r0 = 0;  // rows [r0, r1)
    std::size_t r1 = 0;
    std::size_t x0 = 0;  // cells [x0, x1)
    std::size_t x1 = open_end;
};

class Cutter {
public:
    explicit Cutter(const std::vector<Row>& rows) : rows_(rows) {}

    void cut(const Region& g, std::size_t depth) {
        std::vector<std::size_t> printed;
        for (std::size_t r = g.r0; r < g.r1; ++r)
            if (rows_[r].inked(g.x0, g.x1)) printed.push_back(r);
        if (printed.empty() || depth >= max_depth) {
            leaves.push_back(g);
            return;
        }
        // Rows empty across the region, where a part below or above has columns.
        auto parts = horizontal_parts(g, printed);
        if (parts.size() > 1) {
            bool any_columns = false;
            for (const Region& part : parts) any_columns = any_columns || columns_of(part) > 0;
            if (any_columns) {
                take_lines_above(parts);
                join_interleaved_rows(g, parts);
            }
            if (any_columns && parts.size() > 1) {
                for (const Region& part : parts) cut(part, depth + 1);
                return;
            }
        }
        const auto starts = gutters(g, printed, 0);
        if (!starts.empty()) {
            if (const std::size_t r = lone_top_row(g, printed, starts); r != open_end) {
                cut({g.r0, r + 1, g.x0, g.x1}, depth + 1);
                cut({r + 1, g.r1, g.x0, g.x1}, depth + 1);
                return;
            }
            split_columns(g, starts, depth);
            return;
        }
        // A clear gutter blocked by a few spanning lines: cut above and below them.
        const std::size_t allowed = std::max<std::size_t>(1, printed.size() / 10);
        const auto tolerant = gutters(g, printed, allowed);
        if (!tolerant.empty() && printed.size() >= 4) {
            std::vector<bool> blocking(rows_.size(), false);
            for (std::size_t r : printed)
                for (const auto& [from, to] : tolerant_runs_)
                    if (crosses(rows_[r], from, to)) blocking[r] = true;
            std::vector<Region> pieces;
            std::size_t start = g.r0;
            for (std::size_t r = g.r0; r < g.r1; ++r) {
                if (!blocking[r]) continue;
                if (r > start) pieces.push_back({start, r, g.x0, g.x1});
                pieces.push_back({r, r + 1, g.x0, g.x1});
                start = r + 1;
            }
            if (start < g.r1) pieces.push_back({start, g.r1, g.x0, g.x1});
            if (pieces.size() > 1) {
                for (const Region& part : pieces) cut(part, depth + 1);
                return;
            }
        }
        // Columns under lines that span them, no empty row between (a caption or a
        // headline and deck over the columns of its article): cut where the columns start.
        if (const std::size_t r = columns_start(g, printed); r != open_end) {
            cut({g.r0, r, g.x0, g.x1}, depth + 1);
            cut({r, g.r1, g.x0, g.x1}, depth + 1);
            return;
        }
        leaves.push_back(g);
    }

    std::vector<Region> leaves;

private:
    // Starts of the columns right of each gutter: runs of min_gutter+ cells, inside the
    // printed extent of the region, printed on at most `allowed` of its rows.
    std::vector<std::size_t> gutters(const Region& g, const std::vector<std::size_t>& printed,
                                     std::size_t allowed) {
        tolerant_runs_.clear();
        std::size_t left = open_end;
        std::size_t right = 0;
        for (std::size_t r : printed) {
            const Row& row = rows_[r];
            for (std::size_t x = g.x0; x < std::min(g.x1, row.cells()); ++x) {
                if (!row.ink[x]) continue;
                left = std::min(left, x);
                right = std::max(right, x + 1);
            }
        }
        if (left >= right) return {};
        std::vector<std::size_t> count(right - left, 0);
        for (std::size_t r : printed) {
            const Row& row = rows_[r];
            for (std::size_t x = left; x < std::min(right, row.cells()); ++x)
                count[x - left] += row.ink[x];
        }
        // A single printed row has no columns, only words: ask for a wide gutter.
        const std::size_t width = printed.size() < 3 ? min_gutter + 2 : min_gutter;
        std::vector<std::size_t> starts;
        std::size_t run = 0;
        for (std::size_t x = left; x < right; ++x) {
            if (count[x - left] <= allowed) {
                ++run;
                continue;
            }
            if (run >= width) {
                starts.push_back(x);
                tolerant_runs_.emplace_back(x - run, x);
            }
            run = 0;
        }
        return starts;
    }

    // A row crosses a gutter [from, to) that a few rows block when it is printed across the
    // cut at `to`: a line of the left column that reaches into the gutter but leaves
    // min_gutter cells free before the next column (pdftotext places every line by its own x,
    // so the edges of a column drift by a cell or two) is cut there like any other row.
    static bool crosses(const Row& row, std::size_t from, std::size_t to) {
        if (!row.inked(from, to)) return false;
        return row.inked(to - std::min(to - from, min_gutter), to);
    }

    // A title line on the first row of a band, printed in one column only and narrower
    // than that column, over body lines printed in several columns: it sits above the
    // columns (a headline whose row the extractor took into the band), so it is read before
    // them, not as the top of the one column it happens to be over.
    std::size_t lone_top_row(const Region& g, const std::vector<std::size_t>& printed,
                             const std::vector<std::size_t>& starts) const {
        if (printed.size() < 3) return open_end;
        std::vector<std::size_t> edges{g.x0};
        edges.insert(edges.end(), starts.begin(), starts.end());
        edges.push_back(g.x1);
        const auto inked_columns = [&](std::size_t r, std::size_t& which) {
            std::size_t n = 0;
            for (std::size_t c = 0; c + 1 < edges.size(); ++c)
                if (rows_[r].inked(edges[c], edges[c + 1])) {
                    ++n;
                    which = c;
                }
            return n;
        };
        std::size_t column = 0;
        std::size_t unused = 0;
        const std::size_t top = printed[0];
        if (inked_columns(top, column) != 1 || inked_columns(printed[1], unused) < 2)
            return open_end;
        // The top row's width in its column against the column's widest row.
        const auto width = [&](std::size_t r) {
            std::size_t lo = open_end;
            std::size_t hi = 0;
            for (std::size_t x = edges[column]; x < std::min(edges[column + 1], rows_[r].cells());
                 ++x)
                if (rows_[r].ink[x]) {
                    lo = std::min(lo, x);
                    hi = x + 1;
                }
            return lo == open_end ? std::size_t{0} : hi - lo;
        };
        std::size_t widest = 0;
        for (std::size_t r : printed) widest = std::max(widest, width(r));
        return width(top) + 2 < widest ? top : open_end;
    }

    // The first row of the tallest run of 3+ printed rows at the bottom of the region that
    // has a gutter (open_end when there is none, or it is the whole region). Rows are added
    // from the bottom up, so the search is one pass over the cells.
    std::size_t columns_start(const Region& g, const std::vector<std::size_t>& printed) const {
        constexpr std::size_t min_rows = 3;
        if (printed.size() <= min_rows) return open_end;
        std::size_t width = 0;
        for (std::size_t r : printed) width = std::max(width, std::min(g.x1, rows_[r].cells()));
        if (width <= g.x0) return open_end;
        std::vector<std::size_t> count(width - g.x0, 0);
        std::size_t left = open_end;
        std::size_t right = 0;
        std::size_t best = open_end;
        for (std::size_t k = printed.size(); k-- > 1;) {
            const Row& row = rows_[printed[k]];
            for (std::size_t x = g.x0; x < std::min(width, row.cells()); ++x) {
                if (!row.ink[x]) continue;
                ++count[x - g.x0];
                left = std::min(left, x);
                right = std::max(right, x + 1);
            }
            if (printed.size() - k < min_rows) continue;
            std::size_t run = 0;
            for (std::size_t x = left; x < right; ++x) {
                if (count[x - g.x0] == 0) {
                    ++run;
                    continue;
                }
                if (run >= min_gutter) {
                    best = printed[k];
                    break;
                }
                run = 0;
            }
        }
        return best;
    }

    std::size_t columns_of(const Region& g) {
        std::vector<std::size_t> printed;
        for (std::size_t r = g.r0; r < g.r1; ++r)
            if (rows_[r].inked(g.x0, g.x1)) printed.push_back(r);
        return gutters(g, printed, 0).size();
    }

    // The last lines of a part without columns that keep the gutters of the part with
    // columns below it belong to those columns (a dateline's first line printed on the row
    // of a deck's last line, an empty row of the neighbouring box between): they move down.
    void take_lines_above(std::vector<Region>& parts) {
        for (std::size_t k = 1; k < parts.size(); ++k) {
            Region& above = parts[k - 1];
            Region& below = parts[k];
            const std::size_t n = columns_of(below);
            if (n == 0 || columns_of(above) > 0) continue;
            while (above.r1 > above.r0 + 1) {
                std::size_t r = above.r1 - 1;
                while (r > above.r0 && !rows_[r].inked(above.x0, above.x1)) --r;
                if (r == above.r0) break;  // keep at least the part's first printed row
                if (columns_of({r, below.r1, below.x0, below.x1}) != n) break;
                below.r0 = r;
                above.r1 = r;
            }
        }
    }

    // Lone rows of a run that alternates with the rows beside the region go with the
    // columns below them (text_column_interleave).
    void join_interleaved_rows(const Region& g, std::vector<Region>& parts) {
        if (parts.size() < 2) return;
        std::vector<RowSpan> spans;
        spans.reserve(parts.size());
        for (const Region& part : parts) spans.push_back({part.r0, part.r1});
        const auto inked = [&](std::size_t r, std::size_t from, std::size_t to) {
            return rows_[r].inked(std::max(from, g.x0), std::min(to, g.x1));
        };
        InterleaveProbe probe;
        probe.printed = [&](std::size_t r) { return rows_[r].inked(g.x0, g.x1); };
        probe.printed_beside = [&](std::size_t r) {
            return rows_[r].inked(0, g.x0) || rows_[r].inked(g.x1, open_end);
        };
        probe.inked = inked;
        probe.gutters = [&](RowSpan span) {
            const Region part{span.r0, span.r1, g.x0, g.x1};
            std::vector<std::size_t> printed;
            PartGutters out{open_end, 0, {}};
            for (std::size_t r = part.r0; r < part.r1; ++r) {
                const Row& row = rows_[r];
                if (!row.inked(g.x0, g.x1)) continue;
                printed.push_back(r);
                for (std::size_t x = g.x0; x < std::min(g.x1, row.cells()); ++x)
                    if (row.ink[x]) {
                        out.left = std::min(out.left, x);
                        out.right = std::max(out.right, x + 1);
                    }
            }
            if (!gutters(part, printed, 0).empty()) out.runs = tolerant_runs_;
            return out;
        };
        join_interleaved(spans, probe);
        if (spans.size() == parts.size()) return;
        parts.clear();
        for (const RowSpan& span : spans) parts.push_back({span.r0, span.r1, g.x0, g.x1});
    }

    void split_columns(const Region& g, const std::vector<std::size_t>& starts, std::size_t depth) {
        std::size_t from = g.x0;
        for (std::size_t s : starts) {
            cut({g.r0, g.r1, from, s}, depth + 1);
            from = s;
        }
        cut({g.r0, g.r1, from, g.x1}, depth + 1);
    }

    // The region cut at its empty rows. A column whose lines fall on every other row (its
    // baselines between those of a neighbouring column: pdftotext gives each baseline a row)
    // has an empty row between all its lines: only a gap wider than the region's usual line
    // pitch (the median step between printed rows) is a break.
    std::vector<Region> horizontal_parts(const Region& g, const std::vector<std::size_t>& printed) {
        const std::size_t pitch = line_pitch(printed);
        std::vector<Region> parts;
        std::size_t start = g.r0;
        for (std::size_t k = 1; k < printed.size(); ++k) {
            if (printed[k] - printed[k - 1] <= pitch) continue;
            parts.push_back({start, printed[k - 1] + 1, g.x0, g.x1});
            start = printed[k - 1] + 1;
        }
        parts.push_back({start, g.r1, g.x0, g.x1});
        return parts;
    }

    // The median step between consecutive printed rows (1 when lines follow each other).
    static std::size_t line_pitch(const std::vector<std::size_t>& printed) {
        if (printed.size() < 3) return 1;
        std::vector<std::size_t> steps;
        steps.reserve(printed.size() - 1);
        for (std::size_t k = 1; k < printed.size(); ++k)
            steps.push_back(printed[k] - printed[k - 1]);
        const auto mid = steps.begin() + static_cast<std::ptrdiff_t>(steps.size() / 2);
        std::nth_element(steps.begin(), mid, steps.end());
        return *mid;
    }

    const std::vector<Row>& rows_;
    std::vector<std::pair<std::size_t, std::size_t>> tolerant_runs_;
};

// Output under construction: characters with the decoded bytes they stand for, and the
// input line each output line comes from.
class Writer {
public:
    explicit Writer(const DecodedText& in) : in_(in) {}

    // Copies decoded bytes [from, to).
    void copy(std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to;) {
            const auto lead = static_cast<unsigned char>(in_.text[i]);
            const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            put(std::string_view(in_.text).substr(i, len), i, i + len);
            i += len;
        }
    }
    // Writes decoded bytes [from, to) (white space) as spaces.
    void spaces(std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) put(" ", i, i + 1);
    }
    // Writes `s` standing for decoded bytes [from, to); an inserted line break stands for none.
    void put(std::string_view s, std::size_t from, std::size_t to) {
        if (out_.text.empty() || out_.text.back() == '\n') origin.push_back(row_);
        const std::uint64_t a = in_.map.original(from);
        const std::uint64_t b = to > from ? in_.map.original(to) : a;
        out_.text += s;
        out_.map.add(a, static_cast<unsigned>(s.size()), static_cast<unsigned>(b - a));
    }
    void set_row(std::size_t number) { row_ = number; }
    bool empty() const { return out_.text.empty(); }

    DecodedText finish(std::uint64_t original_size) {
        out_.encoding = in_.encoding;
        out_.map.finish(out_.text.size(), original_size);
        return std::move(out_);
    }

    std::vector<std::size_t> origin;

private:
    const DecodedText& in_;
    DecodedText out_;
    std::size_t row_ = 1;
};

// White space of a row that holds nothing of its column, written later as spaces.
struct Stretch {
    std::size_t from = 0;
    std::size_t to = 0;
};

// A leaf's printed extent: first and last printed rows, leftmost and rightmost inked cell.
struct Extent {
    std::size_t first = open_end;
    std::size_t last = 0;
    std::size_t left = open_end;
    std::size_t right = 0;        // one past
    std::size_t last_right = 0;   // one past the last row's last inked cell
    std::size_t first_left = 0;   // the first row's first inked cell
    std::size_t lines = 0;        // printed rows
    std::size_t full_lines = 0;   // printed rows that reach near the right edge (wrapped lines)
    std::size_t flush_lines = 0;  // printed rows that start at the left edge
    bool empty() const { return first == open_end; }
};

Extent extent_of(const std::vector<Row>& rows, const Region& g) {
    Extent e;
    std::vector<std::size_t> rights;
    std::vector<std::size_t> lefts;
    for (std::size_t r = g.r0; r < g.r1; ++r) {
        const Row& row = rows[r];
        std::size_t lo = open_end;
        std::size_t hi = 0;
        for (std::size_t x = g.x0; x < std::min(g.x1, row.cells()); ++x)
            if (row.ink[x]) {
                lo = std::min(lo, x);
                hi = x + 1;
            }
        if (lo == open_end) continue;
        if (e.empty()) e.first_left = lo;
        e.first = std::min(e.first, r);
        e.last = r;
        e.left = std::min(e.left, lo);
        e.right = std::max(e.right, hi);
        e.last_right = hi;
        ++e.lines;
        rights.push_back(hi);
        lefts.push_back(lo);
    }
    constexpr std::size_t ragged = 3;  // a wrapped line of ragged-right text ends this near
    for (std::size_t hi : rights) e.full_lines += hi + ragged >= e.right;
    for (std::size_t lo : lefts) e.flush_lines += lo == e.left;
    return e;
}

// The leaf that continues `a` down its column: the extractor cuts a column at an empty row
// where a line of a neighbouring column is taller (a vertical headline, a big title), and
// the cut reads the stripes across before going down. A leaf continues when its column's
// last line is full (a wrapped line, its paragraph goes on) and the next leaf starts at most
// 2 rows below, at the same margin, with the same measure, and nothing printed in between.
std::size_t continuation_of(const std::vector<Row>& rows, const std::vector<Extent>& ext,
                            const std::vector<bool>& done, std::size_t a) {
    constexpr std::size_t max_gap_rows = 2;
    const Extent& e = ext[a];
    if (e.empty() || e.first == e.last || e.last_right + 1 < e.right) return open_end;
    for (std::size_t b = 0; b < ext.size(); ++b) {
        const Extent& f = ext[b];
        if (b == a || done[b] || f.empty() || f.first <= e.last) continue;
        if (f.first - e.last - 1 > max_gap_rows) continue;
        const std::size_t margin_diff = f.left > e.left ? f.left - e.left : e.left - f.left;
        const std::size_t right_diff = f.right > e.right ? f.right - e.right : e.right - f.right;
        if (margin_diff > 1 || right_diff > 2) continue;
        bool clear = true;
        for (std::size_t r = e.last + 1; r < f.first && clear; ++r)
            clear = !rows[r].inked(e.left, e.right);
        if (clear) return b;
    }
    return open_end;
}

// The printed text of row r within cells [x0, x1), trimmed.
std::string_view row_text(std::string_view text, const Row& row, std::size_t x0, std::size_t x1) {
    std::size_t lo = open_end;
    std::size_t hi = 0;
    for (std::size_t x = x0; x < std::min(x1, row.cells()); ++x)
        if (row.ink[x]) {
            lo = std::min(lo, x);
            hi = x + 1;
        }
    if (lo == open_end) return {};
    return text.substr(row.offset(lo), row.offset(hi) - row.offset(lo));
}

// Leaf b, beside leaf a on its right, takes up the paragraph that a's column ends with
// (text_column_flow): no blank line between them.
bool runs_on(std::string_view text, const std::vector<Row>& rows, const std::vector<Region>& leaves,
             const std::vector<Extent>& ext, std::size_t a, std::size_t b) {
    const Extent& e = ext[a];
    const Extent& f = ext[b];
    // Running text on both sides: a column of 5+ lines, most of them wrapped (near its right
    // edge), and a right leaf of 2+ lines of about the same measure (the next column of the
    // same text: not a vertical title, not a box of centred lines or an advertisement) that
    // starts at its own margin.
    constexpr std::size_t min_lines = 5;
    if (e.empty() || f.empty() || f.left < e.right || f.first > e.last || e.lines < min_lines ||
        f.lines < 2 || f.first_left > f.left + 1)
        return false;
    // Justified text: most lines wrapped near the edge; ragged text: most lines flush left.
    if (e.full_lines * 2 < e.lines && e.flush_lines * 3 < e.lines * 2) return false;
    const std::size_t measure = e.right - e.left;
    const std::size_t next_measure = f.right - f.left;
    if (next_measure * 4 < measure * 3 || measure * 4 < next_measure * 3) return false;
    const bool full = e.last_right + 1 >= e.right;
    return paragraph_runs_on(row_text(text, rows[e.last], leaves[a].x0, leaves[a].x1), full,
                             row_text(text, rows[f.first], leaves[b].x0, leaves[b].x1));
}

// The leaves in reading order: the cut's order, each leaf followed by the leaves that
// continue its column. `joined[k]` is true when leaf k goes on from the one before it.
std::vector<std::pair<Region, bool>> reading_order(std::string_view text,
                                                   const std::vector<Row>& rows,
                                                   const std::vector<Region>& leaves) {
    std::vector<Extent> ext;
    ext.reserve(leaves.size());
    for (const Region& leaf : leaves) ext.push_back(extent_of(rows, leaf));
    std::vector<bool> done(leaves.size(), false);
    std::vector<std::pair<Region, bool>> order;
    std::size_t last = open_end;  // the leaf written last
    for (std::size_t k = 0; k < leaves.size(); ++k) {
        if (done[k]) continue;
        done[k] = true;
        order.emplace_back(leaves[k],
                           last != open_end && runs_on(text, rows, leaves, ext, last, k));
        last = k;
        for (std::size_t at = k;;) {
            const std::size_t next = continuation_of(rows, ext, done, at);
            if (next == open_end) break;
            done[next] = true;
            order.emplace_back(leaves[next], true);
            at = last = next;
        }
    }
    return order;
}

}  // namespace

bool looks_columnar(const DecodedText& decoded) {
    return columnar(rows_of(decoded.text, Cells::code_points));
}

ColumnReading read_columns(const DecodedText& decoded) {
    ColumnReading out;
    // Most pages have no run of 3 spaces at all: no grid to build.
    if (decoded.text.find("   ") == std::string::npos) return out;
    const std::vector<Row> rows = grid_of(decoded.text);
    if (rows.empty() || !columnar(rows)) return out;
    Cutter cutter(rows);
    cutter.cut({0, rows.size(), 0, open_end}, 0);

    const std::uint64_t original_size = decoded.map.original(decoded.text.size());
    Writer w(decoded);
    std::vector<Stretch> pending;
    const auto flush = [&] {
        for (const Stretch& st : pending) w.spaces(st.from, st.to);
        pending.clear();
    };
    for (const auto& [leaf, joined] : reading_order(decoded.text, rows, cutter.leaves)) {
        // The leaf's own left margin: its lines are written from there, so an indent is an
        // indent within the column; the margin's spaces follow the line's text.
        std::size_t margin = open_end;
        for (std::size_t r = leaf.r0; r < leaf.r1; ++r) {
            const Row& row = rows[r];
            for (std::size_t x = leaf.x0; x < std::min(leaf.x1, row.cells()); ++x)
                if (row.ink[x]) {
                    margin = std::min(margin, x);
                    break;
                }
        }
        if (margin == open_end) margin = leaf.x0;
        bool first = true;
        for (std::size_t r = leaf.r0; r < leaf.r1; ++r) {
            const Row& row = rows[r];
            const std::size_t from = row.offset(leaf.x0);
            const std::size_t stop = leaf.x1 == open_end ? row.content_end : row.offset(leaf.x1);
            const bool terminator = leaf.x1 == open_end && row.end > row.content_end;
            if (!row.inked(leaf.x0, leaf.x1)) {
                // Nothing of this column on the line: no blank line inside the column.
                pending.push_back({from, stop});
                if (terminator) pending.push_back({row.content_end, row.end});
                continue;
            }
            w.set_row(row.number);
            // A blank line between leaves, none where a leaf goes on down its column.
            if (first && !joined && !w.empty()) w.put("\n", from, from);
            first = false;
            const std::size_t text_from = std::max(from, row.offset(margin));
            w.copy(text_from, stop);
            w.spaces(from, text_from);
            flush();
            if (terminator)
                w.put("\n", row.content_end, row.end);
            else
                w.put("\n", stop, stop);
        }
    }
    flush();
    out.line_origin = std::move(w.origin);
    out.text = w.finish(original_size);
    out.applied = true;
    return out;
}

}  // namespace paperbag::text
