#include "validate/stream_check.hpp"

#include <unistd.h>

#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "io/xml_guard.hpp"
#include "io/xml_parse.hpp"

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

}  // namespace

bool stream_validate(const XsdSchema& schema, StreamInput input, FindingSink& sink,
                     const std::string& code, const std::string& label, AltoReferences* alto) {
    XmlSchemaValidCtxtPtr ctxt(xmlSchemaNewValidCtxt(schema.handle()));
    if (!ctxt) throw Error("PB-XSD", sink.path(), "cannot create a validation context");
    // Parser and validator messages: the parser's go through the thread's structured handler,
    // the validator's through its own.
    LibxmlErrorsTo errors(sink);
    xmlSchemaSetValidStructuredErrors(ctxt.get(), &FindingSink::on_libxml_error, &sink);

    // Every byte goes through the XML guard (io/xml_guard.hpp) on its way to libxml2: its
    // schema validator appends long text in quadratic time, and its parser checks attributes
    // pairwise; the guard stops both at a linear cost.
    XmlGuard guard;
    auto source = std::make_unique<GuardedSource>();
    source->guard = &guard;
    std::shared_ptr<ByteReader> pulled;
    if (input.open) {
        pulled = input.open();
        source->pull = [pulled](char* buffer, std::size_t size) {
            return pulled->read(buffer, size);
        };
    } else if (input.fd >= 0) {
        // A descriptor of our own, closed with the buffer. Reading the descriptor (not the
        // file name) also means no transparent gzip decompression.
        source->fd.reset(::dup(input.fd));
        if (!source->fd) throw_system_error("cannot read", sink.path());
    } else {
        // Memory is read through callbacks, like a file: with libxml2 2.9.14's static
        // memory buffer, xmlSchemaValidateStream sees part of the data twice.
        source->bytes = input.bytes;
    }
    xmlParserInputBufferPtr buffer = xmlParserInputBufferCreateIO(
        &guarded_read, &guarded_close, source.get(), XML_CHAR_ENCODING_NONE);
    if (!buffer) throw Error("PB-IO", sink.path(), "cannot create an input buffer");
    source.release();  // owned by the buffer now (guarded_close frees it)

    xmlSAXHandler sax{};
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = &on_start;
    sax.internalSubset = &on_doctype;
    StreamState state{ctxt.get(), &sink, alto};
    const std::size_t before = sink.errors();
    sink.set_libxml_code(code);
    // xmlSchemaValidateStream takes ownership of `buffer`.
    const int rc = [&] {
        const MuteAfterLimit mute(sink, guard);  // messages about the lost input add nothing
        return xmlSchemaValidateStream(ctxt.get(), buffer, XML_CHAR_ENCODING_NONE, &sax, &state);
    }();
    if (const auto& hit = guard.hit()) {
        sink.add(limit_diagnostic(*hit, sink.path()));
        return false;
    }
    if (pulled) pulled->check();  // a damaged ZIP entry: its problem, not libxml2's I/O error
    if (rc > 0 && sink.errors() == before)
        sink.add(Severity::error, code, 0, "document is not valid against " + label);
    if (rc < 0 && sink.errors() == before)
        sink.add(Severity::error, "PB-XML-SYNTAX", 0, "not well-formed XML");
    return rc == 0 && !state.doctype;
}

}  // namespace paperbag
