#include "export/json_text.hpp"

#include <unicode/utf8.h>

namespace paperbag::exporting {

namespace {

// Calls f(code_point, bytes) for every code point of `text`; an invalid sequence becomes
// U+FFFD (its replacement bytes are passed), so what f sees is always valid UTF-8.
template <typename F>
void for_each_code_point(std::string_view text, F&& f) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < n) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0)
            f(UChar32{0xFFFD}, std::string_view("\xEF\xBF\xBD"));
        else
            f(c, text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for_each_code_point(text, [&](UChar32 c, std::string_view bytes) {
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
                    out.append(bytes);
                }
        }
    });
    out += '"';
}

std::string valid_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for_each_code_point(text, [&](UChar32, std::string_view bytes) { out.append(bytes); });
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
