// A streaming XML reader (libxml2's xmlTextReader) with paperbag's safe parse settings: no
// network, no DTD loading, no entity substitution, libxml2's size limits on, a DOCTYPE refused
// (PB-XML-DTD). Memory stays flat whatever the size of the document: only the current node is
// held. libxml2's errors become Diagnostics with the caller's path, line and column.
#pragma once

#include <libxml/xmlreader.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "io/xml_parse.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag::ocr::detail {

class XmlStream {
public:
    // `bytes` must outlive the stream. `allow_doctype`: a DOCTYPE (XHTML's) is read past,
    // never loaded, instead of refused.
    XmlStream(std::string_view bytes, std::string path, bool allow_doctype = false);
    ~XmlStream();
    XmlStream(const XmlStream&) = delete;
    XmlStream& operator=(const XmlStream&) = delete;

    // Moves to the next node; false at the end. Throws Error on a syntax error (the first
    // libxml2 message, with line and column) or a DOCTYPE.
    bool next();
    // Skips the current element's subtree (the next call to next() returns what follows it).
    void skip();

    bool is_element() const;
    bool is_end_element() const;
    bool is_empty_element() const;  // <x/>: no end element follows
    std::string_view local_name() const;
    std::string_view namespace_uri() const;
    int depth() const;
    std::optional<std::string> attr(const char* name) const;
    // The text content of the current element (reads its subtree).
    std::string text();
    // The current element with its whole subtree as a libxml2 tree, for readers that take one
    // element at a time (PAGE regions); valid until the stream moves on (skip() frees it).
    // Throws Error like next().
    const xmlNode* expand();
    std::uint64_t line() const;
    const std::string& path() const noexcept { return path_; }

private:
    struct ReaderFree {
        void operator()(xmlTextReader* r) const noexcept { xmlFreeTextReader(r); }
    };
    [[noreturn]] void fail();

    std::string path_;
    Diagnostics errors_;
    std::unique_ptr<XmlErrorCapture> capture_;
    std::unique_ptr<xmlTextReader, ReaderFree> reader_;
    int type_ = 0;
    bool allow_doctype_ = false;
    bool pending_ = false;  // skip() already moved to the node next() must return
    bool ended_ = false;
};

}  // namespace paperbag::ocr::detail
