#include "view/page_image.hpp"

#include <algorithm>
#include <cmath>

#include "paperbag/ids.hpp"
#include "pdf/pdf_document.hpp"
#include "pdf/pdf_render.hpp"
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

// The page rendered by pdf::render_page (the renderer of `build --render-images`) at the
// resolution that gives its long side rendered_side pixels.
std::string render_pdf_page(const std::string& bytes, const PageFile& file) {
    const pdf::Document document(bytes, file.href);
    const int index = std::max(file.pdf_page, 1) - 1;
    if (index >= document.pages())
        throw Error("PB-VIEW-IMAGE", file.href, "has no page " + std::to_string(index + 1));
    const pdf::Document::PageSize size = document.page_size(index);
    const double side = std::max(size.width, size.height);
    const int dpi = std::clamp(static_cast<int>(std::lround(rendered_side * 72.0 / side)),
                               pdf::min_render_dpi, pdf::max_render_dpi);
    const pdf::RgbImage image = pdf::render_page(document, index, dpi);
    return encode_png(image.rgb, image.width, image.height);
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
