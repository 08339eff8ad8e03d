// Stage 2 of page-text import: decoded text -> lines.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace paperbag::text {

// One line of the decoded text. [begin, content_end) is the text without its terminator;
// [begin, end) includes the terminator ("\n", "\r\n" or "\r"). Lines partition the text.
struct Line {
    std::size_t begin = 0;
    std::size_t content_end = 0;
    std::size_t end = 0;
    std::size_t number = 0;  // 1-based
    std::string_view content;
    bool blank = false;  // only spaces, tabs, U+3000 or nothing
};

std::vector<Line> split_lines(std::string_view text);

}  // namespace paperbag::text
