#include "import/text_repair.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <vector>

namespace paperbag::text {

namespace {

// A decoded view of a line: code points with their byte positions.
struct Chars {
    std::vector<char32_t> cp;
    explicit Chars(std::string_view s) {
        cp.reserve(s.size());
        std::int32_t i = 0;
        const auto n = static_cast<std::int32_t>(s.size());
        const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
        while (i < n) {
            UChar32 c;
            U8_NEXT(p, i, n, c);
            cp.push_back(c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c));
        }
    }
};

void put(std::string& out, char32_t c) {
    char buffer[4];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
    out.append(buffer, static_cast<std::size_t>(length));
}

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0;
}

// The character properties the repairs ask about, kept per thread for the Basic Multilingual
// Plane as they are first asked (ICU's property lookups were a tenth of the segmenter's time);
// other planes are asked of ICU each time.
enum : std::uint8_t { wide_bit = 1, punct_bit = 2, ambiguous_punct_bit = 4, known_bit = 8 };

std::uint8_t properties_of(UChar32 c) {
    const auto width = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    const bool punct = u_ispunct(c);
    return static_cast<std::uint8_t>(
        known_bit | (width == U_EA_WIDE || width == U_EA_FULLWIDTH ? wide_bit : 0) |
        (punct ? punct_bit : 0) | (width == U_EA_AMBIGUOUS && punct ? ambiguous_punct_bit : 0));
}

std::uint8_t properties(char32_t c) {
    if (c >= 0x10000) return properties_of(static_cast<UChar32>(c));
    thread_local std::array<std::uint8_t, 0x10000> bmp{};
    std::uint8_t& slot = bmp[c];
    if (slot == 0) slot = properties_of(static_cast<UChar32>(c));
    return slot;
}

bool is_ambiguous_punct(char32_t c) {
    return (properties(c) & ambiguous_punct_bit) != 0;
}

bool is_digit(char32_t c) {
    return c < 0x80 && u_isdigit(static_cast<UChar32>(c));
}

// Wide, or an ambiguous-width punctuation mark ("“", "—") standing next to a wide one.
bool cjk_side(const std::vector<char32_t>& cp, std::size_t i, int direction) {
    if (is_wide(cp[i])) return true;
    if (!is_ambiguous_punct(cp[i])) return false;
    const auto j = static_cast<std::ptrdiff_t>(i) + direction;
    return j >= 0 && static_cast<std::size_t>(j) < cp.size() &&
           is_wide(cp[static_cast<std::size_t>(j)]);
}

}  // namespace

bool is_wide(char32_t c) {
    return (properties(c) & wide_bit) != 0;
}

double line_width(std::string_view line) {
    double width = 0;
    for (char32_t c : Chars(trim(line)).cp)
        width += (properties(c) & (wide_bit | punct_bit)) == wide_bit ? 1.0 : 0.5;
    return width;
}

bool spaced_out(std::string_view line) {
    const Chars chars(line);
    std::size_t spaced = 0;
    std::size_t tight = 0;
    const auto& cp = chars.cp;
    for (std::size_t i = 0; i + 1 < cp.size(); ++i) {
        if (!is_wide(cp[i])) continue;
        if (is_wide(cp[i + 1])) {
            ++tight;
        } else if (cp[i + 1] == ' ' && i + 2 < cp.size() && is_wide(cp[i + 2])) {
            ++spaced;
        }
    }
    return spaced >= 3 && spaced >= tight;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (s.starts_with("\xE3\x80\x80")) s.remove_prefix(3);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    while (s.ends_with("\xE3\x80\x80")) s.remove_suffix(3);
    return s;
}

std::string repair_line(std::string_view line, RepairMode mode) {
    const Chars chars(trim(line));
    const auto& cp = chars.cp;
    const bool collapse_all = mode == RepairMode::body || spaced_out(trim(line));
    std::string out;
    out.reserve(line.size());
    for (std::size_t i = 0; i < cp.size(); ++i) {
        if (!is_space(cp[i])) {
            put(out, cp[i]);
            continue;
        }
        std::size_t j = i;
        while (j < cp.size() && is_space(cp[j])) ++j;
        if (i == 0 || j == cp.size()) {
            i = j - 1;
            continue;
        }
        const bool left_cjk = cjk_side(cp, i - 1, -1);
        const bool right_cjk = cjk_side(cp, j, +1);
        const bool digit_gap = (left_cjk && is_digit(cp[j])) || (right_cjk && is_digit(cp[i - 1]));
        const bool cjk_gap = left_cjk && right_cjk;
        if (!(digit_gap || (cjk_gap && collapse_all))) out += ' ';
        i = j - 1;
    }
    return out;
}

char32_t last_char(std::string_view s) {
    if (s.empty()) return 0;
    auto i = static_cast<std::int32_t>(s.size());
    UChar32 c;
    U8_PREV(reinterpret_cast<const std::uint8_t*>(s.data()), 0, i, c);
    return c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
}

char32_t first_char(std::string_view s) {
    if (s.empty()) return 0;
    std::int32_t i = 0;
    UChar32 c;
    U8_NEXT(reinterpret_cast<const std::uint8_t*>(s.data()), i, static_cast<std::int32_t>(s.size()),
            c);
    return c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c);
}

void append_joined(std::string& out, std::string_view next) {
    if (next.empty()) return;
    if (out.empty()) {
        out.append(next);
        return;
    }
    const Chars tail(out.size() > 8 ? std::string_view(out).substr(out.size() - 8) : out);
    const Chars head(next.substr(0, 8));
    const char32_t a = tail.cp.empty() ? 0 : tail.cp.back();
    const char32_t b = head.cp.empty() ? 0 : head.cp.front();
    const bool a_cjk = !tail.cp.empty() && cjk_side(tail.cp, tail.cp.size() - 1, -1);
    const bool b_cjk = !head.cp.empty() && cjk_side(head.cp, 0, +1);
    // A break hyphen: letter + '-' at the end of the line, a letter at the start of the next.
    if (a == '-' && tail.cp.size() >= 2 &&
        u_isalpha(static_cast<UChar32>(tail.cp[tail.cp.size() - 2])) &&
        u_isalpha(static_cast<UChar32>(b))) {
        out.pop_back();
        out.append(next);
        return;
    }
    const bool no_space = a_cjk || b_cjk || (is_digit(a) && b_cjk) || (a_cjk && is_digit(b));
    if (!no_space) out += ' ';
    out.append(next);
}

std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) append_joined(out, line);
    return out;
}

bool is_sentence_end(std::string_view s) {
    const Chars chars(trim(s));
    auto i = chars.cp.size();
    while (i > 0) {
        const auto c = static_cast<UChar32>(chars.cp[i - 1]);
        const auto type = u_charType(c);
        if (type == U_END_PUNCTUATION || type == U_FINAL_PUNCTUATION ||
            (type == U_OTHER_PUNCTUATION && (c == '"' || c == '\''))) {
            --i;
            continue;
        }
        return u_hasBinaryProperty(c, UCHAR_S_TERM) || c == 0x2026 || c == ';' || c == 0xFF1B;
    }
    return false;
}

bool has_clause_punct(std::string_view s) {
    for (char32_t c : Chars(s).cp) {
        const auto c32 = static_cast<UChar32>(c);
        if (c == ',' || c == ';' || c == '!' || c == '?') return true;
        if (is_wide(c) && u_hasBinaryProperty(c32, UCHAR_TERMINAL_PUNCTUATION)) return true;
    }
    return false;
}

bool has_clause_punct_for_title(std::string_view s) {
    const Chars chars(trim(s));
    std::size_t colons = 0;
    for (std::size_t i = 0; i < chars.cp.size(); ++i) {
        const char32_t c = chars.cp[i];
        if (c == 0xFF1A && i > 0 && i + 1 < chars.cp.size() && ++colons == 1) continue;  // ：
        const auto c32 = static_cast<UChar32>(c);
        if (c == ',' || c == ';' || c == '!' || c == '?') return true;
        if (is_wide(c) && u_hasBinaryProperty(c32, UCHAR_TERMINAL_PUNCTUATION)) return true;
    }
    return false;
}

bool has_letters(std::string_view s) {
    for (char32_t c : Chars(s).cp)
        if (u_isalpha(static_cast<UChar32>(c))) return true;
    return false;
}

std::string folded(std::string_view s) {
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 || (c >= '0' && c <= '9'))
            out += c;
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
            out += static_cast<char>(c | 0x20);
    }
    return out;
}

}  // namespace paperbag::text
