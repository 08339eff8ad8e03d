// A compiled XML Schema. Compiled once, then shared read-only by any number of threads; each
// validate() call uses its own validation context.
#pragma once

#include <string>
#include <string_view>

#include "io/xml_handles.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

class XsdSchema {
public:
    // Compiles a schema held in memory; `base_url` resolves its relative imports and names it
    // in errors. Throws Error (PB-SCHEMA-COMPILE) with libxml2's messages when it does not
    // compile.
    static XsdSchema from_memory(std::string_view bytes, const std::string& base_url);
    // Compiles a schema file (imports resolved relative to it and through the XML catalog).
    static XsdSchema from_file(const std::string& path);
    // A built-in schema from xsd/, by file name ("issue-manifest.xsd").
    static XsdSchema builtin(std::string_view name);

    // Validates a parsed document; every violation is added to `out` with `path`, libxml2's
    // line and the code `code`. Returns true when the document is valid.
    bool validate(xmlDoc* doc, const std::string& path, Diagnostics& out,
                  const std::string& code = "PB-XSD") const;

    const std::string& name() const noexcept { return name_; }
    // The compiled libxml2 schema, for callers that drive validation themselves (streaming,
    // their own error routing). Read-only; shared across threads.
    xmlSchema* handle() const noexcept { return schema_.get(); }

private:
    XsdSchema(XmlSchemaPtr schema, std::string name)
        : schema_(std::move(schema)), name_(std::move(name)) {}
    static XsdSchema compile(XmlSchemaParserCtxtPtr ctxt, const std::string& name);

    XmlSchemaPtr schema_;
    std::string name_;
};

}  // namespace paperbag
