// A two-line CJK title stack that is one headline wrapped inside a word (issue 10, eighth
// round): title_wrap.hpp and the segmenter using it on single-spaced extractor output.
#include <doctest/doctest.h>

#include <string>

#include "import/title_wrap.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

using test::segment;

TEST_CASE("title wrap: the pair across the break printed elsewhere") {
    const std::string page = "雷端读子诺特藤\n原建条余铮憾\n\n本报讯 会上，诺特藤原代表发言。\n";
    const std::string_view p = page;
    const std::string_view first = p.substr(0, p.find('\n') + 1);
    const std::string_view second =
        p.substr(first.size(), p.find('\n', first.size()) + 1 - first.size());
    CHECK(wrapped_inside_word(p, first, second));
    // Not there: two titles of their own.
    const std::string other = "全国大学生运动会开幕\n东道主队再夺两金\n\n本报讯 运动会今天开幕。\n";
    const std::string_view q = other;
    const std::string_view a = q.substr(0, q.find('\n') + 1);
    const std::string_view b = q.substr(a.size(), q.find('\n', a.size()) + 1 - a.size());
    CHECK_FALSE(wrapped_inside_word(q, a, b));
    // A break after punctuation or a digit is no word break.
    const std::string digits = "中昆绫蒋起活害\n4月20日发蒋\n\n本报讯 害4月20日发。\n";
    const std::string_view r = digits;
    const std::string_view c = r.substr(0, r.find('\n') + 1);
    const std::string_view d = r.substr(c.size(), r.find('\n', c.size()) + 1 - c.size());
    CHECK_FALSE(wrapped_inside_word(r, c, d));
}

TEST_CASE("title wrap: a wrapped headline in single-spaced text is one headline") {
    const auto s = segment(
        "雷端读子诺特藤\n"
        "原建条余铮憾\n\n"
        "本报北京4月11日电 记者王明报道：会上，\n"
        "诺特藤原代表团团长发言，介绍了本国的\n"
        "经济改革进展。\n");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "雷端读子诺特藤原建条余铮憾");
    CHECK_FALSE(s.articles[0].kicker.has_value());
}

TEST_CASE("title wrap: in double-spaced text two title lines stay two parts") {
    // The seed page's artefacts: every title part on a line of its own, no wrapped titles.
    const auto s = segment(
        "雷端读子诺特藤\n"
        "原建条余铮憾\n\n"
        "本报北京4月11日电 记者王明报道：会\n\n"
        "上，诺特藤原代表团团长发言，介绍了\n\n"
        "本国的经济改革进展，各方都很关注。\n\n"
        "代表们说，改革取得了很大的成绩。\n\n");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline != "雷端读子诺特藤原建条余铮憾");
}

TEST_CASE("title wrap: a kicker over a wrapped headline, a wrapped headline over a deck") {
    const auto s = segment(
        "国际乒联公布最新世界排名\n"
        "北京选手包揽男子\n"
        "单打前三名\n\n"
        "本报讯 国际乒联今天公布排名，北京选手包揽男子单打前三名，\n"
        "女子单打前十名中有七名中国选手。\n\n"
        "雷端读子诺特藤\n"
        "原建条余铮憾\n"
        "代表团今天抵达北京进行访问\n\n"
        "本报北京4月11日电 记者王明报道：会上，诺特藤原代表团团长\n"
        "发言，介绍了本国的经济改革进展。\n");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].kicker == "国际乒联公布最新世界排名");
    CHECK(s.articles[0].headline == "北京选手包揽男子单打前三名");
    CHECK_FALSE(s.articles[0].subtitle.has_value());
    CHECK_FALSE(s.articles[1].kicker.has_value());
    CHECK(s.articles[1].headline == "雷端读子诺特藤原建条余铮憾");
    CHECK(s.articles[1].subtitle == "代表团今天抵达北京进行访问");
}
