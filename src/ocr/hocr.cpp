// hOCR from tesseract (3 and 4), ocropus, kraken and converters (gcv2hocr and others).
//
// XHTML is parsed as XML with its DOCTYPE tolerated but never loaded (no DTD, no entities, no
// network); HTML that is not well-formed XML (kraken's HTML5) goes through libxml2's HTML
// parser. Regions are ocr_par elements (ocr_carea when a block has no paragraphs; runs of
// loose lines otherwise), lines are ocr_line and its kin (ocr_header, ocr_caption,
// ocr_textfloat), words ocrx_word with bbox, x_wconf (0-100) and x_fsize/x_font; lines without
// words (ocropus 0.4) are split at spaces into words without boxes. Title properties may be
// separated by ';' or (kraken) ','. A page bbox of 0 0 0 0 (gcv2hocr) means "not stated".
#include <algorithm>
#include <cstring>
#include <optional>
#include <vector>

#include "io/xml_parse.hpp"
#include "io/xml_tree.hpp"
#include "ocr/page_builder.hpp"
#include "ocr/xml_stream.hpp"

namespace paperbag::ocr {

namespace {

using detail::parse_number;

constexpr int max_depth = 256;

constexpr auto& attr = xml_tree::attr_any_ns;
constexpr auto& content = xml_tree::text;

bool has_class(const std::string& classes, std::string_view name) {
    std::size_t at = 0;
    while (at < classes.size()) {
        while (at < classes.size() && classes[at] == ' ') ++at;
        std::size_t end = classes.find(' ', at);
        if (end == std::string::npos) end = classes.size();
        if (std::string_view(classes).substr(at, end - at) == name) return true;
        at = end;
    }
    return false;
}

// The numbers after `key` in an hOCR title ("bbox 1 2 3 4; x_wconf 90"); properties are
// separated by ';' or, in some producers, ','.
std::vector<double> property(const std::string& title, std::string_view key) {
    std::size_t at = 0;
    while ((at = title.find(key, at)) != std::string::npos) {
        std::size_t before = at;
        while (before > 0 && title[before - 1] == ' ') --before;
        const bool starts = before == 0 || title[before - 1] == ';' || title[before - 1] == ',';
        const std::size_t after = at + key.size();
        if (starts && (after == title.size() || title[after] == ' ')) break;
        at = after;
    }
    std::vector<double> numbers;
    if (at == std::string::npos) return numbers;
    std::size_t pos = at + key.size();
    while (pos < title.size()) {
        while (pos < title.size() && title[pos] == ' ') ++pos;
        std::size_t end = pos;
        while (end < title.size() && title[end] != ' ' && title[end] != ';' && title[end] != ',')
            ++end;
        const auto v = parse_number(std::string_view(title).substr(pos, end - pos));
        if (!v) break;
        numbers.push_back(*v);
        pos = end;
        if (pos < title.size() && title[pos] != ' ') break;  // ';' or ',' ends the property
    }
    return numbers;
}

std::string property_text(const std::string& title, std::string_view key) {
    const std::size_t at = title.find(key);
    if (at == std::string::npos) return {};
    std::size_t pos = at + key.size();
    while (pos < title.size() && title[pos] == ' ') ++pos;
    const std::size_t end = title.find(';', pos);
    std::string out = title.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    out.erase(std::remove(out.begin(), out.end(), '"'), out.end());
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

layout::RegionHint hint_of(const std::string& classes) {
    using H = layout::RegionHint;
    for (const char* c : {"ocr_header", "ocr_title", "ocr_chapter", "ocr_section", "ocr_subsection",
                          "ocr_subsubsection"})
        if (has_class(classes, c)) return H::heading;
    if (has_class(classes, "ocr_caption")) return H::caption;
    if (has_class(classes, "ocr_pageno")) return H::page_number;
    if (has_class(classes, "ocr_footer")) return H::footer;
    if (has_class(classes, "ocr_running_header")) return H::header;
    return H::none;
}

bool is_line(const std::string& classes) {
    for (const char* c : {"ocr_line", "ocrx_line", "ocr_header", "ocr_caption", "ocr_textfloat"})
        if (has_class(classes, c)) return true;
    return false;
}

// hOCR languages are ISO 639-2/3 or tesseract names ("eng", "deu", "chi_sim").
std::string bcp47(std::string lang) {
    static constexpr std::pair<const char*, const char*> table[] = {
        {"eng", "en"}, {"deu", "de"}, {"ger", "de"}, {"fra", "fr"},          {"fre", "fr"},
        {"lat", "la"}, {"ita", "it"}, {"jpn", "ja"}, {"chi_sim", "zh-Hans"}, {"chi_tra", "zh-Hant"},
        {"frk", "de"}, {"nld", "nl"}, {"spa", "es"}, {"ltz", "lb"},
    };
    for (const auto& [from, to] : table)
        if (lang == from) return to;
    return lang.size() == 2 ? lang : std::string();
}

class HocrReader {
public:
    explicit HocrReader(const ReadOptions& options) : options_(options), builder_(options, out_) {
        out_.format = Format::hocr;
        out_.version = "hOCR";
    }

    // HTML that is not well-formed XML, parsed into one tree.
    OcrPage read(const xmlDoc* doc) {
        const xmlNode* root = xmlDocGetRootElement(doc);
        system_ = meta(root, 0);
        walk(root, 0);
        return finish();
    }

    // Well-formed XHTML, streamed: every element the reader acts on (a block, paragraph, line
    // or image, with what is inside it) is expanded into a small tree of its own and freed
    // before the next, so memory is that of one block, not of the file. Throws Error
    // PB-XML-SYNTAX when the bytes are not well-formed XML (the caller then reads them as
    // HTML).
    OcrPage stream(std::string_view bytes) {
        detail::XmlStream in(bytes, options_.path, true);
        int page_depth = -1;  // depth of the ocr_page being read
        while (in.next()) {
            const int depth = in.depth();
            if (in.is_end_element()) {
                if (depth == page_depth) end_page(page_depth);
                continue;
            }
            if (!in.is_element()) continue;
            const std::string classes = in.attr("class").value_or("");
            if (system_.empty() && depth <= 5 && in.local_name() == "meta" &&
                in.attr("name") == "ocr-system")
                system_ = in.attr("content").value_or("");
            if (has_class(classes, "ocr_page")) {
                if (page_depth >= 0 || pages_ > 0) {
                    element(in.expand(), depth - 1);  // counted and warned about
                    in.skip();
                    continue;
                }
                ++pages_;
                const auto b = property(in.attr("title").value_or(""), "bbox");
                if (b.size() >= 4) builder_.set_page_size(b[2] - b[0], b[3] - b[1], in.line());
                page_depth = depth;
                if (in.is_empty_element()) end_page(page_depth);
            } else if (page_depth >= 0 ? depth == page_depth + 1 : acts_on(classes, in)) {
                element(in.expand(), depth - 1);
                in.skip();
            }
        }
        if (page_depth >= 0) end_page(page_depth);
        return finish();
    }

private:
    OcrPage finish() {
        if (!system_.empty()) out_.version = "hOCR (" + system_ + ")";
        if (!pages_)
            throw Error(make_error("PB-OCR-FORMAT", options_.path, 0,
                                   "no element of class ocr_page: not hOCR"));
        builder_.finish();
        out_.layout.unit = "pixel";
        return std::move(out_);
    }

    void end_page(int& page_depth) {
        builder_.end_region();
        page_depth = -1;
    }

    // Outside an ocr_page: the elements element() does something with (a page's content
    // outside its page, ocropus' <p/> breaks); others are descended into.
    static bool acts_on(const std::string& classes, const detail::XmlStream& in) {
        return has_class(classes, "ocr_carea") || has_class(classes, "ocr_par") ||
               is_line(classes) || has_class(classes, "ocr_image") ||
               has_class(classes, "ocr_photo") || has_class(classes, "ocr_linedrawing") ||
               has_class(classes, "ocr_separator") || in.local_name() == "p";
    }

    // <meta name="ocr-system" content="..."> anywhere in the head.
    std::string meta(const xmlNode* node, int depth) {
        if (node == nullptr || depth > 4) return {};
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (std::strcmp(reinterpret_cast<const char*>(c->name), "meta") == 0 &&
                attr(c, "name") == "ocr-system")
                return attr(c, "content");
            if (std::string found = meta(c, depth + 1); !found.empty()) return found;
        }
        return {};
    }

    std::optional<Box> bbox(const std::string& title, std::uint64_t line) {
        const auto b = property(title, "bbox");
        if (b.size() < 4) return std::nullopt;
        return builder_.make_box(b[0], b[1], b[2] - b[0], b[3] - b[1], line);
    }

    static std::uint64_t line_of(const xmlNode* node) {
        const long n = xmlGetLineNo(node);
        return n > 0 ? static_cast<std::uint64_t>(n) : 0;
    }

    void walk(const xmlNode* node, int depth) {
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (depth >= max_depth) {
                if (!deep_warned_)
                    out_.warnings.add(make_warning(
                        "PB-OCR-DEPTH", options_.path, line_of(c),
                        "elements nested deeper than " + std::to_string(max_depth) + " ignored"));
                deep_warned_ = true;
                return;
            }
            element(c, depth);
        }
    }

    void element(const xmlNode* node, int depth) {
        const std::string classes = attr(node, "class");
        const std::string title = attr(node, "title");
        if (has_class(classes, "ocr_page")) {
            if (pages_++ > 0) {
                if (pages_ == 2)
                    out_.warnings.add(make_warning("PB-OCR-PAGES", options_.path, line_of(node),
                                                   "more than one ocr_page; only the first is "
                                                   "read"));
                return;
            }
            const auto b = property(title, "bbox");
            if (b.size() >= 4) builder_.set_page_size(b[2] - b[0], b[3] - b[1], line_of(node));
            walk(node, depth + 1);
            builder_.end_region();
        } else if (has_class(classes, "ocr_carea") || has_class(classes, "ocr_par")) {
            // A block's paragraphs are the regions; a block without paragraphs is one.
            const bool par = has_class(classes, "ocr_par");
            if (par || !has_descendant_class(node, "ocr_par", 0)) {
                builder_.begin_region(attr(node, "id"), bbox(title, line_of(node)),
                                      hint_of(classes), bcp47(attr(node, "lang")), line_of(node));
                walk(node, depth + 1);
                builder_.end_region();
            } else {
                builder_.end_region();
                walk(node, depth + 1);
            }
        } else if (is_line(classes)) {
            line(node, classes, title, depth);
        } else if (has_class(classes, "ocr_image") || has_class(classes, "ocr_photo") ||
                   has_class(classes, "ocr_linedrawing") || has_class(classes, "ocr_separator")) {
            const auto b = bbox(title, line_of(node));
            builder_.add_graphic(has_class(classes, "ocr_separator") ? Graphic::Kind::rule
                                                                     : Graphic::Kind::illustration,
                                 b);
        } else if (std::strcmp(reinterpret_cast<const char*>(node->name), "p") == 0 &&
                   node->children == nullptr) {
            loose_break();  // ocropus separates paragraphs of loose lines with <p/>
        } else {
            walk(node, depth + 1);
        }
    }

    static bool has_descendant_class(const xmlNode* node, std::string_view cls, int depth) {
        if (depth > 8) return false;
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (has_class(attr(c, "class"), cls) || has_descendant_class(c, cls, depth + 1))
                return true;
        }
        return false;
    }

    void loose_break() {
        if (loose_) builder_.end_region();
        loose_ = false;
    }

    void line(const xmlNode* node, const std::string& classes, const std::string& title,
              int depth) {
        const std::uint64_t at = line_of(node);
        if (!builder_.in_region()) {
            builder_.begin_region({}, std::nullopt, layout::RegionHint::none, {}, at);
            loose_ = true;
        }
        builder_.begin_line(bbox(title, at));
        line_hint_ = hint_of(classes);
        const std::size_t words_before = words_;
        words(node, depth + 1);
        if (words_ == words_before) {
            // No ocrx_word (ocropus 0.4): the line's text, split at spaces, without boxes.
            const std::string text = content(node);
            std::size_t pos = 0;
            while (pos < text.size()) {
                const std::size_t start = text.find_first_not_of(" \t\r\n", pos);
                if (start == std::string::npos) break;
                std::size_t end = text.find_first_of(" \t\r\n", start);
                if (end == std::string::npos) end = text.size();
                Word w;
                w.text = text.substr(start, end - start);
                builder_.add_word(std::move(w), {}, at);
                pos = end;
            }
        }
        builder_.end_line();
        note_hint();
    }

    // The region takes a hint its lines give (tesseract marks ocr_header/ocr_caption lines).
    void note_hint() {
        if (line_hint_ == layout::RegionHint::none || out_.layout.regions.empty()) return;
        layout::Region& region = out_.layout.regions.back();
        if (region.hint == layout::RegionHint::none) region.hint = line_hint_;
    }

    void words(const xmlNode* node, int depth) {
        if (depth >= max_depth) return;
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            const std::string classes = attr(c, "class");
            if (has_class(classes, "ocrx_word")) {
                ++words_;
                word(c);
            } else {
                words(c, depth + 1);
            }
        }
    }

    void word(const xmlNode* node) {
        const std::string title = attr(node, "title");
        Word w;
        w.text = word_text(node);
        w.box = bbox(title, line_of(node));
        if (const auto conf = property(title, "x_wconf"); !conf.empty() && conf[0] >= 0)
            w.confidence = std::min(conf[0], 100.0) / 100;
        TextStyle style;
        if (const auto size = property(title, "x_fsize");
            !size.empty() && size[0] > 0 && size[0] < 10000)
            style.size = size[0];
        style.family = property_text(title, "x_font");
        style.bold = has_element(node, "strong") || has_element(node, "b");
        style.italic = has_element(node, "em") || has_element(node, "i");
        if (style.size > 0 || !style.family.empty() || style.bold || style.italic)
            w.style = builder_.style_index(style);
        builder_.add_word(std::move(w), attr(node, "id"), line_of(node));
    }

    // tesseract's hocr_char_boxes writes a word as one ocrx_cinfo span per character, with
    // the file's indentation between them: the word is their characters without it.
    static std::string word_text(const xmlNode* node) {
        std::string chars;
        bool found = false;
        collect_characters(node, chars, found, 0);
        return found ? chars : content(node);
    }

    static void collect_characters(const xmlNode* node, std::string& chars, bool& found,
                                   int depth) {
        if (depth >= max_depth) return;
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (has_class(attr(c, "class"), "ocrx_cinfo")) {
                found = true;
                chars += content(c);
            } else {
                collect_characters(c, chars, found, depth + 1);
            }
        }
    }

    static bool has_element(const xmlNode* node, const char* name) {
        for (const xmlNode* c = node->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE &&
                std::strcmp(reinterpret_cast<const char*>(c->name), name) == 0)
                return true;
        return false;
    }

    const ReadOptions& options_;
    OcrPage out_;
    detail::PageBuilder builder_;
    std::string system_;
    int pages_ = 0;
    std::size_t words_ = 0;
    bool loose_ = false;
    bool deep_warned_ = false;
    layout::RegionHint line_hint_ = layout::RegionHint::none;
};

}  // namespace

OcrPage read_hocr(std::string_view bytes, const ReadOptions& options) {
    // XHTML (tesseract, converters): streamed, its DOCTYPE tolerated but never loaded.
    std::optional<Error> not_xml;
    try {
        return HocrReader(options).stream(bytes);
    } catch (const Error& e) {
        if (e.diagnostic().code != "PB-XML-SYNTAX") throw;
        not_xml = e;
    }
    // HTML that is not XML (kraken's HTML5, &nbsp; without a DTD): one tree.
    Diagnostics html_errors;
    XmlDocPtr doc = parse_html(bytes, options.path, html_errors);
    if (!doc) throw *not_xml;
    return HocrReader(options).read(doc.get());
}

}  // namespace paperbag::ocr
