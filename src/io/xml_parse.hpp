// Parsing untrusted XML with libxml2, safely: no network (XML_PARSE_NONET), no external
// entities or DTD loading, no entity substitution, libxml2's size and amplification limits on
// (no XML_PARSE_HUGE). Every libxml2 message becomes a Diagnostic with the caller's path and
// libxml2's line and column; none is printed to stderr.
#pragma once

#include <libxml/xmlerror.h>

#include <string>
#include <string_view>

#include "io/xml_guard.hpp"
#include "io/xml_handles.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

// Initialises libxml2 once per process and installs an external-entity loader that refuses
// every network URL. Safe to call from any thread, any number of times.
void init_libxml();

// The one libxml2 option set for every parser and reader of untrusted XML: no network, line
// numbers beyond 65535, no warnings; never XML_PARSE_HUGE (libxml2's limits stay on), never
// XML_PARSE_NOENT or DTD loading. A DOCTYPE never reaches libxml2 (the XML guard stops it).
int safe_parse_options();

// Options for parse_xml.
struct XmlParseOptions {
    bool allow_dtd = false;              // false: a document with a DOCTYPE is refused (PB-XML-DTD)
    std::string code = "PB-XML-SYNTAX";  // code of the diagnostics for syntax errors
};

// Parses `bytes`; `path` names the document in diagnostics. Returns nullptr (and adds at
// least one error to `out`) when the document is not well-formed or is refused.
XmlDocPtr parse_xml(std::string_view bytes, const std::string& path, Diagnostics& out,
                    const XmlParseOptions& options = {});

// Parses `bytes` with libxml2's HTML parser (for HTML that is not well-formed XML, such as
// HTML5 hOCR): no network, no DTD or entity loading beyond HTML's own character entities.
// The parser recovers from markup errors as browsers do; they are not reported. Returns
// nullptr (and adds an error to `out`) only when nothing could be parsed.
XmlDocPtr parse_html(std::string_view bytes, const std::string& path, Diagnostics& out);

// The finding (PB-XML-LIMIT, PB-XML-DTD) for a document the XML guard stopped.
Diagnostic limit_diagnostic(const XmlLimitHit& hit, const std::string& path);

// Checks `bytes` against the limits of io/xml_guard.hpp (a DOCTYPE included unless
// `allow_doctype`); when over, adds the finding to `out` and returns true.
bool refuse_over_limits(std::string_view bytes, const std::string& path, Diagnostics& out,
                        bool allow_doctype = false);

// A Diagnostic from a libxml2 error, with `path` in place of libxml2's file name.
Diagnostic diagnostic_from(const xmlError& error, const std::string& path, const std::string& code);

// While alive, sends libxml2's structured errors of this thread to `handler(context, error)`
// and drops its generic ones (nothing reaches stderr); restores the previous handlers. The one
// place that swaps libxml2's (thread-local) error handlers.
class ScopedXmlErrorHandler {
public:
    ScopedXmlErrorHandler(void* context, xmlStructuredErrorFunc handler);
    ~ScopedXmlErrorHandler();
    ScopedXmlErrorHandler(const ScopedXmlErrorHandler&) = delete;
    ScopedXmlErrorHandler& operator=(const ScopedXmlErrorHandler&) = delete;

private:
    xmlStructuredErrorFunc old_structured_;
    void* old_structured_ctx_;
    xmlGenericErrorFunc old_generic_;
    void* old_generic_ctx_;
};

// While alive, routes libxml2's generic and structured errors of this thread into `sink`
// (as diagnostics with `path` and `code`) instead of stderr; restores the previous handlers.
class XmlErrorCapture {
public:
    XmlErrorCapture(Diagnostics& sink, std::string path, std::string code);
    XmlErrorCapture(const XmlErrorCapture&) = delete;
    XmlErrorCapture& operator=(const XmlErrorCapture&) = delete;

    static void structured(void* self, xmlErrorPtr error);

private:
    Diagnostics& sink_;
    std::string path_;
    std::string code_;
    ScopedXmlErrorHandler scope_;
};

}  // namespace paperbag
