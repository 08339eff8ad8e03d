// SARIF 2.1.0 report (for GitHub code scanning and other SARIF viewers): one run, the rule
// list as the driver's rules, one result per finding.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/URI.h>

#include <sstream>

#include "paperbag/version.hpp"
#include "validate/report.hpp"

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

std::string level(Severity s) {
    return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

std::string uri_of(const std::string& path) {
    std::string out;
    Poco::URI::encode(path, " %?#[]", out);
    return out;
}

}  // namespace

std::string sarif_report(const ValidationRun& run) {
    Array::Ptr rules = new Array;
    for (const RuleInfo& rule : validation_rules()) {
        Object::Ptr r = object();
        r->set("id", std::string(rule.id));
        r->set("shortDescription", text(std::string(rule.summary)));
        Object::Ptr config = object();
        config->set("level", level(rule.severity));
        r->set("defaultConfiguration", config);
        rules->add(r);
    }
    Object::Ptr driver = object();
    driver->set("name", "paperbag");
    driver->set("version", PAPERBAG_VERSION);
    driver->set("informationUri",
                "https://github.com/paperbag/paperbag/blob/main/docs/validate.md");
    driver->set("rules", rules);
    Object::Ptr tool = object();
    tool->set("driver", driver);

    Array::Ptr results = new Array;
    for (const FileResult& file : run.files) {
        for (const Diagnostic& d : file.findings) {
            Object::Ptr r = object();
            r->set("ruleId", d.code);
            r->set("level", level(d.severity));
            r->set("message", text(d.message));
            Object::Ptr artifact = object();
            artifact->set("uri", uri_of(file.path));
            Object::Ptr physical = object();
            physical->set("artifactLocation", artifact);
            if (d.line > 0) {
                Object::Ptr region = object();
                region->set("startLine", d.line);
                if (d.column > 0) region->set("startColumn", d.column);
                physical->set("region", region);
            }
            Object::Ptr location = object();
            location->set("physicalLocation", physical);
            Array::Ptr locations = new Array;
            locations->add(location);
            r->set("locations", locations);
            results->add(r);
        }
    }
    Object::Ptr invocation = object();
    invocation->set("executionSuccessful", run.exit_code() != 2);
    invocation->set("exitCode", run.exit_code());
    Array::Ptr invocations = new Array;
    invocations->add(invocation);

    Object::Ptr sarif_run = object();
    sarif_run->set("tool", tool);
    sarif_run->set("invocations", invocations);
    sarif_run->set("results", results);
    Array::Ptr runs = new Array;
    runs->add(sarif_run);
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
