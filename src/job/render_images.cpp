#include "job/render_images.hpp"

#include <cstdlib>
#include <string>

#include "io/atomic_file.hpp"
#include "paperbag/bundle.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/ids.hpp"
#include "pdf/pdf_import.hpp"
#include "pdf/pdf_render.hpp"
#include "view/png.hpp"

namespace paperbag {

namespace {

// "pages/p01.pdf" -> "p01.png"; page 3 of "issue.pdf" -> "issue-0003.png".
std::string image_name(const PageFile& pdf) {
    std::string stem = std::filesystem::path(pdf.href).stem().string();
    if (stem.empty()) stem = "page";
    if (pdf.pdf_page > 0) stem += "-" + sequence_id("", static_cast<std::size_t>(pdf.pdf_page), 4);
    return stem + ".png";
}

std::filesystem::path make_folder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "paperbag-render-XXXXXX");
    if (::mkdtemp(pattern.data()) == nullptr)
        throw_system_error("cannot create a temporary folder", pattern);
    return pattern;
}

}  // namespace

RenderedImages::~RenderedImages() {
    if (folder_.empty()) return;
    std::error_code ec;
    std::filesystem::remove_all(folder_, ec);
}

int RenderedImages::render(Issue& issue, int dpi) {
    pdf::PdfSource pdfs;
    int rendered = 0;
    for (Page& page : issue.pages) {
        const PageFile* pdf = page.file(FileRole::pdf);
        if (pdf == nullptr || page.file(FileRole::image) != nullptr) continue;
        const pdf::Document& document = pdfs.document(pdf->path, pdf->href);
        const int index = pdf->pdf_page > 0 ? pdf->pdf_page - 1 : 0;
        if (index >= document.pages())
            throw Error("PB-PDF-PAGE", pdf->href,
                        "has " + std::to_string(document.pages()) + " page(s); page " +
                            std::to_string(index + 1) + " was asked for");
        const pdf::RgbImage pixels = pdf::render_page(document, index, dpi);
        const std::string png = view::encode_png(pixels.rgb, pixels.width, pixels.height);
        if (folder_.empty()) folder_ = make_folder();
        PageFile image;
        image.role = FileRole::image;
        image.href = image_name(*pdf);
        image.path = folder_ / image.href;
        image.mime_type = "image/png";
        write_file_atomic(image.path, png);
        const BagFileRecord record = checksum_file(image.path, image.href, false);
        image.size = record.size;
        image.sha256 = record.sha256;
        page.files.push_back(std::move(image));
        ++rendered;
    }
    return rendered;
}

}  // namespace paperbag
