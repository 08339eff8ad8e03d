#include "import/patterns_prefilter.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <optional>
#include <utility>

namespace paperbag::text {

namespace {

using Needles = std::vector<std::u32string>;

// At most this many needles: more would cost more to look for than they save.
constexpr std::size_t max_needles = 12;

icu::UnicodeSet set_of(const char16_t* pattern) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeSet set(icu::UnicodeString(pattern), status);
    if (U_FAILURE(status)) return icu::UnicodeSet(0, 0x10FFFF);
    return set;
}

icu::UnicodeSet any_char() {
    return icu::UnicodeSet(0, 0x10FFFF);
}

// What `\s` can match in ICU (documented as [\t\n\f\r\p{Z}], implemented as White_Space):
// both and a little more, so that the set is never smaller than ICU's.
const icu::UnicodeSet& space_superset() {
    static const icu::UnicodeSet set = [] {
        icu::UnicodeSet s =
            set_of(u"[\\p{White_Space}\\p{Z}\\u0009-\\u000D\\u001C-\\u001F\\u0085\\u200B\\uFEFF]");
        s.freeze();
        return s;
    }();
    return set;
}

// Where ICU's `$` (without MULTILINE) may stand before the end: before a final line end.
const icu::UnicodeSet& line_ends() {
    static const icu::UnicodeSet set = [] {
        icu::UnicodeSet s = set_of(u"[\\u000A-\\u000D\\u0085\\u2028\\u2029]");
        s.freeze();
        return s;
    }();
    return set;
}

// What a part of the regex can match, over-approximated.
struct Info {
    bool nullable = true;   // can match the empty string
    icu::UnicodeSet first;  // code points a non-empty match can start with
    icu::UnicodeSet last;   // ... end with
    icu::UnicodeSet chars;  // code points a match can contain
    bool exact = true;      // matches exactly `text` and nothing else
    std::u32string text;
    std::optional<Needles> needles;  // one of them is in every match
};

Info zero_width() {
    return Info{};
}

Info of_set(const icu::UnicodeSet& set) {
    Info info;
    info.nullable = false;
    info.first = set;
    info.last = set;
    info.chars = set;
    info.exact = set.size() == 1 && !set.hasStrings();
    if (info.exact) info.text = std::u32string(1, static_cast<char32_t>(set.charAt(0)));
    if (!set.hasStrings() && set.size() <= static_cast<std::int32_t>(max_needles)) {
        Needles n;
        for (std::int32_t k = 0; k < set.size(); ++k)
            n.push_back(std::u32string(1, static_cast<char32_t>(set.charAt(k))));
        info.needles = std::move(n);
    }
    return info;
}

std::size_t utf8_length(const std::u32string& s) {
    std::size_t n = 0;
    for (const char32_t c : s) n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    return n;
}

// The better of two needle sets: longer shortest needle, then fewer needles.
bool better(const Needles& a, const Needles& b) {
    auto shortest = [](const Needles& n) {
        std::size_t m = SIZE_MAX;
        for (const auto& s : n) m = std::min(m, utf8_length(s));
        return m;
    };
    const std::size_t sa = shortest(a);
    const std::size_t sb = shortest(b);
    if (sa != sb) return sa > sb;
    return a.size() < b.size();
}

void offer(std::optional<Needles>& best, const Needles& candidate) {
    if (candidate.empty() || candidate.size() > max_needles) return;
    // U+FFFD also stands for ill-formed bytes in ICU's copy of the text: never a needle.
    for (const auto& s : candidate)
        if (s.empty() || s.find(U'\uFFFD') != std::u32string::npos) return;
    if (!best || better(candidate, *best)) best = candidate;
}

Info sequence(std::vector<Info>& items) {
    Info out;
    bool leading = true;  // all items so far can be empty
    for (const Info& item : items) {
        if (leading) out.first.addAll(item.first);
        leading = leading && item.nullable;
        out.chars.addAll(item.chars);
    }
    out.nullable = leading;
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
        out.last.addAll(it->last);
        if (!it->nullable) break;
    }
    // Needles: a run of exact items is one literal string; otherwise an item's own needles.
    std::optional<Needles> best;
    std::u32string run;
    out.exact = true;
    for (const Info& item : items) {
        if (item.exact) {
            run += item.text;
            out.text += item.text;
            continue;
        }
        out.exact = false;
        offer(best, Needles{run});
        run.clear();
        if (item.needles) offer(best, *item.needles);
    }
    offer(best, Needles{run});
    if (!out.exact) out.text.clear();
    out.needles = std::move(best);
    return out;
}

Info alternation(std::vector<Info>& branches) {
    if (branches.size() == 1) return std::move(branches.front());
    Info out;
    out.nullable = false;
    out.exact = false;
    Needles all;
    bool every = true;
    for (const Info& b : branches) {
        out.nullable = out.nullable || b.nullable;
        out.first.addAll(b.first);
        out.last.addAll(b.last);
        out.chars.addAll(b.chars);
        if (b.exact && !b.text.empty())
            all.push_back(b.text);
        else if (b.needles)
            all.insert(all.end(), b.needles->begin(), b.needles->end());
        else
            every = false;
    }
    if (every && !all.empty() && all.size() <= max_needles) out.needles = std::move(all);
    return out;
}

// Reads the subset of ICU regular expression syntax the pattern tables use.
class Parser {
public:
    explicit Parser(std::u32string re) : re_(std::move(re)) {}

    // The whole regex: its top-level items when it has no top-level alternation.
    std::optional<Info> parse(std::vector<Info>& top) {
        std::vector<std::vector<Info>> branches;
        Info info = alternatives(&branches);
        if (failed_ || at_ != re_.size()) return std::nullopt;
        if (branches.size() == 1) top = std::move(branches.front());
        return info;
    }

    bool flags() const { return flags_; }

private:
    std::u32string re_;
    std::size_t at_ = 0;
    bool failed_ = false;
    bool flags_ = false;  // a (?m) flag: anchors may match inside the text

    bool more() const { return !failed_ && at_ < re_.size(); }
    char32_t peek(std::size_t ahead = 0) const {
        return at_ + ahead < re_.size() ? re_[at_ + ahead] : U'\0';
    }
    Info fail() {
        failed_ = true;
        return zero_width();
    }

    Info alternatives(std::vector<std::vector<Info>>* keep = nullptr) {
        std::vector<Info> branches;
        for (;;) {
            std::vector<Info> items;
            while (more() && peek() != U'|' && peek() != U')') items.push_back(quantified());
            if (keep != nullptr) keep->push_back(items);
            branches.push_back(sequence(items));
            if (!more() || peek() != U'|') break;
            ++at_;
        }
        return alternation(branches);
    }

    Info quantified() {
        Info atom_info = atom();
        if (failed_) return atom_info;
        std::size_t min = 1;
        bool counted = true;
        switch (peek()) {
            case U'*':
                min = 0;
                ++at_;
                break;
            case U'+': ++at_; break;
            case U'?':
                min = 0;
                ++at_;
                break;
            case U'{': {
                ++at_;
                std::size_t n = 0;
                bool digits = false;
                while (peek() >= U'0' && peek() <= U'9') {
                    n = n * 10 + (peek() - U'0');
                    digits = true;
                    ++at_;
                }
                if (!digits) return fail();
                min = n;
                if (peek() == U',') {
                    ++at_;
                    while (peek() >= U'0' && peek() <= U'9') ++at_;
                }
                if (peek() != U'}') return fail();
                ++at_;
                break;
            }
            default: counted = false;
        }
        if (!counted) return atom_info;
        if (peek() == U'?' || peek() == U'+') ++at_;  // lazy or possessive: same strings
        if (min == 0) {
            atom_info.nullable = true;
            atom_info.needles.reset();
        }
        // Repeated or optional: no longer exactly one string (unless it is empty).
        atom_info.exact = atom_info.exact && atom_info.text.empty();
        return atom_info;
    }

    Info atom() {
        const char32_t c = peek();
        ++at_;
        switch (c) {
            case U'(': return group();
            case U'[': return of_set(char_class());
            case U'\\': return escape();
            case U'.': return of_set(any_char());
            case U'^':
            case U'$': return zero_width();
            case U'*':
            case U'+':
            case U'?':
            case U'{':
            case U')':
            case U'|': return fail();
            default:
                return of_set(icu::UnicodeSet(static_cast<UChar32>(c), static_cast<UChar32>(c)));
        }
    }

    Info group() {
        bool consumes = true;
        if (peek() == U'?') {
            ++at_;
            const char32_t kind = peek();
            if (kind == U':' || kind == U'>') {
                ++at_;
            } else if (kind == U'=' || kind == U'!') {
                ++at_;
                consumes = false;
            } else if (kind == U'<' && (peek(1) == U'=' || peek(1) == U'!')) {
                at_ += 2;
                consumes = false;
            } else if (kind == U'<') {
                ++at_;
                while (more() && peek() != U'>') ++at_;
                if (!more()) return fail();
                ++at_;
            } else {
                // Flags: only (?m) and (?m:...) are understood.
                while (more() && peek() == U'm') ++at_;
                flags_ = true;
                if (peek() == U')') {
                    ++at_;
                    return zero_width();
                }
                if (peek() != U':') return fail();
                ++at_;
            }
        }
        Info inner = alternatives();
        if (!more() || peek() != U')') return fail();
        ++at_;
        return consumes ? inner : zero_width();
    }

    std::optional<char32_t> hex(std::size_t digits) {
        char32_t value = 0;
        for (std::size_t k = 0; k < digits; ++k) {
            const char32_t h = peek();
            int d = -1;
            if (h >= U'0' && h <= U'9') d = static_cast<int>(h - U'0');
            if (h >= U'a' && h <= U'f') d = static_cast<int>(h - U'a') + 10;
            if (h >= U'A' && h <= U'F') d = static_cast<int>(h - U'A') + 10;
            if (d < 0) return std::nullopt;
            value = value * 16 + static_cast<char32_t>(d);
            ++at_;
        }
        return value;
    }

    // \p{Han}, \P{L}: the property's exact set.
    std::optional<icu::UnicodeSet> property(bool negated) {
        if (peek() != U'{') return std::nullopt;
        const std::size_t close = re_.find(U'}', at_);
        if (close == std::u32string::npos) return std::nullopt;
        std::u32string name = re_.substr(at_ + 1, close - at_ - 1);
        at_ = close + 1;
        icu::UnicodeString pattern(u"[\\p{");
        for (const char32_t c : name) pattern.append(static_cast<UChar32>(c));
        pattern.append(u"}]");
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeSet set(pattern, status);
        if (U_FAILURE(status)) return std::nullopt;
        if (negated) set.complement();
        return set;
    }

    // One escaped item: a set (exact or not), a literal, or a zero-width assertion.
    struct Escaped {
        std::optional<icu::UnicodeSet> set;
        bool exact = true;
        bool zero_width = false;
        bool bad = false;
    };
    Escaped escaped_item() {
        Escaped e;
        const char32_t c = peek();
        ++at_;
        auto literal = [&](char32_t v) {
            e.set = icu::UnicodeSet(static_cast<UChar32>(v), static_cast<UChar32>(v));
        };
        switch (c) {
            case U's':
                e.set = space_superset();
                e.exact = false;
                break;
            case U'd': e.set = set_of(u"[\\p{Nd}]"); break;
            case U'S':
            case U'D':
            case U'w':
            case U'W':
            case U'h':
            case U'H':
            case U'v':
            case U'V':
            case U'X':
            case U'R':
                e.set = any_char();
                e.exact = false;
                break;
            case U'p':
            case U'P': {
                auto set = property(c == U'P');
                if (!set) e.bad = true;
                e.set = std::move(set);
                break;
            }
            case U'b':
            case U'B':
            case U'A':
            case U'z':
            case U'Z':
            case U'G': e.zero_width = true; break;
            case U'n': literal(U'\n'); break;
            case U't': literal(U'\t'); break;
            case U'r': literal(U'\r'); break;
            case U'f': literal(U'\f'); break;
            case U'a': literal(U'\a'); break;
            case U'e': literal(U'\x1B'); break;
            case U'u':
            case U'U': {
                auto v = hex(c == U'u' ? 4 : 8);
                if (!v)
                    e.bad = true;
                else
                    literal(*v);
                break;
            }
            case U'x': {
                std::optional<char32_t> v;
                if (peek() == U'{') {
                    const std::size_t close = re_.find(U'}', at_);
                    if (close != std::u32string::npos && close - at_ - 1 <= 6) {
                        ++at_;
                        v = hex(close - at_);
                        ++at_;
                    }
                } else {
                    v = hex(2);
                }
                if (!v)
                    e.bad = true;
                else
                    literal(*v);
                break;
            }
            default:
                // Back references, \k, \N{}, \Q, \c, octal and unknown letters: not read.
                if ((c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'z') ||
                    (c >= U'A' && c <= U'Z'))
                    e.bad = true;
                else
                    literal(c);
        }
        return e;
    }

    Info escape() {
        Escaped e = escaped_item();
        if (e.bad) return fail();
        if (e.zero_width) return zero_width();
        return of_set(*e.set);
    }

    // [...] after its '[': the set, over-approximated when it holds an inexact item.
    icu::UnicodeSet char_class() {
        icu::UnicodeSet set;
        bool exact = true;
        const bool negated = peek() == U'^';
        if (negated) ++at_;
        if (peek() == U']') {
            failed_ = true;
            return set;
        }
        UChar32 previous = -1;  // a literal that may start a range
        while (more() && peek() != U']') {
            const char32_t c = peek();
            if (c == U'[' || (c == U'&' && peek(1) == U'&') || (c == U'-' && peek(1) == U'-')) {
                failed_ = true;  // nested sets and set operations: not read
                return set;
            }
            if (c == U'-' && previous >= 0 && peek(1) != U']') {
                ++at_;
                UChar32 to = 0;
                if (peek() == U'\\') {
                    ++at_;
                    Escaped e = escaped_item();
                    if (e.bad || !e.set || e.set->size() != 1) {
                        failed_ = true;
                        return set;
                    }
                    to = e.set->charAt(0);
                } else {
                    to = static_cast<UChar32>(peek());
                    ++at_;
                }
                if (to < previous) {
                    failed_ = true;
                    return set;
                }
                set.add(previous, to);
                previous = -1;
                continue;
            }
            ++at_;
            if (c == U'\\') {
                Escaped e = escaped_item();
                if (e.bad || e.zero_width) {
                    failed_ = true;
                    return set;
                }
                exact = exact && e.exact;
                set.addAll(*e.set);
                previous = -1;
                if (e.exact && e.set->size() == 1 && !e.set->hasStrings())
                    previous = e.set->charAt(0);
                continue;
            }
            set.add(static_cast<UChar32>(c));
            previous = static_cast<UChar32>(c);
        }
        if (!more()) {
            failed_ = true;
            return set;
        }
        ++at_;  // ']'
        if (negated) {
            if (!exact) return any_char();
            set.complement();
        }
        return set;
    }
};

// The code point that starts at `i` (which moves past it), or -1 for ill-formed UTF-8
// (overlong forms, surrogates and truncated sequences included).
UChar32 next_code_point(std::string_view s, std::size_t& i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t length = 0;
    UChar32 c = 0;
    UChar32 min = 0;
    if (lead < 0x80) {
        ++i;
        return lead;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        c = lead & 0x1F;
        min = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        c = lead & 0x0F;
        min = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        c = lead & 0x07;
        min = 0x10000;
    } else {
        return -1;
    }
    if (i + length > s.size()) return -1;
    for (std::size_t k = 1; k < length; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return -1;
        c = (c << 6) | (b & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return -1;
    i += length;
    return c;
}

// The code point that ends at `i` (which moves to its start), or -1 for ill-formed UTF-8.
UChar32 previous_code_point(std::string_view s, std::size_t& i) {
    std::size_t start = i - 1;
    while (start > 0 && i - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80)
        --start;
    std::size_t at = start;
    const UChar32 c = next_code_point(s, at);
    if (c < 0 || at != i) return -1;
    i = start;
    return c;
}

std::u32string to_u32(std::string_view utf8) {
    std::u32string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const UChar32 c = next_code_point(utf8, i);
        if (c < 0) return U"(";  // unreadable: the parser fails on it
        out.push_back(static_cast<char32_t>(c));
    }
    return out;
}

std::string to_utf8(const std::u32string& s) {
    std::string out;
    icu::UnicodeString u;
    for (const char32_t c : s) u.append(static_cast<UChar32>(c));
    u.toUTF8String(out);
    return out;
}

}  // namespace

Prefilter::Prefilter(std::string_view regex) {
    if (regex.size() > INT32_MAX) return;
    Parser parser(to_u32(regex));
    std::vector<Info> top;
    const std::optional<Info> info = parser.parse(top);
    if (!info) return;
    if (info->needles)
        for (const auto& n : *info->needles) needles_.push_back(to_utf8(n));
    if (parser.flags() || info->nullable) return;
    if (top.empty()) top.push_back(*info);  // a top-level alternation is one item
    // First: the items that can be empty take characters from lead_skip_; the match's first
    // character outside them is in first_.
    std::size_t k = 0;
    while (k < top.size() && top[k].nullable) lead_skip_.addAll(top[k++].chars);
    for (std::size_t j = k; j < top.size(); ++j) {
        first_.addAll(top[j].first);
        if (!top[j].nullable) break;
    }
    // Last: the same from the end; `$` may also stand before a final line end.
    std::size_t e = top.size();
    while (e > 0 && top[e - 1].nullable) trail_skip_.addAll(top[--e].chars);
    trail_skip_.addAll(line_ends());
    for (std::size_t j = e; j > 0; --j) {
        last_.addAll(top[j - 1].last);
        if (!top[j - 1].nullable) break;
    }
    has_first_ = true;
    has_last_ = true;
    lead_skip_.freeze();
    first_.freeze();
    trail_skip_.freeze();
    last_.freeze();
}

bool Prefilter::may_match(std::string_view text, Anchor anchor) const {
    if (text.size() > INT32_MAX) return true;
    // The ends first (a few characters), the needles last (a scan of the text).
    if (has_first_ && anchor != Anchor::end) {
        bool found = false;
        for (std::size_t i = 0; i < text.size();) {
            const UChar32 c = next_code_point(text, i);
            if (c < 0) return true;  // ill-formed: ICU reads it its own way
            if (first_.contains(c)) {
                found = true;
                break;
            }
            if (!lead_skip_.contains(c)) break;
        }
        if (!found) return false;
    }
    if (has_last_ && anchor != Anchor::start) {
        bool found = false;
        for (std::size_t i = text.size(); i > 0;) {
            const UChar32 c = previous_code_point(text, i);
            if (c < 0) return true;
            if (last_.contains(c)) {
                found = true;
                break;
            }
            if (!trail_skip_.contains(c)) break;
        }
        if (!found) return false;
    }
    return needles_.empty() ||
           std::any_of(needles_.begin(), needles_.end(), [&](const std::string& needle) {
               return memmem(text.data(), text.size(), needle.data(), needle.size()) != nullptr;
           });
}

}  // namespace paperbag::text
