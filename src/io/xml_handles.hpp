// RAII owners for libxml2 handles. Every libxml2 object paperbag creates is held by one of
// these from the moment it exists, so no path (including exceptions) leaks or double-frees.
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>

#include <memory>

namespace paperbag {

struct XmlDocFree {
    void operator()(xmlDoc* p) const noexcept { xmlFreeDoc(p); }
};
struct XmlParserCtxtFree {
    void operator()(xmlParserCtxt* p) const noexcept { xmlFreeParserCtxt(p); }
};
struct XmlTextWriterFree {
    void operator()(xmlTextWriter* p) const noexcept { xmlFreeTextWriter(p); }
};
struct XmlBufferFree {
    void operator()(xmlBuffer* p) const noexcept { xmlBufferFree(p); }
};
struct XmlSchemaFree {
    void operator()(xmlSchema* p) const noexcept { xmlSchemaFree(p); }
};
struct XmlSchemaParserCtxtFree {
    void operator()(xmlSchemaParserCtxt* p) const noexcept { xmlSchemaFreeParserCtxt(p); }
};
struct XmlSchemaValidCtxtFree {
    void operator()(xmlSchemaValidCtxt* p) const noexcept { xmlSchemaFreeValidCtxt(p); }
};
struct XmlCharFree {
    void operator()(xmlChar* p) const noexcept { xmlFree(p); }
};

using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;
using XmlParserCtxtPtr = std::unique_ptr<xmlParserCtxt, XmlParserCtxtFree>;
using XmlTextWriterPtr = std::unique_ptr<xmlTextWriter, XmlTextWriterFree>;
using XmlBufferPtr = std::unique_ptr<xmlBuffer, XmlBufferFree>;
using XmlSchemaPtr = std::unique_ptr<xmlSchema, XmlSchemaFree>;
using XmlSchemaParserCtxtPtr = std::unique_ptr<xmlSchemaParserCtxt, XmlSchemaParserCtxtFree>;
using XmlSchemaValidCtxtPtr = std::unique_ptr<xmlSchemaValidCtxt, XmlSchemaValidCtxtFree>;
using XmlCharPtr = std::unique_ptr<xmlChar, XmlCharFree>;

// A memory buffer for xmlNewTextWriterMemory, or null when libxml2 cannot allocate one. It
// grows by doubling: with libxml2's default exact scheme every flush of the writer (about
// 4 KB) reallocates the whole buffer, which copies a large document quadratically wherever
// realloc cannot grow in place (under AddressSanitizer a 10 MB METS took minutes).
inline XmlBufferPtr new_xml_buffer() {
    XmlBufferPtr buffer(xmlBufferCreate());
    if (buffer) xmlBufferSetAllocationScheme(buffer.get(), XML_BUFFER_ALLOC_DOUBLEIT);
    return buffer;
}

}  // namespace paperbag
