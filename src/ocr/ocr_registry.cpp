// The table of OCR formats: how each is recognised and which reader reads it.
#include <array>

#include "ocr/ocr_page.hpp"

namespace paperbag::ocr {

namespace {

struct FormatRow {
    Format format;
    std::string_view name;
    bool (*detect)(std::string_view root, std::string_view head);
    OcrPage (*read)(std::string_view bytes, const ReadOptions& options);
};

bool contains(std::string_view head, std::string_view what) {
    return head.find(what) != std::string_view::npos;
}

constexpr std::array<FormatRow, 3> formats{{
    {Format::alto, "ALTO", [](std::string_view root, std::string_view) { return root == "alto"; },
     &read_alto},
    {Format::page, "PAGE", [](std::string_view root, std::string_view) { return root == "PcGts"; },
     &read_page_xml},
    {Format::hocr, "hOCR",
     [](std::string_view root, std::string_view head) {
         return (root == "html" || root == "HTML") &&
                (contains(head, "ocr_page") || contains(head, "ocr-system") ||
                 contains(head, "ocr_line"));
     },
     &read_hocr},
}};

// The local name of the first element: after a BOM, the XML declaration, comments,
// processing instructions and a DOCTYPE.
std::string_view root_name(std::string_view s) {
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    std::size_t pos = 0;
    while (pos < s.size()) {
        pos = s.find('<', pos);
        if (pos == std::string_view::npos || pos + 1 >= s.size()) return {};
        const char c = s[pos + 1];
        if (c == '?' || c == '!') {
            const std::size_t end =
                s.substr(pos, 4) == "<!--" ? s.find("-->", pos) : s.find('>', pos);
            if (end == std::string_view::npos) return {};
            pos = end + 1;
            continue;
        }
        std::size_t end = pos + 1;
        while (end < s.size() && s[end] != ' ' && s[end] != '>' && s[end] != '/' &&
               s[end] != '\t' && s[end] != '\n' && s[end] != '\r')
            ++end;
        std::string_view name = s.substr(pos + 1, end - pos - 1);
        if (const auto colon = name.find(':'); colon != std::string_view::npos)
            name.remove_prefix(colon + 1);
        return name;
    }
    return {};
}

}  // namespace

std::string_view to_string(Format format) {
    for (const FormatRow& row : formats)
        if (row.format == format) return row.name;
    return "OCR";
}

std::optional<Format> sniff(std::string_view head) {
    head = head.substr(0, 65536);
    const std::string_view root = root_name(head);
    for (const FormatRow& row : formats)
        if (row.detect(root, head)) return row.format;
    return std::nullopt;
}

OcrPage read_ocr(std::string_view bytes, Format format, const ReadOptions& options) {
    for (const FormatRow& row : formats)
        if (row.format == format) return row.read(bytes, options);
    throw Error("PB-OCR-FORMAT", options.path, "unknown OCR format");
}

OcrPage read_ocr(std::string_view bytes, const ReadOptions& options) {
    const auto format = sniff(bytes);
    if (!format)
        throw Error(make_error("PB-OCR-FORMAT", options.path, 1,
                               "not an OCR file paperbag reads (ALTO, hOCR or PAGE-XML)"));
    return read_ocr(bytes, *format, options);
}

std::vector<std::string> region_texts(const layout::LayoutPage& page) {
    std::vector<std::string> out;
    for (const layout::Region& region : page.regions) {
        std::string text;
        for (const TextLine& line : region.lines)
            for (const Word& w : line.words) {
                if (!text.empty()) text += ' ';
                text += w.text;
            }
        out.push_back(std::move(text));
    }
    return out;
}

}  // namespace paperbag::ocr
