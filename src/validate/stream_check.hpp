// Streaming validation: the document goes through libxml2's SAX parser with the schema
// validator plugged in, so no tree is built and memory does not grow with the file.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "validate/document_source.hpp"
#include "validate/findings.hpp"
#include "validate/rules.hpp"
#include "validate/xsd_schema.hpp"

namespace paperbag {

// The bytes to stream: a pull reader (a ZIP entry), an open file descriptor (not closed
// here) or a memory buffer.
struct StreamInput {
    int fd = -1;
    std::string_view bytes;
    std::function<std::unique_ptr<ByteReader>()> open;  // when set, read from a new reader
};

// Validates `input` against `schema`; findings go to `sink` with `code` (schema errors) or
// PB-XML-SYNTAX / PB-XML-DTD. When `alto` is given, ALTO ID and reference attributes are
// fed to it. Returns true when the document is valid.
bool stream_validate(const XsdSchema& schema, StreamInput input, FindingSink& sink,
                     const std::string& code, const std::string& label, AltoReferences* alto);

}  // namespace paperbag
