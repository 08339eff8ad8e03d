#include "export/json_text.hpp"

#include <unicode/utf8.h>

namespace paperbag::exporting {

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < n) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) {
            out += "\xEF\xBF\xBD";
            continue;
        }
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20 || c == 0x7F || c == 0x2028 || c == 0x2029) {
                    out += "\\u";
                    for (int shift = 12; shift >= 0; shift -= 4) out += hex[(c >> shift) & 0xF];
                } else {
                    out.append(text.substr(static_cast<std::size_t>(start),
                                           static_cast<std::size_t>(i - start)));
                }
        }
    }
    out += '"';
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < n) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0)
            out += "\xEF\xBF\xBD";
        else
            out.append(
                text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
    return out;
}

std::uint64_t code_points(std::string_view text) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    std::uint64_t count = 0;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        ++count;
    }
    return count;
}

}  // namespace paperbag::exporting
