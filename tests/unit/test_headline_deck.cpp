// Headline linking with the deck (issue 10): a headline that shares no characters with its
// article, printed away from it, is linked through its deck.
#include <doctest/doctest.h>

#include <string>

#include "support/segment_text.hpp"

using namespace paperbag;

TEST_CASE("headline link: a title stack printed after its article is linked by its deck") {
    // The second article's headline ("金秋好时节") names nothing of its text; its deck
    // does. The stack stands after the article, at the end of the page.
    const std::string page =
        "黄河下游防洪工程完成加固\n\n"
        "本报郑州10月8日电 黄河水利委员会日前宣布，黄河下游防洪工程已经全部完成加固，"
        "沿岸群众今年安全度汛有了保障。\n\n"
        "本报杭州10月8日电 杭州市旅游部门介绍，国庆假期西湖景区接待游客人数比去年增长两成，"
        "景区秩序良好。\n\n"
        "金秋好时节\n"
        "——西湖景区游客人数增长两成\n";
    const auto s = test::segment(page);
    REQUIRE(s.articles.size() == 2);
    REQUIRE(s.articles[0].headline);
    CHECK(*s.articles[0].headline == "黄河下游防洪工程完成加固");
    REQUIRE(s.articles[1].headline);
    CHECK(*s.articles[1].headline == "金秋好时节");
    REQUIRE(s.articles[1].subtitle);
    CHECK(*s.articles[1].subtitle == "西湖景区游客人数增长两成");
}
