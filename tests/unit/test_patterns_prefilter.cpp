// The pattern rows' prefilters: derived from each row's regex, they must never reject a text
// that ICU matches (checked against ICU itself on the sample pages and the rows' own
// examples), and they must reject most body lines (else they are useless).
#include <doctest/doctest.h>
#include <unicode/regex.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "import/patterns.hpp"
#include "import/patterns_prefilter.hpp"

using namespace paperbag::text;

namespace {

std::unique_ptr<icu::RegexPattern> compiled(const std::string& regex) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError error{};
    std::unique_ptr<icu::RegexPattern> p(
        icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(regex), 0, error, status));
    REQUIRE(U_SUCCESS(status));
    return p;
}

bool icu_matches(const icu::RegexPattern& p, const std::string& text, Prefilter::Anchor a) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString input = icu::UnicodeString::fromUTF8(text);
    std::unique_ptr<icu::RegexMatcher> m(p.matcher(input, status));
    if (a == Prefilter::Anchor::start) return m->lookingAt(status);
    if (a == Prefilter::Anchor::end) return m->find(status);
    return m->matches(status);
}

// Lines of the sample pages, pairs of lines (the segmenter asks joined lines too), and each
// row's examples from its note, with and without surrounding white space.
std::vector<std::string> corpus(std::span<const PatternRow> rows) {
    std::vector<std::string> out;
    const std::filesystem::path samples = std::filesystem::path(PAPERBAG_SOURCE_DIR) / "samples";
    for (const auto& entry : std::filesystem::recursive_directory_iterator(samples)) {
        if (entry.path().extension() != ".txt") continue;
        std::ifstream in(entry.path());
        std::string line;
        std::string previous;
        while (std::getline(in, line)) {
            out.push_back(line);
            if (!previous.empty()) {
                std::string pair(previous);
                pair.append("\n").append(line);
                out.push_back(pair);
            }
            previous = line;
        }
    }
    for (const PatternRow& row : rows) {
        // The note's examples are separated by ", ", ": " or " / ".
        std::string note;
        for (const char* c = row.note; *c != '\0'; ++c) {
            const std::string_view rest(c);
            if (rest.starts_with(", ") || rest.starts_with(": ")) {
                note += '\x1F';
                ++c;
            } else if (rest.starts_with(" / ")) {
                note += '\x1F';
                c += 2;
            } else {
                note += *c;
            }
        }
        std::stringstream parts(note);
        std::string part;
        while (std::getline(parts, part, '\x1F')) {
            out.push_back(part);
            std::string padded("  ");
            padded.append(part).append("\n");
            out.push_back(padded);
            std::string wide("\xE3\x80\x80");  // an ideographic space before
            wide.append(part).append(" ");
            out.push_back(wide);
        }
    }
    return out;
}

void check_sound(std::span<const PatternRow> rows) {
    const auto texts = corpus(rows);
    std::size_t matched = 0;
    for (const PatternRow& row : rows) {
        const Prefilter filter(row.regex);
        const std::string body = std::string("(?:") + row.regex + ")";
        const auto start = compiled("^" + body);
        const auto end = compiled(body + "$");
        const auto whole = compiled("^" + body + "$");
        for (const std::string& text : texts) {
            for (const auto& entry : {std::pair{start.get(), Prefilter::Anchor::start},
                                      std::pair{end.get(), Prefilter::Anchor::end},
                                      std::pair{whole.get(), Prefilter::Anchor::whole}}) {
                // Named, not structured bindings: clang 14 does not capture those.
                const auto& p = entry.first;
                const auto& a = entry.second;
                if (filter.may_match(text, a)) continue;
                // Rejected: ICU must agree.
                CAPTURE(std::string(row.regex));
                CAPTURE(text);
                CAPTURE(static_cast<int>(a));
                const bool m = icu_matches(*p, text, a);
                CHECK_FALSE(m);
                matched += m;
            }
        }
    }
    CHECK(matched == 0);
}

}  // namespace

TEST_CASE("pattern prefilter: never rejects what ICU matches (zh, en)") {
    check_sound(chinese_patterns());
    check_sound(english_patterns());
}

TEST_CASE("pattern prefilter: never rejects what ICU matches (de, fr)") {
    check_sound(german_patterns());
    check_sound(french_patterns());
}

TEST_CASE("pattern prefilter: conditions derived from the syntax") {
    const Prefilter dateline(R"(\s*(?:本报讯|本報訊|本报[\p{Han}]{2,6}电))");
    CHECK(dateline.has_needles());
    CHECK(dateline.has_first());
    CHECK(dateline.may_match("　　本报讯 昨天", Prefilter::Anchor::start));
    CHECK(dateline.may_match("本报北京电 昨天", Prefilter::Anchor::start));
    CHECK_FALSE(dateline.may_match("昨天本报讯", Prefilter::Anchor::start));  // not first
    CHECK_FALSE(dateline.may_match("　　昨天上午，市民", Prefilter::Anchor::start));

    const Prefilter credit(R"((?:^|\s)(?<names>[\p{Han}·]{2,5})\s+(?:摄|攝|摄影)\s*)");
    CHECK(credit.may_match("市民赏荷。 侯利军 摄\n", Prefilter::Anchor::end));
    CHECK_FALSE(credit.may_match("侯利军 摄影师说：", Prefilter::Anchor::end));  // not last
    CHECK_FALSE(credit.may_match("市民在南湖公园赏荷。", Prefilter::Anchor::end));

    // A flag other than (?m), a back reference, a nested class: no condition, all pass.
    for (const char* unread : {R"((?i)abc)", R"((a)\1)", R"([[a-z]&&[b]])", R"((abc)"}) {
        CAPTURE(std::string(unread));
        const Prefilter none(unread);
        CHECK_FALSE(none.has_needles());
        CHECK_FALSE(none.has_first());
        CHECK(none.may_match("xyz", Prefilter::Anchor::whole));
    }
    // (?m) lets `$` match inside the text: literal needles only.
    const Prefilter multiline(R"((?m)(?:^|。)\s*(?<names>[\p{Han}]{2,4})(?:摄|攝)\s*)");
    CHECK(multiline.has_needles());
    CHECK_FALSE(multiline.has_last());
    CHECK(multiline.may_match("才剥。\n州洪摄\n后来", Prefilter::Anchor::end));
    CHECK_FALSE(multiline.may_match("才剥。\n州洪说\n", Prefilter::Anchor::end));
    // Ill-formed UTF-8 around the needles is left to ICU.
    CHECK(dateline.may_match("\xFF本报讯", Prefilter::Anchor::start));
}

TEST_CASE("pattern prefilter: most body lines are rejected by most rows") {
    const std::string body = "　　昨天上午，市民在南湖公园赏荷，公园管理处介绍，今年荷花开得早。";
    std::size_t rows = 0;
    std::size_t rejected = 0;
    for (const PatternRow& row : chinese_patterns()) {
        const Prefilter filter(row.regex);
        ++rows;
        rejected += !filter.may_match(body, Prefilter::Anchor::start) &&
                    !filter.may_match(body, Prefilter::Anchor::end);
    }
    CHECK(rejected * 10 >= rows * 8);
}
