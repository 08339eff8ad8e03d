// split_words: the words of a printed line for ALTO Strings.
#include <doctest/doctest.h>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>
#include <vector>

#include "core/words.hpp"
#include "import/text_words.hpp"

namespace paperbag {

namespace {

std::vector<std::string> words(std::string_view line) {
    std::vector<std::string> out;
    for (const WordSpan& w : split_words(line))
        out.push_back((w.space_before ? "_" : "") +
                      std::string(line.substr(w.begin, w.end - w.begin)));
    return out;
}

// `utf8` in `charset`.
std::string encode(const std::string& utf8, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status),
                                                            ucnv_close);
    REQUIRE(U_SUCCESS(status));
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    std::string out(static_cast<std::size_t>(text.length()) * 4 + 16, '\0');
    const auto n = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()),
                                   text.getBuffer(), text.length(), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

}  // namespace

TEST_CASE("words: page-text words keep their exact bytes in the original file, any encoding") {
    const std::string text =
        "\n  本报讯（记者 罗丽）西河镇近日召开春耕生产动员大会，\r\n"
        "部署全年粮食生产任务。  \n\n   \u3000\nBy ROBERT OKAFOR, Courier\n";
    for (const char* charset : {"UTF-8", "GB18030", "UTF-16LE"}) {
        std::string original = encode(text, charset);
        if (std::string(charset) == "UTF-16LE") original = "\xFF\xFE" + original;  // BOM
        Diagnostics d;
        const text::DecodedText decoded = text::decode_text(original, charset, "p.txt", d);
        REQUIRE(decoded.text == text);
        Block block;
        block.id = "p1-b1";
        // Two ranges, split inside a line (at a character, as the segmenter cuts them).
        const std::uint64_t cut = decoded.map.original(text.find("全年"));
        block.source = {{0, cut}, {cut, original.size() - cut}};
        text::add_printed_lines(block, decoded);
        std::size_t words = 0;
        for (const TextLine& line : block.lines) {
            REQUIRE(!line.words.empty());
            for (const Word& word : line.words) {
                ++words;
                REQUIRE(word.source);
                REQUIRE(word.source->end() <= original.size());
                const std::string slice = original.substr(word.source->offset, word.source->length);
                Diagnostics ignored;
                CHECK_MESSAGE(text::decode_text(slice, charset, "w", ignored).text == word.text,
                              charset << ": " << word.text);
                CHECK(word.text.find(' ') == std::string::npos);
            }
        }
        CHECK(words >= 14);
        CHECK(block.lines.back().words.back().text == "Courier");
    }
}

TEST_CASE("words: a page text beyond any printed page gets no words (memory stays bounded)") {
    std::string huge;
    while (huge.size() <= text::max_page_text_for_words) huge += "中文报纸的一行文字。\n";
    Diagnostics d;
    const text::DecodedText decoded = text::decode_text(huge, "UTF-8", "big.txt", d);
    Block block;
    block.id = "p1-b1";
    block.source = {{0, 30}};
    text::add_printed_lines(block, decoded);
    CHECK(block.lines.empty());
    text::DecodedText small = text::decode_text(huge.substr(0, 31), "UTF-8", "s.txt", d);
    text::add_printed_lines(block, small);
    CHECK(block.lines.size() == 1);
}

TEST_CASE("words: Latin text splits at white space, punctuation stays with its word") {
    CHECK(words("  By ROBERT OKAFOR, Courier Staff Writer ") ==
          std::vector<std::string>{"By", "_ROBERT", "_OKAFOR,", "_Courier", "_Staff", "_Writer"});
    CHECK(words("").empty());
    CHECK(words(" \t ").empty());
    CHECK(words("e-mail\xE3\x80\x80(x)") == std::vector<std::string>{"e-mail", "_(x)"});
}

TEST_CASE("words: CJK runs are cut with ICU word break, no SP between the words of a run") {
    const std::string line = "（上接1版）本报记者 周晓岚，通讯员李明";
    const auto spans = split_words(line);
    REQUIRE(spans.size() > 4);
    std::string joined;
    std::size_t with_space = 0;
    for (const WordSpan& w : spans) {
        joined += line.substr(w.begin, w.end - w.begin);
        with_space += w.space_before ? 1 : 0;
        CHECK(w.end > w.begin);
    }
    CHECK(joined == "（上接1版）本报记者周晓岚，通讯员李明");
    CHECK(with_space == 1);  // only before 周晓岚's run
    // Opening punctuation goes with the word after it, closing with the word before.
    CHECK(line.substr(spans[0].begin, 3) == "（");
    for (const WordSpan& w : spans) CHECK(line.substr(w.begin, 3) != "，");
}

TEST_CASE("words: letter-spaced CJK is told from words separated by spaces") {
    for (const char* word : {"执", "。", "，提", "磊）", "（下", "ア"}) CHECK(letter_spaced(word));
    for (const char* word : {"本报", "（下转", "2", "a", ",", "", "By"})
        CHECK(!letter_spaced(word));
}

TEST_CASE("words: a line-end hyphen breaks a word only between letters") {
    CHECK(hyphenated_word("coun-", "cil.") == "council");
    CHECK(hyphenated_word("Repre-", "sentatives,\u201d") == "Representatives");
    CHECK(hyphenated_word("stra\u00DF-", "e") == "stra\u00DFe");
    CHECK_FALSE(hyphenated_word("one-", "2024"));
    CHECK_FALSE(hyphenated_word("9-", "time"));
    CHECK_FALSE(hyphenated_word("-", "x"));
    CHECK_FALSE(hyphenated_word("coun", "cil"));
    CHECK_FALSE(hyphenated_word("coun-", ""));
    CHECK_FALSE(hyphenated_word("\xFF-", "a"));
}

TEST_CASE("words: invalid UTF-8 and lone punctuation do not break the split") {
    CHECK(words("\xFF\xFE abc") == std::vector<std::string>{"\xFF\xFE", "_abc"});
    CHECK(words("——") == std::vector<std::string>{"——"});
    CHECK(words("中\xFF文").size() >= 1);
}

}  // namespace paperbag
