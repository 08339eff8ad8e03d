// ALTO 4.4 for one page. Blocks become TextBlocks with the block id as ID (METS areas point at
// them with BETYPE="IDREF"), printed lines become TextLines and words Strings with SP where the
// line has white space. A block's lines come from the model (Block::lines: boxes, styles and
// confidences from PDF/OCR input, byte ranges from page text) or, when it has none, from its
// repaired text split here (split_words). Geometry (MeasurementUnit, Page size, PrintSpace,
// HPOS/VPOS/WIDTH/HEIGHT, Styles, Illustration, GraphicalElement) is written only where the
// input had it: paperbag never invents coordinates.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "core/words.hpp"
#include "paperbag/ids.hpp"
#include "write/layout.hpp"
#include "write/xml_out.hpp"

namespace paperbag {

namespace {

constexpr const char* alto_ns = "http://www.loc.gov/standards/alto/ns-v4#";

std::string tag_id(BlockKind kind) {
    return "TAG_" + std::string(to_string(kind));
}

std::string style_id(std::size_t index) {
    return "TS_" + decimal(index);
}

std::string number(double value) {
    char digits[32];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    return std::string(digits, result.ptr);
}

// How the page's coordinates are written: ALTO knows pixel, mm10 and inch1200; PDF points
// (1/72 inch) become inch1200 (x 1200/72, rounded to 1/100).
class Geometry {
public:
    explicit Geometry(const Page& page) : page_(page) {
        if (page.unit == "pt")
            unit_ = "inch1200", scale_ = 1200.0 / 72.0;
        else if (!page.unit.empty())
            unit_ = page.unit;
    }

    bool present() const noexcept { return !unit_.empty(); }
    // "pixel" without geometry: ALTO requires a unit, which then qualifies nothing.
    const char* unit() const noexcept { return present() ? unit_.c_str() : "pixel"; }

    std::string length(double value) const {
        return number(scale_ == 1 ? value : std::round(value * scale_ * 100) / 100);
    }

    void box(XmlOut& xml, const std::optional<Box>& box) const {
        if (!present() || !box) return;
        const Box& b = *box;
        if (!std::isfinite(b.hpos) || !std::isfinite(b.vpos) || !std::isfinite(b.width) ||
            !std::isfinite(b.height))
            return;
        xml.attr("HEIGHT", length(b.height));
        xml.attr("WIDTH", length(b.width));
        xml.attr("HPOS", length(b.hpos));
        xml.attr("VPOS", length(b.vpos));
    }

    // The box around every box on the page (blocks, lines, words, graphics), if any.
    std::optional<Box> print_space() const {
        std::optional<Box> all;
        const auto add = [&](const std::optional<Box>& b) {
            if (!b) return;
            if (!all) {
                all = b;
                return;
            }
            const double right = std::max(all->hpos + all->width, b->hpos + b->width);
            const double bottom = std::max(all->vpos + all->height, b->vpos + b->height);
            all->hpos = std::min(all->hpos, b->hpos);
            all->vpos = std::min(all->vpos, b->vpos);
            all->width = right - all->hpos;
            all->height = bottom - all->vpos;
        };
        for (const Block& block : page_.blocks) {
            add(block.box);
            for (const TextLine& line : block.lines) {
                add(line.box);
                for (const Word& word : line.words) add(word.box);
            }
        }
        for (const Graphic& graphic : page_.graphics) add(graphic.box);
        return all;
    }

    // A style index that has a TextStyle (ALTO requires FONTSIZE, so styles without a size
    // are not written).
    bool style(int index) const noexcept {
        return index >= 0 && static_cast<std::size_t>(index) < page_.styles.size() &&
               page_.styles[static_cast<std::size_t>(index)].size > 0;
    }

private:
    const Page& page_;
    std::string unit_;
    double scale_ = 1;
};

void write_description(XmlOut& xml, const WriteContext& context, const Page& page,
                       const Geometry& geometry) {
    xml.start("Description");
    xml.element("MeasurementUnit", geometry.unit());
    if (const PayloadFile* image = context.payload_file(page.sequence, FileRole::image)) {
        xml.start("sourceImageInformation");
        xml.element("fileName", image->path);
        xml.end();
    }
    xml.start("Processing");
    xml.attr("ID", "PROC_SEGMENTATION");
    xml.element("processingCategory", "contentGeneration");
    xml.element("processingDateTime", context.created);
    xml.element("processingStepDescription",
                "text blocks and their functions found by paperbag's segmenter");
    const PageFile* pdf = page.file(FileRole::pdf);
    if (pdf && pdf->pdf_page > 0 && !context.payload_file(page.sequence, FileRole::text) &&
        !context.payload_file(page.sequence, FileRole::ocr))
        // The page of an issue-level PDF (or of a multi-page PDF given for this page).
        xml.element("processingStepSettings",
                    "source: " + payload_path(*pdf) + ", page " + std::to_string(pdf->pdf_page));
    else
        for (FileRole role : {FileRole::text, FileRole::pdf, FileRole::ocr})
            if (const PayloadFile* source = context.payload_file(page.sequence, role)) {
                xml.element("processingStepSettings", "source: " + source->path);
                break;
            }
    xml.start("processingSoftware");
    xml.element("softwareName", "paperbag");
    xml.element("softwareVersion", context.tool_version);
    xml.end();
    xml.end();
    xml.end();
}

void write_styles(XmlOut& xml, const Page& page, const Geometry& geometry) {
    bool open = false;
    for (std::size_t i = 0; i < page.styles.size(); ++i) {
        if (!geometry.style(static_cast<int>(i))) continue;
        const TextStyle& style = page.styles[i];
        if (!open) xml.start("Styles"), open = true;
        xml.start("TextStyle");
        xml.attr("ID", style_id(i));
        if (has_text(style.family)) xml.attr("FONTFAMILY", style.family);
        xml.attr("FONTSIZE", number(style.size));
        if (style.bold || style.italic)
            xml.attr("FONTSTYLE", style.bold && style.italic ? "bold italics"
                                  : style.bold               ? "bold"
                                                             : "italics");
        xml.end();
    }
    if (open) xml.end();
}

void write_tags(XmlOut& xml, const Page& page) {
    std::set<BlockKind> kinds;
    for (const Block& block : page.blocks) kinds.insert(block.kind);
    if (kinds.empty()) return;
    xml.start("Tags");
    for (BlockKind kind : kinds) {
        xml.start("StructureTag");
        xml.attr("ID", tag_id(kind));
        xml.attr("TYPE", "block function");
        xml.attr("LABEL", to_string(kind));
        xml.end();
    }
    xml.end();
}

// ALTO SUBS_TYPE / SUBS_CONTENT of a String (none when `type` is null).
struct Substitution {
    const char* type = nullptr;
    std::string content;
};

// Writes the TextLines of one block.
class LineWriter {
public:
    LineWriter(XmlOut& xml, const Geometry& geometry, const Block& block, std::string page_encoding)
        : xml_(xml), geometry_(geometry), block_(block), page_encoding_(std::move(page_encoding)) {}

    // A line of the model: one String per Word. SP between two words unless both carry byte
    // ranges that touch (CJK words of one run, split by ICU) or both are letter-spaced CJK.
    // A word broken by a line-end hyphen (as the text repair joins it) is HypPart1 + HYP here
    // and HypPart2 at the start of `next`, both with the whole word as SUBS_CONTENT.
    void model_line(const TextLine& line, std::size_t number, const TextLine* next) {
        start_line(line.box, number);
        std::vector<std::pair<const Word*, std::string>> words;
        for (const Word& word : line.words)
            if (std::string content = xml_.clean(word.text); has_text(content))
                words.emplace_back(&word, std::move(content));
        const std::optional<std::string> broken = hyphenation(words, next);
        for (std::size_t i = 0; i < words.size(); ++i) {
            auto& [word, content] = words[i];
            if (i > 0 && separated(*words[i - 1].first, words[i - 1].second, *word, content))
                space();
            if (i == 0 && !continued_.empty()) {
                string(content, *word, {"HypPart2", continued_});
            } else if (i + 1 == words.size() && broken) {
                content.pop_back();  // the hyphen becomes HYP
                string(content, *word, {"HypPart1", *broken}, hyphen_bytes());
            } else {
                string(content, *word);
            }
        }
        if (broken) {
            xml_.start("HYP");
            xml_.attr("CONTENT", "-");
            xml_.end();
        }
        continued_ = broken.value_or("");
        xml_.end();
    }

    // A line of the block's repaired text, split here (no byte ranges, no geometry).
    void text_line(std::string_view line, std::size_t number) {
        start_line(std::nullopt, number);
        std::string previous;
        for (const WordSpan& span : split_words(line)) {
            Word word;
            word.text = std::string(line.substr(span.begin, span.end - span.begin));
            if (span.space_before && !(letter_spaced(previous) && letter_spaced(word.text)))
                space();
            string(word.text, word);
            previous = word.text;
        }
        xml_.end();
    }

private:
    void start_line(const std::optional<Box>& box, std::size_t number) {
        xml_.start("TextLine");
        xml_.attr("ID", block_.id + "-l" + sequence_id("", number, 3));
        geometry_.box(xml_, box);
    }

    void space() {
        xml_.start("SP");
        xml_.end();
    }

    static bool separated(const Word& a, const std::string& a_content, const Word& b,
                          const std::string& b_content) {
        const bool touching = a.source && b.source && a.source->end() == b.source->offset;
        return !touching && !(letter_spaced(a_content) && letter_spaced(b_content));
    }

    // The whole word when the line's last word is broken by a hyphen, else nothing.
    std::optional<std::string> hyphenation(
        const std::vector<std::pair<const Word*, std::string>>& words, const TextLine* next) const {
        if (words.empty() || !next) return std::nullopt;
        for (const Word& first : next->words)
            if (std::string content = xml_.clean(first.text); has_text(content))
                return hyphenated_word(words.back().second, content);
        return std::nullopt;
    }

    // Bytes of '-' in the page text's encoding: the HypPart1 String's range leaves it out.
    std::uint64_t hyphen_bytes() const {
        const std::string_view encoding = page_encoding_;
        return encoding.starts_with("UTF-16") ? 2 : encoding.starts_with("UTF-32") ? 4 : 1;
    }

    // String/@ID "<block>_<offset>_<length>" records the word's bytes in the page text file
    // (without `trim` bytes at its end: a line-end hyphen written as HYP).
    void string(const std::string& content, const Word& word, const Substitution& subs = {},
                std::uint64_t trim = 0) {
        xml_.start("String");
        if (word.source && word.source->length > trim) {
            const std::string id = block_.id + "_" + decimal(word.source->offset) + "_" +
                                   decimal(word.source->length - trim);
            if (ids_.insert(id).second) xml_.attr("ID", id);
        }
        if (geometry_.style(word.style))
            xml_.attr("STYLEREFS", style_id(static_cast<std::size_t>(word.style)));
        geometry_.box(xml_, word.box);
        xml_.attr("CONTENT", content);
        if (subs.type) {
            xml_.attr("SUBS_TYPE", subs.type);
            xml_.attr("SUBS_CONTENT", subs.content);
        }
        if (word.confidence >= 0 && word.confidence <= 1) xml_.attr("WC", number(word.confidence));
        xml_.end();
    }

    XmlOut& xml_;
    const Geometry& geometry_;
    const Block& block_;
    std::string page_encoding_;
    std::set<std::string> ids_;
    std::string continued_;  // the word the previous line's hyphen broke, for HypPart2
};

bool has_words(const TextLine& line) {
    return std::any_of(line.words.begin(), line.words.end(),
                       [](const Word& w) { return has_text(w.text); });
}

void write_block(XmlOut& xml, const WriteContext& context, const Geometry& geometry,
                 const Block& block, const std::string& encoding) {
    xml.start("TextBlock");
    xml.attr("ID", block.id);
    if (geometry.style(block.style))
        xml.attr("STYLEREFS", style_id(static_cast<std::size_t>(block.style)));
    xml.attr("TAGREFS", tag_id(block.kind));
    geometry.box(xml, block.box);
    xml.attr("LANG", context.language_of(block));
    LineWriter lines(xml, geometry, block, encoding);
    std::size_t line_number = 0;
    if (!block.lines.empty()) {
        std::vector<const TextLine*> printed;
        for (const TextLine& line : block.lines)
            if (has_words(line)) printed.push_back(&line);
        for (std::size_t i = 0; i < printed.size(); ++i)
            lines.model_line(*printed[i], ++line_number,
                             i + 1 < printed.size() ? printed[i + 1] : nullptr);
    } else {
        // Cleaned before splitting, so that no String and no TextLine ends up empty.
        const std::string clean = xml.clean(block.text);
        std::string_view text = clean;
        while (!text.empty()) {
            const std::size_t end = std::min(text.find('\n'), text.size());
            const std::string_view line = text.substr(0, end);
            if (!split_words(line).empty()) lines.text_line(line, ++line_number);
            text.remove_prefix(std::min(end + 1, text.size()));
        }
    }
    xml.end();
}

void write_graphics(XmlOut& xml, const Page& page, const Geometry& geometry) {
    for (const Graphic& graphic : page.graphics) {
        xml.start(graphic.kind == Graphic::Kind::rule ? "GraphicalElement" : "Illustration");
        xml.attr("ID", graphic.id);
        geometry.box(xml, graphic.box);
        xml.end();
    }
}

}  // namespace

std::string write_alto(const WriteContext& context, const Page& page, Diagnostics& warnings) {
    const Geometry geometry(page);
    XmlOut xml(alto_path(page));
    xml.start("alto");
    xml.attr("xmlns", alto_ns);
    xml.attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    xml.attr("xsi:schemaLocation",
             std::string(alto_ns) + " http://www.loc.gov/standards/alto/v4/alto-4-4.xsd");
    xml.attr("SCHEMAVERSION", "4.4");
    write_description(xml, context, page, geometry);
    write_styles(xml, page, geometry);
    write_tags(xml, page);
    xml.start("Layout");
    xml.start("Page");
    xml.attr("ID", "PAGE_" + sequence_id("", static_cast<std::size_t>(page.sequence), 4));
    if (geometry.present() && page.width > 0 && page.height > 0) {
        xml.attr("HEIGHT", geometry.length(page.height));
        xml.attr("WIDTH", geometry.length(page.width));
    }
    xml.attr("PHYSICAL_IMG_NR", static_cast<std::uint64_t>(page.sequence));
    xml.attr("PRINTED_IMG_NR", page.label);
    xml.attr("PROCESSINGREFS", "PROC_SEGMENTATION");
    xml.attr("LANG", context.issue->language());
    xml.start("PrintSpace");
    geometry.box(xml, geometry.print_space());
    for (const Block& block : page.blocks)
        write_block(xml, context, geometry, block, page.encoding);
    write_graphics(xml, page, geometry);
    xml.end();
    xml.end();
    xml.end();
    xml.end();
    return xml.finish(warnings);
}

}  // namespace paperbag
