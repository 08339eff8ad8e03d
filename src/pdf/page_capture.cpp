#include "pdf/page_capture.hpp"

#include <GfxState.h>
#include <PDFDoc.h>
#include <TextOutputDev.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "paperbag/diagnostic.hpp"

namespace paperbag::pdf {

// poppler's text engine, also told of every image and every path the page draws. Shadings and
// tiling patterns are claimed as drawn (and not drawn), so that poppler does not decompose them
// into thousands of fills nobody looks at; Type 3 glyphs are not interpreted (as for text alone).
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

    void stroke(GfxState* state) override { add_rules(state, true); }
    void fill(GfxState* state) override { add_rules(state, false); }
    void eoFill(GfxState* state) override { add_rules(state, false); }

    // Rules: stroked straight segments that run along an axis, and filled rectangles thin in
    // one direction, at least kRuleLength long. A page of vector art has many: past the limit
    // the rest are not kept.
    void add_rules(const GfxState* state, bool stroked) {
        const GfxPath* path = state->getPath();
        if (path == nullptr) return;
        const double width = std::max(state->getTransformedLineWidth(), 0.5);
        for (int i = 0; i < path->getNumSubpaths() && rules.size() < rule_limit; ++i) {
            const GfxSubpath* sub = path->getSubpath(i);
            const int n = sub->getNumPoints();
            if (n < 2 || n > 64) continue;
            double x[64];
            double y[64];
            bool curved = false;
            for (int k = 0; k < n; ++k) {
                state->transform(sub->getX(k), sub->getY(k), &x[k], &y[k]);
                curved = curved || sub->getCurve(k);
            }
            if (curved) continue;
            if (stroked) {
                for (int k = 0; k + 1 < n; ++k) add_segment(x[k], y[k], x[k + 1], y[k + 1], width);
                if (sub->isClosed()) add_segment(x[n - 1], y[n - 1], x[0], y[0], width);
            } else if (n == 4 || n == 5) {
                const auto [x1, x2] = std::minmax_element(x, x + n);
                const auto [y1, y2] = std::minmax_element(y, y + n);
                bool rectangle = true;
                for (int k = 0; k < n; ++k)
                    rectangle = rectangle &&
                                (std::abs(x[k] - *x1) < 0.5 || std::abs(x[k] - *x2) < 0.5) &&
                                (std::abs(y[k] - *y1) < 0.5 || std::abs(y[k] - *y2) < 0.5);
                const double w = *x2 - *x1;
                const double h = *y2 - *y1;
                if (rectangle && std::min(w, h) <= kRuleThickness && std::max(w, h) >= kRuleLength)
                    rules.push_back(Box{*x1, *y1, w, h});
            }
        }
    }

    void add_segment(double x1, double y1, double x2, double y2, double width) {
        if (rules.size() >= rule_limit || width > kRuleThickness) return;
        const double dx = std::abs(x2 - x1);
        const double dy = std::abs(y2 - y1);
        if (dy < 0.5 && dx >= kRuleLength)
            rules.push_back(Box{std::min(x1, x2), std::min(y1, y2) - width / 2, dx, width});
        else if (dx < 0.5 && dy >= kRuleLength)
            rules.push_back(Box{std::min(x1, x2) - width / 2, std::min(y1, y2), width, dy});
    }

    static constexpr double kRuleLength = 24;    // points: a third of an inch
    static constexpr double kRuleThickness = 4;  // points

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
    std::vector<Box> rules;
    std::size_t rule_limit = 0;
    bool abort = false;
};

namespace {

// `box` clipped to the page; nothing when it is not finite.
std::optional<Box> clip(const Box& box, double width, double height) {
    const double x1 = std::clamp(box.hpos, 0.0, width);
    const double x2 = std::clamp(box.hpos + box.width, 0.0, width);
    const double y1 = std::clamp(box.vpos, 0.0, height);
    const double y2 = std::clamp(box.vpos + box.height, 0.0, height);
    if (!std::isfinite(x1) || !std::isfinite(y1) || !std::isfinite(x2) || !std::isfinite(y2))
        return std::nullopt;
    return Box{x1, y1, x2 - x1, y2 - y1};
}

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
    device_->rule_limit = document.limits().max_images;
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
        const std::optional<Box> box = clip(drawn, width_, height_);
        if (!box || box->width < min_image_side || box->height < min_image_side) continue;
        if (images_.size() >= document.limits().max_images)
            throw Error("PB-PDF-LIMIT", document.name(),
                        "page " + std::to_string(number) + " has more than " +
                            std::to_string(document.limits().max_images) + " images");
        images_.push_back(*box);
    }
    for (const Box& drawn : device_->rules) {
        const std::optional<Box> box = clip(drawn, width_, height_);
        if (box && std::max(box->width, box->height) >= Device::kRuleLength) rules_.push_back(*box);
    }
}

PageCapture::~PageCapture() = default;

}  // namespace paperbag::pdf
