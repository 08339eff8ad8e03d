// ALTO 1.x (no namespace, or the CCS namespace), 2.x, 3.x and 4.x, read as a stream: only the
// current element is held, so a 100 MB file needs no more memory than the words it holds.
//
// Kept: Page WIDTH/HEIGHT and MeasurementUnit; TextStyle (size, family, bold, italic) through
// STYLEREFS of String, TextLine or TextBlock; TextBlocks as regions (also inside
// ComposedBlocks, whose IDs are remembered for METS areas that point at them); words with box,
// WC (or CC when WC is missing) and language; SUBS_TYPE/SUBS_CONTENT hyphenation joined once
// (HypPart1 carries SUBS_CONTENT, HypPart2 is dropped); HYP without SUBS_CONTENT as a break
// hyphen; Illustration and GraphicalElement as graphics (thin ones as rules); ALTO 4
// ReadingOrder.
#include <algorithm>
#include <map>
#include <vector>

#include "ocr/page_builder.hpp"
#include "ocr/xml_stream.hpp"

namespace paperbag::ocr {

namespace {

using detail::parse_number;

std::string version_of(std::string_view ns) {
    if (ns.empty()) return "ALTO 1.x (no namespace)";
    if (ns == "http://schema.ccs-gmbh.com/ALTO") return "ALTO 1.x (CCS namespace)";
    const auto v = ns.find("/ns-v");
    if (v != std::string_view::npos && v + 5 < ns.size())
        return "ALTO " + std::string(1, ns[v + 5]);
    return "ALTO (" + std::string(ns) + ")";
}

bool has_word(std::string_view list, std::string_view word) {
    std::size_t at = 0;
    while ((at = list.find(word, at)) != std::string_view::npos) {
        const bool start = at == 0 || list[at - 1] == ' ';
        const bool end = at + word.size() == list.size() || list[at + word.size()] == ' ';
        if (start && end) return true;
        at += word.size();
    }
    return false;
}

// WC is 0..1; some producers write a percentage. CC is a digit per character, 0 = sure.
double confidence(const std::optional<std::string>& wc, const std::optional<std::string>& cc) {
    if (wc) {
        if (const auto v = parse_number(*wc); v && *v >= 0)
            return *v <= 1 ? *v : (*v <= 100 ? *v / 100 : -1);
    }
    if (cc && !cc->empty()) {
        double sum = 0;
        std::size_t n = 0;
        for (char c : *cc)
            if (c >= '0' && c <= '9') sum += c - '0', ++n;
        if (n) return 1 - sum / (9.0 * static_cast<double>(n));
    }
    return -1;
}

std::string hyphen_text(std::string_view content) {
    // Soft hyphen (ABBYY), not sign and others all print as a break hyphen.
    if (content.empty() || content == "\xC2\xAD" || content == "\xC2\xAC") return "-";
    return std::string(content);
}

class AltoReader {
public:
    AltoReader(std::string_view bytes, const ReadOptions& options)
        : in_(bytes, options.path), options_(options), builder_(options, out_) {
        out_.format = Format::alto;
    }

    OcrPage read() {
        bool root = true;
        while (in_.next()) {
            if (in_.is_element()) {
                if (root) {
                    check_root();
                    root = false;
                }
                element();
            } else if (in_.is_end_element()) {
                end_element();
            }
        }
        if (root) throw Error(make_error("PB-OCR-FORMAT", options_.path, 0, "no root element"));
        if (!unit_known_) {
            if (unit_.empty())
                unit_ = "pixel";
            else
                out_.warnings.add(make_warning(
                    "PB-OCR-UNIT", options_.path, 0,
                    "MeasurementUnit '" + unit_ + "' is not an ALTO unit; read as pixel"));
        }
        out_.layout.unit = unit_known_ ? unit_ : "pixel";
        builder_.set_reading_order(order_);
        builder_.finish();
        return std::move(out_);
    }

private:
    void check_root() {
        if (in_.local_name() != "alto")
            throw Error(
                make_error("PB-OCR-FORMAT", options_.path, in_.line(),
                           "root element is '" + std::string(in_.local_name()) + "', not 'alto'"));
        out_.version = version_of(in_.namespace_uri());
    }

    std::optional<Box> box() {
        const auto n = [&](const char* name) -> std::optional<double> {
            const auto v = in_.attr(name);
            return v ? parse_number(*v) : std::nullopt;
        };
        const auto x = n("HPOS"), y = n("VPOS"), w = n("WIDTH"), h = n("HEIGHT");
        return builder_.make_box(x, y, w, h, in_.line());
    }

    int style_of(const std::optional<std::string>& refs) const {
        if (!refs) return -1;
        std::size_t at = 0;
        while (at < refs->size()) {
            std::size_t end = refs->find(' ', at);
            if (end == std::string::npos) end = refs->size();
            const auto it = styles_.find(refs->substr(at, end - at));
            if (it != styles_.end()) return it->second;
            at = end + 1;
        }
        return -1;
    }

    void element() {
        const std::string_view name = in_.local_name();
        const bool empty = in_.is_empty_element();
        if (name == "MeasurementUnit") {
            unit_ = in_.text();
            unit_.erase(0, unit_.find_first_not_of(" \t\r\n"));
            unit_.erase(unit_.find_last_not_of(" \t\r\n") + 1);
            unit_known_ = unit_ == "pixel" || unit_ == "mm10" || unit_ == "inch1200";
        } else if (name == "TextStyle") {
            text_style();
        } else if (name == "Page") {
            if (++pages_ > 1) {
                if (pages_ == 2)
                    out_.warnings.add(make_warning("PB-OCR-PAGES", options_.path, in_.line(),
                                                   "more than one Page in this file; only the "
                                                   "first is read"));
                in_.skip();
                return;
            }
            const auto w = in_.attr("WIDTH"), h = in_.attr("HEIGHT");
            builder_.set_page_size(w ? parse_number(*w) : std::nullopt,
                                   h ? parse_number(*h) : std::nullopt, in_.line());
        } else if (name == "ComposedBlock") {
            if (!empty) composed_.push_back(in_.attr("ID").value_or(""));
        } else if (name == "TextBlock") {
            text_block(empty);
        } else if (name == "TextLine") {
            line_style_ = style_of(in_.attr("STYLEREFS"));
            builder_.begin_line(box());
            builder_.note_element(in_.attr("ID").value_or(""));
            if (empty) builder_.end_line();
        } else if (name == "String") {
            string();
        } else if (name == "HYP") {
            hyp();
        } else if (name == "Illustration" || name == "GraphicalElement") {
            graphic(name == "GraphicalElement");
        } else if (name == "ElementRef") {
            if (auto ref = in_.attr("REF")) order_.push_back(std::move(*ref));
        }
    }

    void end_element() {
        const std::string_view name = in_.local_name();
        if (name == "TextBlock") {
            builder_.end_region();
            block_style_ = -1;
        } else if (name == "TextLine") {
            builder_.end_line();
            line_style_ = -1;
        } else if (name == "ComposedBlock" && !composed_.empty()) {
            composed_.pop_back();
        }
    }

    void text_style() {
        const auto id = in_.attr("ID");
        if (!id) return;
        TextStyle style;
        style.family = in_.attr("FONTFAMILY").value_or("");
        if (const auto size = in_.attr("FONTSIZE")) {
            const auto v = parse_number(*size);
            if (v && *v > 0 && *v < 10000) style.size = *v;
        }
        const std::string look = in_.attr("FONTSTYLE").value_or("");
        style.bold = has_word(look, "bold");
        style.italic = has_word(look, "italics") || has_word(look, "italic");
        styles_[*id] = builder_.style_index(style);
    }

    void text_block(bool empty) {
        std::string id = in_.attr("ID").value_or("");
        for (const std::string& group : composed_)
            if (!group.empty()) out_.groups[group].push_back(id);
        std::string language = in_.attr("LANG").value_or(in_.attr("language").value_or(""));
        block_style_ = style_of(in_.attr("STYLEREFS"));
        builder_.begin_region(std::move(id), box(), layout::RegionHint::none, std::move(language),
                              in_.line());
        if (empty) builder_.end_region();
    }

    void string() {
        const auto subs_type = in_.attr("SUBS_TYPE");
        if (subs_type == "HypPart2" && expect_part2_) {
            // Its text is already in the HypPart1 word (SUBS_CONTENT): joined once. Its ID
            // stays known, for METS areas that begin or end on it.
            expect_part2_ = false;
            builder_.note_word_id(in_.attr("ID").value_or(""));
            return;
        }
        expect_part2_ = false;
        Word word;
        word.text = in_.attr("CONTENT").value_or("");
        word.box = box();
        word.confidence = confidence(in_.attr("WC"), in_.attr("CC"));
        word.style = style_of(in_.attr("STYLEREFS"));
        if (word.style < 0) word.style = line_style_ >= 0 ? line_style_ : block_style_;
        if (subs_type == "HypPart1") {
            const auto subs = in_.attr("SUBS_CONTENT");
            if (subs && !subs->empty()) {
                word.text = *subs;
                expect_part2_ = true;
            }
        }
        hyphenated_ = expect_part2_;
        builder_.add_word(std::move(word), in_.attr("ID").value_or(""), in_.line());
    }

    void hyp() {
        Word* last = builder_.last_word();
        if (last == nullptr || hyphenated_) return;
        const std::string hyphen = hyphen_text(in_.attr("CONTENT").value_or(""));
        if (!last->text.ends_with(hyphen)) last->text += hyphen;
    }

    void graphic(bool element) {
        const auto b = box();
        if (!b) return;
        const bool thin = b->height * 10 <= b->width || b->width * 10 <= b->height;
        builder_.add_graphic(element && thin ? Graphic::Kind::rule : Graphic::Kind::illustration,
                             b);
    }

    detail::XmlStream in_;
    const ReadOptions& options_;
    OcrPage out_;
    detail::PageBuilder builder_;
    std::map<std::string, int> styles_;
    std::vector<std::string> composed_;
    std::vector<std::string> order_;
    std::string unit_;
    bool unit_known_ = false;
    int pages_ = 0;
    int block_style_ = -1;
    int line_style_ = -1;
    bool expect_part2_ = false;  // a HypPart1 with SUBS_CONTENT was the last word
    bool hyphenated_ = false;    // the last word already carries its joined form
};

}  // namespace

OcrPage read_alto(std::string_view bytes, const ReadOptions& options) {
    return AltoReader(bytes, options).read();
}

}  // namespace paperbag::ocr
