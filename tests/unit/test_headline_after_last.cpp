// A headline printed after its article, right over a photo's caption, with no article after
// it on the page (issue 10, twelfth round: segment_page, headline linking). It may share no
// word with its article; placed where nothing below it can take it, it closes the article
// above.
#include <doctest/doctest.h>

#include <string>

#include "support/segment_text.hpp"

using namespace paperbag;

namespace {

const std::string first =
    "两国签署经济合作协定\n\n"
    "本报北京12月9日电 记者李华报道：\n\n"
    "两国政府今天在北京签署经济合作\n\n"
    "协定，双方将在能源、交通和农业\n\n"
    "等领域扩大合作。\n\n";

const std::string second =
    "本报讯 市图书馆新馆昨天开馆，\n\n"
    "首日接待读者八千多人次。馆内藏\n\n"
    "书三百万册，设有少儿阅览室。\n\n";

const std::string caption =
    "读者在新馆阅览室看书。\n"
    "本报记者 王明摄\n";

}  // namespace

TEST_CASE("headline after the last article: over a caption, it closes the article above") {
    const auto s = test::segment(first + second + "冬日里的书香\n\n" + caption);
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "两国签署经济合作协定");
    CHECK(s.articles[1].headline == "冬日里的书香");
    REQUIRE(s.illustrations.size() == 1);
}

TEST_CASE("headline after an article: an article below still takes it when it matches") {
    // The same title with an article after it: it heads that article (its words are there).
    const auto s = test::segment(first + second + "冬日里的书香\n\n" +
                                 "本报讯 冬日里的书香飘满社区，\n\n"
                                 "居民在书屋里读书。\n\n");
    REQUIRE(s.articles.size() == 3);
    CHECK_FALSE(s.articles[1].headline);
    CHECK(s.articles[2].headline == "冬日里的书香");
}
