// The geometric segmenter (see layout_page.hpp). Three passes over the regions of a page:
// reading order, the role of each region, and assembly of roles into articles and captions.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "import/patterns.hpp"
#include "import/segment_classify.hpp"
#include "import/text_repair.hpp"
#include "layout/layout_page.hpp"
#include "layout/page_runs.hpp"
#include "layout/reading_order.hpp"
#include "layout/region_text.hpp"
#include "layout/text_cues.hpp"
#include "paperbag/ids.hpp"

namespace paperbag::layout {

namespace {

// Typography thresholds, relative to the page's body size (see docs/segmentation.md).
constexpr double title_ratio = 1.3;        // this much larger than body text: a title
constexpr double bold_title_ratio = 1.05;  // bold and a little larger: a title when short
constexpr std::size_t max_title_lines = 4;
constexpr std::size_t max_caption_lines = 6;
constexpr double furniture_band = 0.06;      // share of the page height at top and bottom
constexpr double caption_reach = 2.0;        // gap to a photo, in body sizes, for a caption
constexpr double head_stripe = 0.16;         // share of the page height: masthead, running head
constexpr double foot_stripe = 0.70;         // top of a bottom stripe of advertisements, at least
constexpr double big_title_ratio = 1.5;      // this much larger: a title even with a full stop
constexpr double caption_size_ratio = 0.95;  // at most this size: set off from the body
constexpr double running_head_reach = 0.10;  // share of the page height: a running head's top

enum class Role {
    body,
    title,
    subtitle,
    byline,
    signature,
    caption,
    continuation_to,
    continuation_from,
    furniture,
};

struct Unit {
    std::size_t region = 0;
    Role role = Role::body;
    RegionMeasure m;
    std::string text;                     // repaired, lines joined
    std::vector<std::string> paragraphs;  // body: paragraphs; other roles: one entry
    std::string page;                     // continuation: page label
    std::string key;                      // continuation: jump keyword
    std::string credit;                   // caption: who took the photo
    std::string signature;                // signature: the name
    std::vector<Byline> bylines;          // byline
    int graphic = -1;                     // caption: the photo it is next to
    bool set_apart = false;               // title: a centred heading at body size (older papers)
    bool separator = false;               // furniture: a rule between items ("o o", "* * *")
    bool run_in = false;                  // body: opens with a run-in heading set off by space
    std::string block_id;
};

double char_weighted_median(std::vector<std::pair<double, std::size_t>> values) {
    values.erase(std::remove_if(values.begin(), values.end(),
                                [](const auto& v) { return v.first <= 0 || v.second == 0; }),
                 values.end());
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    std::size_t total = 0;
    for (const auto& v : values) total += v.second;
    std::size_t seen = 0;
    for (const auto& v : values) {
        seen += v.second;
        if (seen * 2 >= total) return v.first;
    }
    return values.back().first;
}

double overlap_1d(double a0, double a1, double b0, double b1) {
    return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
}

// A dateline without the dash that closes it, and without its full stop unless that ends an
// abbreviation ("Lisbon, Sept. 28.—" -> "Lisbon, Sept. 28"; "Evanston, Ill.—" keeps "Ill.").
std::string dateline_text(std::string_view s) {
    s = text::trim(s);
    for (bool stripped = true; stripped;) {
        stripped = false;
        for (std::string_view dash : {"\xE2\x80\x94", "\xE2\x80\x93", "-"})
            if (s.ends_with(dash)) {
                s = text::trim(s.substr(0, s.size() - dash.size()));
                stripped = true;
            }
    }
    if (s.ends_with(".")) {
        const std::size_t space = s.find_last_of(" ,");
        const std::string_view word =
            s.substr(space == std::string_view::npos ? 0 : space + 1, s.size());
        const bool abbreviation = word.size() <= 4 && !(word.front() >= '0' && word.front() <= '9');
        if (!abbreviation) s.remove_suffix(1);
    }
    return std::string(s);
}

const std::string& names_of(const text::PatternMatch& m) {
    return m.names.empty() ? m.name : m.names;
}

bool only_digits_or_folio(std::string_view s) {
    std::size_t digits = 0;
    for (const char c : s) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != ' ' && c != '-' && c != '.')
            return false;
    }
    return digits > 0 && digits <= 4;
}

// A running head's date: a year (a run of digits ending in 1500..2099: OCR often glues it to
// the day, "171824") and the name of a weekday or month (English, German, French), in one or
// two lines. "THE EXAMINER, SATURDAY, MAY 2, 1874.", "FEBRUARY 17 1824.", "Luxemburg,
// Samstag, 10. Juli 1858." OCR noise elsewhere in the line does not matter.
bool dated_line(std::string_view s) {
    std::string lower(s);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    // A digit OCR may read as a letter: "18f4" is 1874, "l858" 1858.
    const auto digit_of = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        switch (c) {
            case 'l':
            case 'i':
            case '|': return 1;
            case 'o': return 0;
            case 's': return 5;
            case 'b': return 6;
            case 'f': return 7;
            case 'g': return 9;
            case 'z': return 2;
            default: return -1;
        }
    };
    bool year = false;
    for (std::size_t i = 0; i < lower.size() && !year; ++i) {
        if (digit_of(lower[i]) < 0) continue;
        std::size_t j = i;
        while (j < lower.size() && digit_of(lower[j]) >= 0) ++j;
        // Four or more characters that read as digits, all but one of the last four digits.
        if (j - i >= 4) {
            int y = 0;
            std::size_t real = 0;
            for (std::size_t k = j - 4; k < j; ++k) {
                y = 10 * y + digit_of(lower[k]);
                real += lower[k] >= '0' && lower[k] <= '9';
            }
            year = real >= 3 && y >= 1500 && y <= 2099;
        }
        i = j;
    }
    if (!year) return false;
    static constexpr std::string_view names[] = {
        "monday",    "tuesday",    "wednesday", "thursday", "friday",    "saturday", "sunday",
        "january",   "february",   "march",     "april",    "may",       "june",     "july",
        "august",    "september",  "october",   "november", "december",  "montag",   "dienstag",
        "mittwoch",  "donnerstag", "freitag",   "samstag",  "sonnabend", "sonntag",  "januar",
        "februar",   "märz",       "mai",       "juni",     "juli",      "oktober",  "dezember",
        "lundi",     "mardi",      "mercredi",  "jeudi",    "vendredi",  "samedi",   "dimanche",
        "janvier",   "février",    "mars",      "avril",    "juin",      "juillet",  "août",
        "septembre", "octobre",    "novembre",  "décembre"};
    const auto letter = [](char c) {
        return (c >= 'a' && c <= 'z') || (static_cast<unsigned char>(c) >= 0x80);
    };
    for (std::string_view name : names)
        for (std::size_t at = lower.find(name); at != std::string::npos;
             at = lower.find(name, at + 1)) {
            const std::size_t end = at + name.size();
            if ((at == 0 || !letter(lower[at - 1])) && (end >= lower.size() || !letter(lower[end])))
                return true;
        }
    return false;
}

// A region whose first line opens with a short phrase closed by a full stop and set off from
// the rest of the line by a wide space ("Polizei-Reglement.   In seiner Sitzung vom ..."):
// a run-in heading, which older papers use for the items of a notice section. The space must
// be wider than 2.5 of the region's usual word spaces and than half a line; the phrase has at
// most four words and starts with a capital.
bool run_in_heading(const Region& region) {
    if (region.lines.size() < 2) return false;
    std::vector<double> spaces;
    for (const TextLine& line : region.lines)
        for (std::size_t k = 1; k < line.words.size(); ++k) {
            const auto& a = line.words[k - 1].box;
            const auto& b = line.words[k].box;
            if (a && b) spaces.push_back(b->hpos - (a->hpos + a->width));
        }
    if (spaces.size() < 8) return false;
    std::nth_element(spaces.begin(), spaces.begin() + spaces.size() / 2, spaces.end());
    const double usual = std::max(spaces[spaces.size() / 2], 1.0);
    const TextLine& first = region.lines.front();
    if (!first.box || first.words.empty()) return false;
    const std::string& lead = first.words.front().text;
    if (lead.empty() || !(lead.front() >= 'A' && lead.front() <= 'Z')) return false;
    std::size_t letters = 0;
    for (std::size_t k = 0; k + 1 < first.words.size() && k < 4; ++k) {
        const Word& w = first.words[k];
        for (const char c : w.text) letters += (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        const auto& next = first.words[k + 1].box;
        if (!w.box || !next || !w.text.ends_with(".")) continue;
        const double space = next->hpos - (w.box->hpos + w.box->width);
        if (letters < 4 || space <= 2.5 * usual || space <= 0.5 * first.box->height) return false;
        // The other spaces of the line are the usual ones: a justified line stretched
        // throughout is no run-in.
        std::vector<double> rest;
        for (std::size_t j = k + 2; j < first.words.size(); ++j) {
            const auto& a = first.words[j - 1].box;
            const auto& b = first.words[j].box;
            if (a && b) rest.push_back(b->hpos - (a->hpos + a->width));
        }
        if (rest.empty()) return false;
        std::nth_element(rest.begin(), rest.begin() + rest.size() / 2, rest.end());
        return rest[rest.size() / 2] <= 1.5 * usual;
    }
    return false;
}

// Paragraphs of a body region: a line that stops well short of the region's right edge
// ends a paragraph (when the input has line boxes); without boxes the region is one
// paragraph.
std::vector<std::string> paragraphs_of(const Region& region) {
    std::vector<std::string> out;
    std::vector<std::string> current;
    const double right = region.box.hpos + region.box.width;
    for (std::size_t i = 0; i < region.lines.size(); ++i) {
        const TextLine& line = region.lines[i];
        std::string repaired = text::repair_line(line_text(line), text::RepairMode::body);
        if (repaired.empty()) continue;
        current.push_back(std::move(repaired));
        const bool last = i + 1 == region.lines.size();
        bool short_line = false;
        if (line.box && region.box.width > 0 && !last) {
            const double size = line.box->height > 0 ? line.box->height : 0;
            const double slack = right - (line.box->hpos + line.box->width);
            short_line = slack > std::max(2.0 * size, 0.12 * region.box.width);
        }
        if (short_line || last) {
            out.push_back(text::join_lines(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(text::join_lines(current));
    return out;
}

class Segmenter {
public:
    Segmenter(const LayoutPage& page, const text::PageContext& context)
        : page_(page),
          context_(context),
          patterns_(text::patterns_for(context.language)),
          title_key_(text::folded(context.title)) {}

    text::PageSegments run() {
        order_regions();
        find_bands();
        measure_page();
        read_tables_with_their_columns();
        place_vertical_titles();
        for (std::size_t r : order_) units_.push_back(classify(r));
        refine_title_stacks();
        mark_advertisements();
        make_blocks();
        assemble();
        return std::move(out_);
    }

private:
    // Bands: the regions between two gaps that run across the whole page (a masthead, the
    // page's news, a feuilleton "under the rule", advertisements). A band is set in columns
    // when two of its regions stand side by side.
    void find_bands() {
        const std::size_t n = page_.regions.size();
        band_.assign(n, 0);
        std::vector<std::size_t> by_top(n);
        for (std::size_t i = 0; i < n; ++i) by_top[i] = i;
        const auto& regions = page_.regions;
        std::sort(by_top.begin(), by_top.end(), [&](std::size_t a, std::size_t b) {
            return regions[a].box.vpos < regions[b].box.vpos;
        });
        double reach = 0;
        std::size_t band = 0;
        std::vector<std::vector<std::size_t>> members(1);
        band_gap_.assign(1, 0);
        for (std::size_t k = 0; k < n; ++k) {
            const Box& b = regions[by_top[k]].box;
            if (k > 0 && b.vpos > reach) {
                ++band;
                members.emplace_back();
                band_gap_.push_back(b.vpos - reach);
            }
            reach = k == 0 ? b.vpos + b.height : std::max(reach, b.vpos + b.height);
            band_[by_top[k]] = band;
            members.back().push_back(by_top[k]);
        }
        // Two regions of at least three lines stand side by side when the one whose right
        // edge is leftmost ends before another one starts (linear: pages may hold many
        // regions).
        columned_.assign(members.size(), false);
        members_ = members;
        for (std::size_t m = 0; m < members.size(); ++m) {
            std::size_t narrowest = SIZE_MAX;
            for (std::size_t a : members[m]) {
                const Box& x = regions[a].box;
                if (measures_lines(a) >= 3 &&
                    (narrowest == SIZE_MAX ||
                     x.hpos + x.width < regions[narrowest].box.hpos + regions[narrowest].box.width))
                    narrowest = a;
            }
            if (narrowest == SIZE_MAX) continue;
            const Box& left = regions[narrowest].box;
            for (std::size_t b : members[m])
                if (b != narrowest && measures_lines(b) >= 3 &&
                    left.hpos + left.width <= regions[b].box.hpos)
                    columned_[m] = true;
        }
    }

    std::size_t measures_lines(std::size_t r) const { return page_.regions[r].lines.size(); }

    // Text running on from band `from` into band `to` below it, when both are set in columns
    // and a line's height or more of white space (or the rule in it) parts them, is another
    // item: the feuilleton under the rule does not continue the news above it. Paragraph
    // breaks of all columns that happen to line up leave less.
    bool flow_break(std::size_t from, std::size_t to) const {
        return to > from && to < columned_.size() && columned_[from] && columned_[to] &&
               body_size_ > 0 && band_gap_[to] >= geometric(body_size_);
    }

    // The plain text of a region, for the cues of text_cues.hpp.
    std::string plain_text(std::size_t r) const {
        std::string out;
        for (const TextLine& line : page_.regions[r].lines) {
            if (!out.empty()) out += ' ';
            out += line_text(line);
        }
        return out;
    }

    // The two regions of at least three lines of band `m`, left and right, when it has two
    // and they stand side by side.
    std::optional<std::pair<std::size_t, std::size_t>> column_pair(std::size_t m) const {
        std::vector<std::size_t> texts;
        for (std::size_t r : members_[m])
            if (measures_[r].lines >= 3) texts.push_back(r);
        if (texts.size() != 2) return std::nullopt;
        const Box& a = page_.regions[texts[0]].box;
        const Box& b = page_.regions[texts[1]].box;
        if (a.hpos + a.width <= b.hpos) return std::make_pair(texts[0], texts[1]);
        if (b.hpos + b.width <= a.hpos) return std::make_pair(texts[1], texts[0]);
        return std::nullopt;
    }

    // Region `b` lies under region `a` across most of the narrower one's width.
    bool same_column(std::size_t a, std::size_t b) const {
        const Box& x = page_.regions[a].box;
        const Box& y = page_.regions[b].box;
        return overlap_1d(x.hpos, x.hpos + x.width, y.hpos, y.hpos + y.width) >=
               0.8 * std::min(x.width, y.width);
    }

    // A table: the OCR reads its cells as lines of their own, so the region holds many more
    // lines than its height has room for.
    bool table(std::size_t r) const {
        const RegionMeasure& m = measures_[r];
        const double height = page_.regions[r].box.height;
        return m.lines >= 6 && m.line_height > 0 &&
               static_cast<double>(m.lines) > 1.6 * height / m.line_height;
    }

    // A table under each column of a band set in two columns belongs to the text above it in
    // its column (a notice and the list it announces): the pair of bands is read down each
    // column, not across. When the two columns are in different languages (the German and the
    // French part of a bilingual paper), the second column is another item.
    void read_tables_with_their_columns() {
        const std::size_t n = page_.regions.size();
        column_start_.assign(n, false);
        languages_.assign(n, Language::unknown);
        for (std::size_t r = 0; r < n; ++r)
            if (measures_[r].lines >= 3) languages_[r] = guess_language(plain_text(r));
        if (page_.reading_order_given) return;
        for (std::size_t m = 0; m + 1 < members_.size(); ++m) {
            const auto top = column_pair(m);
            if (!top) continue;
            std::vector<std::size_t> left{top->first};
            std::vector<std::size_t> right{top->second};
            std::size_t k = m + 1;
            for (; k < members_.size(); ++k) {
                const auto below = column_pair(k);
                if (!below || !table(below->first) || !table(below->second) ||
                    !same_column(left.back(), below->first) ||
                    !same_column(right.back(), below->second))
                    break;
                left.push_back(below->first);
                right.push_back(below->second);
            }
            if (left.size() < 2) continue;
            std::vector<std::size_t> at;
            for (const auto* column : {&left, &right})
                for (std::size_t r : *column) {
                    const auto it = std::find(order_.begin(), order_.end(), r);
                    if (it != order_.end())
                        at.push_back(static_cast<std::size_t>(it - order_.begin()));
                }
            if (at.size() != 2 * left.size()) continue;
            std::sort(at.begin(), at.end());
            std::size_t next = 0;
            for (const auto* column : {&left, &right})
                for (std::size_t r : *column) order_[at[next++]] = r;
            for (std::size_t b = m + 1; b < k; ++b)
                for (std::size_t r : members_[b]) band_[r] = band_[top->first];
            if (other_languages(top->first, top->second)) column_start_[top->second] = true;
            m = k - 1;
        }
    }

    bool other_languages(std::size_t a, std::size_t b) const {
        return languages_[a] != Language::unknown && languages_[b] != Language::unknown &&
               languages_[a] != languages_[b];
    }

    // Body region `r` stands beside the running article's last body region, to its right,
    // in another language: a translation set beside the original is another item.
    bool translation_beside(std::size_t r) const {
        if (last_body_ == SIZE_MAX || !other_languages(last_body_, r)) return false;
        const Box& a = page_.regions[last_body_].box;
        const Box& b = page_.regions[r].box;
        return b.hpos >= a.hpos + 0.5 * a.width &&
               overlap_1d(a.vpos, a.vpos + a.height, b.vpos, b.vpos + b.height) >=
                   0.5 * std::min(a.height, b.height);
    }

    // A heading that labels the advertisements ("Anzeigen. Annonces.") turns itself and
    // everything after it in reading order that starts below its top into furniture:
    // advertisements are not articles.
    void mark_advertisements() {
        for (std::size_t i = 0; i < units_.size(); ++i) {
            const Unit& u = units_[i];
            if ((u.role != Role::title && u.role != Role::subtitle) || u.m.lines > 2 ||
                !advertisement_label(u.text))
                continue;
            const double top =
                page_.regions[u.region].box.vpos - (body_size_ > 0 ? geometric(body_size_) : 0.0);
            for (std::size_t j = i; j < units_.size(); ++j)
                if (page_.regions[units_[j].region].box.vpos >= top) {
                    units_[j].role = Role::furniture;
                    units_[j].separator = false;
                }
            return;
        }
    }

    void order_regions() {
        if (page_.reading_order_given) {
            for (std::size_t i = 0; i < page_.regions.size(); ++i) order_.push_back(i);
            return;
        }
        // Columns are read right to left when most of the page's text is set vertically; a
        // vertical headline on a horizontal page does not turn the page.
        std::vector<Box> boxes;
        std::size_t vertical_chars = 0;
        std::size_t horizontal_chars = 0;
        for (const Region& r : page_.regions) {
            boxes.push_back(r.box);
            std::size_t chars = 0;
            for (const TextLine& line : r.lines)
                for (const Word& w : line.words) chars += w.text.size();
            (r.vertical ? vertical_chars : horizontal_chars) += chars;
        }
        // Photos take part in the cuts (a band across the page does not run through a
        // photo), then leave the order.
        for (const Graphic& g : page_.graphics)
            if (g.kind == Graphic::Kind::illustration) boxes.push_back(g.box);
        // On OCR pages (boxes in pixels, mm10 or 1/1200 inch, drawn by the OCR engine) white
        // space across columns narrower than a line is the paragraph spacing of columns that
        // happens to line up, not a band: the Statesman's 22 px beside a 16 px gutter. PDF
        // regions are cut tight around their lines, and bands of run-in items there are set
        // closer than a line.
        double line_height = 0;
        if (page_.unit != "pt") {
            std::vector<std::pair<double, std::size_t>> heights;
            for (const Region& r : page_.regions)
                for (const TextLine& line : r.lines)
                    if (line.box)
                        heights.emplace_back(std::min(line.box->height, line.box->width),
                                             line.words.size());
            line_height = char_weighted_median(std::move(heights));
        }
        for (std::size_t i : xy_cut_order(boxes, vertical_chars > horizontal_chars, line_height))
            if (i < page_.regions.size()) order_.push_back(i);
    }

    void measure_page() {
        std::vector<std::pair<double, std::size_t>> sizes;
        height_ = page_.height;
        for (const Region& r : page_.regions) {
            measures_.push_back(measure(r, page_.styles));
            sizes.emplace_back(measures_.back().size, measures_.back().chars);
            height_ = std::max(height_, r.box.vpos + r.box.height);
        }
        body_size_ = char_weighted_median(std::move(sizes));
        // Font sizes are in points, boxes in the page's unit (mm10, pixels, 1/1200 inch for
        // OCR): gaps are measured against sizes scaled by the body's line height per point.
        std::vector<std::pair<double, std::size_t>> heights;
        std::size_t font_chars = 0, chars = 0;
        for (const RegionMeasure& m : measures_) {
            heights.emplace_back(m.line_height, m.chars);
            chars += m.chars;
            if (m.from_fonts) font_chars += m.chars;
        }
        const double leading = char_weighted_median(std::move(heights));
        if (page_.unit != "pt" && font_chars * 2 > chars && leading > 0 && body_size_ > 0)
            to_page_unit_ = leading / body_size_;
        // Bold sets text off only when most of the page is not bold (some OCR engines mark
        // every word bold).
        std::size_t bold = 0, all = 0;
        for (RegionMeasure& m : measures_) {
            all += m.chars;
            if (m.bold) bold += m.chars;
        }
        if (bold * 2 > all)
            for (RegionMeasure& m : measures_) m.bold = false;
        find_stripes();
    }

    // The page's head and foot stripes: the regions above the first and below the last gap
    // that runs across the whole page. A head stripe in the top 16 % of the page made of short
    // regions is the masthead and running head; a foot stripe in the bottom 30 % made of
    // short regions, set off by a gap of more than a line, is the advertisements.
    void find_stripes() {
        const std::size_t n = page_.regions.size();
        stripe_.assign(n, false);
        if (n < 3 || height_ <= 0) return;
        std::vector<std::size_t> by_top(n);
        for (std::size_t i = 0; i < n; ++i) by_top[i] = i;
        const auto& regions = page_.regions;
        std::sort(by_top.begin(), by_top.end(), [&](std::size_t a, std::size_t b) {
            return regions[a].box.vpos < regions[b].box.vpos;
        });
        // Head: grow the stripe while the next region starts above its bottom.
        double bottom = regions[by_top[0]].box.vpos + regions[by_top[0]].box.height;
        std::size_t k = 1;
        while (k < n && regions[by_top[k]].box.vpos < bottom) {
            bottom = std::max(bottom, regions[by_top[k]].box.vpos + regions[by_top[k]].box.height);
            ++k;
        }
        bool short_regions = k < n;
        for (std::size_t j = 0; j < k; ++j)
            short_regions = short_regions && measures_[by_top[j]].lines <= 3;
        // One region alone (a kicker over the first headline) is no masthead.
        if (short_regions && k >= 2 && bottom <= head_stripe * height_)
            for (std::size_t j = 0; j < k; ++j) stripe_[by_top[j]] = true;
        // Foot: the same from the bottom up.
        std::vector<std::size_t> by_bottom = by_top;
        std::sort(by_bottom.begin(), by_bottom.end(), [&](std::size_t a, std::size_t b) {
            return regions[a].box.vpos + regions[a].box.height >
                   regions[b].box.vpos + regions[b].box.height;
        });
        double top = regions[by_bottom[0]].box.vpos;
        k = 1;
        while (k < n && regions[by_bottom[k]].box.vpos + regions[by_bottom[k]].box.height > top) {
            top = std::min(top, regions[by_bottom[k]].box.vpos);
            ++k;
        }
        if (k >= n) return;
        const Box& above = regions[by_bottom[k]].box;
        const double gap = top - (above.vpos + above.height);
        short_regions = true;
        for (std::size_t j = 0; j < k; ++j)
            short_regions = short_regions && measures_[by_bottom[j]].lines <= 3;
        if (short_regions && k >= 2 && top >= foot_stripe * height_ &&
            gap > 1.5 * geometric(body_size_))
            for (std::size_t j = 0; j < k; ++j) stripe_[by_bottom[j]] = true;
    }

    // A vertical (竖排) headline set at the right of its article comes after the article's
    // columns, or elsewhere, in XY-cut order; it is read first: just before the earliest
    // region to its left that lies beside it (half of that region's height or more within
    // the headline's).
    void place_vertical_titles() {
        for (std::size_t v = 0; v < page_.regions.size(); ++v) {
            const Region& title = page_.regions[v];
            if (!title.vertical || title.lines.size() != 1 || !title_sized(measures_[v])) continue;
            const Box& t = title.box;
            const auto at = std::find(order_.begin(), order_.end(), v);
            if (at == order_.end()) continue;
            auto first = order_.end();
            for (auto it = order_.begin(); it != order_.end(); ++it) {
                if (it == at) continue;
                const Box& b = page_.regions[*it].box;
                if (page_.regions[*it].vertical ||
                    b.hpos + b.width > t.hpos + 0.5 * geometric(body_size_))
                    continue;
                const double beside =
                    overlap_1d(b.vpos, b.vpos + b.height, t.vpos, t.vpos + t.height);
                if (beside >= 0.5 * b.height && !under_other_title(*it, v)) {
                    first = it;
                    break;
                }
            }
            if (first == order_.end()) continue;
            const std::size_t before = *first;
            order_.erase(at);
            order_.insert(std::find(order_.begin(), order_.end(), before), v);
        }
    }

    // Region `r` belongs to another article than vertical title `v`: it is a title itself, or
    // a horizontal title stands above it (across half its width or more) below the top of `v`.
    bool under_other_title(std::size_t r, std::size_t v) const {
        if (title_sized(measures_[r])) return true;
        const Box& b = page_.regions[r].box;
        const Box& t = page_.regions[v].box;
        for (std::size_t k = 0; k < page_.regions.size(); ++k) {
            const Region& other = page_.regions[k];
            if (k == r || k == v || other.vertical || !title_sized(measures_[k])) continue;
            const Box& o = other.box;
            if (o.vpos + geometric(body_size_) < t.vpos || o.vpos >= b.vpos) continue;
            if (overlap_1d(o.hpos, o.hpos + o.width, b.hpos, b.hpos + b.width) >= 0.5 * b.width)
                return true;
        }
        return false;
    }

    // Decks and kickers: a short region in another font than the body (or bold, or larger)
    // right after a title is a subtitle, right before one a kicker (a smaller title).
    void refine_title_stacks() {
        std::map<std::string, std::size_t> family_chars;
        for (const Unit& u : units_)
            if (u.role == Role::body) family_chars[family_of(u.region)] += u.m.chars;
        std::string body_family;
        std::size_t most = 0;
        for (const auto& [family, chars] : family_chars)
            if (chars > most) {
                most = chars;
                body_family = family;
            }
        // The body's column width: the character-weighted median width of body regions.
        std::vector<std::pair<double, std::size_t>> widths;
        for (const Unit& u : units_)
            if (u.role == Role::body)
                widths.emplace_back(page_.regions[u.region].box.width, u.m.chars);
        const double column = char_weighted_median(std::move(widths));
        for (std::size_t i = 0; i < units_.size(); ++i) {
            Unit& u = units_[i];
            // A deck set across the headline's columns, wider than the body's columns,
            // right under the title: part of the stack, whatever its length.
            const bool after_title_unit = i > 0 && (units_[i - 1].role == Role::title ||
                                                    units_[i - 1].role == Role::subtitle);
            if (u.role == Role::body && after_title_unit && column > 0 && u.m.lines <= 6 &&
                page_.regions[u.region].box.width > 1.5 * column && !starts_item(u.text) &&
                body_size_ > 0 && u.m.size >= 0.85 * body_size_) {
                u.role = Role::subtitle;
                u.paragraphs = {u.text};
                continue;
            }
            if (u.role != Role::body || u.m.lines > 3 || body_size_ <= 0) continue;
            if (u.m.size < 0.85 * body_size_ || starts_item(u.text)) continue;
            const bool distinct =
                family_of(u.region) != body_family || u.m.bold || u.m.size >= 1.1 * body_size_;
            if (!distinct) continue;
            const bool after_title = i > 0 && (units_[i - 1].role == Role::title ||
                                               units_[i - 1].role == Role::subtitle);
            const bool before_title =
                i + 1 < units_.size() && units_[i + 1].role == Role::title &&
                page_.regions[u.region].box.vpos < page_.regions[units_[i + 1].region].box.vpos;
            if (after_title)
                u.role = Role::subtitle;
            else if (before_title)
                u.role = Role::title;
            else
                continue;
            u.paragraphs = {u.text};
        }
    }

    // A title that is a place and a date ("Luxembourg, le 9 juillet.", "Paris, 8 juillet
    // 1858."): by the pattern tables, or a weekday or month with a year.
    bool dateline_title(std::string_view t) const {
        return dated_line(t) || patterns_.whole(text::PatternKind::dateline, t).has_value() ||
               patterns_.at_start(text::PatternKind::dateline, t).has_value();
    }

    // A dated line at the head of the page (its top within the head stripe): the running head
    // or the masthead's date line, whatever the OCR made of the paper's name beside it.
    bool running_head(const Region& region, const Unit& u, std::string_view t) const {
        if (u.m.lines > 2 || height_ <= 0 || region.box.vpos > running_head_reach * height_)
            return false;
        std::size_t words = 0;
        for (const TextLine& l : region.lines) words += l.words.size();
        return words <= 12 && dated_line(t);
    }

    bool furniture_lines(const Region& region, Unit& u) const {
        const std::vector<std::string> lines = region_lines(region, text::RepairMode::body);
        if (lines.empty() || lines.size() > 3) return false;
        if (!title_key_.empty() && text::folded(u.text) == title_key_) return true;
        bool separators = true;
        for (const std::string& line : lines) {
            const bool separator = patterns_.whole(text::PatternKind::separator, line).has_value();
            separators = separators && separator;
            if (!separator && !patterns_.whole(text::PatternKind::furniture, line) &&
                !(!title_key_.empty() && text::folded(line) == title_key_))
                return false;
        }
        u.separator = separators;
        return true;
    }

    std::string family_of(std::size_t region) const {
        const int style = page_.regions[region].style;
        return style >= 0 && static_cast<std::size_t>(style) < page_.styles.size()
                   ? page_.styles[static_cast<std::size_t>(style)].family
                   : std::string();
    }

    // A size (font size or line height) as a length on the page.
    double geometric(double size) const { return size * to_page_unit_; }

    bool title_sized(const RegionMeasure& m) const {
        if (body_size_ <= 0 || m.size <= 0) return false;
        return m.size >= title_ratio * body_size_ ||
               (m.bold && m.size >= bold_title_ratio * body_size_);
    }

    // A caption found only by its place next to a photo must also look like one when the
    // input gives fonts: smaller than the body, or bold. Body text that runs up to a photo
    // set across its columns, or an advertisement's small print, is set like the body.
    bool set_off(const Unit& u) const {
        if (!u.m.from_fonts || body_size_ <= 0) return true;
        return u.m.bold || u.m.size <= caption_size_ratio * body_size_;
    }

    bool near_photo(const Region& r, int& graphic) const {
        const double reach =
            caption_reach * (body_size_ > 0 ? geometric(body_size_) : r.box.height);
        for (std::size_t g = 0; g < page_.graphics.size(); ++g) {
            const Graphic& photo = page_.graphics[g];
            if (photo.kind != Graphic::Kind::illustration) continue;
            const Box& b = photo.box;
            const double across =
                overlap_1d(r.box.hpos, r.box.hpos + r.box.width, b.hpos, b.hpos + b.width);
            if (across < 0.5 * std::min(r.box.width, b.width)) continue;
            const double below = r.box.vpos - (b.vpos + b.height);
            const double above = b.vpos - (r.box.vpos + r.box.height);
            if ((below >= -0.5 * reach && below <= reach) ||
                (above >= -0.5 * reach && above <= reach)) {
                graphic = static_cast<int>(g);
                return true;
            }
        }
        return false;
    }

    Unit classify(std::size_t r) {
        const Region& region = page_.regions[r];
        Unit u;
        u.region = r;
        u.m = measures_[r];
        const bool title_like_size = title_sized(u.m);
        const auto lines = region_lines(
            region, title_like_size ? text::RepairMode::title : text::RepairMode::body);
        u.text = text::join_lines(lines);
        u.paragraphs = {u.text};
        const std::string_view t = u.text;

        // Page furniture: what the input says, the top and bottom bands, folios.
        const bool top_band =
            height_ > 0 && region.box.vpos + region.box.height <= furniture_band * height_;
        const bool bottom_band = height_ > 0 && region.box.vpos >= (1 - furniture_band) * height_;
        if (region.hint == RegionHint::header || region.hint == RegionHint::footer ||
            region.hint == RegionHint::page_number || region.hint == RegionHint::marginalia ||
            region.hint == RegionHint::advertisement ||
            ((top_band || bottom_band) && u.m.lines <= 2) || stripe_[r] ||
            only_digits_or_folio(t) || running_head(region, u, t)) {
            u.role = Role::furniture;
            return u;
        }
        // Running heads, masthead lines, notice labels and the newspaper's own name, by the
        // pattern tables: every line of the region is furniture. A separator ("o o") also
        // ends the item above it.
        if (furniture_lines(region, u)) {
            u.role = Role::furniture;
            return u;
        }
        if (t.empty()) {
            u.role = Role::furniture;
            return u;
        }
        if (auto m = patterns_.whole(text::PatternKind::continuation_to, t)) {
            u.role = Role::continuation_to;
            u.page = m->page;
            u.key = m->key;
            return u;
        }
        if (auto m = patterns_.whole(text::PatternKind::continuation_from, t)) {
            u.role = Role::continuation_from;
            u.page = m->page;
            u.key = m->key;
            return u;
        }
        if (auto m = patterns_.whole(text::PatternKind::byline_line, t); m && u.m.lines <= 3) {
            u.role = Role::byline;
            u.bylines = text::parse_bylines(names_of(*m), m->title, patterns_);
            return u;
        }
        if (auto m = patterns_.whole(text::PatternKind::signature, t)) {
            u.role = Role::signature;
            u.signature = std::string(text::trim(names_of(*m)));
            return u;
        }
        // Captions: what the input says, a credit or a picture marker, a place next to a
        // photo.
        const bool short_text = u.m.lines <= max_caption_lines;
        auto credit = patterns_.at_end(text::PatternKind::credit, t);
        const bool marker = patterns_.at_start(text::PatternKind::caption_lead, t).has_value() ||
                            patterns_.at_end(text::PatternKind::caption_tail, t).has_value();
        int graphic = -1;
        const bool by_photo = near_photo(region, graphic);
        if (region.hint == RegionHint::caption ||
            (short_text && (credit || marker || (by_photo && !title_like_size && set_off(u))))) {
            u.role = Role::caption;
            u.graphic = graphic;
            if (credit) {
                u.credit = std::string(text::trim(names_of(*credit)));
                u.text = std::string(text::trim(t.substr(0, credit->begin)));
            }
            return u;
        }
        // Titles: typography first; without fonts or line heights, a short line without
        // sentence punctuation.
        const bool big_title = body_size_ > 0 && u.m.size >= big_title_ratio * body_size_;
        const bool short_title =
            u.m.lines <= max_title_lines && (big_title || !text::is_sentence_end(t));
        const bool plain_title = body_size_ <= 0 && u.m.lines <= 2 && u.m.chars <= 40 &&
                                 !text::has_clause_punct(t) && !text::is_sentence_end(t);
        // Older papers set article headings at body size, centred in their column, often
        // ending with a full stop ("Revue politique.", "COAL DUTIES."): a short centred
        // region of one or two lines is a title too, and starts an article.
        if (!title_like_size && centred_heading(region, u, t)) {
            u.role = Role::title;
            u.set_apart = true;
            return u;
        }
        // A larger phrase closed by a full stop ("Nicht amtlicher Theil.") is a heading too.
        const bool sized_phrase = title_like_size && one_phrase(region, u, t);
        if (region.hint == RegionHint::heading || (title_like_size && short_title) ||
            sized_phrase || plain_title) {
            u.role =
                patterns_.at_start(text::PatternKind::subtitle, t) ? Role::subtitle : Role::title;
            return u;
        }
        u.run_in = run_in_heading(region);
        u.paragraphs = paragraphs_of(region);
        if (u.paragraphs.empty()) u.paragraphs = {u.text};
        return u;
    }

    // One or two lines of at most ten words forming one phrase: no sentence break,
    // semicolon, question or exclamation inside (a closing full stop is allowed).
    static bool one_phrase(const Region& region, const Unit& u, std::string_view t) {
        if (u.m.lines == 0 || u.m.lines > 2 || region.box.width <= 0) return false;
        std::size_t words = 0;
        for (const TextLine& l : region.lines) words += l.words.size();
        if (words > 10 || u.m.chars > 80) return false;
        std::string_view inner = t;
        while (!inner.empty() && (inner.back() == '.' || inner.back() == ' '))
            inner.remove_suffix(1);
        return !inner.empty() && inner.find_first_of(";!?") == std::string_view::npos &&
               inner.find(". ") == std::string_view::npos;
    }

    // A phrase (above) in capitals with a full stop, or narrower than the column it stands in
    // and centred in it (margins of at least a tenth of the column on both sides, equal within
    // a quarter of it). The column is the nearest region above or below of at least three
    // lines that lies across it.
    bool centred_heading(const Region& region, const Unit& u, std::string_view t) const {
        if (!one_phrase(region, u, t)) return false;
        std::string_view inner = t;
        while (!inner.empty() && (inner.back() == '.' || inner.back() == ' '))
            inner.remove_suffix(1);
        // Set in capitals and closed by a full stop ("COAL DUTIES."): a heading wherever it
        // stands.
        std::size_t upper = 0, lower = 0;
        for (const char c : inner) {
            upper += c >= 'A' && c <= 'Z';
            lower += c >= 'a' && c <= 'z';
        }
        if (t.ends_with(".") && upper >= 4 && upper >= 4 * lower) return true;
        const Box& b = region.box;
        double column_left = 0, column_width = 0, nearest = -1;
        for (std::size_t i = 0; i < page_.regions.size(); ++i) {
            const Region& other = page_.regions[i];
            if (&other == &region || measures_[i].lines < 3) continue;
            const Box& o = other.box;
            if (overlap_1d(o.hpos, o.hpos + o.width, b.hpos, b.hpos + b.width) < 0.9 * b.width)
                continue;
            const double distance =
                std::max({0.0, o.vpos - (b.vpos + b.height), b.vpos - (o.vpos + o.height)});
            if (nearest < 0 || distance < nearest) {
                nearest = distance;
                column_left = o.hpos;
                column_width = o.width;
            }
        }
        if (column_width <= 0 || b.width > 0.8 * column_width) return false;
        const double left = b.hpos - column_left;
        const double right = column_left + column_width - (b.hpos + b.width);
        return left >= 0.1 * column_width && right >= 0.1 * column_width &&
               std::abs(left - right) <= 0.25 * column_width;
    }

    static BlockKind block_kind(Role role) {
        switch (role) {
            case Role::body: return BlockKind::body;
            case Role::title: return BlockKind::headline;
            case Role::subtitle: return BlockKind::subtitle;
            case Role::byline: return BlockKind::byline;
            case Role::signature: return BlockKind::signature;
            case Role::caption: return BlockKind::caption;
            case Role::continuation_to:
            case Role::continuation_from: return BlockKind::continuation;
            case Role::furniture: return BlockKind::furniture;
        }
        return BlockKind::unknown;
    }

    void make_blocks() {
        const std::string prefix = "p" + std::to_string(context_.sequence) + "-b";
        for (std::size_t i = 0; i < units_.size(); ++i) {
            Unit& u = units_[i];
            const Region& region = page_.regions[u.region];
            Block b;
            b.id = sequence_id(prefix, i + 1, 4);
            b.kind = block_kind(u.role);
            b.text = text::join_lines(region_lines(
                region, u.role == Role::title ? text::RepairMode::title : text::RepairMode::body));
            b.first_line = region.source_line;
            b.last_line = region.source_line;
            b.box = region.box;
            b.lines = region.lines;
            b.style = region.style;
            b.confidence = region.confidence;
            b.language = region.language;
            u.block_id = b.id;
            out_.blocks.push_back(std::move(b));
        }
    }

    std::uint64_t line_of(const Unit& u) const {
        const std::uint64_t line = page_.regions[u.region].source_line;
        return line > 0 ? line : u.region + 1;
    }

    // The title stack waiting for its article: the largest title is the headline, titles
    // above it are the kicker, below it (and "——" lines) the subtitle.
    void open_article(const std::vector<std::size_t>& stack) {
        close_article();
        Article art;
        art.pages.push_back(context_.label);
        art.source_path = context_.path;
        std::size_t main = stack.size();
        double best = -1;
        // A label over the item's own heading: a stack of two titles or more.
        if (stack.size() >= 2 && section_label(stack) && heads_later_item(stack.back()) &&
            units_[stack.back()].m.size < units_[stack[stack.size() - 2]].m.size)
            main = stack.size() - 1;
        // A dated line in the stack ("Luxembourg, le 9 juillet." over "Revue politique.") is
        // the paper's own dateline for what follows, not the headline, unless it is all.
        for (const bool dated : {false, true}) {
            if (main < stack.size()) break;
            for (std::size_t k = 0; k < stack.size(); ++k) {
                const Unit& u = units_[stack[k]];
                if (u.role != Role::title || (!dated && dateline_title(u.text))) continue;
                if (u.m.size > best + 1e-9) {
                    best = u.m.size;
                    main = k;
                }
            }
            if (main < stack.size()) break;
        }
        std::vector<std::string> kicker;
        std::vector<std::string> subtitle;
        for (std::size_t k = 0; k < stack.size(); ++k) {
            const Unit& u = units_[stack[k]];
            art.block_ids.push_back(u.block_id);
            if (k == main) {
                art.headline = u.text;
            } else if (u.role == Role::subtitle || k > main) {
                std::string_view s = u.text;
                while (s.starts_with("\xE2\x80\x94") || s.starts_with("-"))
                    s.remove_prefix(s.starts_with("-") ? 1 : 3);
                subtitle.emplace_back(text::trim(s));
                out_.blocks[stack[k]].kind = BlockKind::subtitle;
            } else {
                kicker.push_back(u.text);
                out_.blocks[stack[k]].kind = BlockKind::kicker;
            }
        }
        if (!art.headline && !subtitle.empty()) {
            art.headline = subtitle.front();
            subtitle.erase(subtitle.begin());
        }
        if (!kicker.empty()) art.kicker = text::join_lines(kicker);
        if (!subtitle.empty()) {
            std::string joined;
            for (const std::string& s : subtitle) joined += (joined.empty() ? "" : "\n") + s;
            art.subtitle = joined;
        }
        art.headline_confidence = art.headline ? 1.0 : 0.0;
        art.first_line = stack.empty() ? 0 : line_of(units_[stack.front()]);
        current_ = std::move(art);
        jump_ = {};
        has_body_ = false;
        last_body_ = SIZE_MAX;
    }

    void open_headless(const Unit& u) {
        open_article({});
        current_->first_line = line_of(u);
    }

    void close_article() {
        if (!current_) return;
        Article& art = *current_;
        const std::uint64_t line = art.first_line;
        if (!art.headline)
            art.warnings.push_back(make_warning("PB-SEG-NO-HEADLINE", context_.path, line,
                                                "no headline found for this article; headline "
                                                "left empty"));
        if (art.body.empty())
            art.warnings.push_back(
                make_warning("PB-SEG-NO-BODY", context_.path, line, "article has no body text"));
        out_.articles.push_back(std::move(art));
        out_.jumps.push_back(jump_);
        current_.reset();
    }

    // The first paragraph of an article may open with a dateline and a bracketed byline:
    // they become the article's fields and leave the paragraph.
    void add_body(const Unit& u) {
        Article& art = *current_;
        for (std::size_t p = 0; p < u.paragraphs.size(); ++p) {
            std::string para = u.paragraphs[p];
            if (!has_body_) {
                if (auto m = patterns_.at_start(text::PatternKind::dateline, para)) {
                    art.dateline = dateline_text(para.substr(0, m->end));
                    if (!names_of(*m).empty()) {
                        auto people = text::parse_bylines(names_of(*m), "", patterns_);
                        art.bylines.insert(art.bylines.end(), people.begin(), people.end());
                    }
                    para = para.substr(m->end);
                    if (auto b = patterns_.at_start(text::PatternKind::byline_bracket, para)) {
                        auto people = text::parse_bylines(names_of(*b), "", patterns_);
                        art.bylines.insert(art.bylines.end(), people.begin(), people.end());
                        para = para.substr(b->end);
                    }
                    para = std::string(text::trim(para));
                    while (!para.empty() && (para.front() == ' ')) para.erase(0, 1);
                }
            }
            if (p + 1 == u.paragraphs.size()) {
                if (auto m = patterns_.at_end(text::PatternKind::continuation_to, para)) {
                    art.continued_on = m->page;
                    jump_.key = m->key;
                    jump_.to_line = line_of(u);
                    para = std::string(text::trim(para.substr(0, m->begin)));
                }
            }
            if (p == 0 && !has_body_) {
                if (auto m = patterns_.at_start(text::PatternKind::continuation_from, para)) {
                    art.continued_from = m->page;
                    if (jump_.key.empty()) jump_.key = m->key;
                    jump_.from_line = line_of(u);
                    para = std::string(text::trim(para.substr(m->end)));
                }
            }
            if (para.empty()) continue;
            art.body.push_back({paperbag::Paragraph::Kind::text, para, u.block_id});
            has_body_ = true;
        }
        art.block_ids.push_back(u.block_id);
    }

    void add_caption(const Unit& u, const std::vector<std::size_t>& stack) {
        // A credit line set on its own under a caption ("本报记者 游故己摄") completes it.
        if (u.text.empty() && !u.credit.empty() && stack.empty() && !out_.illustrations.empty() &&
            !out_.illustrations.back().credit) {
            out_.illustrations.back().credit = u.credit;
            out_.illustrations.back().block_ids.push_back(u.block_id);
            return;
        }
        Illustration ill;
        ill.pages.push_back(context_.label);
        for (std::size_t k : stack) ill.block_ids.push_back(units_[k].block_id);
        if (!stack.empty()) ill.headline = units_[stack.back()].text;
        ill.block_ids.push_back(u.block_id);
        // An arrow pointing at the photo (↑ ↓ ← → ▲ ▼ ◄ ►) is not part of the caption.
        std::string_view caption = text::trim(u.text);
        for (bool stripped = true; stripped;) {
            stripped = false;
            for (std::string_view arrow :
                 {"\u2191", "\u2193", "\u2190", "\u2192", "\u25B2", "\u25BC", "\u25C4", "\u25BA"})
                if (caption.starts_with(arrow)) {
                    caption = text::trim(caption.substr(arrow.size()));
                    stripped = true;
                }
        }
        ill.caption = std::string(caption);
        if (!u.credit.empty()) ill.credit = u.credit;
        if (u.graphic >= 0)
            ill.graphic_ids.push_back(page_.graphics[static_cast<std::size_t>(u.graphic)].id);
        out_.illustrations.push_back(std::move(ill));
    }

    void assemble() {
        std::vector<std::size_t> stack;  // titles waiting for their article
        for (std::size_t i = 0; i < units_.size(); ++i) {
            const Unit& u = units_[i];
            switch (u.role) {
                case Role::furniture:
                    if (u.separator && stack.empty()) close_article();
                    break;
                case Role::title:
                case Role::subtitle:
                    // A single small title inside a running article, between two body
                    // regions of the same column, is an intertitle.
                    if (stack.empty() && !u.set_apart && intertitle(i)) {
                        current_->body.push_back(
                            {paperbag::Paragraph::Kind::intertitle, u.text, u.block_id});
                        current_->block_ids.push_back(u.block_id);
                        out_.blocks[i].kind = BlockKind::intertitle;
                        break;
                    }
                    // A title stack is printed in one piece: a title (not a deck) that does
                    // not stand right under the stack (a notice box, an advertisement's heading, a
                    // label beside the headline) leaves the stack before it without body.
                    if (!stack.empty() && u.role == Role::title && !stacks_with(stack.back(), i)) {
                        drop_stack(stack);
                        stack.clear();
                    }
                    stack.push_back(i);
                    break;
                case Role::caption:
                    add_caption(u, stack);
                    stack.clear();
                    break;
                case Role::byline:
                    if (!stack.empty()) {
                        open_article(stack);
                        stack.clear();
                    } else if (!current_ || has_body_) {
                        open_headless(u);
                    }
                    current_->bylines.insert(current_->bylines.end(), u.bylines.begin(),
                                             u.bylines.end());
                    current_->block_ids.push_back(u.block_id);
                    out_.blocks[i].kind = BlockKind::byline;
                    break;
                case Role::continuation_from:
                    if (!stack.empty()) {
                        open_article(stack);
                        stack.clear();
                    } else {
                        open_headless(u);
                    }
                    current_->continued_from = u.page;
                    jump_.key = u.key;
                    jump_.from_line = line_of(u);
                    current_->block_ids.push_back(u.block_id);
                    break;
                case Role::continuation_to:
                case Role::signature:
                    if (!current_) break;
                    current_->block_ids.push_back(u.block_id);
                    if (u.role == Role::signature) {
                        if (!u.signature.empty()) current_->signature = u.signature;
                    } else {
                        current_->continued_on = u.page;
                        if (!u.key.empty()) jump_.key = u.key;
                        jump_.to_line = line_of(u);
                    }
                    close_article();
                    break;
                case Role::body:
                    if (!stack.empty() && u.run_in && section_label(stack)) {
                        // The item opens with its own run-in heading: the titles above it
                        // label the section ("PARTIE OFFICIELLE." over "Polizei-Reglement.
                        // In seiner Sitzung ..."), they are not its headline.
                        for (std::size_t k : stack) out_.blocks[k].kind = BlockKind::furniture;
                        stack.clear();
                        open_headless(u);
                    } else if (!stack.empty()) {
                        open_article(stack);
                        stack.clear();
                    } else if (!current_ ||
                               (has_body_ && !current_->headline &&
                                starts_item(u.paragraphs.front()) && lead_set_off(u)) ||
                               (has_body_ && flow_break(body_band_, band_[u.region])) ||
                               (has_body_ && u.run_in && !current_->body.empty() &&
                                !ends_mid_sentence(current_->body.back().text)) ||
                               (has_body_ && column_start_[u.region]) ||
                               (has_body_ && translation_beside(u.region))) {
                        open_headless(u);
                    }
                    add_body(u);
                    body_band_ = band_[u.region];
                    last_body_ = u.region;
                    break;
            }
        }
        if (!stack.empty()) drop_stack(stack);
        close_article();
        // Provisional ids, in page order; the issue importer renumbers them.
        for (std::size_t i = 0; i < out_.articles.size(); ++i)
            out_.articles[i].id = sequence_id("art-", i + 1);
        for (std::size_t i = 0; i < out_.illustrations.size(); ++i)
            out_.illustrations[i].id = sequence_id("ill-", i + 1);
    }

    // Titles with no body after them (the headings of advertisements and notice boxes, a
    // label): no article; their blocks stay on the page as furniture, flagged.
    void drop_stack(const std::vector<std::size_t>& stack) {
        for (std::size_t k : stack) out_.blocks[k].kind = BlockKind::furniture;
        out_.warnings.push_back(make_warning("PB-SEG-ORPHAN-HEADLINE", context_.path,
                                             line_of(units_[stack.front()]),
                                             "headline block has no body text; kept as page "
                                             "furniture, not as an article"));
    }

    // A stack of titles set in the style of older papers: each one phrase closed by a full
    // stop ("PARTIE OFFICIELLE.", "Börsenberichte. — Bourses." over "Paris, 8 juillet
    // 1858."). Modern headlines and decks carry no full stop.
    bool section_label(const std::vector<std::size_t>& stack) const {
        for (std::size_t k : stack) {
            const std::string_view t = text::trim(units_[k].text);
            if (units_[k].role != Role::title || !t.ends_with(".")) return false;
        }
        return !stack.empty();
    }

    // Title unit `t` is set like the heading of a later item of the page that stands alone
    // (same font family and size): the items of a section share the style of their headings,
    // and the label over the first of them is larger.
    bool heads_later_item(std::size_t t) const {
        const Unit& title = units_[t];
        if (title.m.size <= 0) return false;
        for (std::size_t j = t + 2; j < units_.size(); ++j) {
            const Unit& u = units_[j];
            if (u.role != Role::title || units_[j - 1].role == Role::title ||
                units_[j - 1].role == Role::subtitle)
                continue;
            if (j + 1 < units_.size() && units_[j + 1].role != Role::body) continue;
            if (std::abs(u.m.size - title.m.size) <= 0.05 * title.m.size &&
                family_of(u.region) == family_of(title.region))
                return true;
        }
        return false;
    }

    // Title `next` continues the stack that ends with title `last`: it stands under it (or
    // beside it, for a vertical headline) with at most two of the larger sizes between them,
    // and the two overlap across.
    bool stacks_with(std::size_t last, std::size_t next) const {
        const Box& a = page_.regions[units_[last].region].box;
        const Box& b = page_.regions[units_[next].region].box;
        const double size =
            geometric(std::max({units_[last].m.size, units_[next].m.size, body_size_}));
        const double across = overlap_1d(a.hpos, a.hpos + a.width, b.hpos, b.hpos + b.width);
        const double down = overlap_1d(a.vpos, a.vpos + a.height, b.vpos, b.vpos + b.height);
        const double gap_down =
            std::max(b.vpos - (a.vpos + a.height), a.vpos - (b.vpos + b.height));
        const double gap_across =
            std::max(b.hpos - (a.hpos + a.width), a.hpos - (b.hpos + b.width));
        if (across > 0.3 * std::min(a.width, b.width) && gap_down <= 2.5 * size) return true;
        return down > 0.3 * std::min(a.height, b.height) && gap_across <= 2.5 * size &&
               (page_.regions[units_[last].region].vertical ||
                page_.regions[units_[next].region].vertical);
    }

    // A run-in item opens with its first words set off (bold) when the input gives fonts;
    // a dateline in plain text further down a run of dispatches continues the item.
    bool lead_set_off(const Unit& u) const {
        if (!u.m.from_fonts) return true;
        const Region& region = page_.regions[u.region];
        if (region.lines.empty() || region.lines.front().words.empty()) return false;
        const int style = region.lines.front().words.front().style;
        return style >= 0 && static_cast<std::size_t>(style) < page_.styles.size() &&
               page_.styles[static_cast<std::size_t>(style)].bold;
    }

    // A new item without a title: a paragraph that opens with a dateline.
    bool starts_item(std::string_view paragraph) const {
        return patterns_.at_start(text::PatternKind::dateline, paragraph).has_value();
    }

    bool intertitle(std::size_t i) const {
        if (!current_ || !has_body_ || i == 0 || i + 1 >= units_.size()) return false;
        const Unit& u = units_[i];
        const Unit& before = units_[i - 1];
        const Unit& after = units_[i + 1];
        if (before.role != Role::body || after.role != Role::body) return false;
        if (u.m.lines > 1) return false;
        if (body_size_ > 0 && u.m.size >= title_ratio * body_size_) return false;
        const Box& a = page_.regions[before.region].box;
        const Box& b = page_.regions[u.region].box;
        return overlap_1d(a.hpos, a.hpos + a.width, b.hpos, b.hpos + b.width) >
               0.5 * std::min(a.width, b.width);
    }

    const LayoutPage& page_;
    const text::PageContext& context_;
    const text::PatternSet& patterns_;
    const std::string title_key_;  // the newspaper's title, folded: printed alone, a masthead
    std::vector<std::size_t> order_;
    std::vector<RegionMeasure> measures_;
    double body_size_ = 0;
    double to_page_unit_ = 1;  // page units per unit of size (fonts in points on OCR pages)
    double height_ = 0;
    std::vector<bool> stripe_;       // regions of the head or foot stripe (furniture)
    std::vector<std::size_t> band_;  // per region: its band across the page, top to bottom
    std::vector<bool> columned_;     // per band: set in columns
    std::vector<double> band_gap_;   // per band: the white space above it
    std::vector<std::vector<std::size_t>> members_;  // per band: its regions, top to bottom
    std::vector<bool> column_start_;    // per region: opens a column in another language
    std::vector<Language> languages_;   // per region: by its function words
    std::size_t last_body_ = SIZE_MAX;  // region of the running article's last body unit
    std::size_t body_band_ = 0;         // band of the running article's last body region
    std::vector<Unit> units_;
    text::PageSegments out_;
    std::optional<Article> current_;
    text::Jump jump_;
    bool has_body_ = false;
};

}  // namespace

text::PageSegments segment_layout(const LayoutPage& page, const text::PageContext& context) {
    return Segmenter(page, context).run();
}

void apply_geometry(Page& page, LayoutPage&& layout) {
    page.width = layout.width;
    page.height = layout.height;
    page.unit = std::move(layout.unit);
    page.styles = std::move(layout.styles);
    page.graphics = std::move(layout.graphics);
}

}  // namespace paperbag::layout
