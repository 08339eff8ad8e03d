// JSON report; its structure is documented by docs/validate-report.schema.json.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

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

std::string verdict_key(Verdict v) {
    return v == Verdict::not_validated ? "not_validated" : std::string(to_string(v));
}

}  // namespace

std::string json_report(const ValidationRun& run) {
    Object::Ptr root = object();
    root->set("format", "paperbag-validate-report/1");
    root->set("tool", "paperbag");
    root->set("version", PAPERBAG_VERSION);
    Array::Ptr files = new Array;
    std::size_t totals[3] = {0, 0, 0};
    std::size_t all_errors = 0, all_warnings = 0;
    for (const FileResult& file : run.files) {
        Object::Ptr f = object();
        f->set("path", file.path);
        f->set("kind", file.kind);
        Array::Ptr schemas = new Array;
        for (const std::string& s : file.schemas) schemas->add(s);
        f->set("schemas", schemas);
        f->set("verdict", verdict_key(file.verdict));
        Array::Ptr findings = new Array;
        for (const Diagnostic& d : file.findings) {
            Object::Ptr o = object();
            o->set("rule", d.code);
            o->set("severity", std::string(to_string(d.severity)));
            o->set("line", d.line);
            o->set("column", d.column);
            o->set("message", d.message);
            findings->add(o);
        }
        f->set("findings", findings);
        Object::Ptr t = object();
        const std::size_t errors = file.findings.count(Severity::error);
        const std::size_t warnings = file.findings.count(Severity::warning);
        t->set("errors", errors);
        t->set("warnings", warnings);
        t->set("infos", file.findings.count(Severity::info));
        t->set("suppressed", file.suppressed);
        f->set("totals", t);
        files->add(f);
        ++totals[static_cast<int>(file.verdict)];
        all_errors += errors;
        all_warnings += warnings;
    }
    root->set("files", files);
    Object::Ptr t = object();
    t->set("files", run.files.size());
    t->set("valid", totals[0]);
    t->set("invalid", totals[1]);
    t->set("not_validated", totals[2]);
    t->set("errors", all_errors);
    t->set("warnings", all_warnings);
    root->set("totals", t);
    root->set("strict", run.strict);
    root->set("exit_code", run.exit_code());
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(root, out, 2);
    out << '\n';
    return out.str();
}

}  // namespace paperbag
