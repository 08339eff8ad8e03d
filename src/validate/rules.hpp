// Profile rules: what XSD cannot check. Each rule has a stable id (validation_rules() in
// rules.cpp lists them with severity and a one-line explanation); one file per standard.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "validate/document_source.hpp"
#include "validate/findings.hpp"
#include "validate/schema_registry.hpp"

namespace paperbag {

// A NewsML-G2 itemRef, resolved after every document of the run has been read.
struct ItemRef {
    std::string residref;
    std::uint64_t line = 0;
};

// What one document contributes to checks across documents.
struct CrossRefs {
    std::vector<std::string> guids;  // NewsML-G2 items this document is (newsItem@guid)
    std::vector<ItemRef> item_refs;  // packageItem itemRef@residref it points to
};

struct RuleContext {
    const DocumentSource& source;
    xmlDoc* doc;
    FindingSink& sink;
    SchemaRegistry& registry;
    std::uint64_t max_referenced_size;  // referenced XML files larger than this are not parsed
    CrossRefs& cross;
};

// Shared helpers.
std::uint64_t line_of(const xmlNode* node);
std::string attr(const xmlNode* node, const char* name);
std::string attr_ns(const xmlNode* node, const char* name, const char* ns);
bool is(const xmlNode* node, const char* ns, const char* name);
std::vector<std::string> split_tokens(const std::string& value);
// True for a real calendar date or date-time in W3CDTF/ISO 8601 form (YYYY, YYYY-MM,
// YYYY-MM-DD, with an optional time and zone).
bool is_real_date(std::string_view text);
// Calls f(node) for every node of any type below (and including) `root`, in document order,
// without recursion (deeply nested hostile documents cannot overflow the stack).
template <typename F>
void for_each_node(xmlNode* root, F&& f) {
    for (xmlNode* n = root; n != nullptr;) {
        f(n);
        if (n->type == XML_ELEMENT_NODE && n->children != nullptr) {
            n = n->children;
            continue;
        }
        while (n != nullptr && n != root && n->next == nullptr) n = n->parent;
        if (n == nullptr || n == root) break;
        n = n->next;
    }
}

// Calls f(node) for every element below (and including) `root`, in document order.
template <typename F>
void for_each_element(xmlNode* root, F&& f) {
    for_each_node(root, [&](xmlNode* n) {
        if (n->type == XML_ELEMENT_NODE) f(n);
    });
}

// The ALTO reference rules, fed attribute by attribute (from a tree or from SAX events).
class AltoReferences {
public:
    static constexpr std::string_view reference_attributes[] = {"STYLEREFS", "TAGREFS",
                                                                "PROCESSINGREFS", "IDNEXT"};
    // Records one attribute of an ALTO element (ID or a reference attribute; others ignored).
    void attribute(std::string_view name, const std::string& value, std::uint64_t line);
    // Reports duplicate IDs, and with `rules` (a profile is active) dangling references.
    void report(FindingSink& sink, bool rules) const;

private:
    void id(std::string value, std::uint64_t line);
    struct Duplicate {
        std::string id;
        std::uint64_t line, first;
    };
    struct Ref {
        std::string attribute, value;
        std::uint64_t line;
    };
    std::unordered_map<std::string, std::uint64_t> ids_;
    std::vector<Duplicate> duplicates_;
    std::vector<Ref> refs_;
};

void check_mets_rules(RuleContext& context);
void check_alto_rules(RuleContext& context);
void check_newsml_rules(RuleContext& context);
// Dates in embedded MODS / PREMIS (used by the METS rules and for MODS/PREMIS roots).
void check_metadata_dates(RuleContext& context, xmlNode* root);

}  // namespace paperbag
