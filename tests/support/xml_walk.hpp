// Small helpers for tests that look inside written XML: parse, walk every element, read
// attributes.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>

#include "io/xml_parse.hpp"

namespace paperbag::test {

inline XmlDocPtr parse_or_throw(const std::string& bytes, const std::string& path) {
    Diagnostics problems;
    XmlDocPtr doc = parse_xml(bytes, path, problems);
    if (!doc)
        throw std::runtime_error(path + " is not well-formed: " +
                                 (problems.empty() ? "" : problems.items()[0].format()));
    return doc;
}

inline void walk(xmlNode* node, const std::function<void(xmlNode*)>& visit) {
    for (; node; node = node->next) {
        if (node->type != XML_ELEMENT_NODE) continue;
        visit(node);
        walk(node->children, visit);
    }
}

inline void walk(xmlDoc* doc, const std::function<void(xmlNode*)>& visit) {
    walk(xmlDocGetRootElement(doc), visit);
}

inline std::string name_of(const xmlNode* node) {
    return reinterpret_cast<const char*>(node->name);
}

// The attribute without namespace, or with the given namespace; "" when absent.
inline std::string attr(xmlNode* node, const char* name, const char* ns = nullptr) {
    xmlChar* value =
        ns ? xmlGetNsProp(node, BAD_CAST name, BAD_CAST ns) : xmlGetNoNsProp(node, BAD_CAST name);
    if (!value) return "";
    std::string out = reinterpret_cast<const char*>(value);
    xmlFree(value);
    return out;
}

inline std::string content(xmlNode* node) {
    xmlChar* value = xmlNodeGetContent(node);
    std::string out = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return out;
}

}  // namespace paperbag::test
