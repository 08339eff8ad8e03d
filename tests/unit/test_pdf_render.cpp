// Page images rendered from PDFs (build --render-images): size from the crop box and the
// resolution, the same bytes every time, and the limits that keep a huge page from taking
// unbounded memory.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "io/file.hpp"
#include "paperbag/diagnostic.hpp"
#include "pdf/pdf_document.hpp"
#include "pdf/pdf_render.hpp"
#include "view/png.hpp"

using namespace paperbag;

namespace {

const std::filesystem::path pdf_dir = PAPERBAG_TEST_PDF_DIR;

// The page as the build stores it (PNG by paperbag's encoder).
std::string render_page_png(const pdf::Document& document, int index, int dpi) {
    const pdf::RgbImage image = pdf::render_page(document, index, dpi);
    CHECK(image.rgb.size() == std::size_t{image.width} * image.height * 3);
    return view::encode_png(image.rgb, image.width, image.height);
}

std::uint32_t be32(const std::string& bytes, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(bytes[at + i]);
    return v;
}

// A one-page PDF of `side` x `side` points with an empty page, its xref written exactly.
std::string blank_pdf(int side) {
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(side) + " " +
            std::to_string(side) + "] >>",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (std::size_t offset : offsets) {
        std::string n = std::to_string(offset);
        pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
           " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

}  // namespace

TEST_CASE("pdf render: a PNG of the crop box at the resolution asked, the same bytes each time") {
    const std::string bytes = read_file(pdf_dir / "en.pdf");  // A4, typeset by the build
    const pdf::Document document(bytes, "en.pdf");
    const std::string png = render_page_png(document, 0, 72);
    REQUIRE(png.size() > 33);
    CHECK(png.substr(0, 8) == "\x89PNG\r\n\x1a\n");
    CHECK(be32(png, 16) == 595);  // 595.3 x 841.9 pt at 72 dpi
    CHECK(be32(png, 20) == 842);
    CHECK(png[24] == 8);  // 8-bit
    CHECK(png[25] == 2);  // RGB
    CHECK(render_page_png(document, 0, 72) == png);
    const std::string twice = render_page_png(document, 0, 144);
    // Twice the resolution, twice the pixels (poppler rounds the page's edges: +-1).
    CHECK(be32(twice, 16) >= 1189);
    CHECK(be32(twice, 16) <= 1191);
    CHECK(be32(twice, 20) >= 1683);
    CHECK(be32(twice, 20) <= 1685);
}

TEST_CASE("pdf render: resolutions and page sizes beyond the limits are refused") {
    const std::string bytes = read_file(pdf_dir / "en.pdf");
    const pdf::Document document(bytes, "en.pdf");
    CHECK_THROWS_WITH_AS(render_page_png(document, 0, 10), doctest::Contains("dpi"), Error);
    CHECK_THROWS_WITH_AS(render_page_png(document, 0, 5000), doctest::Contains("dpi"), Error);
    // 14,000 pt square (within the PDF limits) at 300 dpi: 3.4 billion pixels.
    const std::string big = blank_pdf(14000);
    const pdf::Document huge(big, "big.pdf");
    try {
        (void)render_page_png(huge, 0, 300);
        FAIL("a page of 3.4 billion pixels was rendered");
    } catch (const Error& e) {
        CHECK(e.diagnostic().code == "PB-PDF-LIMIT");
        CHECK(e.diagnostic().path == "big.pdf");
        CHECK(e.diagnostic().message.find("page 1") != std::string::npos);
    }
    // The same page at 36 dpi is 7,000 x 7,000 pixels: rendered.
    const std::string small = render_page_png(huge, 0, 36);
    CHECK(be32(small, 16) == 7000);
}
