#include "import/text_column_interleave.hpp"

#include <vector>

namespace paperbag::text {

namespace {

// The row fits the part's columns: printed inside its extent and in none of its gutters.
bool fits(const InterleaveProbe& probe, std::size_t row, const PartGutters& g) {
    if (probe.inked(row, 0, g.left) || probe.inked(row, g.right, static_cast<std::size_t>(-1)))
        return false;
    for (const auto& [from, to] : g.runs)
        if (probe.inked(row, from, to)) return false;
    return true;
}

}  // namespace

void join_interleaved(std::vector<RowSpan>& parts, const InterleaveProbe& probe) {
    if (parts.size() < 2) return;
    // Bottom up. The gutters of the part below are computed once per chain: a joined row
    // leaves them as they were (it inks no gutter and stays inside the extent).
    std::vector<RowSpan> joined{parts.back()};
    PartGutters below;
    bool have_gutters = false;
    for (std::size_t k = parts.size() - 1; k-- > 0;) {
        const RowSpan& upper = parts[k];
        RowSpan& lower = joined.back();
        // The upper part's printed rows: one, or a run on every other row, the neighbour
        // printed on each row between.
        std::vector<std::size_t> rows;
        for (std::size_t r = upper.r0; r < upper.r1; ++r)
            if (probe.printed(r)) rows.push_back(r);
        std::size_t first = lower.r0;
        while (first < lower.r1 && !probe.printed(first)) ++first;
        rows.push_back(first);
        bool join = rows.size() >= 2;
        for (std::size_t i = 1; i < rows.size() && join; ++i)
            join = rows[i] == rows[i - 1] + 2 && probe.printed_beside(rows[i] - 1);
        rows.pop_back();
        if (join && !have_gutters) {
            below = probe.gutters(lower);
            have_gutters = true;
        }
        join = join && !below.runs.empty();
        for (std::size_t i = 0; i < rows.size() && join; ++i) join = fits(probe, rows[i], below);
        if (join) {
            lower.r0 = upper.r0;
            continue;
        }
        have_gutters = false;
        joined.push_back(upper);
    }
    parts.assign(joined.rbegin(), joined.rend());
}

}  // namespace paperbag::text
