#include "import/ocr_import.hpp"

#include "import/mets_issue.hpp"
#include "io/file.hpp"
#include "paperbag/ids.hpp"

namespace paperbag {

std::optional<ocr::OcrPage> read_page_ocr(const Page& page) {
    const PageFile* file = page.file(FileRole::ocr);
    if (file == nullptr) return std::nullopt;
    const std::string name = file->href.empty() ? file->path.filename().string() : file->href;
    const std::string bytes = read_file(file->path);
    return ocr::read_ocr(bytes, {name, page.sequence});
}

text::PageSegments segment_ocr_page(const ocr::OcrPage& page, const text::PageContext& context) {
    // One block per region until the geometric segmenter decides their functions.
    text::PageSegments out;
    for (const layout::Region& region : page.layout.regions)
        out.blocks.push_back(block_from_region(region,
                                               "p" + std::to_string(context.sequence) + "-" +
                                                   sequence_id("b", out.blocks.size() + 1, 4),
                                               BlockKind::unknown));
    return out;
}

void apply_ocr_geometry(Page& page, ocr::OcrPage&& ocr) {
    page.width = ocr.layout.width;
    page.height = ocr.layout.height;
    page.unit = ocr.layout.unit;
    page.styles = std::move(ocr.layout.styles);
    page.graphics = std::move(ocr.layout.graphics);
    for (const Diagnostic& d : ocr.warnings) page.warnings.push_back(d);
}

std::string ocr_text_sample(const ocr::OcrPage& page, std::size_t limit) {
    std::string out;
    for (const layout::Region& r : page.layout.regions)
        for (const TextLine& l : r.lines)
            for (const Word& w : l.words) {
                if (out.size() >= limit) return out;
                out += w.text;
                out += ' ';
            }
    return out;
}

}  // namespace paperbag
