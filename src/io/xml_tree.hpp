// Small read-only helpers over a parsed libxml2 tree (see xml_parse.hpp), for readers that
// walk documents paperbag wrote: namespace-aware element tests, child lookup, exact text.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paperbag::xml_tree {

// True when `node` is an element named `name` in namespace `ns`.
bool is(const xmlNode* node, const char* ns, const char* name);
// The first child element named `name` in `ns`, or nullptr.
const xmlNode* child(const xmlNode* node, const char* ns, const char* name);
// Every child element named `name` in `ns`, in document order.
std::vector<const xmlNode*> children(const xmlNode* node, const char* ns, const char* name);
// Every child element, in document order.
std::vector<const xmlNode*> elements(const xmlNode* node);
// The text content, exactly as parsed (not trimmed).
std::string text(const xmlNode* node);
// An attribute without namespace ("" when absent).
std::string attr(const xmlNode* node, const char* name);
// An attribute in a namespace ("" when absent).
std::string attr(const xmlNode* node, const char* name, const char* ns);
// An attribute named `name` in any namespace or none, the first one found ("" when absent):
// for vocabularies read loosely, such as hOCR's XHTML, where `lang` may come as `xml:lang`.
std::string attr_any_ns(const xmlNode* node, const char* name);
// The element's line in its document (0 when unknown).
std::uint64_t line(const xmlNode* node);
// A non-negative decimal integer ("0".."18446744073709551615"), or nothing.
std::optional<std::uint64_t> number(const std::string& text);

}  // namespace paperbag::xml_tree
