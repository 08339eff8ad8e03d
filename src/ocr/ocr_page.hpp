// Reading OCR files (ALTO 1.x-4.x, hOCR, PAGE 2013/2017/2019) into a layout::LayoutPage.
//
// One reader per format, each in its own file (alto.cpp, hocr.cpp, page_xml.cpp), behind one
// registry table (ocr_registry.cpp) that sniffs the format from the first bytes. A reader
// only reads: regions (ALTO TextBlock, hOCR ocr_par/ocr_carea, PAGE TextRegion) of lines of
// words with their boxes, confidences (0..1) and styles, region hints, the page's graphics,
// its size and unit as the file states them, and the file's own reading order when it has
// one. Deciding what the regions are (headline, body, caption) and grouping them into
// articles is layout::segment_layout()'s job.
//
// Hostile input is expected: XML is parsed without network, DTD loading or entity
// substitution (a DOCTYPE is refused for ALTO and PAGE, tolerated and ignored for XHTML
// hOCR); boxes with negative sizes, non-finite or huge numbers are dropped with a warning;
// boxes are clipped to the page; a page may hold at most `max_words` words. Problems that
// make the file unusable throw Error with the file's path and line; everything else becomes
// a warning in OcrPage::warnings.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/layout_page.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag::ocr {

enum class Format { alto, hocr, page };
std::string_view to_string(Format format);

struct ReadOptions {
    std::string path;                   // names the file in diagnostics
    int sequence = 1;                   // page sequence, for graphic ids "p<sequence>-g<NNNN>"
    std::size_t max_words = 1'000'000;  // more words than this on one page: Error
};

// What a reader found besides the layout: enough to resolve references into the file from a
// METS (ALTO block and String IDs) and to name the format in messages and PREMIS.
struct OcrPage {
    layout::LayoutPage layout;
    Format format = Format::alto;
    std::string version;  // "ALTO 1.x (CCS namespace)", "ALTO 4", "hOCR (tesseract 4.1.1)"...
    // ALTO ComposedBlock ID -> the source_ids of the regions (TextBlocks) inside it.
    std::map<std::string, std::vector<std::string>> groups;
    // Every word ID of the file (ALTO String/@ID, hOCR ocrx_word/@id, PAGE Word/@id) in
    // document order, with the index of its region in layout.regions.
    std::vector<std::pair<std::string, std::size_t>> word_ids;
    Diagnostics warnings;
};

// The format of a file from its first bytes (a BOM and leading whitespace/comments are
// skipped): the root element `alto`, `PcGts`, or an HTML document with hOCR classes.
std::optional<Format> sniff(std::string_view head);

// Reads one OCR file of the given (or sniffed) format. Throws Error (PB-OCR-FORMAT: not an
// OCR file paperbag reads; PB-XML-SYNTAX: not well-formed; PB-XML-DTD; PB-OCR-TOO-LARGE).
OcrPage read_ocr(std::string_view bytes, const ReadOptions& options);
OcrPage read_ocr(std::string_view bytes, Format format, const ReadOptions& options);

// The readers themselves (the registry's rows).
OcrPage read_alto(std::string_view bytes, const ReadOptions& options);
OcrPage read_hocr(std::string_view bytes, const ReadOptions& options);
OcrPage read_page_xml(std::string_view bytes, const ReadOptions& options);

// The words of a page in the order of its regions, as one string per region (words joined
// by one space, lines by one space): what tests compare with the source file's own text.
std::vector<std::string> region_texts(const layout::LayoutPage& page);

}  // namespace paperbag::ocr
