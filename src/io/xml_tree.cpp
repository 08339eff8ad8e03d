#include "io/xml_tree.hpp"

#include <charconv>

#include "io/xml_handles.hpp"

namespace paperbag::xml_tree {

namespace {

const char* chars(const xmlChar* s) {
    return reinterpret_cast<const char*>(s);
}

}  // namespace

bool is(const xmlNode* node, const char* ns, const char* name) {
    return node != nullptr && node->type == XML_ELEMENT_NODE &&
           xmlStrEqual(node->name, BAD_CAST name) != 0 && node->ns != nullptr &&
           xmlStrEqual(node->ns->href, BAD_CAST ns) != 0;
}

const xmlNode* child(const xmlNode* node, const char* ns, const char* name) {
    if (node == nullptr) return nullptr;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next)
        if (is(n, ns, name)) return n;
    return nullptr;
}

std::vector<const xmlNode*> children(const xmlNode* node, const char* ns, const char* name) {
    std::vector<const xmlNode*> out;
    if (node == nullptr) return out;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next)
        if (is(n, ns, name)) out.push_back(n);
    return out;
}

std::vector<const xmlNode*> elements(const xmlNode* node) {
    std::vector<const xmlNode*> out;
    if (node == nullptr) return out;
    for (const xmlNode* n = node->children; n != nullptr; n = n->next)
        if (n->type == XML_ELEMENT_NODE) out.push_back(n);
    return out;
}

std::string text(const xmlNode* node) {
    if (node == nullptr) return {};
    XmlCharPtr content(xmlNodeGetContent(node));
    return content ? chars(content.get()) : "";
}

std::string attr(const xmlNode* node, const char* name) {
    XmlCharPtr value(xmlGetNoNsProp(node, BAD_CAST name));
    return value ? chars(value.get()) : "";
}

std::string attr(const xmlNode* node, const char* name, const char* ns) {
    XmlCharPtr value(xmlGetNsProp(node, BAD_CAST name, BAD_CAST ns));
    return value ? chars(value.get()) : "";
}

std::string attr_any_ns(const xmlNode* node, const char* name) {
    XmlCharPtr value(xmlGetProp(node, BAD_CAST name));
    return value ? chars(value.get()) : "";
}

std::uint64_t line(const xmlNode* node) {
    const long n = xmlGetLineNo(node);
    return n > 0 ? static_cast<std::uint64_t>(n) : 0;
}

std::optional<std::uint64_t> number(const std::string& text) {
    std::uint64_t value = 0;
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

}  // namespace paperbag::xml_tree
