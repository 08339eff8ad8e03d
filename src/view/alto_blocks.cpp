#include "view/alto_blocks.hpp"

#include <libxml/tree.h>

#include <charconv>
#include <cstring>

#include "io/xml_parse.hpp"

namespace paperbag::view {

namespace {

bool named(const xmlNode* node, const char* name) {
    return node->type == XML_ELEMENT_NODE &&
           std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

std::string attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) return {};
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

// A coordinate; 0 when absent or not a number (ALTO's own schema has checked the bundle).
double number(const xmlNode* node, const char* name) {
    const std::string text = attribute(node, name);
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() ? value : 0;
}

std::optional<Box> box_of(const xmlNode* node) {
    if (attribute(node, "WIDTH").empty() || attribute(node, "HPOS").empty()) return std::nullopt;
    return Box{number(node, "HPOS"), number(node, "VPOS"), number(node, "WIDTH"),
               number(node, "HEIGHT")};
}

BlockKind kind_of(const std::string& tagrefs) {
    constexpr std::string_view prefix = "TAG_";
    for (int k = 0; k <= static_cast<int>(BlockKind::unknown); ++k) {
        const auto kind = static_cast<BlockKind>(k);
        if (tagrefs.size() > prefix.size() && tagrefs.starts_with(prefix) &&
            tagrefs.substr(prefix.size()) == to_string(kind))
            return kind;
    }
    return BlockKind::unknown;
}

Block read_block(const xmlNode* node) {
    Block block;
    block.id = attribute(node, "ID");
    block.kind = kind_of(attribute(node, "TAGREFS"));
    block.box = box_of(node);
    for (const xmlNode* line = node->children; line; line = line->next) {
        if (!named(line, "TextLine")) continue;
        if (!block.text.empty()) block.text += '\n';
        TextLine printed;
        printed.box = box_of(line);
        for (const xmlNode* part = line->children; part; part = part->next) {
            if (named(part, "String")) {
                printed.words.push_back({attribute(part, "CONTENT"), box_of(part), {}, -1, -1});
                block.text += printed.words.back().text;
            }
            if (named(part, "SP")) block.text += ' ';
        }
        if (!printed.words.empty()) block.lines.push_back(std::move(printed));
    }
    return block;
}

void read_space(const xmlNode* node, Page& page) {
    for (const xmlNode* child = node->children; child; child = child->next) {
        if (named(child, "TextBlock")) {
            page.blocks.push_back(read_block(child));
        } else if (named(child, "Illustration") || named(child, "GraphicalElement")) {
            if (const auto box = box_of(child))
                page.graphics.push_back({named(child, "Illustration") ? Graphic::Kind::illustration
                                                                      : Graphic::Kind::rule,
                                         attribute(child, "ID"), *box});
        } else if (named(child, "ComposedBlock")) {
            read_space(child, page);
        }
    }
}

}  // namespace

bool read_alto_blocks(std::string_view bytes, const std::string& path, Page& page,
                      Diagnostics& diagnostics) {
    const XmlDocPtr doc = parse_xml(bytes, path, diagnostics);
    if (!doc) return false;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    for (const xmlNode* section = root ? root->children : nullptr; section;
         section = section->next) {
        if (named(section, "Description"))
            for (const xmlNode* d = section->children; d; d = d->next)
                if (named(d, "MeasurementUnit")) {
                    xmlChar* text = xmlNodeGetContent(d);
                    page.unit = text ? reinterpret_cast<const char*>(text) : "";
                    xmlFree(text);
                }
        if (!named(section, "Layout")) continue;
        for (const xmlNode* p = section->children; p; p = p->next) {
            if (!named(p, "Page")) continue;
            page.width = number(p, "WIDTH");
            page.height = number(p, "HEIGHT");
            for (const xmlNode* space = p->children; space; space = space->next)
                if (named(space, "PrintSpace") || named(space, "TopMargin") ||
                    named(space, "BottomMargin") || named(space, "LeftMargin") ||
                    named(space, "RightMargin"))
                    read_space(space, page);
        }
    }
    return true;
}

}  // namespace paperbag::view
