// The merged shard report as SARIF 2.1.0: one result per refused item and per problem.
#include "job/report_merged.hpp"
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
    run->set("tool", tool("https://github.com/paperbag/paperbag/blob/main/docs/scale.md", nullptr));
    run->set("invocations", invocations);
    run->set("results", results);
    return log(run);
}

}  // namespace paperbag
