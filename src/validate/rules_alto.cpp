// ALTO profile rules (PB-ALTO-*): libxml2 does not check that IDREF(S) resolve.
#include <map>

#include "validate/rules.hpp"

namespace paperbag {

void check_alto_rules(RuleContext& context) {
    xmlNode* root = xmlDocGetRootElement(context.doc);
    std::map<std::string, std::uint64_t> ids;
    for_each_element(root, [&](xmlNode* n) {
        const std::string id = attr(n, "ID");
        if (id.empty()) return;
        const auto [it, inserted] = ids.emplace(id, line_of(n));
        if (!inserted)
            context.sink.add(Severity::error, "PB-ALTO-001", line_of(n),
                             "duplicate ID '" + id + "' (first used on line " +
                                 std::to_string(it->second) + ")");
    });
    for_each_element(root, [&](xmlNode* n) {
        for (const char* name : {"STYLEREFS", "TAGREFS", "PROCESSINGREFS", "IDNEXT"})
            for (const std::string& ref : split_tokens(attr(n, name)))
                if (!ids.contains(ref))
                    context.sink.add(Severity::error, "PB-ALTO-002", line_of(n),
                                     std::string(name) + " '" + ref + "' does not point to an ID");
    });
}

}  // namespace paperbag
