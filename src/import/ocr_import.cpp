#include "import/ocr_import.hpp"

#include "io/file.hpp"

namespace paperbag {

std::optional<ocr::OcrPage> read_page_ocr(const Page& page) {
    const PageFile* file = page.file(FileRole::ocr);
    if (file == nullptr) return std::nullopt;
    const std::string name = file->href.empty() ? file->path.filename().string() : file->href;
    const std::string bytes = read_file(file->path);
    return ocr::read_ocr(bytes, {name, page.sequence});
}

text::PageSegments segment_ocr_page(const ocr::OcrPage& page, const text::PageContext& context) {
    return layout::segment_layout(page.layout, context);
}

void apply_ocr_geometry(Page& page, ocr::OcrPage&& ocr) {
    for (const Diagnostic& d : ocr.warnings) page.warnings.push_back(d);
    layout::apply_geometry(page, std::move(ocr.layout));
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
