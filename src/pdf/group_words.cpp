#include "pdf/group_words.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

namespace paperbag::pdf {

namespace {

// A box as two corners, in working coordinates: the page's for horizontal text; turned for
// vertical text so that its lines run left to right and follow each other downwards.
struct Rect {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    double width() const { return x1 - x0; }
    double height() const { return y1 - y0; }
    void add(const Rect& r) {
        x0 = std::min(x0, r.x0);
        y0 = std::min(y0, r.y0);
        x1 = std::max(x1, r.x1);
        y1 = std::max(y1, r.y1);
    }
};

Rect to_work(const Box& b, bool vertical) {
    if (!vertical) return {b.hpos, b.vpos, b.hpos + b.width, b.vpos + b.height};
    // Top to bottom becomes left to right; right to left becomes top to bottom.
    return {b.vpos, -(b.hpos + b.width), b.vpos + b.height, -b.hpos};
}

Box to_page(const Rect& r, bool vertical) {
    if (!vertical) return {r.x0, r.y0, r.width(), r.height()};
    return {-r.y1, r.x0, r.height(), r.width()};
}

// The page's printed rules in working coordinates: text is not read across a rule. A rule
// taller than wide stands between the words of a line (a column rule, the side of a box); one
// wider than tall lies between the lines of a column (the rule between two items).
class Walls {
public:
    Walls(const std::vector<Box>& rules, bool vertical) {
        for (const Box& b : rules) {
            const Rect r = to_work(b, vertical);
            (r.height() >= r.width() ? upright_ : flat_).push_back(r);
        }
        std::sort(upright_.begin(), upright_.end(),
                  [](const Rect& a, const Rect& b) { return a.x0 + a.x1 < b.x0 + b.x1; });
        std::sort(flat_.begin(), flat_.end(),
                  [](const Rect& a, const Rect& b) { return a.y0 + a.y1 < b.y0 + b.y1; });
    }

    // An upright rule inside the gap x0..x1 of a line whose middle is at y.
    bool between_words(double x0, double x1, double y) const {
        if (upright_.empty() || x1 <= x0) return false;
        auto it = std::lower_bound(upright_.begin(), upright_.end(), 2 * x0,
                                   [](const Rect& r, double v) { return r.x0 + r.x1 < v; });
        for (int seen = 0; it != upright_.end() && it->x0 + it->x1 <= 2 * x1 && seen < kScan;
             ++it, ++seen)
            if (it->y0 <= y && it->y1 >= y && it->x0 >= x0 + kClear && it->x1 <= x1 - kClear)
                return true;
        return false;
    }

    // A flat rule in the gap y0..y1 between two lines, under most of the span x0..x1 they
    // share. An underline lies inside its line's box, not in the gap.
    bool between_lines(double y0, double y1, double x0, double x1) const {
        if (flat_.empty() || y1 <= y0 || x1 <= x0) return false;
        auto it = std::lower_bound(flat_.begin(), flat_.end(), 2 * y0,
                                   [](const Rect& r, double v) { return r.y0 + r.y1 < v; });
        for (int seen = 0; it != flat_.end() && it->y0 + it->y1 <= 2 * y1 && seen < kScan;
             ++it, ++seen)
            if (std::min(it->x1, x1) - std::max(it->x0, x0) >= 0.5 * (x1 - x0) &&
                it->y0 >= y0 + kClear && it->y1 <= y1 - kClear)
                return true;
        return false;
    }

private:
    // Rules looked at per question: a hostile page of thousands of rules in one gap costs no
    // more than this.
    static constexpr int kScan = 64;
    // Points between a rule and the text on either side: a rule that touches text (text
    // printed over a rule, a rule drawn as a text decoration) separates nothing.
    static constexpr double kClear = 0.5;
    std::vector<Rect> upright_;
    std::vector<Rect> flat_;
};

struct WorkWord {
    const PdfWord* word;
    Rect r;
};

struct Line {
    std::vector<std::size_t> words;  // indices into the work words, left to right
    Rect r;
    double size = 0;  // of its first word
    int style = -1;   // of its first word
    bool bold = false;
    bool ends_sentence = false;  // its last word ends with . ! ? 。 ！ ？ or a closing quote
};

char32_t decode_at(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    if (i + static_cast<std::size_t>(n) > s.size()) return c;
    char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
    for (int k = 1; k < n; ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    return cp;
}

char32_t first_char(std::string_view s) {
    return s.empty() ? 0 : decode_at(s, 0);
}

char32_t last_char(std::string_view s) {
    if (s.empty()) return 0;
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return decode_at(s, i);
}

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool all_cjk(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && !is_cjk(decode_at(s, i)))
            return false;
    return !s.empty();
}

double centre(const Rect& r) {
    return (r.y0 + r.y1) / 2;
}

// A wide gap inside a line is a gutter only if the lines above and below leave it empty too:
// a loosely justified line has text of its neighbours over its gaps. Joins such pieces.
std::vector<Line> join_loose_lines(std::vector<Line> lines, const Walls& walls,
                                   const GroupOptions& options) {
    std::sort(lines.begin(), lines.end(),
              [](const Line& a, const Line& b) { return a.r.x0 < b.r.x0; });
    constexpr double band = 8;
    std::unordered_map<long, std::vector<std::size_t>> buckets;
    for (std::size_t i = 0; i < lines.size(); ++i)
        buckets[static_cast<long>(std::floor(centre(lines[i].r) / band))].push_back(i);
    std::vector<bool> gone(lines.size(), false);
    auto near = [&](const Rect& r, double reach, auto&& visit) {
        const long from = static_cast<long>(std::floor((centre(r) - reach) / band));
        const long to = static_cast<long>(std::floor((centre(r) + reach) / band));
        for (long b = from; b <= to && to - from < 1000; ++b) {
            const auto found = buckets.find(b);
            if (found == buckets.end()) continue;
            for (const std::size_t i : found->second)
                if (!gone[i]) visit(i);
        }
    };
    for (std::size_t li = 0; li < lines.size(); ++li) {
        if (gone[li]) continue;
        for (bool joined = true; joined;) {
            joined = false;
            Line& line = lines[li];
            const double h = line.r.height();
            const double s = line.size;
            std::size_t right = lines.size();
            double best_gap = 0;
            near(line.r, h, [&](std::size_t i) {
                const Line& o = lines[i];
                if (i == li) return;
                const double overlap = std::min(o.r.y1, line.r.y1) - std::max(o.r.y0, line.r.y0);
                if (overlap < 0.5 * std::min(h, o.r.height())) return;
                if (std::max(o.size, s) > 1.3 * std::min(o.size, s)) return;
                const double gap = o.r.x0 - line.r.x1;
                if (gap <= 0 || gap > options.max_loose_gap * s) return;
                if (right == lines.size() || gap < best_gap) {
                    right = i;
                    best_gap = gap;
                }
            });
            if (right == lines.size()) break;
            if (best_gap > 0.3 * s &&
                walls.between_words(line.r.x1, lines[right].r.x0, centre(line.r)))
                break;
            // Every point of the gap must lie under or over text of a neighbouring line.
            const double a = line.r.x1 + 0.2 * s;
            const double b = lines[right].r.x0 - 0.2 * s;
            std::vector<std::pair<double, double>> spans;
            // Neighbours: the lines just above and below in the same font (a headline or a deck
            // across both columns says nothing about the gutter).
            near(line.r, 1.6 * h, [&](std::size_t i) {
                const Line& o = lines[i];
                if (i == li || i == right) return;
                const double dy = std::abs(centre(o.r) - centre(line.r));
                if (dy < 0.5 * h || dy > 1.6 * h) return;
                if (o.style != line.style) return;
                if (o.r.x1 > a && o.r.x0 < b) spans.emplace_back(o.r.x0, o.r.x1);
            });
            std::sort(spans.begin(), spans.end());
            double reached = a;
            for (const auto& [x0, x1] : spans)
                if (x0 <= reached) reached = std::max(reached, x1);
            const bool covered = reached >= b;
            if (!covered) break;
            Line& other = lines[right];
            line.words.insert(line.words.end(), other.words.begin(), other.words.end());
            line.r.add(other.r);
            gone[right] = true;
            joined = true;
        }
    }
    std::vector<Line> out;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!gone[i]) out.push_back(std::move(lines[i]));
    return out;
}

// Words -> lines: each word, taken from left to right, continues the line whose last word
// shares its baseline band and ends closest before it.
std::vector<Line> make_lines(const std::vector<WorkWord>& words,
                             const std::vector<TextStyle>& styles, const Walls& walls,
                             const GroupOptions& options) {
    std::vector<std::size_t> order(words.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (words[a].r.x0 != words[b].r.x0) return words[a].r.x0 < words[b].r.x0;
        return words[a].r.y0 < words[b].r.y0;
    });
    constexpr double band = 4;  // points per bucket of line centres
    std::unordered_map<long, std::vector<std::size_t>> buckets;
    std::vector<Line> lines;
    for (const std::size_t wi : order) {
        const WorkWord& w = words[wi];
        const double cy = (w.r.y0 + w.r.y1) / 2;
        const double h = w.r.height();
        std::size_t best = lines.size();
        double best_gap = std::numeric_limits<double>::max();
        const long from = static_cast<long>(std::floor((cy - h / 2) / band));
        const long to = static_cast<long>(std::floor((cy + h / 2) / band));
        for (long b = from; b <= to && to - from < 1000; ++b) {
            const auto found = buckets.find(b);
            if (found == buckets.end()) continue;
            for (const std::size_t li : found->second) {
                const Line& line = lines[li];
                const WorkWord& last = words[line.words.back()];
                const double overlap = std::min(w.r.y1, last.r.y1) - std::max(w.r.y0, last.r.y0);
                if (overlap < 0.5 * std::min(h, last.r.height())) continue;
                const double big = std::max(w.word->size, last.word->size);
                const double small = std::min(w.word->size, last.word->size);
                if (small * 1.3 < big) continue;
                const double gap = w.r.x0 - last.r.x1;
                if (gap < -0.3 * big || gap > options.max_word_gap * big) continue;
                if (walls.between_words(last.r.x1, w.r.x0, cy)) continue;
                if (std::abs(gap) < best_gap) {
                    best_gap = std::abs(gap);
                    best = li;
                }
            }
        }
        if (best < lines.size()) {
            lines[best].words.push_back(wi);
            lines[best].r.add(w.r);
        } else {
            Line line;
            line.words.push_back(wi);
            line.r = w.r;
            line.size = w.word->size;
            line.style = w.word->style;
            line.bold = w.word->style >= 0 && styles[static_cast<std::size_t>(w.word->style)].bold;
            buckets[static_cast<long>(std::floor(cy / band))].push_back(lines.size());
            lines.push_back(std::move(line));
        }
    }
    lines = join_loose_lines(std::move(lines), walls, options);
    for (Line& line : lines) {
        std::sort(line.words.begin(), line.words.end(),
                  [&](std::size_t a, std::size_t b) { return words[a].r.x0 < words[b].r.x0; });
        const char32_t c = last_char(words[line.words.back()].word->text);
        line.ends_sentence = c == U'.' || c == U'!' || c == U'?' || c == U'"' || c == U'\'' ||
                             c == U'\u201D' || c == U'\u2019' || c == U'\u3002' || c == U'\uFF01' ||
                             c == U'\uFF1F' || c == U')' || c == U'\uFF09' || c == U':' ||
                             c == U'\uFF1A';
    }
    return lines;
}

// The words of a line for the model: neighbours without a space between them in the PDF, or
// meeting at a CJK character, become one word.
TextLine model_line(const Line& line, const std::vector<WorkWord>& words, bool vertical) {
    TextLine out;
    Rect word_rect;
    for (std::size_t k = 0; k < line.words.size(); ++k) {
        const WorkWord& w = words[line.words[k]];
        bool join = false;
        if (k > 0 && !out.words.empty()) {
            const WorkWord& prev = words[line.words[k - 1]];
            const double gap = w.r.x0 - prev.r.x1;
            const double size = std::max(w.word->size, prev.word->size);
            const bool cjk = is_cjk(last_char(prev.word->text)) || is_cjk(first_char(w.word->text));
            // Letter-spaced CJK text has small gaps that poppler takes for spaces; a real space
            // (本报记者 王明) is a quarter of the font size or more.
            join = (cjk && gap < 0.25 * size) || (!prev.word->space_after && gap < 0.2 * size);
        }
        if (join) {
            out.words.back().text += w.word->text;
            word_rect.add(w.r);
            out.words.back().box = to_page(word_rect, vertical);
        } else {
            Word word;
            word.text = w.word->text;
            word.style = w.word->style;
            word_rect = w.r;
            word.box = to_page(word_rect, vertical);
            out.words.push_back(std::move(word));
        }
    }
    out.box = to_page(line.r, vertical);
    return out;
}

struct Group {
    std::vector<std::size_t> lines;
    Rect r;
    double size = 0;
    bool bold = false;
    double min_gap = -1;  // smallest gap between two of its lines, -1 with one line
    double left = 0;      // left edge of its lines after the first (a first line may be indented)
    bool open = true;
};

// Lines -> groups: a line continues the open group above it in the same column, font size and
// weight, unless a gap, an indent or a short line before it starts a new paragraph.
std::vector<Group> make_groups(std::vector<Line>& lines, const Walls& walls,
                               const GroupOptions& options) {
    std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
        if (a.r.y0 != b.r.y0) return a.r.y0 < b.r.y0;
        return a.r.x0 < b.r.x0;
    });
    std::vector<Group> groups;
    std::vector<std::size_t> open;
    for (std::size_t li = 0; li < lines.size(); ++li) {
        const Line& line = lines[li];
        std::size_t best = groups.size();
        double best_overlap = 0;
        for (const std::size_t gi : open) {
            const Group& g = groups[gi];
            const Line& last = lines[g.lines.back()];
            const double s = std::max(line.size, g.size);
            const double gap = line.r.y0 - last.r.y1;
            // Boxes of tightly set lines (a vertical headline of CJK characters set closer
            // than their boxes are high) overlap by up to half a line.
            const double overlap_limit = 0.5 * std::min(line.r.height(), last.r.height());
            if (gap < -overlap_limit || gap > options.max_line_gap * s) continue;
            if (g.min_gap >= 0 && gap > g.min_gap + 0.35 * s) continue;
            if (std::abs(line.size - g.size) > options.max_size_change * s) continue;
            if (line.bold != g.bold) continue;
            const double overlap = std::min(line.r.x1, g.r.x1) - std::max(line.r.x0, g.r.x0);
            if (overlap < 0.6 * std::min(line.r.width(), g.r.width())) continue;
            // A line much wider than the group reaches into the next column.
            if (line.r.width() > g.r.width() + 3 * s && g.lines.size() > 1) continue;
            if (walls.between_lines(last.r.y1, line.r.y0, std::max(line.r.x0, last.r.x0),
                                    std::min(line.r.x1, last.r.x1)))
                continue;
            if (overlap > best_overlap) {
                best_overlap = overlap;
                best = gi;
            }
        }
        bool start = best == groups.size();
        if (!start) {
            Group& g = groups[best];
            const Line& last = lines[g.lines.back()];
            const double s = std::max(line.size, g.size);
            const double indent = line.r.x0 - g.left;
            const bool indented = indent >= options.min_indent * s && indent < 8 * s &&
                                  (std::abs(line.r.x1 - g.r.x1) <= 1.0 * s ||
                                   (last.ends_sentence && last.r.x1 < g.r.x1 - 1.5 * s));
            const bool short_before = last.ends_sentence && last.r.x1 < g.r.x1 - 1.5 * s &&
                                      std::abs(last.r.x0 - g.left) <= 0.3 * s &&
                                      std::abs(line.r.x0 - g.left) <= 0.3 * s &&
                                      std::abs(line.r.x1 - g.r.x1) <= 1.0 * s;
            if (indented || short_before) {
                g.open = false;
                start = true;
            } else {
                const double gap = line.r.y0 - last.r.y1;
                g.min_gap = g.min_gap < 0 ? gap : std::min(g.min_gap, gap);
                if (g.lines.size() == 1) g.left = line.r.x0;
                g.left = std::min(g.left, line.r.x0);
                g.lines.push_back(li);
                g.r.add(line.r);
            }
        }
        if (start) {
            Group g;
            g.lines.push_back(li);
            g.r = line.r;
            g.size = line.size;
            g.bold = line.bold;
            g.left = line.r.x0;
            groups.push_back(std::move(g));
        }
        // Groups that this line has passed by far take no more lines.
        std::vector<std::size_t> still_open;
        for (const std::size_t gi : open)
            if (groups[gi].open && lines[groups[gi].lines.back()].r.y1 >=
                                       line.r.y0 - 2 * std::max(line.size, groups[gi].size))
                still_open.push_back(gi);
        if (start) still_open.push_back(groups.size() - 1);
        open = std::move(still_open);
    }
    return groups;
}

int main_style(const layout::Region& region) {
    std::map<int, std::size_t> chars;
    for (const TextLine& line : region.lines)
        for (const Word& word : line.words) chars[word.style] += word.text.size();
    int best = -1;
    std::size_t most = 0;
    for (const auto& [style, n] : chars)
        if (n > most) {
            most = n;
            best = style;
        }
    return best;
}

void add_regions(const std::vector<WorkWord>& words, const PageWords& page, bool vertical,
                 const GroupOptions& options, std::vector<layout::Region>& out) {
    const Walls walls(page.rules, vertical);
    std::vector<Line> lines = make_lines(words, page.styles, walls, options);
    const std::vector<Group> groups = make_groups(lines, walls, options);
    for (const Group& g : groups) {
        layout::Region region;
        region.vertical = vertical;
        region.box = to_page(g.r, vertical);
        for (const std::size_t li : g.lines)
            region.lines.push_back(model_line(lines[li], words, vertical));
        // A stack of single CJK characters in horizontal text: a vertical (竖排) headline.
        const bool stack =
            !vertical && region.lines.size() >= 2 &&
            std::all_of(region.lines.begin(), region.lines.end(), [&](const TextLine& l) {
                return l.words.size() == 1 && code_points(l.words[0].text) == 1 &&
                       all_cjk(l.words[0].text);
            });
        if (stack) {
            TextLine column;
            column.box = region.box;
            Word word = std::move(region.lines[0].words[0]);
            for (std::size_t k = 1; k < region.lines.size(); ++k)
                word.text += region.lines[k].words[0].text;
            word.box = region.box;
            column.words.push_back(std::move(word));
            region.lines.clear();
            region.lines.push_back(std::move(column));
            region.vertical = true;
        }
        region.style = main_style(region);
        out.push_back(std::move(region));
    }
}

}  // namespace

bool is_cjk(char32_t c) noexcept {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

std::vector<layout::Region> group_words(const PageWords& page, const GroupOptions& options) {
    std::vector<WorkWord> horizontal;
    std::vector<WorkWord> vertical;
    for (const PdfWord& word : page.words)
        (word.vertical ? vertical : horizontal)
            .push_back(WorkWord{&word, to_work(word.box, word.vertical)});
    std::vector<layout::Region> regions;
    add_regions(horizontal, page, false, options, regions);
    add_regions(vertical, page, true, options, regions);
    std::stable_sort(regions.begin(), regions.end(),
                     [](const layout::Region& a, const layout::Region& b) {
                         if (a.box.vpos != b.box.vpos) return a.box.vpos < b.box.vpos;
                         return a.box.hpos < b.box.hpos;
                     });
    return regions;
}

}  // namespace paperbag::pdf
