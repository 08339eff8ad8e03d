#include "validate/findings.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "core/unicode.hpp"
#include "io/xml_parse.hpp"

namespace paperbag {

void FindingSink::add(Diagnostic d) {
    if (skip_.contains(d.code)) return;
    if (d.path.empty()) d.path = path_;
    d.message = one_line(d.message);  // a finding is one line, whatever it quotes
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
    // "No precomputed value available" only repeats an invalid value reported on its line.
    if (schema && error->message != nullptr &&
        std::string_view(error->message).find("No precomputed value available") !=
            std::string_view::npos) {
        const auto line = static_cast<std::uint64_t>(std::max(error->line, 0));
        const auto& items = sink->findings_.items();
        if (std::any_of(items.begin(), items.end(),
                        [&](const Diagnostic& d) { return d.line == line && line > 0; }))
            return;
    }
    if (schema && sink->translator_ != nullptr) {
        sink->add(sink->translator_(*error, sink->path_, sink->libxml_code_));
        return;
    }
    sink->add(diagnostic_from(*error, sink->path_, schema ? sink->libxml_code_ : "PB-XML-SYNTAX"));
}

Diagnostics sorted_findings(const Diagnostics& found) {
    std::vector<Diagnostic> items = found.items();
    std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.path, a.line, a.column) < std::tie(b.path, b.line, b.column);
    });
    Diagnostics out;
    for (Diagnostic& d : items) out.add(std::move(d));
    return out;
}

}  // namespace paperbag
