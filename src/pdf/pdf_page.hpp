// One PDF page as a layout::LayoutPage: the words grouped into regions, the page's styles,
// its images as illustrations, its size in points ("pt", y from the top of the page).
#pragma once

#include <string>
#include <vector>

#include "layout/layout_page.hpp"
#include "paperbag/diagnostic.hpp"
#include "pdf/group_words.hpp"
#include "pdf/pdf_document.hpp"

namespace paperbag::pdf {

// Reads page `index` (0-based) of `document`. Graphic ids are "<id_prefix>g<NNN>" in the
// order of the page's content stream. Warnings: PB-PDF-UNMAPPED for text without a Unicode
// mapping, PB-PDF-NO-TEXT for a page without a text layer. Throws Error for damaged pages
// and pages beyond the document's limits.
layout::LayoutPage read_page(const Document& document, int index, const std::string& id_prefix,
                             std::vector<Diagnostic>& warnings, const GroupOptions& options = {});

// All text of a layout page, region by region and line by line ("\n" between lines), for
// language detection and tests.
std::string page_text(const layout::LayoutPage& page);

}  // namespace paperbag::pdf
