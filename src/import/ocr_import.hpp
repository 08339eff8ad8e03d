// OCR pages (ALTO, hOCR, PAGE) in the issue importer: reading a page's `ocr` file through the
// OCR readers (src/ocr/) and turning the result into the page's blocks, articles and
// illustrations with the geometric segmenter.
#pragma once

#include <optional>

#include "import/segment_page.hpp"
#include "ocr/ocr_page.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

// Reads the page's OCR file (its first file with role `ocr`); nothing when it has none.
// Throws Error when the file cannot be read or is not OCR paperbag reads.
std::optional<ocr::OcrPage> read_page_ocr(const Page& page);

// Segments one OCR page: blocks (with lines, words and boxes), articles, illustrations.
text::PageSegments segment_ocr_page(const ocr::OcrPage& page, const text::PageContext& context);

// Moves the page-level geometry of `ocr` (size, unit, styles, graphics) into `page` and its
// reader's warnings into the page's warnings.
void apply_ocr_geometry(Page& page, ocr::OcrPage&& ocr);

// All words of the page, for guessing its language.
std::string ocr_text_sample(const ocr::OcrPage& page, std::size_t limit = 65536);

}  // namespace paperbag
