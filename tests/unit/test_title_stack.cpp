// Kicker + headline or headline + deck in a two-line CJK title stack (issue 10, seventh
// round): the conventions of title_stack.hpp and the segmenter using them.
#include <doctest/doctest.h>

#include <string>

#include "import/title_stack.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

using test::segment;

TEST_CASE("title stack: series numbers and bracketed decks") {
    CHECK(ends_in_series_number("全国大学生运动会第三场"));
    CHECK(ends_in_series_number("西部行第6站"));
    CHECK(ends_in_series_number("走进新农村系列报道之二"));
    CHECK_FALSE(ends_in_series_number("全国大学生运动会"));
    CHECK_FALSE(ends_in_series_number("比赛进入第二"));  // no counter after the numeral
    CHECK_FALSE(ends_in_series_number("第三"));
    CHECK(wholly_bracketed("（2002年第3号）"));
    CHECK(wholly_bracketed("(摘要)"));
    CHECK_FALSE(wholly_bracketed("（上）全国运动会开幕"));
    CHECK_FALSE(wholly_bracketed("（一）和（二）"));
}

TEST_CASE("title stack: which line is the headline") {
    // A colon or a series number ends a kicker, whatever the widths.
    CHECK_FALSE(stack_second_is_deck("赛场内外：", "冠军今日诞生", 5, 6));
    CHECK_FALSE(stack_second_is_deck("全国大学生运动会第三场", "东道主队再夺两金", 11, 14));
    // A bracketed second line numbers the headline above it: a deck, even when narrower.
    CHECK(stack_second_is_deck("中华人民共和国外交部公告", "（2002年第3号）", 12, 7.5));
    // Equal widths: a deck as wide as its headline (2 of 2 such stacks of the dev truth).
    CHECK(stack_second_is_deck("全国春季农田水利建设会召开", "各地检修灌排设施进度加快", 12, 12));
    CHECK_FALSE(stack_second_is_deck("全国春季农田水利建设会召开", "检修进度加快", 12, 6));
}

TEST_CASE("title stack: the segmenter reads equal-width and numbered stacks") {
    const auto s = segment(
        "全国春季农田水利建设会召开\n"
        "各地灌排设施检修进度正加快\n\n"
        "本报北京3月17日讯 全国春季农田灌排设施检修进展顺利，水利建设会今天召开。\n\n"
        "全国大学生运动会第三场\n"
        "东道主队在男女接力项目上再夺两枚金牌\n\n"
        "本报讯 全国大学生运动会昨天进入第三个比赛日，东道主队再夺两枚金牌。\n\n"
        "中华人民共和国外交部公告\n"
        "（2002年第3号）\n\n"
        "本报讯 中华人民共和国外交部今天发布公告，宣布有关事项。\n\n");
    REQUIRE(s.articles.size() == 3);
    CHECK(s.articles[0].headline == "全国春季农田水利建设会召开");
    CHECK(s.articles[0].subtitle == "各地灌排设施检修进度正加快");
    CHECK(s.articles[1].kicker == "全国大学生运动会第三场");
    CHECK(s.articles[1].headline == "东道主队在男女接力项目上再夺两枚金牌");
    CHECK(s.articles[2].headline == "中华人民共和国外交部公告");
    CHECK(s.articles[2].subtitle == "（2002年第3号）");
}
