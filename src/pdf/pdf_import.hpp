// PDF pages into the issue model: the page importer's entry point for role="pdf" files.
//
// A PdfSource keeps the last PDF it opened (its bytes and poppler documents), so that the
// pages of one issue-level PDF are read from one open document, one after the other; memory
// stays that of one file plus one page.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "import/segment_page.hpp"
#include "layout/layout_page.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"
#include "pdf/pdf_document.hpp"

namespace paperbag::pdf {

class PdfSource {
public:
    PdfSource();
    ~PdfSource();
    PdfSource(const PdfSource&) = delete;
    PdfSource& operator=(const PdfSource&) = delete;

    // The page of `file` (file.pdf_page, or its first page) as a layout page; graphic ids are
    // "p<sequence>-g<NNN>". `name` is the file's name in messages. Throws Error for files
    // that cannot be read (PB-IO), damaged, encrypted or oversized PDFs (PB-PDF-*).
    layout::LayoutPage read(const PageFile& file, const std::string& name, int sequence,
                            std::vector<Diagnostic>& warnings);

    // Pages in `path` (opening it), for expanding a multi-page PDF into issue pages.
    int page_count(const std::filesystem::path& path, const std::string& name);

    // The document in `path` (kept open until another file is asked for).
    const Document& document(const std::filesystem::path& path, const std::string& name) {
        return open(path, name);
    }

private:
    const Document& open(const std::filesystem::path& path, const std::string& name);

    std::filesystem::path path_;
    std::string bytes_;
    std::unique_ptr<Document> document_;
};

}  // namespace paperbag::pdf
