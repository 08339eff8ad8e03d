// The merged shard report as SARIF 2.1.0: one result per refused item and per problem, and
// every rule id the results carry described in tool.driver.rules (from the error-code table).
#include <set>

#include "job/report_merged.hpp"
#include "paperbag/error_codes.hpp"
#include "validate/sarif_writer.hpp"

namespace paperbag {

namespace {

using namespace sarif;
using sarif::Array;
using sarif::Object;

Object::Ptr result(const std::string& rule, const std::string& message, const std::string& path) {
    Object::Ptr r = object();
    r->set("ruleId", rule);
    r->set("level", "error");
    r->set("message", text(message));
    if (!path.empty()) {
        Object::Ptr artifact = object();
        artifact->set("uri", uri(path));
        Object::Ptr physical = object();
        physical->set("artifactLocation", artifact);
        Object::Ptr location = object();
        location->set("physicalLocation", physical);
        Array::Ptr locations = new Array;
        locations->add(location);
        r->set("locations", locations);
    }
    return r;
}

Array::Ptr rules_of(const Array::Ptr& results) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < results->size(); ++i)
        ids.insert(results->getObject(static_cast<unsigned>(i))->getValue<std::string>("ruleId"));
    Array::Ptr rules = new Array;
    for (const std::string& id : ids) {
        const ErrorCode* row = find_error_code(id);
        Object::Ptr r = object();
        r->set("id", id);
        r->set("shortDescription",
               text(row ? std::string(row->meaning) : "an item of the plan in this state"));
        Object::Ptr config = object();
        config->set("level", "error");
        r->set("defaultConfiguration", config);
        rules->add(r);
    }
    return rules;
}

}  // namespace

std::string merged_sarif_report(const MergedReport& report) {
    Array::Ptr results = new Array;
    for (const Diagnostic& d : report.problems) results->add(result(d.code, d.message, d.path));
    for (const ShardItem& item : report.items) {
        if (item.outcome != ItemOutcome::refused) continue;
        std::string message = item.key + ": " + item.state;
        for (const std::string& m : item.messages) message += "\n" + m;
        results->add(result(item.codes.empty() ? "PB-" + item.state : item.codes.front(), message,
                            item.input));
    }
    Array::Ptr invocations = new Array;
    invocations->add(invocation(report.exit_code));
    Object::Ptr run = object();
    run->set("tool", tool("https://github.com/paperbag/paperbag/blob/main/docs/scale.md",
                          rules_of(results)));
    run->set("invocations", invocations);
    run->set("results", results);
    return log(run);
}

}  // namespace paperbag
