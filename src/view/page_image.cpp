#include "view/page_image.hpp"

#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>

#include "paperbag/ids.hpp"
#include "pdf/pdf_document.hpp"
#include "view/png.hpp"

namespace paperbag::view {

namespace {

// Long side of a rendered PDF page in pixels: sharp on a screen, small enough to ship.
constexpr double rendered_side = 1600;

std::string image_name(const Page& page, std::string_view extension) {
    return "page-" + sequence_id("", static_cast<std::size_t>(page.sequence), 4) + "." +
           std::string(extension);
}

// Image types every current browser shows; TIFF and JPEG 2000 are not among them.
std::optional<std::string> browser_extension(const std::string& mime) {
    if (mime == "image/jpeg") return "jpg";
    if (mime == "image/png") return "png";
    if (mime == "image/gif") return "gif";
    if (mime == "image/webp") return "webp";
    return std::nullopt;
}

std::string render_pdf_page(const std::string& bytes, const PageFile& file) {
    const pdf::Document document(bytes, file.href);
    const int index = std::max(file.pdf_page, 1) - 1;
    if (index >= document.pages())
        throw Error("PB-VIEW-IMAGE", file.href, "has no page " + std::to_string(index + 1));
    const std::unique_ptr<poppler::page> page = document.page(index);
    const poppler::rectf box = page->page_rect();
    const double side = std::max(box.width(), box.height());
    const double dpi = side > 0 ? rendered_side * 72.0 / side : 72.0;
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(poppler::image::format_argb32);
    const poppler::image image = renderer.render_page(page.get(), dpi, dpi);
    if (!image.is_valid())
        throw Error("PB-VIEW-IMAGE", file.href, "poppler could not render the page");
    const auto width = static_cast<std::uint32_t>(image.width());
    const auto height = static_cast<std::uint32_t>(image.height());
    const auto stride = static_cast<std::size_t>(image.bytes_per_row());
    const char* data = image.const_data();
    std::string rgb;
    rgb.reserve(std::size_t{width} * height * 3);
    for (std::uint32_t y = 0; y < height; ++y)
        for (std::uint32_t x = 0; x < width; ++x) {
            // ARGB32 is a native-endian 32-bit word: on little-endian machines B, G, R, A.
            const char* pixel = data + y * stride + std::size_t{x} * 4;
            rgb.push_back(pixel[2]);
            rgb.push_back(pixel[1]);
            rgb.push_back(pixel[0]);
        }
    return encode_png(rgb, width, height);
}

}  // namespace

std::optional<PageImage> page_image(const Page& page, const PageFileReader& read,
                                    Diagnostics& diagnostics) {
    if (const PageFile* file = page.file(FileRole::image))
        if (const auto extension = browser_extension(file->mime_type))
            if (auto bytes = read(*file))
                return PageImage{image_name(page, *extension), std::move(*bytes),
                                 "image " + file->href};
    if (const PageFile* file = page.file(FileRole::pdf)) {
        const auto bytes = read(*file);
        if (!bytes) return std::nullopt;
        try {
            return PageImage{
                image_name(page, "png"), render_pdf_page(*bytes, *file),
                "PDF " + file->href + " page " + std::to_string(std::max(file->pdf_page, 1))};
        } catch (const Error& e) {
            Diagnostic d = e.diagnostic();
            d.severity = Severity::warning;
            d.message = "page " + page.label + " is drawn from its geometry: " + d.message;
            diagnostics.add(std::move(d));
        }
    }
    return std::nullopt;
}

}  // namespace paperbag::view
