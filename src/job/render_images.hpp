// `build --render-images DPI`: a page image rendered from the page's PDF for every page that
// is read from a PDF and has no image in the deposit.
#pragma once

#include <filesystem>

#include "paperbag/model.hpp"

namespace paperbag {

// Owns the rendered PNG files (in a private temporary folder) until destroyed: they must live
// until the bundle is packed.
class RenderedImages {
public:
    RenderedImages() = default;
    ~RenderedImages();
    RenderedImages(const RenderedImages&) = delete;
    RenderedImages& operator=(const RenderedImages&) = delete;

    // Adds to each page with a pdf file and no image file an image file (role image,
    // image/png, href "<pdf name>.png" or, for a page of a multi-page PDF,
    // "<pdf name>-<NNNN>.png"; size and SHA-256 recorded) rendered at `dpi`. Returns the
    // number of pages rendered. Throws Error (PB-PDF-*, PB-IO) naming the PDF and the page.
    int render(Issue& issue, int dpi);

private:
    std::filesystem::path folder_;
};

}  // namespace paperbag
