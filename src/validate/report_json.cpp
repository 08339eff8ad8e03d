// JSON report; its structure is documented by docs/validate-report.schema.json.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <cstdint>
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

// 1-based, or null when unknown (never 0, which reads like a place).
Poco::Dynamic::Var position(std::uint64_t n) {
    return n > 0 ? Poco::Dynamic::Var(n) : Poco::Dynamic::Var();
}

Object::Ptr finding(const Diagnostic& d) {
    Object::Ptr o = object();
    o->set("rule", d.code);
    o->set("severity", std::string(to_string(d.severity)));
    if (!d.path.empty()) o->set("path", d.path);
    o->set("line", position(d.line));
    o->set("column", position(d.column));
    o->set("message", d.message);
    return o;
}

}  // namespace

std::string json_report(const ValidationRun& run) {
    Object::Ptr root = object();
    root->set("format", "paperbag-validate-report/2");
    root->set("tool", "paperbag");
    root->set("version", PAPERBAG_VERSION);
    root->set("command", run.command);
    Array::Ptr files = new Array;
    std::size_t totals[4] = {0, 0, 0, 0};
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
        for (const Diagnostic& d : file.findings) findings->add(finding(d));
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
    Array::Ptr messages = new Array;
    for (const Diagnostic& d : run.messages) messages->add(finding(d));
    root->set("messages", messages);
    Object::Ptr t = object();
    t->set("files", run.validated());
    t->set("valid", totals[0]);
    t->set("invalid", totals[1]);
    t->set("not_validated", totals[2]);
    t->set("skipped", totals[3] + run.ignored);
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
