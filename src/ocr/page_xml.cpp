// PAGE-XML 2010 to 2019 (any of its namespaces; elements are matched by local name).
//
// Regions are TextRegions (nested ones too, and those inside tables) with their @type as a
// hint (heading, caption, header, footer, page-number, marginalia; Transkribus' custom
// "structure {type:...}" when @type is missing); lines are TextLines, words Words with their
// Coords (@points, or PAGE 2010 Point elements) turned into boxes. Text comes from the deepest
// level that has a TextEquiv: Words (or their Glyphs), else the line's TextEquiv split at
// spaces, else the region's; of several indexed TextEquivs the one with index 1, else the
// first. ReadingOrder (Ordered groups by @index, unordered ones in document order, nested
// groups flattened) orders the regions; ImageRegion, GraphicRegion, ChartRegion and
// SeparatorRegion become graphics. The file is streamed, one child of Page at a time.
#include <algorithm>
#include <cstring>
#include <vector>

#include "io/xml_tree.hpp"
#include "ocr/page_builder.hpp"
#include "ocr/xml_stream.hpp"

namespace paperbag::ocr {

namespace {

using detail::parse_number;

constexpr int max_depth = 256;

bool named(const xmlNode* node, const char* name) {
    return node && node->type == XML_ELEMENT_NODE &&
           std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

constexpr auto& attr = xml_tree::attr_any_ns;
constexpr auto& content = xml_tree::text;

std::vector<const xmlNode*> children(const xmlNode* node, const char* name) {
    std::vector<const xmlNode*> out;
    for (const xmlNode* c = node->children; c; c = c->next)
        if (named(c, name)) out.push_back(c);
    return out;
}

const xmlNode* child(const xmlNode* node, const char* name) {
    for (const xmlNode* c = node->children; c; c = c->next)
        if (named(c, name)) return c;
    return nullptr;
}

std::uint64_t line_of(const xmlNode* node) {
    const long n = xmlGetLineNo(node);
    return n > 0 ? static_cast<std::uint64_t>(n) : 0;
}

// The TextEquiv to read: index 1, else the first.
const xmlNode* text_equiv(const xmlNode* node) {
    const auto all = children(node, "TextEquiv");
    for (const xmlNode* t : all)
        if (attr(t, "index") == "1") return t;
    return all.empty() ? nullptr : all.front();
}

layout::RegionHint hint_of(const xmlNode* region) {
    using H = layout::RegionHint;
    std::string type = attr(region, "type");
    if (type.empty()) {
        // Transkribus: custom="readingOrder {index:0;} structure {type:heading;}"
        const std::string custom = attr(region, "custom");
        const auto at = custom.find("structure {type:");
        if (at != std::string::npos) {
            const auto start = at + std::strlen("structure {type:");
            type = custom.substr(start, custom.find_first_of(";}", start) - start);
        }
    }
    if (type == "heading") return H::heading;
    if (type == "caption") return H::caption;
    if (type == "header") return H::header;
    if (type == "footer" || type == "footnote" || type == "footnote-continued") return H::footer;
    if (type == "page-number") return H::page_number;
    if (type == "marginalia") return H::marginalia;
    return H::none;
}

std::string bcp47(const std::string& language) {
    static constexpr std::pair<const char*, const char*> table[] = {
        {"English", "en"}, {"German", "de"},        {"French", "fr"},  {"Latin", "la"},
        {"Dutch", "nl"},   {"Italian", "it"},       {"Spanish", "es"}, {"Japanese", "ja"},
        {"Chinese", "zh"}, {"Luxembourgish", "lb"},
    };
    for (const auto& [from, to] : table)
        if (language == from) return to;
    return {};
}

// Streams the document: the root and the Page element through the reader, each child of Page
// (ReadingOrder, a region with its lines and words) as a small tree of its own, freed before
// the next one is read. Memory is that of the largest region, not of the file.
class PageXmlReader {
public:
    PageXmlReader(std::string_view bytes, const ReadOptions& options)
        : stream_(bytes, options.path), options_(options), builder_(options, out_) {
        out_.format = Format::page;
    }

    OcrPage read() {
        root();
        bool page = false;
        std::vector<std::string> order;
        while (stream_.next()) {
            if (!stream_.is_element()) continue;
            if (stream_.depth() == 1 && !page && stream_.local_name() == "Page") {
                page = true;
                page_size();
            } else if (stream_.depth() == 2 && page) {
                const xmlNode* node = stream_.expand();
                if (named(node, "ReadingOrder") && order.empty())
                    group(node, order, 0);
                else
                    region(node, 0);
                stream_.skip();
            } else if (stream_.depth() == 1) {
                stream_.skip();  // Metadata, a second Page
            }
        }
        if (!page)
            throw Error(
                make_error("PB-OCR-FORMAT", options_.path, root_line_, "PcGts has no Page"));
        builder_.set_reading_order(order);
        builder_.finish();
        return std::move(out_);
    }

private:
    void root() {
        while (stream_.next())
            if (stream_.is_element()) break;
        root_line_ = stream_.line();
        if (!stream_.is_element() || stream_.local_name() != "PcGts")
            throw Error(make_error("PB-OCR-FORMAT", options_.path, root_line_,
                                   "root element is not PcGts: not PAGE-XML"));
        const std::string ns(stream_.namespace_uri());
        const auto slash = ns.find_last_of('/', ns.size() > 1 ? ns.size() - 2 : 0);
        out_.version = "PAGE " + (slash == std::string::npos ? ns : ns.substr(slash + 1));
        if (!out_.version.empty() && out_.version.back() == '/') out_.version.pop_back();
        if (stream_.is_empty_element())
            throw Error(
                make_error("PB-OCR-FORMAT", options_.path, root_line_, "PcGts has no Page"));
    }

    void page_size() {
        const auto w = stream_.attr("imageWidth"), h = stream_.attr("imageHeight");
        builder_.set_page_size(parse_number(w.value_or("")), parse_number(h.value_or("")),
                               stream_.line());
        out_.layout.unit = "pixel";
    }

    // Flattens a ReadingOrder group: ordered children by @index, unordered in document order.
    void group(const xmlNode* node, std::vector<std::string>& out, int depth) {
        if (depth > max_depth) return;
        std::vector<std::pair<double, const xmlNode*>> items;
        double n = 0;
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const auto index = parse_number(attr(c, "index"));
            items.emplace_back(index ? *index : 1e9 + n, c);
            n += 1;
        }
        if (named(node, "OrderedGroup") || named(node, "OrderedGroupIndexed"))
            std::stable_sort(items.begin(), items.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
        for (const auto& [index, c] : items) {
            const std::string ref = attr(c, "regionRef");
            if (!ref.empty()) out.push_back(ref);
            group(c, out, depth + 1);
        }
    }

    std::optional<Box> coords(const xmlNode* node) {
        const xmlNode* c = child(node, "Coords");
        if (c == nullptr) return std::nullopt;
        std::optional<double> x0, y0, x1, y1;
        const auto add = [&](std::optional<double> x, std::optional<double> y) {
            if (!x || !y) return false;
            x0 = x0 ? std::min(*x0, *x) : *x;
            y0 = y0 ? std::min(*y0, *y) : *y;
            x1 = x1 ? std::max(*x1, *x) : *x;
            y1 = y1 ? std::max(*y1, *y) : *y;
            return true;
        };
        bool bad = false;
        const std::string points = attr(c, "points");
        std::size_t pos = 0;
        while (pos < points.size()) {
            const std::size_t start = points.find_first_not_of(" \t\r\n", pos);
            if (start == std::string::npos) break;
            std::size_t end = points.find_first_of(" \t\r\n", start);
            if (end == std::string::npos) end = points.size();
            const std::string_view pair = std::string_view(points).substr(start, end - start);
            const auto comma = pair.find(',');
            if (comma == std::string_view::npos ||
                !add(parse_number(pair.substr(0, comma)), parse_number(pair.substr(comma + 1))))
                bad = true;
            pos = end;
        }
        for (const xmlNode* p : children(c, "Point"))  // PAGE 2010
            if (!add(parse_number(attr(p, "x")), parse_number(attr(p, "y")))) bad = true;
        if (bad || !x0) {
            // Counted as an ignored box (a coordinate that is not a number).
            builder_.make_box(std::nullopt, std::nullopt, std::nullopt, 0.0, line_of(c));
            if (!x0) return std::nullopt;
        }
        return builder_.make_box(*x0, *y0, *x1 - *x0, *y1 - *y0, line_of(c));
    }

    // One child of Page (or of a TableRegion).
    void region(const xmlNode* c, int depth) {
        if (depth > max_depth) return;
        if (named(c, "TextRegion")) {
            text_region(c, depth);
        } else if (named(c, "ImageRegion") || named(c, "GraphicRegion") ||
                   named(c, "ChartRegion")) {
            builder_.add_graphic(Graphic::Kind::illustration, coords(c));
        } else if (named(c, "SeparatorRegion")) {
            builder_.add_graphic(Graphic::Kind::rule, coords(c));
        } else if (named(c, "TableRegion")) {
            for (const xmlNode* inner = c->children; inner; inner = inner->next)
                if (inner->type == XML_ELEMENT_NODE) region(inner, depth + 1);
        }
    }

    void text_region(const xmlNode* region, int depth) {
        if (depth > max_depth) return;
        builder_.begin_region(attr(region, "id"), coords(region), hint_of(region),
                              bcp47(attr(region, "primaryLanguage")), line_of(region));
        const auto lines = children(region, "TextLine");
        for (const xmlNode* line : lines) text_line(line);
        if (lines.empty()) {
            // Text only at region level: its lines, words without boxes.
            if (const xmlNode* te = text_equiv(region)) {
                const std::string text = content(child(te, "Unicode"));
                std::size_t pos = 0;
                while (pos <= text.size()) {
                    std::size_t end = text.find('\n', pos);
                    if (end == std::string::npos) end = text.size();
                    builder_.begin_line(std::nullopt);
                    split_words(text.substr(pos, end - pos), conf(te), line_of(te));
                    builder_.end_line();
                    pos = end + 1;
                }
            }
        }
        builder_.end_region();
        // Nested regions follow their parent.
        for (const xmlNode* inner : children(region, "TextRegion")) text_region(inner, depth + 1);
    }

    static double conf(const xmlNode* te) {
        const auto c = parse_number(attr(te, "conf"));
        return c && *c >= 0 && *c <= 1 ? *c : -1;
    }

    void split_words(const std::string& text, double confidence, std::uint64_t at) {
        std::size_t pos = 0;
        while (pos < text.size()) {
            const std::size_t start = text.find_first_not_of(" \t\r\n", pos);
            if (start == std::string::npos) break;
            std::size_t end = text.find_first_of(" \t\r\n", start);
            if (end == std::string::npos) end = text.size();
            Word w;
            w.text = text.substr(start, end - start);
            w.confidence = confidence;
            builder_.add_word(std::move(w), {}, at);
            pos = end;
        }
    }

    // The text of a Word: its TextEquiv, else its Glyphs' joined.
    std::optional<std::string> word_text(const xmlNode* word, double& confidence) {
        if (const xmlNode* te = text_equiv(word)) {
            confidence = conf(te);
            return content(child(te, "Unicode"));
        }
        std::string joined;
        bool any = false;
        for (const xmlNode* g : children(word, "Glyph"))
            if (const xmlNode* te = text_equiv(g)) {
                joined += content(child(te, "Unicode"));
                any = true;
            }
        if (any) return joined;
        return std::nullopt;
    }

    void text_line(const xmlNode* line) {
        builder_.begin_line(coords(line));
        const auto words = children(line, "Word");
        bool any = false;
        for (const xmlNode* word : words) {
            double confidence = -1;
            const auto text = word_text(word, confidence);
            if (!text) continue;
            any = true;
            const auto box = coords(word);
            // A Word's TextEquiv may hold more than one token; each becomes a word.
            std::size_t pos = 0;
            while (pos < text->size()) {
                const std::size_t start = text->find_first_not_of(" \t\r\n", pos);
                if (start == std::string::npos) break;
                std::size_t end = text->find_first_of(" \t\r\n", start);
                if (end == std::string::npos) end = text->size();
                Word w;
                w.text = text->substr(start, end - start);
                w.box = box;
                w.confidence = confidence;
                builder_.add_word(std::move(w), attr(word, "id"), line_of(word));
                pos = end;
            }
        }
        if (!any)
            if (const xmlNode* te = text_equiv(line))
                split_words(content(child(te, "Unicode")), conf(te), line_of(te));
        builder_.end_line();
    }

    detail::XmlStream stream_;
    const ReadOptions& options_;
    std::uint64_t root_line_ = 0;
    OcrPage out_;
    detail::PageBuilder builder_;
};

}  // namespace

OcrPage read_page_xml(std::string_view bytes, const ReadOptions& options) {
    return PageXmlReader(bytes, options).read();
}

}  // namespace paperbag::ocr
