// The merged shard report as SARIF 2.1.0: one result per refused item and per problem.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/URI.h>

#include <sstream>

#include "job/report_merged.hpp"
#include "paperbag/version.hpp"

namespace paperbag {

namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object() {
    return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Object::Ptr text(const std::string& s) {
    Object::Ptr o = object();
    o->set("text", s);
    return o;
}

Object::Ptr result(const std::string& rule, const std::string& message, const std::string& path) {
    Object::Ptr r = object();
    r->set("ruleId", rule);
    r->set("level", "error");
    r->set("message", text(message));
    if (!path.empty()) {
        std::string uri;
        Poco::URI::encode(path, " %?#[]", uri);
        Object::Ptr artifact = object();
        artifact->set("uri", uri);
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
    Object::Ptr driver = object();
    driver->set("name", "paperbag");
    driver->set("version", PAPERBAG_VERSION);
    driver->set("informationUri", "https://github.com/paperbag/paperbag/blob/main/docs/scale.md");
    Object::Ptr tool = object();
    tool->set("driver", driver);

    Array::Ptr results = new Array;
    for (const Diagnostic& d : report.problems) results->add(result(d.code, d.message, d.path));
    for (const ShardItem& item : report.items) {
        if (item.outcome != ItemOutcome::refused) continue;
        std::string message = item.key + ": " + item.state;
        for (const std::string& m : item.messages) message += "\n" + m;
        results->add(result(item.codes.empty() ? "PB-" + item.state : item.codes.front(), message,
                            item.input));
    }
    Object::Ptr invocation = object();
    invocation->set("executionSuccessful", report.exit_code != 2);
    invocation->set("exitCode", report.exit_code);
    Array::Ptr invocations = new Array;
    invocations->add(invocation);
    Object::Ptr run = object();
    run->set("tool", tool);
    run->set("invocations", invocations);
    run->set("results", results);
    Array::Ptr runs = new Array;
    runs->add(run);
    Object::Ptr root = object();
    root->set("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root->set("version", "2.1.0");
    root->set("runs", runs);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(root, out, 2);
    out << '\n';
    return out.str();
}

}  // namespace paperbag
