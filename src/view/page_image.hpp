// The picture of a page in the review: the deposited image when a browser can show it, else
// the page rendered from its PDF (poppler), else nothing (the review draws the page from its
// ALTO geometry or shows its text).
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag::view {

struct PageImage {
    std::string name;  // file name in the review folder: "page-0001.png"
    std::string bytes;
    std::string source;  // what it shows: "image pages/0001.jpg", "PDF pdf/p01.pdf page 1"
};

// Reads a page file's bytes (from the issue folder or the bundle); nothing when unreadable.
using PageFileReader = std::function<std::optional<std::string>(const PageFile&)>;

// The image for `page`, or nothing. Problems (a PDF poppler cannot render) become warnings
// PB-VIEW-IMAGE in `diagnostics`: the review then draws the page instead.
std::optional<PageImage> page_image(const Page& page, const PageFileReader& read,
                                    Diagnostics& diagnostics);

}  // namespace paperbag::view
