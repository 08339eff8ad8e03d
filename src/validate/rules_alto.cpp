// ALTO profile rules (PB-ALTO-*): libxml2 does not check that IDREF(S) resolve. The checks
// are fed either from a document tree or from SAX events while streaming.
#include "validate/rules.hpp"

namespace paperbag {

void AltoReferences::id(std::string value, std::uint64_t line) {
    const auto [it, inserted] = ids_.emplace(std::move(value), line);
    if (!inserted) duplicates_.push_back({it->first, line, it->second});
}

void AltoReferences::attribute(std::string_view name, const std::string& value,
                               std::uint64_t line) {
    if (name == "ID") return id(value, line);
    for (std::string_view ref_attr : reference_attributes)
        if (name == ref_attr)
            for (std::string& token : split_tokens(value))
                refs_.push_back({std::string(ref_attr), std::move(token), line});
}

void AltoReferences::report(FindingSink& sink, bool rules) const {
    // ALTO's ID attributes are xs:ID, so a duplicate is also a schema violation; libxml2
    // finds it only on a tree, so the streaming path reports it here (as PB-XSD without the
    // profile rules).
    for (const Duplicate& d : duplicates_)
        sink.add(Severity::error, rules ? "PB-ALTO-001" : "PB-XSD", d.line,
                 "duplicate ID '" + d.id + "' (first used on line " + std::to_string(d.first) +
                     ")" + (rules ? "" : ": xs:ID values must be unique"));
    if (!rules) return;
    for (const Ref& r : refs_)
        if (!ids_.contains(r.value))
            sink.add(Severity::error, "PB-ALTO-002", r.line,
                     r.attribute + " '" + r.value + "' does not point to an ID");
}

void check_alto_rules(RuleContext& context) {
    AltoReferences refs;
    for_each_element(xmlDocGetRootElement(context.doc), [&](xmlNode* n) {
        for (const xmlAttr* a = n->properties; a; a = a->next) {
            if (a->ns != nullptr) continue;
            const std::string_view name = reinterpret_cast<const char*>(a->name);
            if (name != "ID" && !name.ends_with("REFS") && name != "IDNEXT") continue;
            refs.attribute(name, attr(n, reinterpret_cast<const char*>(a->name)), line_of(n));
        }
    });
    refs.report(context.sink, true);
}

}  // namespace paperbag
