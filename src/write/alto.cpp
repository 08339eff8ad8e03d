// ALTO 4.4 for one page. Blocks become TextBlocks with the block id as ID (METS areas point at
// them with BETYPE="IDREF"); the repaired text of a block becomes one TextLine per line and one
// String per space-separated word. Coordinates (HPOS, VPOS, WIDTH, HEIGHT; all optional in
// ALTO 4.4) are written only for blocks whose input had a box: paperbag never invents them.
#include <algorithm>
#include <charconv>
#include <set>

#include "paperbag/ids.hpp"
#include "write/layout.hpp"
#include "write/xml_out.hpp"

namespace paperbag {

namespace {

constexpr const char* alto_ns = "http://www.loc.gov/standards/alto/ns-v4#";

std::string tag_id(BlockKind kind) {
    return "TAG_" + std::string(to_string(kind));
}

std::string number(double value) {
    char digits[32];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    return std::string(digits, result.ptr);
}

void write_description(XmlOut& xml, const WriteContext& context, const Page& page) {
    xml.start("Description");
    // Required by ALTO; without coordinates it qualifies nothing.
    xml.element("MeasurementUnit", "pixel");
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
                "text blocks and their functions found in the page text by paperbag's segmenter");
    if (const PayloadFile* text = context.payload_file(page.sequence, FileRole::text))
        xml.element("processingStepSettings", "source: " + text->path);
    xml.start("processingSoftware");
    xml.element("softwareName", "paperbag");
    xml.element("softwareVersion", context.tool_version);
    xml.end();
    xml.end();
    xml.end();
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

void write_line(XmlOut& xml, const std::string& id, std::string_view line) {
    xml.start("TextLine");
    xml.attr("ID", id);
    bool first = true;
    std::size_t start = 0;
    while (start < line.size()) {
        const std::size_t end = std::min(line.find(' ', start), line.size());
        if (end > start) {
            if (!first) {
                xml.start("SP");
                xml.end();
            }
            xml.start("String");
            xml.attr("CONTENT", line.substr(start, end - start));
            xml.end();
            first = false;
        }
        start = end + 1;
    }
    xml.end();
}

void write_block(XmlOut& xml, const WriteContext& context, const Block& block) {
    xml.start("TextBlock");
    xml.attr("ID", block.id);
    xml.attr("TAGREFS", tag_id(block.kind));
    if (block.box) {
        xml.attr("HEIGHT", number(block.box->height));
        xml.attr("WIDTH", number(block.box->width));
        xml.attr("HPOS", number(block.box->hpos));
        xml.attr("VPOS", number(block.box->vpos));
    }
    xml.attr("LANG", context.language_of(block));
    // Cleaned before splitting, so that no String and no TextLine ends up empty.
    const std::string clean = xml.clean(block.text);
    std::string_view text = clean;
    std::size_t line_number = 0;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        if (line.find_first_not_of(' ') != std::string_view::npos)
            write_line(xml, block.id + "-l" + sequence_id("", ++line_number, 3), line);
        text.remove_prefix(std::min(end + 1, text.size()));
    }
    xml.end();
}

}  // namespace

std::string write_alto(const WriteContext& context, const Page& page, Diagnostics& warnings) {
    XmlOut xml(alto_path(page));
    xml.start("alto");
    xml.attr("xmlns", alto_ns);
    xml.attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    xml.attr("xsi:schemaLocation",
             std::string(alto_ns) + " http://www.loc.gov/standards/alto/v4/alto-4-4.xsd");
    xml.attr("SCHEMAVERSION", "4.4");
    write_description(xml, context, page);
    write_tags(xml, page);
    xml.start("Layout");
    xml.start("Page");
    xml.attr("ID", "PAGE_" + sequence_id("", static_cast<std::size_t>(page.sequence), 4));
    xml.attr("PHYSICAL_IMG_NR", static_cast<std::uint64_t>(page.sequence));
    xml.attr("PRINTED_IMG_NR", page.label);
    xml.attr("PROCESSINGREFS", "PROC_SEGMENTATION");
    xml.attr("LANG", context.issue->language());
    xml.start("PrintSpace");
    for (const Block& block : page.blocks) write_block(xml, context, block);
    xml.end();
    xml.end();
    xml.end();
    xml.end();
    return xml.finish(warnings);
}

}  // namespace paperbag
