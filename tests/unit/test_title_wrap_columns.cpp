// A one-column headline wrapped onto a second, centred line in text read column by column
// (pdftotext -layout; issue 10, tenth round): title_wrap_columns.hpp and the segmenter using it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "import/segment_classify.hpp"
#include "import/text_repair.hpp"
#include "import/title_wrap_columns.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;

using test::segment;

namespace {

// Two columns side by side: the left article's headline fills its column's first line and
// its rest is centred under it; the right article's headline is one centred line.
const std::string wrapped_layout =
    "全国大学生运动会今天在北京       东湖公园今起开放\n"
    "    隆重开幕\n"
    "  本报北京4月11日电 记者     本报讯 东湖公园经过三个\n"
    "王明报道：全国大学生运动会     月的改造，今天起向市民免费\n"
    "今天上午在北京工人体育场开     开放，开放时间为每天六时至\n"
    "幕，来自全国各地的三千多名     二十二时，节假日延长到二十\n"
    "运动员参加开幕式。东道主代     三时，并提供免费饮水和休息\n"
    "表团首日夺得两枚金牌，各地     座椅。管理处表示，将增派人\n"
    "代表团都很关注后面的比赛。     员疏导游客，维护园内秩序。\n"
    "  代表们说，这次运动会的组\n"
    "织工作做得很好，赛场秩序井\n"
    "然。\n";

}  // namespace

TEST_CASE("title wrap columns: a headline wrapped across its column is one headline") {
    const auto s = segment(wrapped_layout);
    REQUIRE(s.articles.size() == 2);
    CHECK_FALSE(s.articles[0].kicker.has_value());
    CHECK(s.articles[0].headline == "全国大学生运动会今天在北京隆重开幕");
    CHECK(s.articles[1].headline == "东湖公园今起开放");
}

TEST_CASE("title wrap columns: a narrower first line stays a title of its own") {
    // The first line is centred and narrower than the column: a kicker over its headline.
    std::string page = wrapped_layout;
    const std::string wide = "全国大学生运动会今天在北京";
    page.replace(page.find(wide), wide.size(), "  全国大学生运动会    ");
    const auto s = segment(page);
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline != "全国大学生运动会隆重开幕");
}
TEST_CASE("title wrap columns: Latin words of a wrapped headline are joined with a space") {
    // The pieces of an English headline filling its column and its centred rest, then the
    // body: one title whose words keep their space ("TAKE CAR", not "TAKECAR").
    const std::string text =
        "FARES SLUG TAXI DRIVER AND TAKE\n"
        "              CAR\n"
        "NEW YORK, Aug. 19.-Two men who had\n";
    const std::size_t second = text.find("   ");
    const std::size_t third = text.find("NEW");
    const auto piece = [&](text::PieceKind kind, std::size_t begin, std::size_t end,
                           std::size_t line, std::string_view printed) {
        text::Piece p;
        p.kind = kind;
        p.begin = begin;
        p.end = end;
        p.first_line = p.last_line = line;
        p.text = std::string(printed);
        p.width = text::line_width(printed);
        return p;
    };
    std::vector<text::Piece> pieces{
        piece(text::PieceKind::title, 0, second, 1, "FARES SLUG TAXI DRIVER AND TAKE"),
        piece(text::PieceKind::title, second, third, 2, "CAR"),
        piece(text::PieceKind::body, third, text.size(), 3, "NEW YORK, Aug. 19.-Two men who had")};
    text::join_wrapped_column_titles(pieces, text);
    REQUIRE(pieces.size() == 2);
    CHECK(pieces[0].text == "FARES SLUG TAXI DRIVER AND TAKE CAR");
    CHECK(pieces[0].last_line == 2);
}
