#include "ocr/xml_stream.hpp"

#include <climits>

namespace paperbag::ocr::detail {

namespace {

std::string_view view(const xmlChar* s) {
    return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

}  // namespace

XmlStream::XmlStream(std::string_view bytes, std::string path, bool allow_doctype)
    : path_(std::move(path)), allow_doctype_(allow_doctype) {
    init_libxml();
    if (bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw Error("PB-TOO-LARGE", path_, "document is too large (over 2 GiB)");
    if (bytes.empty()) throw Error(make_error("PB-XML-SYNTAX", path_, 0, "empty file"));
    XmlLimits limits;
    limits.allow_doctype = allow_doctype;
    if (const auto hit = check_xml_limits(bytes, limits))
        throw Error(limit_diagnostic(*hit, path_));
    capture_ = std::make_unique<XmlErrorCapture>(errors_, path_, "PB-XML-SYNTAX");
    reader_.reset(xmlReaderForMemory(bytes.data(), static_cast<int>(bytes.size()), path_.c_str(),
                                     nullptr, safe_parse_options()));
    if (!reader_) throw Error("PB-XML", path_, "cannot create an XML reader (out of memory)");
}

XmlStream::~XmlStream() {
    reader_.reset();
    capture_.reset();
}

void XmlStream::fail() {
    for (const Diagnostic& d : errors_)
        if (d.severity == Severity::error) throw Error(d);
    throw Error(make_error("PB-XML-SYNTAX", path_, line(), "not well-formed XML"));
}

bool XmlStream::next() {
    if (pending_) {
        pending_ = false;
        return true;
    }
    if (ended_) return false;
    const int status = xmlTextReaderRead(reader_.get());
    if (status < 0 || errors_.has_errors()) fail();
    if (status == 0) return false;
    type_ = xmlTextReaderNodeType(reader_.get());
    if (type_ == XML_READER_TYPE_DOCUMENT_TYPE) {
        if (allow_doctype_) return next();
        throw Error(make_error("PB-XML-DTD", path_, line(),
                               "document type declarations (DOCTYPE) are not allowed here"));
    }
    return true;
}

void XmlStream::skip() {
    if (is_element() && !is_empty_element()) {
        const int status = xmlTextReaderNext(reader_.get());
        if (status < 0 || errors_.has_errors()) fail();
        // xmlTextReaderNext has already moved to what follows: next() returns it.
        type_ = status == 1 ? xmlTextReaderNodeType(reader_.get()) : 0;
        pending_ = status == 1;
        ended_ = status == 0;
    }
}

bool XmlStream::is_element() const {
    return type_ == XML_READER_TYPE_ELEMENT;
}
bool XmlStream::is_end_element() const {
    return type_ == XML_READER_TYPE_END_ELEMENT;
}
bool XmlStream::is_empty_element() const {
    return xmlTextReaderIsEmptyElement(reader_.get()) == 1;
}
std::string_view XmlStream::local_name() const {
    return view(xmlTextReaderConstLocalName(reader_.get()));
}
std::string_view XmlStream::namespace_uri() const {
    return view(xmlTextReaderConstNamespaceUri(reader_.get()));
}
int XmlStream::depth() const {
    return xmlTextReaderDepth(reader_.get());
}

std::optional<std::string> XmlStream::attr(const char* name) const {
    xmlChar* value =
        xmlTextReaderGetAttribute(reader_.get(), reinterpret_cast<const xmlChar*>(name));
    if (value == nullptr) return std::nullopt;
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

std::string XmlStream::text() {
    xmlChar* value = xmlTextReaderReadString(reader_.get());
    if (errors_.has_errors()) {
        xmlFree(value);
        fail();
    }
    std::string out = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return out;
}

const xmlNode* XmlStream::expand() {
    const xmlNode* node = xmlTextReaderExpand(reader_.get());
    if (node == nullptr || errors_.has_errors()) fail();
    return node;
}

std::uint64_t XmlStream::line() const {
    const int n = xmlTextReaderGetParserLineNumber(reader_.get());
    return n > 0 ? static_cast<std::uint64_t>(n) : 0;
}

}  // namespace paperbag::ocr::detail
