#include "layout/region_text.hpp"

#include <algorithm>

namespace paperbag::layout {

namespace {

std::size_t code_points(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

}  // namespace

std::string line_text(const TextLine& line) {
    std::string out;
    for (const Word& word : line.words) {
        if (word.text.empty()) continue;
        if (!out.empty() &&
            !(text::is_wide(text::last_char(out)) && text::is_wide(text::first_char(word.text))))
            out += ' ';
        out += word.text;
    }
    return out;
}

std::vector<std::string> region_lines(const Region& region, text::RepairMode mode) {
    std::vector<std::string> out;
    for (const TextLine& line : region.lines) {
        std::string repaired = text::repair_line(line_text(line), mode);
        if (!repaired.empty()) out.push_back(std::move(repaired));
    }
    return out;
}

RegionMeasure measure(const Region& region, const std::vector<TextStyle>& styles) {
    RegionMeasure m;
    double font_weight = 0;
    double font_sum = 0;
    double bold_chars = 0;
    std::vector<double> heights;
    for (const TextLine& line : region.lines) {
        ++m.lines;
        if (line.box && line.box->height > 0) heights.push_back(line.box->height);
        for (const Word& word : line.words) {
            const auto n = static_cast<double>(code_points(word.text));
            m.chars += code_points(word.text);
            int style = word.style >= 0 ? word.style : region.style;
            if (style >= 0 && static_cast<std::size_t>(style) < styles.size()) {
                const TextStyle& s = styles[static_cast<std::size_t>(style)];
                if (s.size > 0) {
                    font_sum += s.size * n;
                    font_weight += n;
                }
                if (s.bold) bold_chars += n;
            }
        }
    }
    if (!heights.empty()) {
        std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
        m.line_height = heights[heights.size() / 2];
    }
    if (font_weight > 0) {
        m.size = font_sum / font_weight;
        m.from_fonts = true;
    } else if (m.line_height > 0) {
        m.size = m.line_height;
    } else if (m.lines > 0 && region.box.height > 0) {
        m.size = region.box.height / static_cast<double>(m.lines);
    }
    m.bold = m.chars > 0 && bold_chars * 2 > static_cast<double>(m.chars);
    return m;
}

}  // namespace paperbag::layout
