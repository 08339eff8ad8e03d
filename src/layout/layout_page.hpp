// Pages with geometry: what the PDF and OCR importers produce, and the one segmenter that turns
// them into blocks, articles and illustrations.
//
// Every importer of an input with coordinates (PDF through poppler; ALTO 1-4, hOCR and PAGE)
// reads its format into a LayoutPage: regions of lines of words with boxes and fonts, the
// page's photos and rules, its size and unit. It does nothing more. segment_layout() then
// decides reading order (the input's own when it states one, else columns found from the
// geometry), the function of each region (typography first: sizes against the page's body
// size, bold, centring; then the same pattern tables as page text for bylines, datelines,
// credits, continuation markers and signatures; captions by their place next to a photo) and
// groups regions into articles. Its result has the same type as the page-text segmenter's, so
// continuation linking, numbering, the writers and the export are shared by every input.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "import/segment_page.hpp"
#include "paperbag/model.hpp"

namespace paperbag::layout {

// What the input says a region is, when it says anything (PAGE TextRegion@type, hOCR
// ocr_header/ocr_caption, ALTO TAGREFS). segment_layout() treats a hint as strong evidence,
// not as the answer.
enum class RegionHint {
    none,
    heading,  // PAGE heading, hOCR ocr_header/ocr_title
    caption,  // PAGE caption, hOCR ocr_caption
    header,   // running head
    footer,
    page_number,
    marginalia,
    advertisement,
};

// A block of text as the input groups it (ALTO TextBlock, hOCR ocr_carea/ocr_par, PAGE
// TextRegion) or as PDF layout analysis found it.
struct Region {
    std::string source_id;        // the input's own ID (ALTO block ID); may be empty
    Box box;                      // in the page's unit
    std::vector<TextLine> lines;  // in reading order; words carry boxes and styles
    RegionHint hint = RegionHint::none;
    int style = -1;                 // index into LayoutPage::styles of its main font, -1 if unknown
    double confidence = -1;         // mean word confidence 0..1, -1 when the input states none
    std::string language;           // BCP 47 when the input states it
    std::uint64_t source_line = 0;  // line in the input file, for messages; 0 if unknown
    bool vertical = false;          // CJK text set top to bottom
};

struct LayoutPage {
    double width = 0;  // 0 when the input does not state it (then taken from the regions)
    double height = 0;
    std::string unit;  // "pt", "pixel", "mm10", "inch1200"
    std::vector<TextStyle> styles;
    std::vector<Region> regions;  // in the input's reading order when it states one
    bool reading_order_given = false;
    std::vector<Graphic> graphics;  // photos and rules; ids unique within the issue
};

// Segments one page with geometry. `page.regions` must be in the input's order; the result's
// blocks (one per region, or several when a region holds a dateline, byline or marker that is
// split off) keep boxes, lines and words, and come in the reading order decided here.
text::PageSegments segment_layout(const LayoutPage& page, const text::PageContext& context);

// Moves the page-level geometry (size, unit, styles, graphics) of `layout` into `page`.
void apply_geometry(Page& page, LayoutPage&& layout);

}  // namespace paperbag::layout
