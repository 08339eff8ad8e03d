#include "validate/xsd_schema.hpp"

#include <climits>

#include "core/embedded.hpp"
#include "io/xml_parse.hpp"

namespace paperbag {

XsdSchema XsdSchema::compile(XmlSchemaParserCtxtPtr ctxt, const std::string& name) {
    if (!ctxt) throw Error("PB-SCHEMA-COMPILE", name, "cannot create a schema parser");
    Diagnostics problems;
    XmlSchemaPtr schema;
    {
        XmlErrorCapture capture(problems, name, "PB-SCHEMA-COMPILE");
        schema.reset(xmlSchemaParse(ctxt.get()));
    }
    if (!schema) {
        std::string message = "schema does not compile";
        for (const Diagnostic& d : problems)
            if (d.severity == Severity::error) {
                message += ": " + d.format();
                break;
            }
        throw Error("PB-SCHEMA-COMPILE", name, message);
    }
    return XsdSchema(std::move(schema), name);
}

XsdSchema XsdSchema::from_memory(std::string_view bytes, const std::string& base_url) {
    init_libxml();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw Error("PB-SCHEMA-COMPILE", base_url, "schema too large");
    XmlDocPtr doc;
    Diagnostics problems;
    {
        XmlErrorCapture capture(problems, base_url, "PB-SCHEMA-COMPILE");
        doc.reset(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), base_url.c_str(),
                                nullptr, XML_PARSE_NONET));
    }
    if (!doc)
        throw Error("PB-SCHEMA-COMPILE", base_url,
                    problems.empty() ? "schema is not well-formed" : problems.items()[0].format());
    // The parser context does not take ownership of the document; keep it alive until the
    // schema is compiled (the compiled schema does not refer back to it).
    return compile(XmlSchemaParserCtxtPtr(xmlSchemaNewDocParserCtxt(doc.get())), base_url);
}

XsdSchema XsdSchema::from_file(const std::string& path) {
    init_libxml();
    return compile(XmlSchemaParserCtxtPtr(xmlSchemaNewParserCtxt(path.c_str())), path);
}

XsdSchema XsdSchema::builtin(std::string_view name) {
    const std::string_view bytes = builtin::embedded_file(name);
    if (bytes.empty())
        throw Error("PB-SCHEMA-MISSING", std::string(name), "no such built-in schema");
    return from_memory(bytes, "builtin:xsd/" + std::string(name));
}

bool XsdSchema::validate(xmlDoc* doc, const std::string& path, Diagnostics& out,
                         const std::string& code) const {
    XmlSchemaValidCtxtPtr ctxt(xmlSchemaNewValidCtxt(schema_.get()));
    if (!ctxt) throw Error("PB-XSD", path, "cannot create a schema validation context");
    Diagnostics found;
    int rc = 0;
    {
        XmlErrorCapture capture(found, path, code);
        rc = xmlSchemaValidateDoc(ctxt.get(), doc);
    }
    out.append(found);
    if (rc > 0 && !found.has_errors())
        out.add(make_error(code, path, 0, "document is not valid against " + name_));
    if (rc < 0) throw Error("PB-XSD", path, "internal error while validating against " + name_);
    return rc == 0;
}

}  // namespace paperbag
