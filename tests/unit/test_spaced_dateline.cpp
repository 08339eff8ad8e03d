// A dateline on a justified line that pdftotext writes letter-spaced, digits included
// ("本 报 北 京 5 月 20 日" / "讯记者…报道："), is matched without its spaces (issue 10,
// twelfth round: plain pdftotext).
#include <doctest/doctest.h>

#include <string>

#include "import/patterns.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using test::segment;

TEST_CASE("spaced dateline: wide characters and digits spaced apart") {
    const auto& p = text::patterns_for("zh-Hans");
    const std::string lead = "本 报 北 京 5 月 20 日\n讯记者王明报道：中国队今天";
    const auto m = p.at_start(text::PatternKind::dateline, lead);
    REQUIRE(m.has_value());
    CHECK(lead.substr(m->begin, m->end - m->begin).find("讯") != std::string::npos);
    // Digits spaced apart from Latin text are left alone.
    CHECK_FALSE(p.at_start(text::PatternKind::dateline, "Room 5 of 20 is open").has_value());
}

TEST_CASE("spaced dateline: a second item opens at its letter-spaced dateline") {
    const std::string page =
        "南昌跨江大桥建成通车\n"
        "\n"
        "本报南昌5月19日讯 南昌新建\n"
        "的跨江大桥今天正式通车。大桥\n"
        "全长三公里，双向六车道。\n"
        "\n"
        "本 报 北 京 5 月 20 日\n"
        "讯记者王明报道：中国女排\n"
        "今天在日本结束的比赛中以三比\n"
        "零战胜日本队，获得第三名。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].body_text().find("女排") == std::string::npos);
    REQUIRE(s.articles[1].dateline.has_value());
    CHECK(s.articles[1].body_text().find("中国女排") == 0);
}
