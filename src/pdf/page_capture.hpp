// One pass of poppler's core over a PDF page: the words of its text engine (TextOutputDev, the
// engine behind pdftotext), the areas where the page draws images and its printed rules, all
// from the same interpretation of the content stream.
//
// poppler's C++ API reports words only, and rebuilds every word's text and font through
// iconv and a copy of the document's font list; its GLib API reports image areas only, by
// interpreting the page a second time. Reading the page once through poppler's core (its
// private headers, libpoppler-private-dev) gives both for the cost of one. paperbag still
// never parses PDF itself: poppler interprets, paperbag collects what it is told.
//
// Coordinates are PDF points from the top left of the page's crop box, after the page's
// /Rotate (y grows downwards, as in ALTO).
#pragma once

#include <memory>
#include <vector>

#include "paperbag/model.hpp"
#include "pdf/pdf_document.hpp"

class TextWord;

namespace paperbag::pdf {

class PageCapture {
public:
    // Interprets page `index` (0-based) of `document`. Image areas smaller than
    // `min_image_side` points on either side (bullets, dingbats, hairlines drawn as images)
    // are left out; more than the document's max_images areas is an error (PB-PDF-LIMIT).
    // Throws Error (PB-PDF-DAMAGED) when poppler cannot interpret the page.
    PageCapture(const Document& document, int index, double min_image_side = 12);
    ~PageCapture();
    PageCapture(const PageCapture&) = delete;
    PageCapture& operator=(const PageCapture&) = delete;

    double width() const noexcept { return width_; }
    double height() const noexcept { return height_; }
    // The words in poppler's reading order.
    const std::vector<const TextWord*>& words() const noexcept { return words_; }
    // Image areas, clipped to the page, in drawing order.
    const std::vector<Box>& images() const noexcept { return images_; }
    // Printed rules, clipped to the page, in drawing order: straight lines along an axis and
    // filled rectangles at most 4 pt thick, at least 24 pt long (column rules, the rules
    // between items, the sides of a box around an item). At most max_images are kept.
    const std::vector<Box>& rules() const noexcept { return rules_; }

private:
    struct Device;
    std::unique_ptr<Device> device_;
    std::vector<const TextWord*> words_;  // owned by the device's text page
    std::vector<Box> images_;
    std::vector<Box> rules_;
    double width_ = 0;
    double height_ = 0;
};

}  // namespace paperbag::pdf
