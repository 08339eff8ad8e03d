// libFuzzer entry point for the PDF importer: bytes -> poppler -> words, lines, regions ->
// the geometric segmenter.
//
// Like importer_fuzz.cpp it runs in two builds: as a libFuzzer target (clang,
// -DPAPERBAG_BUILD_FUZZ=ON) and, through replay_main.cpp, as a ctest over fuzz/corpus/pdf/
// and the PDFs the build typesets (scripts/make-test-pdf). paperbag::Error is the importer's
// way of refusing a PDF and is fine; anything else escaping, a box that is not finite or a
// region without lines is a crash. Limits are lower than the defaults so that one input
// stays fast.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "layout/layout_page.hpp"
#include "paperbag/diagnostic.hpp"
#include "pdf/pdf_document.hpp"
#include "pdf/pdf_page.hpp"

namespace {

using namespace paperbag;

void check_box(const Box& b) {
    if (!std::isfinite(b.hpos) || !std::isfinite(b.vpos) || !std::isfinite(b.width) ||
        !std::isfinite(b.height) || b.width < 0 || b.height < 0)
        std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    pdf::Limits limits;
    limits.max_pages = 8;
    limits.max_words = 20000;
    limits.max_images = 200;
    try {
        pdf::Document document(bytes, "fuzz.pdf", limits);
        for (int i = 0; i < document.pages(); ++i) {
            std::vector<Diagnostic> warnings;
            try {
                const layout::LayoutPage page = pdf::read_page(document, i, "p1-", warnings);
                for (const layout::Region& r : page.regions) {
                    check_box(r.box);
                    if (r.lines.empty()) std::abort();
                    for (const TextLine& line : r.lines) {
                        if (line.words.empty() || !line.box) std::abort();
                        check_box(*line.box);
                    }
                }
                for (const Graphic& g : page.graphics) check_box(g.box);
                const auto segments = layout::segment_layout(
                    page,
                    {"fuzz.pdf", std::to_string(i + 1), i + 1, size % 2 ? "en" : "zh-Hans", ""});
                (void)segments;
            } catch (const Error&) {
                // A damaged or oversized page: refused with a diagnostic.
            }
        }
    } catch (const Error&) {
        // Not a PDF, encrypted, damaged beyond repair, too many pages.
    }
    return 0;
}
