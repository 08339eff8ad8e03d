#include "layout/reading_order.hpp"

#include <algorithm>
#include <functional>

namespace paperbag::layout {

namespace {

struct Cut {
    bool found = false;
    double gap = 0;
    double at = 0;  // the cut's coordinate: everything before it goes first
};

// The widest gap along one axis that no box straddles. `lo`/`hi` give a box's extent on
// that axis.
Cut widest_gap(const std::vector<Box>& boxes, const std::vector<std::size_t>& ids,
               const std::function<double(const Box&)>& lo,
               const std::function<double(const Box&)>& hi) {
    std::vector<std::pair<double, double>> spans;
    spans.reserve(ids.size());
    for (std::size_t i : ids) spans.emplace_back(lo(boxes[i]), hi(boxes[i]));
    std::sort(spans.begin(), spans.end());
    Cut best;
    double reach = spans.front().second;
    for (std::size_t k = 1; k < spans.size(); ++k) {
        const double gap = spans[k].first - reach;
        if (gap > 0 && gap > best.gap) {
            best.found = true;
            best.gap = gap;
            best.at = reach + gap / 2;
        }
        reach = std::max(reach, spans[k].second);
    }
    return best;
}

// Sets larger than this are not searched for loose gutters (quadratic).
constexpr std::size_t max_loose_set = 500;

// The vertical line through the set that crosses the boxes it meets least, as a share of
// their widths, when no box is crossed by more than a quarter of its width and both sides
// keep a box whose centre lies there. Candidates are the boxes' edges.
Cut loose_gutter(const std::vector<Box>& boxes, const std::vector<std::size_t>& ids) {
    Cut best;
    double best_share = 0.25;
    for (std::size_t c : ids) {
        for (const double x : {boxes[c].hpos, boxes[c].hpos + boxes[c].width}) {
            double share = 0;
            bool left = false, right = false, ok = true;
            for (std::size_t i : ids) {
                const Box& b = boxes[i];
                (b.hpos + b.width / 2 < x ? left : right) = true;
                if (b.hpos >= x || b.hpos + b.width <= x) continue;
                const double crossed = std::min(x - b.hpos, b.hpos + b.width - x) / b.width;
                if (crossed > 0.25) {
                    ok = false;
                    break;
                }
                share = std::max(share, crossed);
            }
            if (ok && left && right && share < best_share) {
                best_share = share;
                best.found = true;
                best.at = x;
                best.gap = 0;
            }
        }
    }
    return best;
}

void order(const std::vector<Box>& boxes, std::vector<std::size_t> ids, bool rtl, double min_band,
           int depth, std::vector<std::size_t>& out) {
    if (ids.size() <= 1 || depth > 64) {
        std::stable_sort(ids.begin(), ids.end(), [&](std::size_t a, std::size_t b) {
            if (boxes[a].vpos != boxes[b].vpos) return boxes[a].vpos < boxes[b].vpos;
            return rtl ? boxes[a].hpos > boxes[b].hpos : boxes[a].hpos < boxes[b].hpos;
        });
        out.insert(out.end(), ids.begin(), ids.end());
        return;
    }
    const Cut across = widest_gap(
        boxes, ids, [](const Box& b) { return b.vpos; },
        [](const Box& b) { return b.vpos + b.height; });
    Cut down = widest_gap(
        boxes, ids, [](const Box& b) { return b.hpos; },
        [](const Box& b) { return b.hpos + b.width; });
    // A scanned page set slightly askew has columns whose edges overlap by a little: without
    // any clean gutter, a gutter may be crossed by up to 1.5 % of the set's width on each side
    // (never more than a quarter of a box). Without it, a few pixels where the paragraph
    // breaks of two columns happen to line up would pass for a band across them.
    Cut skewed;
    if (!down.found) {
        double x0 = boxes[ids.front()].hpos, x1 = x0;
        for (std::size_t i : ids) {
            x0 = std::min(x0, boxes[i].hpos);
            x1 = std::max(x1, boxes[i].hpos + boxes[i].width);
        }
        const double tolerance = 0.015 * (x1 - x0);
        const auto inset = [tolerance](const Box& b) {
            return std::min(tolerance, 0.25 * b.width);
        };
        skewed = widest_gap(
            boxes, ids, [&](const Box& b) { return b.hpos + inset(b); },
            [&](const Box& b) { return b.hpos + b.width - inset(b); });
    }
    // Nothing cuts the set: OCR blocks drawn loosely around the columns of a page overlap
    // their neighbours by more than the skew allows. The columns are still there: a line that
    // crosses each box it meets by at most a quarter of that box's width.
    if (!across.found && !down.found && !skewed.found && ids.size() <= max_loose_set)
        skewed = loose_gutter(boxes, ids);
    const bool loose = skewed.found;
    if (skewed.found) down = skewed;
    // A band across the set wins unless the gutter is at least twice as wide: a gap that
    // runs across every column of the set is a boundary between items (run-in items set in
    // bands over two columns are separated by less than a gutter), while the gaps between
    // paragraphs of different columns do not line up. A gutter found by insetting the boxes
    // is wider than the paper's by the insets: it needs twice that margin.
    // A band narrower than a line is the paragraph spacing of columns that happens to line up.
    const bool horizontal =
        across.found &&
        (!down.found || (across.gap * (loose ? 4.0 : 2.0) > down.gap && across.gap >= min_band));
    std::vector<std::size_t> first;
    std::vector<std::size_t> second;
    for (std::size_t i : ids) {
        const Box& b = boxes[i];
        const bool before = horizontal ? b.vpos + b.height / 2 < across.at
                                       : (b.hpos + b.width / 2 < down.at) != rtl;
        (before ? first : second).push_back(i);
    }
    order(boxes, std::move(first), rtl, min_band, depth + 1, out);
    order(boxes, std::move(second), rtl, min_band, depth + 1, out);
}

}  // namespace

std::vector<std::size_t> xy_cut_order(const std::vector<Box>& boxes, bool right_to_left,
                                      double min_band) {
    std::vector<std::size_t> ids(boxes.size());
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = i;
    std::vector<std::size_t> out;
    out.reserve(ids.size());
    order(boxes, std::move(ids), right_to_left, min_band, 0, out);
    return out;
}

}  // namespace paperbag::layout
