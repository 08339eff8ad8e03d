#include "validate/stream_check.hpp"

#include <unistd.h>

#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace paperbag {

namespace {

struct StreamState {
    xmlSchemaValidCtxt* validation;
    FindingSink* sink;
    AltoReferences* alto;
    bool doctype = false;
};

std::uint64_t current_line(const StreamState& state) {
    const xmlParserCtxt* parser = xmlSchemaValidCtxtGetParserCtxt(state.validation);
    return parser && parser->input && parser->input->line > 0
               ? static_cast<std::uint64_t>(parser->input->line)
               : 0;
}

void on_start(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*, int, const xmlChar**,
              int nb_attributes, int, const xmlChar** attributes) {
    auto* state = static_cast<StreamState*>(ctx);
    if (!state->alto) return;
    // Attributes come as (localname, prefix, URI, value begin, value end) tuples.
    for (int i = 0; i < nb_attributes; ++i) {
        const xmlChar** a = attributes + 5 * i;
        if (a[2] != nullptr) continue;
        const std::string_view name = reinterpret_cast<const char*>(a[0]);
        if (name != "ID" && !name.ends_with("REFS") && name != "IDNEXT") continue;
        const std::string value(reinterpret_cast<const char*>(a[3]),
                                static_cast<std::size_t>(a[4] - a[3]));
        state->alto->attribute(name, value, current_line(*state));
    }
}

// A DOCTYPE: stop before its internal subset is read (no entity is ever declared).
void on_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    auto* state = static_cast<StreamState*>(ctx);
    state->doctype = true;
    state->sink->add(Severity::error, "PB-XML-DTD", current_line(*state),
                     "document type declaration (DOCTYPE) refused: DTDs and entities are not "
                     "loaded or expanded");
    if (xmlParserCtxt* parser = xmlSchemaValidCtxtGetParserCtxt(state->validation))
        xmlStopParser(parser);
}

struct MemoryReader {
    std::string_view rest;
};

int read_memory(void* context, char* buffer, int len) {
    auto* reader = static_cast<MemoryReader*>(context);
    const std::size_t n = std::min(reader->rest.size(), static_cast<std::size_t>(std::max(len, 0)));
    std::memcpy(buffer, reader->rest.data(), n);
    reader->rest.remove_prefix(n);
    return static_cast<int>(n);
}

int close_memory(void* context) {
    delete static_cast<MemoryReader*>(context);
    return 0;
}

}  // namespace

bool stream_validate(const XsdSchema& schema, StreamInput input, FindingSink& sink,
                     const std::string& code, const std::string& label, AltoReferences* alto) {
    XmlSchemaValidCtxtPtr ctxt(xmlSchemaNewValidCtxt(schema.handle()));
    if (!ctxt) throw Error("PB-XSD", sink.path(), "cannot create a validation context");
    // Parser and validator messages: the parser's go through the thread's structured handler,
    // the validator's through its own.
    LibxmlErrorsTo errors(sink);
    xmlSchemaSetValidStructuredErrors(ctxt.get(), &FindingSink::on_libxml_error, &sink);

    xmlParserInputBufferPtr buffer = nullptr;
    if (input.fd >= 0) {
        // A descriptor of our own: libxml2 closes it with the buffer. Reading the descriptor
        // (not the file name) also means no transparent gzip decompression.
        const int fd = ::dup(input.fd);
        if (fd < 0) throw_system_error("cannot read", sink.path());
        buffer = xmlParserInputBufferCreateFd(fd, XML_CHAR_ENCODING_NONE);
        if (!buffer) ::close(fd);
    } else {
        // Memory is read through callbacks, like a file: with libxml2 2.9.14's static
        // memory buffer, xmlSchemaValidateStream sees part of the data twice.
        auto reader = std::make_unique<MemoryReader>(MemoryReader{input.bytes});
        buffer = xmlParserInputBufferCreateIO(&read_memory, &close_memory, reader.get(),
                                              XML_CHAR_ENCODING_NONE);
        if (buffer) reader.release();  // owned by the buffer now (close_memory frees it)
    }
    if (!buffer) throw Error("PB-IO", sink.path(), "cannot create an input buffer");

    xmlSAXHandler sax{};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = &on_start;
    sax.internalSubset = &on_doctype;
    StreamState state{ctxt.get(), &sink, alto};
    const std::size_t before = sink.errors();
    sink.set_libxml_code(code);
    // xmlSchemaValidateStream takes ownership of `buffer`.
    const int rc =
        xmlSchemaValidateStream(ctxt.get(), buffer, XML_CHAR_ENCODING_NONE, &sax, &state);
    if (rc > 0 && sink.errors() == before)
        sink.add(Severity::error, code, 0, "document is not valid against " + label);
    if (rc < 0 && sink.errors() == before)
        sink.add(Severity::error, "PB-XML-SYNTAX", 0, "not well-formed XML");
    return rc == 0 && !state.doctype;
}

}  // namespace paperbag
