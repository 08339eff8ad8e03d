#include "import/notice_box.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace paperbag::text {

bool reads_as_notice(std::string_view body) {
    std::size_t printed = 0;
    const auto* s = reinterpret_cast<const std::uint8_t*>(body.data());
    const auto length = static_cast<std::int32_t>(body.size());
    std::int32_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0 || u_isUWhiteSpace(c)) continue;
        if (u_hasBinaryProperty(c, UCHAR_S_TERM)) return false;
        if (++printed >= max_notice_chars) return false;
    }
    return printed > 0;
}

}  // namespace paperbag::text
