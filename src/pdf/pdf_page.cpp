#include "pdf/pdf_page.hpp"

#include "paperbag/ids.hpp"
#include "pdf/page_capture.hpp"
#include "pdf/pdf_words.hpp"

namespace paperbag::pdf {

layout::LayoutPage read_page(const Document& document, int index, const std::string& id_prefix,
                             std::vector<Diagnostic>& warnings, const GroupOptions& options) {
    const PageCapture capture(document, index);
    const int number = index + 1;
    PageWords words =
        extract_words(capture, document.name(), number, document.limits().max_words, warnings);
    layout::LayoutPage layout;
    layout.width = words.width;
    layout.height = words.height;
    layout.unit = "pt";
    layout.regions = group_words(words, options);
    layout.styles = std::move(words.styles);
    const std::vector<Box>& images = capture.images();
    for (std::size_t i = 0; i < images.size(); ++i) {
        Graphic graphic;
        graphic.kind = Graphic::Kind::illustration;
        graphic.id = sequence_id(id_prefix + "g", i + 1);
        graphic.box = images[i];
        layout.graphics.push_back(std::move(graphic));
    }
    const std::vector<Box>& rules = capture.rules();
    for (std::size_t i = 0; i < rules.size(); ++i) {
        Graphic graphic;
        graphic.kind = Graphic::Kind::rule;
        graphic.id = sequence_id(id_prefix + "g", images.size() + i + 1);
        graphic.box = rules[i];
        layout.graphics.push_back(std::move(graphic));
    }
    if (words.words.empty())
        warnings.push_back(make_warning(
            "PB-PDF-NO-TEXT", document.name(), 0,
            "page " + std::to_string(number) +
                " has no text layer (a scanned page?): it needs OCR; no text or articles were "
                "read from it"));
    return layout;
}

std::string page_text(const layout::LayoutPage& page) {
    std::string text;
    for (const layout::Region& region : page.regions) {
        for (const TextLine& line : region.lines) {
            for (std::size_t i = 0; i < line.words.size(); ++i) {
                if (i > 0 && !region.vertical) text += ' ';
                text += line.words[i].text;
            }
            text += '\n';
        }
        text += '\n';
    }
    return text;
}

}  // namespace paperbag::pdf
