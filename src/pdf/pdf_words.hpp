// The words of one PDF page as poppler sees them: text, box, font and writing direction.
//
// Boxes are in PDF points with the origin at the top left of the page's crop box (y grows
// downwards, as in ALTO). Text that poppler could not map to Unicode (a font without a
// ToUnicode map, Type 3 glyphs: U+FFFD, private-use or control characters) is replaced by
// U+FFFD and reported once per font and page with the position of its first occurrence.
#pragma once

#include <string>
#include <vector>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"
#include "pdf/page_capture.hpp"

namespace paperbag::pdf {

struct PdfWord {
    std::string text;  // UTF-8
    Box box;
    int style = -1;         // index into the page's style table
    double size = 0;        // font size in points (the style's, kept here for grouping)
    bool vertical = false;  // set top to bottom (vertical writing mode or rotated 90/270)
    bool space_after = false;
};

struct PageWords {
    double width = 0;  // crop box, points
    double height = 0;
    std::vector<TextStyle> styles;
    std::vector<PdfWord> words;  // in poppler's order
    std::vector<Box> rules;      // printed rules (page_capture.hpp): text is not read across them
};

// A font name as the PDF states it ("ABCDEF+NotoSerifCJKsc-Bold") as a style: subset prefix
// removed, family "NotoSerifCJKsc", bold and italic from the style part of the name.
TextStyle style_from_font(std::string_view font_name, double size);

// Replaces characters without a usable Unicode mapping by U+FFFD; returns how many there were.
std::size_t mark_unmapped(std::string& text);

// The words of a captured page (page number `page_number`, 1-based, for messages). Words beyond
// `max_words` are an error (PB-PDF-LIMIT) naming `file`. Unmapped text is reported to
// `warnings` (PB-PDF-UNMAPPED).
PageWords extract_words(const PageCapture& capture, const std::string& file, int page_number,
                        std::size_t max_words, std::vector<Diagnostic>& warnings);

}  // namespace paperbag::pdf
