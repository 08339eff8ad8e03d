// A page image rendered from the PDF with poppler's own renderer (Splash), for issues whose
// deposit has no page images (`build --render-images DPI`, docs/pdf.md).
#pragma once

#include <cstdint>
#include <string>

#include "pdf/pdf_document.hpp"

namespace paperbag::pdf {

// Rendering limits: the resolutions accepted, and the pixels of one page image (a broadsheet
// of 22 x 30 in at 400 dpi is 106 million), so that a huge page cannot take unbounded memory:
// at most 512 MiB for poppler's ARGB image and 384 MiB for the RGB copy.
inline constexpr int min_render_dpi = 36;
inline constexpr int max_render_dpi = 1200;
inline constexpr std::uint64_t max_render_pixels = std::uint64_t{128} << 20;

// A rendered page: 8-bit RGB, rows of width * 3 bytes, top to bottom.
struct RgbImage {
    std::string rgb;
    std::uint32_t width = 0;
    std::uint32_t height = 0;
};

// Page `index` (0-based) of `document` (its crop box, as the words are measured) at `dpi`,
// anti-aliased, over white paper; the same PDF and poppler give the same pixels (the caller
// encodes them, e.g. view::encode_png, deterministic). Throws Error: PB-PDF-LIMIT for a page
// beyond max_render_pixels, PB-PDF-DAMAGED when poppler cannot render it, PB-USAGE for a dpi
// outside min_render_dpi..max_render_dpi.
RgbImage render_page(const Document& document, int index, int dpi);

}  // namespace paperbag::pdf
