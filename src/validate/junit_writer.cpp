#include "validate/junit_writer.hpp"

#include <libxml/xmlwriter.h>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

void check(int rc) {
    if (rc < 0) throw Error("PB-REPORT", "", "cannot write the JUnit report");
}

// XML 1.0 cannot carry most control characters; messages may quote them from input.
std::string printable(const std::string& s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 && c != '\n' && c != '\t') ? '?' : c;
    }
    return out;
}

}  // namespace

JunitWriter::JunitWriter()
    : buffer_(new_xml_buffer()),
      writer_(buffer_ ? xmlNewTextWriterMemory(buffer_.get(), 0) : nullptr) {
    if (!writer_) throw Error("PB-REPORT", "", "cannot create an XML writer");
    xmlTextWriterSetIndent(writer_.get(), 1);
    check(xmlTextWriterStartDocument(writer_.get(), nullptr, "UTF-8", nullptr));
}

void JunitWriter::start(const char* name) {
    check(xmlTextWriterStartElement(writer_.get(), BAD_CAST name));
}

void JunitWriter::end() {
    check(xmlTextWriterEndElement(writer_.get()));
}

void JunitWriter::attribute(const char* name, const std::string& value) {
    check(xmlTextWriterWriteAttribute(writer_.get(), BAD_CAST name,
                                      BAD_CAST printable(value).c_str()));
}

void JunitWriter::text(const std::string& value) {
    check(xmlTextWriterWriteString(writer_.get(), BAD_CAST printable(value).c_str()));
}

std::string JunitWriter::finish() {
    check(xmlTextWriterEndDocument(writer_.get()));
    writer_.reset();
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                       static_cast<std::size_t>(xmlBufferLength(buffer_.get())));
}

}  // namespace paperbag
