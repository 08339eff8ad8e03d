// A kicker with clause punctuation over its headline (issue 10, twelfth round): an
// enumeration ("北京、天津两市") or a colon ("赛场内外：") printed tight over a title line in
// double-spaced text is the stack's kicker, not a one-line article (title_kicker.hpp).
#include <doctest/doctest.h>

#include <string>

#include "import/title_kicker.hpp"
#include "import/title_stack.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

TEST_CASE("title kicker: which lines may be a kicker with punctuation") {
    CHECK(punctuated_kicker("北京、天津两市"));
    CHECK(punctuated_kicker("赛场内外："));
    CHECK(punctuated_kicker("专访：北京、天津两市的校长"));
    CHECK_FALSE(punctuated_kicker("北京天津两市"));            // no punctuation: a title line
    CHECK_FALSE(punctuated_kicker("他说，今天的比赛很精彩"));  // a comma: running text
    CHECK_FALSE(punctuated_kicker("北京、天津两市的学生。"));  // a sentence end
    CHECK_FALSE(punctuated_kicker("甲：乙：丙"));              // two colons: a dialogue
    CHECK_FALSE(punctuated_kicker("Note: the weather"));       // Latin
    CHECK_FALSE(punctuated_kicker(""));
}

TEST_CASE("title kicker: the line with the punctuation is the kicker of a two-line stack") {
    // Whatever the widths: a headline carries no clause punctuation.
    CHECK_FALSE(stack_second_is_deck("北京、天津两市", "六十万学生告别危旧校舍", 7, 11));
    CHECK(stack_second_is_deck("六十万学生告别危旧校舍", "北京、天津两市", 11, 7) ==
          stack_second_is_deck("六十万学生告别危旧校舍", "北京天津两市", 11, 6.5));
}

TEST_CASE("title kicker: a punctuated kicker tight over its headline is no article") {
    const std::string page =
        "中小学校舍改造完成\n\n"
        "本报讯 今年全国中小学校舍改造\n\n"
        "工程已经基本完成，各地学校开\n\n"
        "学前全部投入使用。 （下转 10 版）\n\n"
        "北京、天津两市\n"
        "六十万学生告别危旧校舍\n\n"
        "本报北京4月17日讯 记者王明\n\n"
        "报道：北京、天津两市今年九月\n\n"
        "一日前，约六十万名中小学生将\n\n"
        "告别危旧校舍，搬进新建的教学\n\n"
        "楼。\n\n"
        "赛场内外：\n"
        "冠军今日诞生\n\n"
        "本报讯 全国大学生运动会今天\n\n"
        "进入决赛阶段，各项冠军将于今\n\n"
        "日晚间产生。\n\n";
    const auto s = test::segment(page);
    REQUIRE(s.articles.size() == 3);
    CHECK(s.articles[0].headline == "中小学校舍改造完成");
    CHECK(s.articles[1].kicker == "北京、天津两市");
    CHECK(s.articles[1].headline == "六十万学生告别危旧校舍");
    CHECK(s.articles[2].kicker == "赛场内外：");
    CHECK(s.articles[2].headline == "冠军今日诞生");
}

TEST_CASE("title kicker: a stack whose kicker names nothing of the article links by its headline") {
    // Kicker + headline printed at the page end, after a photo caption: the kicker shares
    // nothing with the article, the headline half of its bigrams (headline linking takes
    // the better of the stack and its headline alone).
    const std::string page =
        "黄河下游防洪工程完成加固\n\n"
        "本报郑州10月8日电 黄河水利委员\n\n"
        "会日前宣布，黄河下游防洪工程已\n\n"
        "经全部完成加固。\n\n"
        "本报杭州10月8日电 杭州市旅游部\n\n"
        "门介绍，国庆假期西湖景区接待游\n\n"
        "客人数比去年增长两成。\n\n"
        "图为游人在湖边拍照。 王明 摄\n\n"
        "节日里的好消息纷纷传来\n"
        "西湖游客多\n";
    const auto s = test::segment(page);
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "黄河下游防洪工程完成加固");
    CHECK(s.articles[1].kicker == "节日里的好消息纷纷传来");
    CHECK(s.articles[1].headline == "西湖游客多");
}
