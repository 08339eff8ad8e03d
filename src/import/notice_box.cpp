#include "import/notice_box.hpp"

#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "import/text_repair.hpp"

namespace paperbag::text {

namespace {

bool is_digit(char32_t c) {
    return c >= '0' && c <= '9';
}

std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(s.size());
    for (std::int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        out.push_back(c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c));
    }
    return out;
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000;
}

// Clause or sentence punctuation (has_clause_punct, a sentence end, or a Latin full stop or
// colon inside), not counting a colon or full stop between two digits ("19:00", "3.5").
bool punctuated(std::string_view text, const std::vector<char32_t>& cp) {
    if (has_clause_punct(text) || is_sentence_end(trim(text))) return true;
    for (std::size_t i = 0; i < cp.size(); ++i) {
        if (cp[i] != '.' && cp[i] != ':') continue;
        const bool between_digits =
            i > 0 && i + 1 < cp.size() && is_digit(cp[i - 1]) && is_digit(cp[i + 1]);
        if (!between_digits) return true;
    }
    return false;
}

}  // namespace

bool body_reads_as_notice(const std::vector<std::string_view>& body) {
    std::size_t chars = 0;
    for (std::string_view text : body) {
        if (text.size() > 4 * notice_box_chars) return false;
        const std::vector<char32_t> cp = code_points(text);
        for (std::size_t i = 0; i < cp.size(); ++i) {
            const auto c = static_cast<UChar32>(cp[i]);
            if (u_isUWhiteSpace(c)) continue;
            // A sentence end, except a full stop between two digits ("3.5").
            const bool between_digits =
                i > 0 && i + 1 < cp.size() && is_digit(cp[i - 1]) && is_digit(cp[i + 1]);
            if (u_hasBinaryProperty(c, UCHAR_S_TERM) && !(c == '.' && between_digits)) return false;
            if (++chars > notice_box_chars) return false;
        }
    }
    return chars > 0;
}

bool paragraph_ends_in_furniture(std::string_view text, const PatternSet& patterns) {
    if (text.size() > 4 * notice_box_slogan_chars) return false;
    const std::vector<char32_t> cp = code_points(text);
    if (punctuated(text, cp)) return false;
    std::size_t chars = 0;
    for (char32_t c : cp) chars += is_space(c) ? 0 : 1;
    return chars > 0 && chars <= notice_box_slogan_chars &&
           patterns.at_end(PatternKind::furniture, text);
}

}  // namespace paperbag::text
