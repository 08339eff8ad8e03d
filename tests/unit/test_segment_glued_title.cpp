// Titles printed with no blank line above their body (segment_blocks, issue 10): pdftotext's
// default mode writes a short item's headline right above its first body line, which is set
// narrower than the column by the paragraph indent.
#include <doctest/doctest.h>

#include <string>

#include "support/segment_text.hpp"

using namespace paperbag;

namespace {

using test::segment;

}  // namespace

TEST_CASE("paragraphs: a CJK title glued to the indented first line of its body") {
    const std::string page =
        "南昌跨江大桥建成通车\n"
        "南昌新建的跨江大桥今天\n"
        "正式通车。大桥全长三公里，双\n"
        "向六车道，从城东到城西只需十\n"
        "分钟。\n"
        "\n"
        "赣南脐橙喜获丰收\n"
        "赣南各地的脐橙今年喜获\n"
        "丰收，果农收入普遍增加。全区\n"
        "脐橙种植面积达到一百万亩。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "南昌跨江大桥建成通车");
    CHECK(s.articles[0].body_text().find("南昌新建的跨江大桥今天正式通车") == 0);
    CHECK(s.articles[1].headline == "赣南脐橙喜获丰收");
    CHECK(s.articles[1].body_text().find("赣南各地的脐橙") == 0);
}

TEST_CASE("paragraphs: a block's first line without punctuation above a full line stays body") {
    // The rest of a paragraph printed as a block of its own: its first line has no
    // punctuation but the line under it is not indented, so it is no title.
    const std::string page =
        "南昌跨江大桥建成通车\n"
        "\n"
        "南昌新建的跨江大桥今天\n"
        "正式通车。大桥全长三公里，双\n"
        "向六车道，从城东到城西只需十\n"
        "分钟。\n"
        "\n"
        "大桥由省交通设计院设计建造\n"
        "施工单位克服了汛期洪水等困难\n"
        "提前半年完成了全部工程。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "南昌跨江大桥建成通车");
    CHECK(s.articles[0].body_text().find("设计建造") != std::string::npos);
}
