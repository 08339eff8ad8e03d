#include "validate/findings.hpp"

#include "io/xml_parse.hpp"

namespace paperbag {

void FindingSink::add(Diagnostic d) {
    if (skip_.contains(d.code)) return;
    if (d.path.empty()) d.path = path_;
    // libxml2 reports some parser errors twice in a row; keep one.
    if (!findings_.empty() && findings_.items().back() == d) return;
    if (d.severity == Severity::error) ++errors_;
    if (max_ > 0 && findings_.size() >= max_) {
        ++suppressed_;
        return;
    }
    findings_.add(std::move(d));
}

void FindingSink::add(Severity severity, const std::string& code, std::uint64_t line,
                      std::string message) {
    add(Diagnostic{severity, code, path_, line, 0, {}, std::move(message)});
}

void FindingSink::on_libxml_error(void* self, xmlErrorPtr error) {
    if (self == nullptr || error == nullptr) return;
    auto* sink = static_cast<FindingSink*>(self);
    if (sink->guard_ != nullptr && sink->guard_->hit()) return;
    // Validator messages get the code of the schema being applied; everything else (parser,
    // encoding, I/O) is a well-formedness problem.
    const bool schema = error->domain == XML_FROM_SCHEMASV || error->domain == XML_FROM_SCHEMASP ||
                        error->domain == XML_FROM_VALID;
    sink->add(diagnostic_from(*error, sink->path_, schema ? sink->libxml_code_ : "PB-XML-SYNTAX"));
}

}  // namespace paperbag
