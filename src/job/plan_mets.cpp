// What a METS issue folder is, decided in one place: a folder with an XML file directly inside
// whose root element is {http://www.loc.gov/METS/}mets. Only the first element of each XML
// file is read, with libxml2's streaming reader (no network, no DTD, no entities).
#include <libxml/xmlreader.h>

#include <memory>

#include "io/file.hpp"
#include "io/xml_guard.hpp"
#include "io/xml_parse.hpp"
#include "paperbag/plan.hpp"

namespace paperbag {

namespace {

struct ReaderFree {
    void operator()(xmlTextReaderPtr reader) const noexcept { xmlFreeTextReader(reader); }
};

bool root_is_mets(const std::filesystem::path& file) {
    init_libxml();
    Diagnostics ignored;
    const XmlErrorCapture capture(ignored, file.string(), "PB-XML-SYNTAX");
    XmlGuard guard;  // a gigabyte of whitespace before the root is not held in memory
    auto input = std::make_unique<GuardedSource>();
    input->guard = &guard;
    try {
        input->fd = open_regular_file(file);  // no FIFO: it would block; no gzip either
    } catch (const Error&) {
        return false;
    }
    const std::unique_ptr<xmlTextReader, ReaderFree> reader(
        xmlReaderForIO(&guarded_read, &guarded_close, input.get(), file.c_str(), nullptr,
                       safe_parse_options() | XML_PARSE_NOERROR));
    if (!reader) return false;
    input.release();  // owned by the reader now (guarded_close frees it)
    while (xmlTextReaderRead(reader.get()) == 1) {
        if (xmlTextReaderNodeType(reader.get()) != XML_READER_TYPE_ELEMENT) continue;
        const xmlChar* name = xmlTextReaderConstLocalName(reader.get());
        const xmlChar* ns = xmlTextReaderConstNamespaceUri(reader.get());
        return name && ns && xmlStrEqual(name, BAD_CAST "mets") &&
               xmlStrEqual(ns, BAD_CAST "http://www.loc.gov/METS/");
    }
    return false;
}

}  // namespace

bool is_mets_issue_folder(const std::filesystem::path& folder) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
         it.increment(ec)) {
        std::string ext = it->path().extension().string();
        for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::error_code type_ec;
        if (ext == ".xml" && it->is_regular_file(type_ec) && root_is_mets(it->path())) return true;
    }
    return false;
}

}  // namespace paperbag
