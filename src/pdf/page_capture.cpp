#include "pdf/page_capture.hpp"

#include <GfxState.h>
#include <PDFDoc.h>
#include <TextOutputDev.h>

#include <algorithm>
#include <cmath>

#include "paperbag/diagnostic.hpp"

namespace paperbag::pdf {

// poppler's text engine, also told of every image the page draws. Shadings and tiling
// patterns are claimed as drawn (and not drawn), so that poppler does not decompose them into
// thousands of fills nobody looks at; Type 3 glyphs are not interpreted (as for text alone).
struct PageCapture::Device : TextOutputDev {
    Device() : TextOutputDev(nullptr, false, 0, false, false) {}

    bool needNonText() override { return true; }
    bool useTilingPatternFill() override { return true; }
    bool useShadedFills(int) override { return true; }
    bool tilingPatternFill(GfxState*, Gfx*, Catalog*, GfxTilingPattern*, const double*, int, int,
                           int, int, double, double) override {
        return true;
    }
    bool functionShadedFill(GfxState*, GfxFunctionShading*) override { return true; }
    bool axialShadedFill(GfxState*, GfxAxialShading*, double, double) override { return true; }
    bool radialShadedFill(GfxState*, GfxRadialShading*, double, double) override { return true; }
    bool gouraudTriangleShadedFill(GfxState*, GfxGouraudTriangleShading*) override { return true; }
    bool patchMeshShadedFill(GfxState*, GfxPatchMeshShading*) override { return true; }

    void drawImageMask(GfxState* state, Object*, Stream*, int, int, bool, bool, bool) override {
        add(state);
    }
    void drawImage(GfxState* state, Object*, Stream*, int, int, GfxImageColorMap*, bool, const int*,
                   bool) override {
        add(state);
    }
    void drawMaskedImage(GfxState* state, Object*, Stream*, int, int, GfxImageColorMap*, bool,
                         Stream*, int, int, bool, bool) override {
        add(state);
    }
    void drawSoftMaskedImage(GfxState* state, Object*, Stream*, int, int, GfxImageColorMap*, bool,
                             Stream*, int, int, GfxImageColorMap*, bool) override {
        add(state);
    }

    // An image fills the unit square of its current transformation: its area on the page is
    // the bounding box of that square's corners.
    void add(const GfxState* state) {
        double x[4];
        double y[4];
        state->transform(0, 0, &x[0], &y[0]);
        state->transform(1, 0, &x[1], &y[1]);
        state->transform(0, 1, &x[2], &y[2]);
        state->transform(1, 1, &x[3], &y[3]);
        const auto [x1, x2] = std::minmax({x[0], x[1], x[2], x[3]});
        const auto [y1, y2] = std::minmax({y[0], y[1], y[2], y[3]});
        drawn.push_back(Box{x1, y1, x2 - x1, y2 - y1});
        // A page drawing images endlessly is stopped by the count, not by memory.
        if (drawn.size() > drawn_limit) abort = true;
    }

    std::vector<Box> drawn;
    std::size_t drawn_limit = 0;
    bool abort = false;
};

namespace {

bool stop_display(void* data) {
    return *static_cast<const bool*>(data);
}

}  // namespace

PageCapture::PageCapture(const Document& document, int index, double min_image_side)
    : device_(std::make_unique<Device>()) {
    const int number = index + 1;
    if (!device_->isOk())
        throw Error("PB-PDF-DAMAGED", document.name(),
                    "cannot read page " + std::to_string(number) + ": no text device");
    const Document::PageSize size = document.page_size(index);
    width_ = size.width;
    height_ = size.height;
    device_->drawn_limit = document.limits().max_images * 4;
    // As pdftotext: 72 dpi (one unit per point), the crop box, the page's own rotation, its
    // annotations' appearances; a copy of the cross-reference table per page.
    document.core().displayPageSlice(device_.get(), number, 72, 72, 0, false, false, false, -1, -1,
                                     -1, -1, stop_display, &device_->abort, nullptr, nullptr, true);
    if (device_->abort)
        throw Error("PB-PDF-LIMIT", document.name(),
                    "page " + std::to_string(number) + " draws more than " +
                        std::to_string(document.limits().max_images) + " images");
    const std::unique_ptr<TextWordList> list = device_->makeWordList();
    words_.reserve(static_cast<std::size_t>(std::max(list->getLength(), 0)));
    for (int i = 0; i < list->getLength(); ++i) words_.push_back(list->get(i));

    for (const Box& drawn : device_->drawn) {
        const double x1 = std::clamp(drawn.hpos, 0.0, width_);
        const double x2 = std::clamp(drawn.hpos + drawn.width, 0.0, width_);
        const double y1 = std::clamp(drawn.vpos, 0.0, height_);
        const double y2 = std::clamp(drawn.vpos + drawn.height, 0.0, height_);
        if (!std::isfinite(x1) || !std::isfinite(y1) || !std::isfinite(x2) || !std::isfinite(y2))
            continue;
        if (x2 - x1 < min_image_side || y2 - y1 < min_image_side) continue;
        if (images_.size() >= document.limits().max_images)
            throw Error("PB-PDF-LIMIT", document.name(),
                        "page " + std::to_string(number) + " has more than " +
                            std::to_string(document.limits().max_images) + " images");
        images_.push_back(Box{x1, y1, x2 - x1, y2 - y1});
    }
}

PageCapture::~PageCapture() = default;

}  // namespace paperbag::pdf
