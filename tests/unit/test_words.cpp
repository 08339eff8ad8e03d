// split_words: the words of a printed line for ALTO Strings.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/words.hpp"

namespace paperbag {

namespace {

std::vector<std::string> words(std::string_view line) {
    std::vector<std::string> out;
    for (const WordSpan& w : split_words(line))
        out.push_back((w.space_before ? "_" : "") +
                      std::string(line.substr(w.begin, w.end - w.begin)));
    return out;
}

}  // namespace

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

TEST_CASE("words: invalid UTF-8 and lone punctuation do not break the split") {
    CHECK(words("\xFF\xFE abc") == std::vector<std::string>{"\xFF\xFE", "_abc"});
    CHECK(words("——") == std::vector<std::string>{"——"});
    CHECK(words("中\xFF文").size() >= 1);
}

}  // namespace paperbag
