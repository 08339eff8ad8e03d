// A linear pre-scan of XML bytes that enforces the limits libxml2 either lacks or enforces
// only on some paths, before libxml2 spends time on the input:
// - one run of character data (text, CDATA, a comment, whitespace before or between elements)
//   of at most `max_text` bytes: libxml2's schema validator appends long text in quadratic
//   time, and its parser holds leading whitespace in memory;
// - at most `max_attributes` attributes on one element: libxml2 2.9 checks attributes for
//   duplicates pairwise, in quadratic time;
// - no DOCTYPE (unless allowed): libxml2 would parse its internal subset, entities included.
// Every parse path (tree, reader, streaming validation) feeds its bytes through an XmlGuard, so
// the same document gets the same finding (PB-XML-LIMIT, PB-XML-DTD) wherever it is read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "io/unique_fd.hpp"

namespace paperbag {

struct XmlLimits {
    std::uint64_t max_text = std::uint64_t{10} << 20;  // 10 MiB, libxml2's own text limit
    std::uint64_t max_attributes = 10000;
    // false: a DOCTYPE stops the input (PB-XML-DTD) before libxml2 reads its internal subset,
    // so no entity is ever declared, let alone expanded.
    bool allow_doctype = false;
};

// Where a limit was exceeded, and which.
struct XmlLimitHit {
    std::string code;  // PB-XML-LIMIT or PB-XML-DTD
    std::uint64_t line = 0;
    std::uint64_t column = 0;
    std::string message;
};

class XmlGuard {
public:
    explicit XmlGuard(XmlLimits limits = {}) : limits_(limits) {}

    // Scans the next bytes of the document. Returns the first limit exceeded, then keeps
    // returning it (the caller stops feeding the parser).
    const std::optional<XmlLimitHit>& feed(std::string_view bytes);

    const std::optional<XmlLimitHit>& hit() const { return hit_; }

private:
    enum class State : std::uint8_t {
        text,        // character data, or whitespace outside the root element
        open,        // just after '<'
        bang,        // after "<!": a comment, CDATA section or declaration follows
        tag,         // inside a start or end tag, outside attribute values
        value,       // inside a quoted attribute value
        comment,     // after "<!--"
        cdata,       // after "<![CDATA["
        pi,          // after "<?"
        declaration  // <!DOCTYPE ...> and other declarations
    };

    void fail(std::string message, std::string code = "PB-XML-LIMIT");
    void fail_run();  // the current run of character data is too long

    XmlLimits limits_;
    State state_ = State::text;
    char quote_ = 0;                // the quote that ends the current attribute value
    std::uint64_t run_ = 0;         // bytes of the current run of character data
    std::uint64_t attributes_ = 0;  // attributes of the current tag
    std::string bang_;              // the bytes after "<!" until their meaning is known
    std::uint32_t matched_ = 0;     // bytes of a multi-byte delimiter matched so far
    std::uint32_t depth_ = 0;       // '[' nesting inside a declaration
    std::uint64_t line_ = 1;
    std::uint64_t column_ = 0;    // of the last byte read (1-based), 0 at a line's start
    std::uint64_t run_line_ = 1;  // where the current run of character data started
    std::uint64_t run_column_ = 1;
    std::optional<XmlLimitHit> hit_;
};

// A source for libxml2's input callbacks (xmlParserInputBufferCreateIO, xmlReaderForIO) that
// reads a file descriptor or memory through a guard: once the guard reports a limit, reads
// fail and libxml2 stops. Created with new, deleted by guarded_close (libxml2 calls it when it
// frees the buffer); the guard belongs to the caller and must outlive the parse.
struct GuardedSource {
    std::function<std::ptrdiff_t(char*, std::size_t)> pull;  // read when set (-1: failed)
    UniqueFd fd;             // read when open (closed with the source)
    std::string_view bytes;  // read otherwise
    XmlGuard* guard = nullptr;
};
int guarded_read(void* source, char* buffer, int len);
int guarded_close(void* source);

// Feeds the whole of `bytes` through a guard with `limits`; the first limit exceeded, if any.
std::optional<XmlLimitHit> check_xml_limits(std::string_view bytes, XmlLimits limits = {});

}  // namespace paperbag
