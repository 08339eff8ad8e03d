// The image areas of one PDF page (photos, drawings placed as images), through poppler-glib:
// poppler's C++ API reports text only.
#pragma once

#include <vector>

#include "paperbag/model.hpp"
#include "pdf/pdf_document.hpp"

namespace paperbag::pdf {

// Boxes in points from the top left of the page, clipped to the page; images smaller than
// `min_side` points on either side (bullets, dingbats, hairlines drawn as images) are left
// out. More than document.limits().max_images areas is an error (PB-PDF-LIMIT).
std::vector<Box> image_areas(const Document& document, int index, double min_side = 12);

}  // namespace paperbag::pdf
