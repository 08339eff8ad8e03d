// A page image rendered from the PDF with poppler's own renderer (Splash), for issues whose
// deposit has no page images (`build --render-images DPI`, docs/pdf.md).
#pragma once

#include <cstdint>
#include <string>

#include "pdf/pdf_document.hpp"

namespace paperbag::pdf {

// Rendering limits: the resolutions accepted, and the pixels of one page image (a broadsheet
// of 22 x 30 in at 600 dpi is 238 million), so that a huge page cannot take unbounded memory.
inline constexpr int min_render_dpi = 36;
inline constexpr int max_render_dpi = 1200;
inline constexpr std::uint64_t max_render_pixels = std::uint64_t{250} << 20;

// Page `index` (0-based) of `document` (its crop box, as the words are measured) at `dpi`,
// as PNG bytes: 8-bit RGB, anti-aliased, encoded by paperbag's own deterministic encoder, so
// that the same PDF and poppler give the same bytes. Throws Error: PB-PDF-LIMIT for a page
// beyond max_render_pixels, PB-PDF-DAMAGED when poppler cannot render it, PB-USAGE for a
// dpi outside min_render_dpi..max_render_dpi.
std::string render_page_png(const Document& document, int index, int dpi);

}  // namespace paperbag::pdf
