// Segmenting a page held in a string, for the segmenter's unit tests.
#pragma once

#include <string>

#include "import/segment_page.hpp"
#include "import/text_decode.hpp"

namespace paperbag::test {

inline text::PageSegments segment(const std::string& utf8, const std::string& lang = "zh-Hans",
                                  const std::string& title = "") {
    Diagnostics d;
    const auto decoded = text::decode_text(utf8, "", "t.txt", d);
    return text::segment_page(decoded, {"t.txt", "1", 1, lang, title});
}

// The first block whose text holds `part`, or null.
inline const Block* block_with(const text::PageSegments& s, const std::string& part) {
    for (const Block& b : s.blocks)
        if (b.text.find(part) != std::string::npos) return &b;
    return nullptr;
}

}  // namespace paperbag::test
