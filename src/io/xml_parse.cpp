#include "io/xml_parse.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/globals.h>
#include <libxml/xmlIO.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <mutex>

#include "core/unicode.hpp"

namespace paperbag {

namespace {

void ignore_generic(void*, const char*, ...) {}

// libxml2's messages end in a newline and may quote values that hold more: one line each.
std::string trim_message(const char* message) {
    return message ? one_line(message) : "unknown XML error";
}

std::uint64_t line_of_offset(std::string_view bytes, std::size_t offset) {
    return 1 + static_cast<std::uint64_t>(
                   std::count(bytes.begin(), bytes.begin() + static_cast<long>(offset), '\n'));
}

}  // namespace

Diagnostic limit_diagnostic(const XmlLimitHit& hit, const std::string& path) {
    Diagnostic d = make_error(hit.code, path, hit.line, hit.message);
    d.column = hit.column;
    return d;
}

bool refuse_over_limits(std::string_view bytes, const std::string& path, Diagnostics& out,
                        bool allow_doctype) {
    XmlLimits limits;
    limits.allow_doctype = allow_doctype;
    const auto hit = check_xml_limits(bytes, limits);
    if (hit) out.add(limit_diagnostic(*hit, path));
    return hit.has_value();
}

int safe_parse_options() {
    return XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING;
}

void init_libxml() {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        // Network URLs are refused; local files (e.g. schemas found through a catalog) load.
        xmlSetExternalEntityLoader(xmlNoNetExternalEntityLoader);
    });
}

Diagnostic diagnostic_from(const xmlError& error, const std::string& path,
                           const std::string& code) {
    Diagnostic d;
    d.severity = error.level == XML_ERR_WARNING ? Severity::warning : Severity::error;
    d.code = code;
    d.path = path;
    d.line = error.line > 0 ? static_cast<std::uint64_t>(error.line) : 0;
    // For parser errors libxml2 keeps the column in int2.
    d.column = (error.domain == XML_FROM_PARSER && error.int2 > 0)
                   ? static_cast<std::uint64_t>(error.int2)
                   : 0;
    d.message = trim_message(error.message);
    return d;
}

ScopedXmlErrorHandler::ScopedXmlErrorHandler(void* context, xmlStructuredErrorFunc handler)
    : old_structured_(xmlStructuredError),
      old_structured_ctx_(xmlStructuredErrorContext),
      old_generic_(xmlGenericError),
      old_generic_ctx_(xmlGenericErrorContext) {
    xmlSetStructuredErrorFunc(context, handler);
    xmlSetGenericErrorFunc(nullptr, &ignore_generic);
}

ScopedXmlErrorHandler::~ScopedXmlErrorHandler() {
    xmlSetStructuredErrorFunc(old_structured_ctx_, old_structured_);
    xmlSetGenericErrorFunc(old_generic_ctx_, old_generic_);
}

XmlErrorCapture::XmlErrorCapture(Diagnostics& sink, std::string path, std::string code)
    : sink_(sink),
      path_(std::move(path)),
      code_(std::move(code)),
      scope_(this, &XmlErrorCapture::structured) {}

void XmlErrorCapture::structured(void* self, xmlErrorPtr error) {
    if (self == nullptr || error == nullptr) return;
    auto* capture = static_cast<XmlErrorCapture*>(self);
    capture->sink_.add(diagnostic_from(*error, capture->path_, capture->code_));
}

XmlDocPtr parse_xml(std::string_view bytes, const std::string& path, Diagnostics& out,
                    const XmlParseOptions& options) {
    init_libxml();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        out.add(Diagnostic{Severity::error,
                           "PB-TOO-LARGE",
                           path,
                           0,
                           0,
                           {},
                           "document is too large to load into memory (over 2 GiB)"});
        return nullptr;
    }
    if (bytes.empty()) {
        out.add(make_error(options.code, path, 0, "empty file: not an XML document"));
        return nullptr;
    }
    if (refuse_over_limits(bytes, path, out, options.allow_dtd)) return nullptr;
    XmlParserCtxtPtr ctxt(xmlNewParserCtxt());
    if (!ctxt) throw Error("PB-XML", path, "cannot create an XML parser (out of memory)");
    Diagnostics found;
    XmlDocPtr doc;
    {
        XmlErrorCapture capture(found, path, options.code);
        doc.reset(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()),
                                    path.c_str(), nullptr, safe_parse_options()));
        // Some errors leave libxml2 parsing (an undefined namespace prefix, bytes that are not
        // in the declared encoding): paperbag reads no document it has reported an error in.
        if (doc && (!ctxt->wellFormed || !ctxt->nsWellFormed || found.has_errors())) doc.reset();
    }
    out.append(found);
    if (!doc) {
        if (!found.has_errors()) out.add(make_error(options.code, path, 0, "not well-formed XML"));
        return nullptr;
    }
    if (!options.allow_dtd && xmlGetIntSubset(doc.get()) != nullptr) {
        const std::size_t at = bytes.find("<!DOCTYPE");
        Diagnostic d = make_error("PB-XML-DTD", path,
                                  at == std::string_view::npos ? 0 : line_of_offset(bytes, at),
                                  "document type declarations (DOCTYPE) are not allowed here");
        out.add(std::move(d));
        return nullptr;
    }
    return doc;
}

XmlDocPtr parse_html(std::string_view bytes, const std::string& path, Diagnostics& out) {
    init_libxml();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
        out.add(make_error("PB-TOO-LARGE", path, 0, "document is too large (over 2 GiB)"));
        return nullptr;
    }
    if (bytes.empty()) {
        out.add(make_error("PB-XML-SYNTAX", path, 0, "empty file: not an HTML document"));
        return nullptr;
    }
    if (refuse_over_limits(bytes, path, out, true)) return nullptr;  // <!DOCTYPE html>
    Diagnostics ignored;  // markup errors the HTML parser recovers from, as browsers do
    XmlDocPtr doc;
    {
        XmlErrorCapture capture(ignored, path, "PB-XML-SYNTAX");
        // hOCR is UTF-8; without a declared encoding the HTML parser would assume Latin-1.
        doc.reset(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), path.c_str(),
                                 "UTF-8",
                                 HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING));
    }
    if (!doc || xmlDocGetRootElement(doc.get()) == nullptr) {
        out.add(make_error("PB-XML-SYNTAX", path, 0, "not an HTML document"));
        return nullptr;
    }
    return doc;
}

}  // namespace paperbag
