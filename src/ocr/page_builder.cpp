#include "ocr/page_builder.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

#include "paperbag/ids.hpp"

namespace paperbag::ocr::detail {

namespace {

constexpr double max_coordinate = 1e7;

std::string_view trim(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

// Unicode whitespace that OCR engines put around words (NBSP, ideographic space) is trimmed
// too: a word is its visible text.
std::string trim_word(std::string_view s) {
    s = trim(s);
    static constexpr std::string_view spaces[] = {"\xC2\xA0", "\xE3\x80\x80"};
    for (bool changed = true; changed;) {
        changed = false;
        for (std::string_view sp : spaces) {
            if (s.starts_with(sp)) s.remove_prefix(sp.size()), changed = true;
            if (s.ends_with(sp)) s.remove_suffix(sp.size()), changed = true;
        }
        const std::string_view t = trim(s);
        if (t.size() != s.size()) s = t, changed = true;
    }
    return std::string(s);
}

Box unite(const Box& a, const Box& b) {
    const double x0 = std::min(a.hpos, b.hpos);
    const double y0 = std::min(a.vpos, b.vpos);
    const double x1 = std::max(a.hpos + a.width, b.hpos + b.width);
    const double y1 = std::max(a.vpos + a.height, b.vpos + b.height);
    return {x0, y0, x1 - x0, y1 - y0};
}

void extend(std::optional<Box>& acc, const std::optional<Box>& b) {
    if (!b) return;
    acc = acc ? unite(*acc, *b) : *b;
}

// Clips `box` to the page; false when it lies wholly outside.
bool clip(Box& box, double width, double height) {
    const bool inside = box.hpos <= width && box.vpos <= height && box.hpos + box.width >= 0 &&
                        box.vpos + box.height >= 0;
    const double x0 = std::clamp(box.hpos, 0.0, width);
    const double y0 = std::clamp(box.vpos, 0.0, height);
    const double x1 = std::clamp(box.hpos + box.width, 0.0, width);
    const double y1 = std::clamp(box.vpos + box.height, 0.0, height);
    box = {x0, y0, x1 - x0, y1 - y0};
    return inside;
}

}  // namespace

std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    if (!std::isfinite(value)) return std::nullopt;
    return value;
}

PageBuilder::PageBuilder(const ReadOptions& options, OcrPage& out) : options_(options), out_(out) {}

void PageBuilder::set_page_size(std::optional<double> width, std::optional<double> height,
                                std::uint64_t line) {
    const auto ok = [](std::optional<double> v) { return v && *v > 0 && *v <= max_coordinate; };
    if (ok(width) && ok(height)) {
        out_.layout.width = *width;
        out_.layout.height = *height;
    } else if ((width && *width != 0) || (height && *height != 0)) {
        out_.warnings.add(make_warning("PB-OCR-GEOMETRY", options_.path, line,
                                       "page size is not usable; taken from the content"));
    }
}

std::optional<Box> PageBuilder::make_box(std::optional<double> x, std::optional<double> y,
                                         std::optional<double> w, std::optional<double> h,
                                         std::uint64_t line) {
    if (!x && !y && !w && !h) return std::nullopt;
    const auto in_range = [](std::optional<double> v, double low) {
        return v && *v >= low && *v <= max_coordinate;
    };
    if (in_range(x, -max_coordinate) && in_range(y, -max_coordinate) && in_range(w, 0) &&
        in_range(h, 0))
        return Box{*x, *y, *w, *h};
    if (dropped_boxes_++ == 0) first_dropped_line_ = line;
    return std::nullopt;
}

int PageBuilder::style_index(const TextStyle& style) {
    auto& styles = out_.layout.styles;
    const auto it = std::find(styles.begin(), styles.end(), style);
    if (it != styles.end()) return static_cast<int>(it - styles.begin());
    styles.push_back(style);
    return static_cast<int>(styles.size() - 1);
}

void PageBuilder::begin_region(std::string source_id, std::optional<Box> box,
                               layout::RegionHint hint, std::string language, std::uint64_t line) {
    if (open_region_) end_region();
    layout::Region region;
    region.source_id = std::move(source_id);
    if (box) region.box = *box;
    region.hint = hint;
    region.language = std::move(language);
    region.source_line = line;
    out_.layout.regions.push_back(std::move(region));
    box_given_.push_back(box.has_value());
    open_region_ = true;
}

void PageBuilder::end_region() {
    if (!open_region_) return;
    end_line();
    open_region_ = false;
}

void PageBuilder::begin_line(std::optional<Box> box) {
    if (!open_region_) begin_region({}, std::nullopt, layout::RegionHint::none, {}, 0);
    end_line();
    TextLine line;
    line.box = box;
    out_.layout.regions.back().lines.push_back(std::move(line));
    open_line_ = true;
}

void PageBuilder::end_line() {
    if (!open_line_) return;
    open_line_ = false;
    auto& lines = out_.layout.regions.back().lines;
    if (lines.back().words.empty()) lines.pop_back();
}

void PageBuilder::add_word(Word word, std::string_view id, std::uint64_t line) {
    word.text = trim_word(word.text);
    if (word.text.empty()) return;
    if (!open_line_) begin_line(std::nullopt);
    if (++words_ > options_.max_words)
        throw Error(make_error(
            "PB-OCR-TOO-LARGE", options_.path, line,
            "more than " + std::to_string(options_.max_words) + " words on one page; refused"));
    if (!id.empty()) out_.word_ids.emplace_back(std::string(id), out_.layout.regions.size() - 1);
    out_.layout.regions.back().lines.back().words.push_back(std::move(word));
}

void PageBuilder::note_word_id(std::string_view id) {
    if (!id.empty() && !out_.layout.regions.empty())
        out_.word_ids.emplace_back(std::string(id), out_.layout.regions.size() - 1);
}

Word* PageBuilder::last_word() noexcept {
    if (!open_line_) return nullptr;
    auto& words = out_.layout.regions.back().lines.back().words;
    return words.empty() ? nullptr : &words.back();
}

void PageBuilder::add_graphic(Graphic::Kind kind, std::optional<Box> box) {
    if (!box) return;
    Graphic g;
    g.kind = kind;
    g.box = *box;
    out_.layout.graphics.push_back(std::move(g));
}

void PageBuilder::note_element(std::string id) {
    if (!id.empty() && !out_.layout.regions.empty())
        elements_.emplace_back(std::move(id), out_.layout.regions.size() - 1);
}

void PageBuilder::set_reading_order(const std::vector<std::string>& ids) {
    order_ = ids;
    order_given_ = !ids.empty();
}

void PageBuilder::finish() {
    end_region();
    layout::LayoutPage& page = out_.layout;

    // Regions without text carry nothing a reader could use; word ids are remapped.
    std::vector<std::size_t> new_index(page.regions.size(), SIZE_MAX);
    std::vector<layout::Region> kept;
    std::vector<bool> given;
    for (std::size_t i = 0; i < page.regions.size(); ++i) {
        if (page.regions[i].lines.empty()) continue;
        new_index[i] = kept.size();
        kept.push_back(std::move(page.regions[i]));
        given.push_back(box_given_[i]);
    }
    page.regions = std::move(kept);

    // Region boxes from their lines when the file gives none; line boxes from their words.
    std::optional<Box> content;
    for (std::size_t r = 0; r < page.regions.size(); ++r) {
        layout::Region& region = page.regions[r];
        std::optional<Box> from_lines;
        for (TextLine& line : region.lines) {
            std::optional<Box> from_words;
            for (const Word& w : line.words) extend(from_words, w.box);
            if (!line.box) line.box = from_words;
            extend(from_lines, line.box);
        }
        if (!given[r] && from_lines) region.box = *from_lines;
        if (given[r] || from_lines) extend(content, region.box);
    }
    for (const Graphic& g : page.graphics) extend(content, g.box);
    if ((page.width <= 0 || page.height <= 0) && content) {
        page.width = std::max(content->hpos + content->width, 1.0);
        page.height = std::max(content->vpos + content->height, 1.0);
    }

    // Everything inside the page.
    std::size_t clipped = 0;
    // Clips; false (and the box emptied) when it lay wholly outside the page.
    const auto fit = [&](Box& b) {
        const Box before = b;
        const bool inside = clip(b, page.width, page.height);
        if (!inside) b = {0, 0, 0, 0};
        if (b.hpos != before.hpos || b.vpos != before.vpos || b.width != before.width ||
            b.height != before.height)
            ++clipped;
        return inside;
    };
    const auto fit_optional = [&](std::optional<Box>& b) {
        if (b && !fit(*b)) b.reset();
    };
    for (layout::Region& region : page.regions) {
        fit(region.box);
        double sum = 0;
        std::size_t stated = 0;
        std::map<int, std::size_t> style_chars;
        for (TextLine& line : region.lines) {
            fit_optional(line.box);
            for (Word& w : line.words) {
                fit_optional(w.box);
                if (w.confidence >= 0) sum += w.confidence, ++stated;
                if (w.style >= 0) style_chars[w.style] += w.text.size();
            }
        }
        region.confidence = stated ? sum / static_cast<double>(stated) : -1;
        if (region.style < 0 && !style_chars.empty())
            region.style =
                std::max_element(style_chars.begin(), style_chars.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; })
                    ->first;
    }
    std::vector<Graphic> graphics;
    for (Graphic& g : page.graphics) {
        if (!fit(g.box) || (g.box.width <= 0 && g.box.height <= 0)) continue;
        g.id = "p" + std::to_string(options_.sequence) + "-" +
               sequence_id("g", graphics.size() + 1, 4);
        graphics.push_back(std::move(g));
    }
    page.graphics = std::move(graphics);

    // The file's reading order.
    if (order_given_) {
        std::map<std::string, std::vector<std::size_t>> by_id;
        for (std::size_t i = 0; i < page.regions.size(); ++i)
            if (!page.regions[i].source_id.empty()) by_id[page.regions[i].source_id].push_back(i);
        // Lines and words named by the order place their region where first named.
        const auto note = [&](const std::string& id, std::size_t original) {
            if (new_index[original] != SIZE_MAX && !by_id.count(id))
                by_id[id].push_back(new_index[original]);
        };
        for (const auto& [id, region] : elements_) note(id, region);
        for (const auto& [id, region] : out_.word_ids) note(id, region);
        for (const auto& [group, members] : out_.groups)
            for (const std::string& m : members) {
                const auto it = by_id.find(m);
                if (it != by_id.end())
                    by_id[group].insert(by_id[group].end(), it->second.begin(), it->second.end());
            }
        std::vector<std::size_t> order;
        std::set<std::size_t> placed;
        for (const std::string& id : order_) {
            const auto it = by_id.find(id);
            if (it == by_id.end()) continue;
            for (std::size_t i : it->second)
                if (placed.insert(i).second) order.push_back(i);
        }
        for (std::size_t i = 0; i < page.regions.size(); ++i)
            if (placed.insert(i).second) order.push_back(i);
        std::vector<layout::Region> ordered;
        std::vector<std::size_t> position(page.regions.size());
        for (std::size_t k = 0; k < order.size(); ++k) {
            position[order[k]] = k;
            ordered.push_back(std::move(page.regions[order[k]]));
        }
        page.regions = std::move(ordered);
        for (std::size_t& i : new_index)
            if (i != SIZE_MAX) i = position[i];
        page.reading_order_given = !placed.empty();
    }
    std::vector<std::pair<std::string, std::size_t>> ids;
    for (auto& [id, region] : out_.word_ids)
        if (new_index[region] != SIZE_MAX) ids.emplace_back(std::move(id), new_index[region]);
    out_.word_ids = std::move(ids);

    if (dropped_boxes_)
        out_.warnings.add(make_warning(
            "PB-OCR-GEOMETRY", options_.path, first_dropped_line_,
            std::to_string(dropped_boxes_) +
                " box(es) ignored: a coordinate is missing, not a number, negative in size or "
                "beyond 10^7"));
    if (clipped)
        out_.warnings.add(make_warning(
            "PB-OCR-GEOMETRY", options_.path, 0,
            std::to_string(clipped) + " box(es) reach outside the page; clipped to it"));
}

}  // namespace paperbag::ocr::detail
