// libFuzzer entry point for one OCR reader (ALTO, hOCR or PAGE, chosen at compile time with
// PAPERBAG_FUZZ_OCR_FORMAT = 0, 1, 2) followed by the geometric segmenter, as segment_issue()
// runs them on an `ocr` page file.
//
// paperbag::Error is the reader refusing the input and is fine; anything else escaping is a
// crash, and so is a broken invariant: every box inside the page, every line with words, every
// region's word count preserved in the segmenter's blocks' lines.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "layout/layout_page.hpp"
#include "ocr/ocr_page.hpp"

#ifndef PAPERBAG_FUZZ_OCR_FORMAT
#define PAPERBAG_FUZZ_OCR_FORMAT 0
#endif

namespace {

using namespace paperbag;

void check_box(const Box& b, const layout::LayoutPage& page) {
    if (!(b.hpos >= 0 && b.vpos >= 0 && b.width >= 0 && b.height >= 0 &&
          b.hpos + b.width <= page.width && b.vpos + b.height <= page.height))
        std::abort();
}

void check(const ocr::OcrPage& page) {
    const layout::LayoutPage& l = page.layout;
    // A page whose size is not stated and that has no usable box has no size (0 x 0); every
    // box lies inside the page either way.
    if (!(l.width >= 0 && l.height >= 0)) std::abort();
    for (const layout::Region& r : l.regions) {
        check_box(r.box, l);
        if (r.lines.empty()) std::abort();
        for (const TextLine& line : r.lines) {
            if (line.words.empty()) std::abort();
            if (line.box) check_box(*line.box, l);
            for (const Word& w : line.words) {
                if (w.text.empty()) std::abort();
                if (w.box) check_box(*w.box, l);
                if (w.style >= static_cast<int>(l.styles.size())) std::abort();
            }
        }
    }
    for (const Graphic& g : l.graphics) check_box(g.box, l);
    for (const auto& [id, region] : page.word_ids)
        if (region >= l.regions.size()) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    static constexpr ocr::Format formats[] = {ocr::Format::alto, ocr::Format::hocr,
                                              ocr::Format::page};
    try {
        const ocr::OcrPage page =
            ocr::read_ocr(bytes, formats[PAPERBAG_FUZZ_OCR_FORMAT], {"fuzz.xml", 1, 200000});
        check(page);
        const auto seg = layout::segment_layout(page.layout, {"fuzz.xml", "1", 1, "en", ""});
        std::size_t words = 0, kept = 0;
        for (const layout::Region& r : page.layout.regions)
            for (const TextLine& line : r.lines) words += line.words.size();
        for (const Block& b : seg.blocks)
            for (const TextLine& line : b.lines) kept += line.words.size();
        if (kept != 0 && kept != words) std::abort();
    } catch (const Error&) {
        // Refused input: a clean diagnostic, not a crash.
    }
    return 0;
}
