// Short items of a news-in-brief (短讯) column as pdftotext's default mode prints them (issue
// 10, tenth round): no indents, a headline glued to its first body line, a headline wrapped
// onto a short line of its own, a justified first line written letter-spaced, and an item's
// first lines cut off from the rest of its body by the next item's headline.
#include <doctest/doctest.h>

#include <string>

#include "support/segment_text.hpp"

using namespace paperbag;

namespace {

using test::segment;

// A finished first item, printed before the item each case is about.
const std::string bridge_item =
    "南昌跨江大桥建成通车\n"
    "南昌新建的跨江大桥今天\n"
    "正式通车。大桥全长三公里，双\n"
    "向六车道，从城东到城西只需十\n"
    "分钟。\n"
    "\n";

}  // namespace

TEST_CASE("pdftotext items: a headline after an item cut inside its sentence opens an item") {
    // The first item stops inside a sentence (its rest is printed further down the column):
    // the next headline names what its own paragraph says, so it is the next item's headline,
    // not a box read into the first item's sentence.
    const std::string page =
        "南昌跨江大桥建成通车\n"
        "\n"
        "南昌新建的跨江大桥今天\n"
        "正式通车。大桥全长三公里，\n"
        "\n"
        "赣南脐橙喜获丰收\n"
        "赣南各地的脐橙今年喜获\n"
        "丰收，果农收入普遍增加。全区\n"
        "脐橙种植面积达到一百万亩。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "南昌跨江大桥建成通车");
    CHECK(s.articles[0].body_text().find("赣南") == std::string::npos);
    CHECK(s.articles[1].headline == "赣南脐橙喜获丰收");
    CHECK(s.articles[1].body_text().find("赣南各地的脐橙") == 0);
}

TEST_CASE("pdftotext items: a wrapped headline glued to its body's first line") {
    // The headline fills the column and wraps its last character onto a line of its own; the
    // body's first line starts right under it, narrower by the dropped paragraph indent.
    const std::string page = bridge_item +
                             "赣南各县脐橙种植面积达到百万\n"
                             "亩\n"
                             "据江西日报报道赣南各地\n"
                             "的脐橙今年喜获丰收，果农收入\n"
                             "普遍增加。全区脐橙种植面积达\n"
                             "到一百万亩。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].body_text().find("脐橙") == std::string::npos);
    CHECK(s.articles[1].headline == "赣南各县脐橙种植面积达到百万亩");
    CHECK(s.articles[1].body_text().find("据江西日报报道") == 0);
}

TEST_CASE("pdftotext items: a headline glued to a letter-spaced first line") {
    // The body's first line is justified to the column less its indent, which pdftotext
    // writes as spaces between the characters: its width says nothing, but the headline is
    // clearly narrower than the column and names what the lines under it say.
    const std::string page = bridge_item +
                             "赣南脐橙喜获丰收\n"
                             "赣 南 各 地 的 脐 橙 今 年 喜\n"
                             "获丰收，果农收入普遍增加。全区\n"
                             "脐橙种植面积达到一百万亩，赣南\n"
                             "脐橙远销各地。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[1].headline == "赣南脐橙喜获丰收");
    CHECK(s.articles[1].body_text().find("赣南各地的脐橙") == 0);
}

TEST_CASE("pdftotext items: a block's first lines that a letter-spaced line follows stay body") {
    // A block that starts with a body line without punctuation, as wide as the column, above a
    // letter-spaced line: no title (it is not clearly narrower than the column).
    const std::string page =
        "南昌跨江大桥建成通车\n"
        "\n"
        "南昌新建的跨江大桥今天正式\n"
        "通车大桥全长三公里双向六车道\n"
        "从 城 东 到 城 西 只 需 十 分 钟\n"
        "大桥由省交通设计院设计建造。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].body_text().find("南昌新建的跨江大桥今天正式") == 0);
}

TEST_CASE("pdftotext items: a wrapped headline right above its dateline is one headline") {
    // Two lines without punctuation printed in the body's block right above the dateline, the
    // second narrower: the headline wrapped, not a kicker over a headline.
    const std::string page =
        "南昌跨江大桥建成通车\n"
        "\n"
        "南昌新建的跨江大桥今天正式\n"
        "通车。大桥全长三公里，双向六\n"
        "车道。\n"
        "\n"
        "赣南各县脐橙种植面积达到一百\n"
        "万亩果农增收\n"
        "本报赣州5月3日电 赣南各地的\n"
        "脐橙今年喜获丰收，果农收入普\n"
        "遍增加。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[1].headline == "赣南各县脐橙种植面积达到一百万亩果农增收");
    CHECK_FALSE(s.articles[1].kicker);
    CHECK(s.articles[1].dateline == "本报赣州5月3日电");
}

TEST_CASE("pdftotext items: a dateline with a justified line's space inside its place name") {
    // The dateline's line is justified, and pdftotext writes the stretched gap as a space
    // inside the place name ("新华社伦 敦12" / "月24日电"): still a dateline, so the title
    // above it starts a new article.
    const std::string page =
        "南昌跨江大桥建成通车\n"
        "\n"
        "南昌新建的跨江大桥今天正式\n"
        "通车。大桥全长三公里，双向六\n"
        "车道。\n"
        "\n"
        "英国举行大选\n"
        "新华社伦 敦12\n"
        "月24日电（记者王明）英国今天\n"
        "举行大选，投票率较上次略高。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[1].headline == "英国举行大选");
    REQUIRE(s.articles[1].dateline);
    CHECK(s.articles[1].dateline->find("月24日电") != std::string::npos);
}
