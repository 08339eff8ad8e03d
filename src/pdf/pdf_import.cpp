#include "pdf/pdf_import.hpp"

#include "io/file.hpp"
#include "pdf/pdf_page.hpp"

namespace paperbag::pdf {

PdfSource::PdfSource() = default;
PdfSource::~PdfSource() = default;

const Document& PdfSource::open(const std::filesystem::path& path, const std::string& name) {
    if (!document_ || path != path_) {
        document_.reset();
        bytes_.clear();
        path_.clear();
        bytes_ = read_file(path, Limits{}.max_bytes);
        document_ = std::make_unique<Document>(bytes_, name);
        path_ = path;
    }
    return *document_;
}

int PdfSource::page_count(const std::filesystem::path& path, const std::string& name) {
    return open(path, name).pages();
}

layout::LayoutPage PdfSource::read(const PageFile& file, const std::string& name, int sequence,
                                   std::vector<Diagnostic>& warnings) {
    const Document& document = open(file.path, name);
    const int index = file.pdf_page > 0 ? file.pdf_page - 1 : 0;
    if (index >= document.pages())
        throw Error("PB-PDF-PAGE", name,
                    "has " + std::to_string(document.pages()) + " page(s); page " +
                        std::to_string(index + 1) + " was asked for");
    if (file.pdf_page == 0 && document.pages() > 1)
        warnings.push_back(make_warning(
            "PB-PDF-PAGES", name, 0,
            "has " + std::to_string(document.pages()) +
                " pages but is the file of one newspaper page: only its first page is read"));
    return read_page(document, index, "p" + std::to_string(sequence) + "-", warnings);
}

}  // namespace paperbag::pdf
