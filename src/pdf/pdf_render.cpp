#include "pdf/pdf_render.hpp"

#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cmath>
#include <cstring>
#include <memory>

#include "paperbag/diagnostic.hpp"

namespace paperbag::pdf {

namespace {

// poppler's ARGB32 is native-endian 32-bit 0xAARRGGBB; the page is rendered over white
// (paper colour), so alpha is 255 and RGB is taken as it is.
std::string rgb_of(const poppler::image& image) {
    const auto width = static_cast<std::size_t>(image.width());
    const auto height = static_cast<std::size_t>(image.height());
    const auto stride = static_cast<std::size_t>(image.bytes_per_row());
    const char* data = image.const_data();
    std::string rgb(width * height * 3, '\0');
    std::size_t out = 0;
    for (std::size_t y = 0; y < height; ++y) {
        const char* row = data + y * stride;
        for (std::size_t x = 0; x < width; ++x) {
            std::uint32_t pixel = 0;
            std::memcpy(&pixel, row + x * 4, sizeof pixel);  // native endianness
            rgb[out++] = static_cast<char>((pixel >> 16) & 0xff);
            rgb[out++] = static_cast<char>((pixel >> 8) & 0xff);
            rgb[out++] = static_cast<char>(pixel & 0xff);
        }
    }
    return rgb;
}

}  // namespace

RgbImage render_page(const Document& document, int index, int dpi) {
    if (dpi < min_render_dpi || dpi > max_render_dpi)
        throw Error("PB-USAGE", "--render-images",
                    std::to_string(dpi) + " dpi is outside " + std::to_string(min_render_dpi) +
                        ".." + std::to_string(max_render_dpi));
    const std::unique_ptr<poppler::page> page = document.page(index);
    const std::string where = "page " + std::to_string(index + 1);
    const poppler::rectf box = page->page_rect(poppler::crop_box);
    const double scale = dpi / 72.0;
    const double pixels = std::ceil(box.width() * scale) * std::ceil(box.height() * scale);
    if (!(pixels > 0) || pixels > static_cast<double>(max_render_pixels))
        throw Error("PB-PDF-LIMIT", document.name(),
                    where + " would be " + std::to_string(static_cast<std::uint64_t>(pixels)) +
                        " pixels at " + std::to_string(dpi) + " dpi; at most " +
                        std::to_string(max_render_pixels) + " are rendered");
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_paper_color(0xffffffff);
    renderer.set_image_format(poppler::image::format_argb32);
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid() || image.format() != poppler::image::format_argb32)
        throw Error("PB-PDF-DAMAGED", document.name(), "poppler cannot render " + where);
    return {rgb_of(image), static_cast<std::uint32_t>(image.width()),
            static_cast<std::uint32_t>(image.height())};
}

}  // namespace paperbag::pdf
