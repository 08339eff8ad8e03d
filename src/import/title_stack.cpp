#include "import/title_stack.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include <unicode/utf8.h>

#include "import/text_repair.hpp"

namespace paperbag::text {

namespace {

// The code points of a UTF-8 string (ICU's decoder; an invalid sequence becomes U+FFFD).
std::u32string code_points(std::string_view s) {
    std::u32string out;
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(std::min<std::size_t>(s.size(), 1 << 20));
    for (std::int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
    }
    return out;
}

// One printed line without its line break and surrounding blanks (the caller's slice of a
// stack ends with the line's "\n").
std::string_view strip(std::string_view s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return trim(s);
}

bool is_numeral(char32_t c) {
    static constexpr std::u32string_view numerals =
        U"一二三四五六七八九十百零两〇０１２３４５６７８９";
    return (c >= U'0' && c <= U'9') || numerals.find(c) != std::u32string_view::npos;
}

}  // namespace

bool ends_in_series_number(std::string_view line) {
    const std::u32string s = code_points(strip(line));
    if (s.size() < 3) return false;
    // "…之二": 之 + numerals at the end.
    std::size_t k = s.size();
    while (k > 0 && is_numeral(s[k - 1])) --k;
    if (k < s.size() && k > 1 && s[k - 1] == U'之') return true;
    // "…第三场": 第 + numerals + one wide counter character.
    if (!is_wide(s.back()) || is_numeral(s.back())) return false;
    k = s.size() - 1;
    const std::size_t digits_end = k;
    while (k > 0 && is_numeral(s[k - 1])) --k;
    return k < digits_end && k > 1 && s[k - 1] == U'第';
}

bool wholly_bracketed(std::string_view line) {
    const std::u32string s = code_points(strip(line));
    if (s.size() < 3) return false;
    const std::u32string_view open = U"（(【[〔";
    const std::u32string_view close = U"）)】]〕";
    const std::size_t o = open.find(s.front());
    if (o == std::u32string_view::npos || s.back() != close[o]) return false;
    // One phrase: no bracket closes before the end.
    for (std::size_t i = 1; i + 1 < s.size(); ++i)
        if (close.find(s[i]) != std::u32string_view::npos) return false;
    return true;
}

bool stack_second_is_deck(std::string_view first, std::string_view second, double first_width,
                          double second_width) {
    const std::string_view a = strip(first);
    if (a.ends_with("\xEF\xBC\x9A") || a.ends_with(":")) return false;  // "…：" kicker
    // Clause punctuation in the first line only ("北京塞颜、塞麦援存值"): a headline has none.
    if (has_clause_punct_for_title(a) && !has_clause_punct_for_title(strip(second))) return false;
    if (ends_in_series_number(a)) return false;
    if (wholly_bracketed(second)) return true;
    return second_width >= first_width;
}

bool last_two_are_wrapped_deck(double first_width, double second_width, double third_width) {
    return first_width > 0 && second_width >= wrapped_deck_ratio * first_width &&
           third_width >= wrapped_deck_ratio * first_width &&
           std::abs(second_width - third_width) <= wrapped_deck_equal;
}

}  // namespace paperbag::text
