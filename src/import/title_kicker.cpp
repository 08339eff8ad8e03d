#include "import/title_kicker.hpp"

#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "import/text_repair.hpp"

namespace paperbag::text {

bool punctuated_kicker(std::string_view line) {
    const std::string_view t = trim(line);
    if (t.empty() || is_sentence_end(t) || line_width(t) > max_kicker_cells) return false;
    std::size_t commas = 0;
    std::size_t colons = 0;
    std::size_t wide = 0;
    std::size_t letters = 0;
    const auto* p = reinterpret_cast<const std::uint8_t*>(t.data());
    const auto n = static_cast<std::int32_t>(t.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
        if (c == 0x3001) {  // 、
            ++commas;
            continue;
        }
        if (c == 0xFF1A || c == ':') {  // ：
            ++colons;
            continue;
        }
        if (c == ',' || c == ';' || c == '!' || c == '?') return false;
        if (is_wide(static_cast<char32_t>(c)) && u_hasBinaryProperty(c, UCHAR_TERMINAL_PUNCTUATION))
            return false;
        if (u_isalpha(c)) {
            ++letters;
            wide += is_wide(static_cast<char32_t>(c));
        }
    }
    // Mostly ideographs: a Latin line with a colon is another matter.
    return commas + colons > 0 && colons <= 1 && letters > 0 && wide * 2 > letters;
}

}  // namespace paperbag::text
