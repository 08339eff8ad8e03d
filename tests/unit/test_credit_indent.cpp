// A photo credit printed on a line of its own, indented under its caption (a column reader
// keeps the indent: pdftotext -layout), is the caption's credit, not a byline that opens an
// article with no body (issue 10, twelfth round; segment_blocks.cpp, segment_classify.cpp).
#include <doctest/doctest.h>

#include <string>

#include "support/segment_text.hpp"

using namespace paperbag;

using test::segment;

namespace {

std::string page_with_credit(const std::string& credit_line) {
    return "   本报北京4月14日电记者王明报道：中国田径队今天在\n"
           "亚洲锦标赛上获得四枚金牌，日本队获得三枚金牌。\n"
           "\n"
           "←4月13日，中国选手在女子一百米决赛中冲过终点。\n" +
           credit_line +
           "\n"
           "\n"
           "足球联赛北京队获胜\n"
           "   本报上海4月14日电记者张华报道：全国足球联赛今天在\n"
           "上海进行，北京队以三比零战胜上海队。\n";
}

}  // namespace

TEST_CASE("credit indent: an indented credit line ends its caption") {
    const auto s = segment(page_with_credit("        本报记者 李明摄"));
    CHECK(s.articles.size() == 2);
    REQUIRE(s.illustrations.size() == 1);
    CHECK(s.illustrations[0].caption == "←4月13日，中国选手在女子一百米决赛中冲过终点。");
    for (const auto& article : s.articles) CHECK_FALSE(article.body.empty());
}

TEST_CASE("credit indent: the same credit flush left reads the same") {
    const auto flush = segment(page_with_credit("本报记者 李明摄"));
    const auto indented = segment(page_with_credit("        本报记者 李明摄"));
    REQUIRE(flush.illustrations.size() == 1);
    REQUIRE(indented.illustrations.size() == 1);
    CHECK(flush.illustrations[0].credit == indented.illustrations[0].credit);
    CHECK(flush.articles.size() == indented.articles.size());
}

TEST_CASE("credit indent: an indented byline line is still a byline") {
    const auto s = segment(
        "足球联赛北京队获胜\n"
        "        本报记者 张华\n"
        "   全国足球联赛今天在上海进行，北京队以三比零战胜上海队。\n"
        "观众说，这场比赛十分精彩。\n");
    REQUIRE(s.articles.size() == 1);
    REQUIRE(s.articles[0].bylines.size() == 1);
    CHECK(s.illustrations.empty());
}
