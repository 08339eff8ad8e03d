#include "pdf/pdf_images.hpp"

#include <glib-object.h>
#include <poppler.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "paperbag/diagnostic.hpp"

namespace paperbag::pdf {

namespace {

struct PageUnref {
    void operator()(PopplerPage* page) const noexcept { g_object_unref(page); }
};
struct MappingFree {
    void operator()(GList* list) const noexcept { poppler_page_free_image_mapping(list); }
};

}  // namespace

std::vector<Box> image_areas(const Document& document, int index, double min_side) {
    std::unique_ptr<PopplerPage, PageUnref> page(poppler_document_get_page(document.glib(), index));
    if (!page)
        throw Error("PB-PDF-DAMAGED", document.name(),
                    "cannot read page " + std::to_string(index + 1));
    double width = 0;
    double height = 0;
    poppler_page_get_size(page.get(), &width, &height);
    std::unique_ptr<GList, MappingFree> mapping(poppler_page_get_image_mapping(page.get()));
    std::vector<Box> boxes;
    for (GList* item = mapping.get(); item != nullptr; item = item->next) {
        const auto* image = static_cast<const PopplerImageMapping*>(item->data);
        const double x1 = std::clamp(std::min(image->area.x1, image->area.x2), 0.0, width);
        const double x2 = std::clamp(std::max(image->area.x1, image->area.x2), 0.0, width);
        const double y1 = std::clamp(std::min(image->area.y1, image->area.y2), 0.0, height);
        const double y2 = std::clamp(std::max(image->area.y1, image->area.y2), 0.0, height);
        if (!std::isfinite(x1) || !std::isfinite(y1) || !std::isfinite(x2) || !std::isfinite(y2))
            continue;
        if (x2 - x1 < min_side || y2 - y1 < min_side) continue;
        if (boxes.size() >= document.limits().max_images)
            throw Error("PB-PDF-LIMIT", document.name(),
                        "page " + std::to_string(index + 1) + " has more than " +
                            std::to_string(document.limits().max_images) + " images");
        boxes.push_back(Box{x1, y1, x2 - x1, y2 - y1});
    }
    return boxes;
}

}  // namespace paperbag::pdf
