#include "import/patterns.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>

#include "import/patterns_prefilter.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag::text {

struct PatternSet::Compiled {
    PatternKind kind;
    Prefilter filter;  // a cheap "cannot match" test, derived from the row's regex
    std::unique_ptr<icu::RegexPattern> start;  // ^(?:row)
    std::unique_ptr<icu::RegexPattern> end;    // (?:row)$
    std::unique_ptr<icu::RegexPattern> whole;  // ^(?:row)$
};

namespace {

std::unique_ptr<icu::RegexPattern> compile(const std::string& regex) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError error{};
    std::unique_ptr<icu::RegexPattern> pattern(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(regex), 0, error, status));
    if (U_FAILURE(status))
        throw Error(
            "PB-PATTERN", "",
            "pattern table row does not compile: " + regex + " (" + u_errorName(status) + ")");
    return pattern;
}

// Byte offset in `utf8` of UTF-16 index `index` of the same text.
std::size_t utf8_offset(std::string_view utf8, std::int32_t index) {
    std::size_t bytes = 0;
    std::int32_t units = 0;
    while (bytes < utf8.size() && units < index) {
        const auto lead = static_cast<unsigned char>(utf8[bytes]);
        const std::size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        units += len == 4 ? 2 : 1;
        bytes += len;
    }
    return std::min(bytes, utf8.size());
}

std::string group(icu::RegexMatcher& m, const icu::RegexPattern& p, const char* name) {
    UErrorCode status = U_ZERO_ERROR;
    const std::int32_t number = p.groupNumberFromName(name, -1, status);
    if (U_FAILURE(status)) return {};
    const icu::UnicodeString value = m.group(number, status);
    if (U_FAILURE(status)) return {};
    std::string out;
    value.toUTF8String(out);
    return out;
}

// A matcher for `pattern` reset to `input`. Matchers are not thread-safe and costly to make,
// so each thread keeps one per pattern (the pattern sets live as long as the program).
icu::RegexMatcher* matcher(const icu::RegexPattern& pattern, const icu::UnicodeString& input,
                           UErrorCode& status) {
    thread_local std::map<const icu::RegexPattern*, std::unique_ptr<icu::RegexMatcher>> cache;
    auto& slot = cache[&pattern];
    if (!slot) {
        slot.reset(pattern.matcher(input, status));
        return U_SUCCESS(status) ? slot.get() : nullptr;
    }
    slot->reset(input);
    return slot.get();
}

// A wide character (CJK ideograph, kana, full-width form or CJK punctuation) by its UTF-8
// lead byte: U+2E80 and above, which is what letter-spaced justified lines space out.
bool wide_at(std::string_view s, std::size_t i) {
    return i < s.size() && static_cast<unsigned char>(s[i]) >= 0xE2 &&
           !(static_cast<unsigned char>(s[i]) == 0xE2 &&
             static_cast<unsigned char>(s[i + 1 < s.size() ? i + 1 : i]) < 0xBA);
}

bool digit_at(std::string_view s, std::size_t i) {
    return i < s.size() && s[i] >= '0' && s[i] <= '9';
}

// Spaces between two wide characters in line [from, to) of `text`, or between a wide
// character and a digit ("本 报 北 京 5 月 20 日": a justified dateline): start of each run.
std::vector<std::size_t> spaced_gaps(std::string_view text, std::size_t from, std::size_t to,
                                     std::size_t& wide) {
    std::vector<std::size_t> gaps;
    wide = 0;
    std::size_t last_lead = std::string_view::npos;
    for (std::size_t i = from; i < to;) {
        if (text[i] == ' ') {
            std::size_t j = i;
            while (j < to && text[j] == ' ') ++j;
            const bool wide_before =
                last_lead != std::string_view::npos && wide_at(text, last_lead);
            const bool digit_before =
                last_lead != std::string_view::npos && digit_at(text, last_lead);
            const bool wide_after = j < to && wide_at(text, j);
            const bool digit_after = j < to && digit_at(text, j);
            if ((wide_before && (wide_after || digit_after)) || (digit_before && wide_after))
                gaps.push_back(i);
            i = j;
            continue;
        }
        const auto lead = static_cast<unsigned char>(text[i]);
        wide += wide_at(text, i);
        last_lead = i;
        i += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    }
    return gaps;
}

// Cheap test before the rewrite: at least 4 spaces between two wide characters, or between
// a wide character and a digit.
bool may_be_letter_spaced(std::string_view text) {
    std::size_t found = 0;
    for (std::size_t i = text.find(' '); i != std::string_view::npos; i = text.find(' ', i + 1)) {
        if (i + 1 >= text.size()) break;
        const bool wide_before = i >= 3 && static_cast<unsigned char>(text[i - 3]) >= 0xE2;
        const bool digit_before = i >= 1 && digit_at(text, i - 1);
        const bool wide_after = static_cast<unsigned char>(text[i + 1]) >= 0xE2;
        const bool digit_after = digit_at(text, i + 1);
        if (((wide_before && (wide_after || digit_after)) || (digit_before && wide_after)) &&
            ++found >= 4)
            return true;
    }
    return false;
}

// The text without the spaces of its letter-spaced CJK lines ("据 新 华 社" -> "据新华社"; a
// line is letter-spaced when most of its wide characters are spaced apart); `at[k]` is the
// offset in `text` of byte k of the result (one past the end included). Empty when there is
// nothing to remove.
std::string without_letter_spacing(std::string_view text, std::vector<std::size_t>& at) {
    std::string out;
    at.clear();
    bool removed = false;
    std::size_t line = 0;
    while (line < text.size()) {
        std::size_t stop = text.find('\n', line);
        stop = stop == std::string_view::npos ? text.size() : stop + 1;
        std::size_t wide = 0;
        const auto gaps = spaced_gaps(text, line, stop, wide);
        const bool spaced = gaps.size() >= 4 && gaps.size() * 3 >= wide;
        std::size_t g = 0;
        for (std::size_t i = line; i < stop;) {
            if (spaced && g < gaps.size() && gaps[g] == i) {
                while (i < stop && text[i] == ' ') ++i;
                ++g;
                removed = true;
                continue;
            }
            out += text[i];
            at.push_back(i);
            ++i;
        }
        line = stop;
    }
    at.push_back(text.size());
    if (!removed) {
        at.clear();
        return {};
    }
    return out;
}

}  // namespace

PatternSet::PatternSet(std::span<const PatternRow> rows, std::span<const RoleRow> roles)
    : roles_(roles.begin(), roles.end()) {
    for (const PatternRow& row : rows) {
        auto compiled =
            std::unique_ptr<Compiled>(new Compiled{row.kind, Prefilter(row.regex), {}, {}, {}});
        const std::string body = std::string("(?:") + row.regex + ")";
        compiled->start = compile("^" + body);
        compiled->end = compile(body + "$");
        compiled->whole = compile("^" + body + "$");
        compiled_.push_back(std::move(compiled));
    }
    // Longest role words first, so "本报记者" wins over "记者".
    std::stable_sort(roles_.begin(), roles_.end(), [](const RoleRow& a, const RoleRow& b) {
        return std::string_view(a.word).size() > std::string_view(b.word).size();
    });
}

PatternSet::~PatternSet() = default;

std::optional<PatternMatch> PatternSet::run(PatternKind kind, std::string_view text,
                                            int anchor) const {
    // Letter-spaced CJK lines are matched without their spaces; offsets map back. The
    // segmenter asks several kinds about the same text in a row: the rewrite is kept.
    // Both the test and the rewrite are kept for the last text.
    thread_local std::string last_in;
    thread_local bool spaced = false;
    thread_local std::string collapsed;
    thread_local std::vector<std::size_t> map;
    if (text != last_in) {
        last_in.assign(text);
        spaced = may_be_letter_spaced(text);
        collapsed = spaced ? without_letter_spacing(text, map) : std::string();
    }
    if (spaced) {
        if (!collapsed.empty()) {
            auto m = run_plain(kind, collapsed, anchor);
            if (m) {
                m->begin = map[m->begin];
                m->end = m->end == 0            ? map[0]
                         : m->end <= map.size() ? map[m->end - 1] + 1
                                                : text.size();
                // A match that ended before removed spaces keeps them with what follows.
            }
            return m;
        }
    }
    return run_plain(kind, text, anchor);
}

std::optional<PatternMatch> PatternSet::run_plain(PatternKind kind, std::string_view text,
                                                  int anchor) const {
    // End matches look only at the tail: continuation lines and credits are short.
    std::size_t base = 0;
    if (anchor == 1 && text.size() > 240) {
        base = text.size() - 240;
        while (base < text.size() && (static_cast<unsigned char>(text[base]) & 0xC0) == 0x80)
            ++base;
    }
    const std::string_view searched = text.substr(base);
    const Prefilter::Anchor where = anchor == 0   ? Prefilter::Anchor::start
                                    : anchor == 1 ? Prefilter::Anchor::end
                                                  : Prefilter::Anchor::whole;
    // The segmenter asks several kinds about the same text in a row: convert it once, and
    // only when a row passes its prefilter.
    thread_local std::string last_text;
    thread_local icu::UnicodeString input;
    bool converted = false;
    for (const auto& c : compiled_) {
        if (c->kind != kind || !c->filter.may_match(searched, where)) continue;
        if (!converted && searched != last_text) {
            last_text.assign(searched);
            input = icu::UnicodeString::fromUTF8(
                icu::StringPiece(searched.data(), static_cast<std::int32_t>(searched.size())));
        }
        converted = true;
        const icu::RegexPattern& pattern = anchor == 0   ? *c->start
                                           : anchor == 1 ? *c->end
                                                         : *c->whole;
        UErrorCode status = U_ZERO_ERROR;
        icu::RegexMatcher* m = matcher(pattern, input, status);
        if (m == nullptr || U_FAILURE(status)) continue;
        const bool found = anchor == 0   ? m->lookingAt(status)
                           : anchor == 1 ? m->find(status)
                                         : m->matches(status);
        if (U_FAILURE(status) || !found) continue;
        PatternMatch match;
        match.begin = base + utf8_offset(searched, m->start(status));
        match.end = base + utf8_offset(searched, m->end(status));
        match.page = group(*m, pattern, "page");
        match.key = group(*m, pattern, "key");
        match.name = group(*m, pattern, "name");
        match.names = group(*m, pattern, "names");
        match.role = group(*m, pattern, "role");
        match.title = group(*m, pattern, "title");
        return match;
    }
    return std::nullopt;
}

std::optional<PatternMatch> PatternSet::at_start(PatternKind kind, std::string_view text) const {
    return run(kind, text, 0);
}
std::optional<PatternMatch> PatternSet::at_end(PatternKind kind, std::string_view text) const {
    return run(kind, text, 1);
}
std::optional<PatternMatch> PatternSet::whole(PatternKind kind, std::string_view text) const {
    return run(kind, text, 2);
}

std::vector<PatternSet::RolePart> PatternSet::split_roles(std::string_view text) const {
    std::vector<RolePart> parts;
    std::size_t i = 0;
    std::size_t name_start = 0;
    auto flush_names = [&](std::size_t stop) {
        if (parts.empty()) return;
        parts.back().names.append(text.substr(name_start, stop - name_start));
    };
    while (i < text.size()) {
        const RoleRow* hit = nullptr;
        for (const RoleRow& row : roles_)
            if (text.substr(i).starts_with(row.word)) {
                hit = &row;
                break;
            }
        // A Latin role word must stand alone ("By", not "Byron").
        if (hit != nullptr && static_cast<unsigned char>(hit->word[0]) < 0x80) {
            const std::size_t after = i + std::string_view(hit->word).size();
            if (after < text.size() && text[after] != ' ') hit = nullptr;
        }
        if (hit == nullptr) {
            ++i;
            continue;
        }
        flush_names(i);
        parts.push_back({hit->word, hit->role, {}});
        i += std::string_view(hit->word).size();
        name_start = i;
    }
    flush_names(text.size());
    if (parts.empty() && !text.empty()) parts.push_back({"", "author", std::string(text)});
    return parts;
}

std::string page_label(std::string_view printed) {
    static constexpr std::string_view digits[] = {"〇", "一", "二", "三", "四",
                                                  "五", "六", "七", "八", "九"};
    std::string ascii;
    int value = 0;     // Chinese numeral read so far
    int pending = -1;  // a digit before 十
    bool chinese = false;
    for (std::size_t i = 0; i < printed.size();) {
        const std::string_view rest = printed.substr(i);
        if (rest.starts_with("\xEF\xBC") && rest.size() >= 3 &&
            static_cast<unsigned char>(rest[2]) >= 0x90 &&
            static_cast<unsigned char>(rest[2]) <= 0x99) {  // full-width digit
            ascii += static_cast<char>('0' + (static_cast<unsigned char>(rest[2]) - 0x90));
            i += 3;
            continue;
        }
        int digit = -1;
        for (int d = 0; d < 10; ++d)
            if (rest.starts_with(digits[d])) digit = d;
        if (rest.starts_with("零")) digit = 0;
        if (digit >= 0) {
            chinese = true;
            pending = digit;
            i += 3;
            continue;
        }
        if (rest.starts_with("十")) {
            chinese = true;
            value += (pending > 0 ? pending : 1) * 10;
            pending = -1;
            i += 3;
            continue;
        }
        if (chinese) return std::string(printed);  // a mix we do not read
        ascii += printed[i];
        ++i;
    }
    if (!chinese) return ascii;
    if (!ascii.empty()) return std::string(printed);
    return std::to_string(value + (pending > 0 ? pending : 0));
}

const PatternSet& patterns_for(std::string_view language) {
    static const PatternSet zh(chinese_patterns(), chinese_roles());
    static const PatternSet en(english_patterns(), english_roles());
    static const std::vector<PatternRow> all_rows = [] {
        std::vector<PatternRow> rows(chinese_patterns().begin(), chinese_patterns().end());
        rows.insert(rows.end(), english_patterns().begin(), english_patterns().end());
        return rows;
    }();
    static const std::vector<RoleRow> all_roles = [] {
        std::vector<RoleRow> roles(chinese_roles().begin(), chinese_roles().end());
        roles.insert(roles.end(), english_roles().begin(), english_roles().end());
        return roles;
    }();
    static const PatternSet both(all_rows, all_roles);
    static const PatternSet de(german_patterns(), german_roles());
    static const PatternSet fr(french_patterns(), french_roles());
    if (language.starts_with("de") || language.starts_with("lb")) return de;
    if (language.starts_with("fr")) return fr;
    if (language.starts_with("zh")) return zh;
    if (language.starts_with("en")) return en;
    return both;
}

}  // namespace paperbag::text
