#include "import/title_wrap.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string>

#include "import/text_repair.hpp"

namespace paperbag::text {

namespace {

bool ideograph(UChar32 c) {
    return c > 0 && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC);
}

// The first / last code point of `s` as its UTF-8 bytes, or empty when it is no ideograph.
std::string_view first_ideograph(std::string_view s) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(std::min<std::size_t>(s.size(), 8));
    std::int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    return ideograph(c) ? s.substr(0, static_cast<std::size_t>(i)) : std::string_view();
}

std::string_view last_ideograph(std::string_view s) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    auto i = static_cast<std::int32_t>(std::min<std::size_t>(s.size(), 1 << 20));
    const std::int32_t end = i;
    UChar32 c = 0;
    U8_PREV(p, 0, i, c);
    return ideograph(c) ? s.substr(static_cast<std::size_t>(i), static_cast<std::size_t>(end - i))
                        : std::string_view();
}

// One printed line without its line break and surrounding blanks.
std::string_view strip(std::string_view s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return trim(s);
}

}  // namespace

bool wrapped_inside_word(std::string_view page, std::string_view first, std::string_view second) {
    const std::string_view a = last_ideograph(strip(first));
    const std::string_view b = first_ideograph(strip(second));
    if (a.empty() || b.empty()) return false;
    const std::string pair = std::string(a) + std::string(b);
    // The stack's own bytes are [from, to): the pair cannot occur there (a line break
    // separates it), so the window is searched whole.
    const auto from = static_cast<std::size_t>(first.data() - page.data());
    const auto to = static_cast<std::size_t>(second.data() - page.data()) + second.size();
    const std::size_t lo = from > wrap_search_reach ? from - wrap_search_reach : 0;
    const std::size_t hi = std::min(page.size(), to + wrap_search_reach);
    return page.substr(lo, hi - lo).find(pair) != std::string_view::npos;
}

}  // namespace paperbag::text
