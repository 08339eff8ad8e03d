#include "write/xml_out.hpp"

#include <charconv>

#include "core/plural.hpp"
#include "io/xml_parse.hpp"

namespace paperbag {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at text[i] and its code point, or 0 when invalid.
std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    std::size_t length = 0;
    char32_t min = 0;
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    } else if ((b0 & 0xE0) == 0xC0) {
        length = 2, cp = b0 & 0x1F, min = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3, cp = b0 & 0x0F, min = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (text.size() - i < length) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return length;
}

bool xml_char(char32_t cp) {
    if (cp < 0x20) return cp == 0x09 || cp == 0x0A || cp == 0x0D;
    return cp != 0xFFFE && cp != 0xFFFF;
}

}  // namespace

std::string clean_xml_text(std::string_view text, TextRepairs& repairs) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = 0;
        const std::size_t length = utf8_sequence(text, i, cp);
        if (length == 0) {
            out += replacement;
            ++repairs.invalid_utf8;
            ++i;
        } else {
            if (xml_char(cp))
                out.append(text.substr(i, length));
            else
                ++repairs.removed;
            i += length;
        }
    }
    return out;
}

bool has_text(std::string_view text) {
    TextRepairs ignored;
    const std::string clean = clean_xml_text(text, ignored);
    return clean.find_first_not_of(" \t\r\n") != std::string::npos;
}

std::string decimal(std::uint64_t value) {
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    return std::string(digits, result.ptr);
}

XmlOut::XmlOut(std::string path) : path_(std::move(path)) {
    init_libxml();
    buffer_ = new_xml_buffer();
    if (!buffer_) throw Error("PB-WRITE", path_, "cannot create an XML buffer");
    writer_.reset(xmlNewTextWriterMemory(buffer_.get(), 0));
    if (!writer_) throw Error("PB-WRITE", path_, "cannot create an XML writer");
    check(xmlTextWriterSetIndent(writer_.get(), 1), "set indentation");
    check(xmlTextWriterSetIndentString(writer_.get(), BAD_CAST "  "), "set indentation");
    check(xmlTextWriterStartDocument(writer_.get(), "1.0", "UTF-8", nullptr), "start document");
}

void XmlOut::check(int rc, const char* what) const {
    if (rc < 0) throw Error("PB-WRITE", path_, std::string("libxml2 failed to ") + what);
}

void XmlOut::start(const char* name) {
    check(xmlTextWriterStartElement(writer_.get(), BAD_CAST name), "start an element");
}

void XmlOut::end() {
    check(xmlTextWriterEndElement(writer_.get()), "end an element");
}

void XmlOut::attr(const char* name, std::string_view value) {
    const std::string clean = clean_xml_text(value, repairs_);
    check(xmlTextWriterWriteAttribute(writer_.get(), BAD_CAST name, BAD_CAST clean.c_str()),
          "write an attribute");
}

void XmlOut::attr(const char* name, std::uint64_t value) {
    attr(name, decimal(value));
}

void XmlOut::text(std::string_view value) {
    const std::string clean = clean_xml_text(value, repairs_);
    check(xmlTextWriterWriteString(writer_.get(), BAD_CAST clean.c_str()), "write text");
}

std::string XmlOut::clean(std::string_view value) {
    return clean_xml_text(value, repairs_);
}

void XmlOut::element(const char* name, std::string_view value) {
    start(name);
    text(value);
    end();
}

std::string XmlOut::finish(Diagnostics& warnings) {
    check(xmlTextWriterEndDocument(writer_.get()), "end the document");
    check(xmlTextWriterFlush(writer_.get()), "flush");
    if (repairs_.any()) {
        Diagnostic d = make_warning("PB-WRITE-TEXT", path_, 0, "");
        d.message = "text from the model repaired: " +
                    plural(repairs_.invalid_utf8, "invalid UTF-8 sequence") +
                    " replaced by U+FFFD, " + plural(repairs_.removed, "character") +
                    " not allowed in XML removed";
        warnings.add(std::move(d));
    }
    const xmlChar* content = xmlBufferContent(buffer_.get());
    return std::string(reinterpret_cast<const char*>(content),
                       static_cast<std::size_t>(xmlBufferLength(buffer_.get())));
}

}  // namespace paperbag
