// A thin layer over libxml2's xmlTextWriter for the writers: one document in memory, every
// libxml2 return code checked (Error PB-WRITE naming the output path), and every piece of text
// from the model cleaned before it reaches libxml2 (see clean_xml_text).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "io/xml_handles.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

// What clean_xml_text changed.
struct TextRepairs {
    std::uint64_t invalid_utf8 = 0;  // bytes or sequences replaced by U+FFFD
    std::uint64_t removed = 0;       // characters XML 1.0 cannot carry, dropped

    bool any() const noexcept { return invalid_utf8 + removed > 0; }
};

// `text` as well-formed UTF-8 that XML 1.0 can carry: invalid UTF-8 (bad sequences, overlong
// forms, encoded surrogates, code points above U+10FFFF) becomes U+FFFD; C0 controls other than
// tab, LF and CR, and U+FFFE/U+FFFF are removed. Counts what it changed in `repairs`.
std::string clean_xml_text(std::string_view text, TextRepairs& repairs);

// True when `text`, cleaned, has something besides spaces: an element or attribute that must
// not be empty is left out when this is false.
bool has_text(std::string_view text);

class XmlOut {
public:
    // `path` names the document in errors and warnings ("alto/0001.xml").
    explicit XmlOut(std::string path);

    // Elements and attributes use qualified names ("mets:file"); namespace declarations are
    // written as attributes ("xmlns:mets").
    void start(const char* name);
    void end();
    void attr(const char* name, std::string_view value);
    void attr(const char* name, std::uint64_t value);
    void text(std::string_view value);
    // <name>value</name>
    void element(const char* name, std::string_view value);
    // clean_xml_text, counted in this document's repairs: for callers that split text before
    // writing it (attr() and text() clean again, which changes nothing the second time).
    std::string clean(std::string_view value);

    // Ends the document and returns its bytes. Adds one PB-WRITE-TEXT warning to `warnings`
    // when text had to be repaired.
    std::string finish(Diagnostics& warnings);

    const std::string& path() const noexcept { return path_; }

private:
    void check(int rc, const char* what) const;

    std::string path_;
    XmlBufferPtr buffer_;
    XmlTextWriterPtr writer_;
    TextRepairs repairs_;
};

// Integer as decimal text (std::to_chars).
std::string decimal(std::uint64_t value);

}  // namespace paperbag
