#include "import/text_lines.hpp"

namespace paperbag::text {

namespace {

bool is_blank(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\f' || s[i] == '\v') {
            ++i;
        } else if (s.substr(i, 3) == "\xE3\x80\x80") {  // U+3000 IDEOGRAPHIC SPACE
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t pos = 0;
    std::size_t number = 0;
    while (pos < text.size()) {
        Line line;
        line.begin = pos;
        line.number = ++number;
        const std::size_t stop = text.find_first_of("\r\n", pos);
        line.content_end = stop == std::string_view::npos ? text.size() : stop;
        line.end = line.content_end;
        if (line.end < text.size()) {
            line.end +=
                (text[line.end] == '\r' && line.end + 1 < text.size() && text[line.end + 1] == '\n')
                    ? 2
                    : 1;
        }
        line.content = text.substr(line.begin, line.content_end - line.begin);
        line.blank = is_blank(line.content);
        lines.push_back(line);
        pos = line.end;
    }
    return lines;
}

}  // namespace paperbag::text
