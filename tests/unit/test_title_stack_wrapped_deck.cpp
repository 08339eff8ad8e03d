// A headline over a deck wrapped over two lines (issue 10, tenth round): title_stack.hpp's
// last_two_are_wrapped_deck and emit_stack in segment_classify.cpp.
#include <doctest/doctest.h>

#include <string>

#include "import/title_stack.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;

using test::segment;

namespace {

// Double-spaced bodies with a tight stack of three title lines between them.
std::string page_with_stack(const std::string& stack) {
    return "本报讯 全市今年新建公园二十座，市民\n\n"
           "休闲去处明显增多。\n\n"
           "（张力）\n\n" +
           stack +
           "\n\n"
           "本报南昌3月2日电 记者王明报道：全省今年\n\n"
           "春耕生产进展顺利，各地积极组织农民抢种\n\n"
           "早稻，农业部门派出技术人员下乡指导。\n";
}

}  // namespace

TEST_CASE("wrapped deck: the widths of a three-line stack") {
    CHECK(text::last_two_are_wrapped_deck(9, 16, 15));
    CHECK(text::last_two_are_wrapped_deck(15, 26, 26));
    // Kicker, headline and deck, each a phrase of its own width.
    CHECK_FALSE(text::last_two_are_wrapped_deck(14, 12, 14));
    CHECK_FALSE(text::last_two_are_wrapped_deck(11, 12, 13));
    // Wide lines of different widths are two parts, not one wrapped text.
    CHECK_FALSE(text::last_two_are_wrapped_deck(8, 16, 12.5));
}

TEST_CASE("wrapped deck: a headline over a two-line deck is no kicker") {
    const auto s =
        segment(page_with_stack("全省春耕进展顺利\n"
                                "各地组织农民抢种早稻技术人员下乡\n"
                                "帮助解决种子化肥供应中的实际困难"));
    REQUIRE(s.articles.size() == 2);
    const auto& a = s.articles[1];
    CHECK_FALSE(a.kicker.has_value());
    CHECK(a.headline == "全省春耕进展顺利");
    REQUIRE(a.subtitle.has_value());
    CHECK(a.subtitle->find("各地组织农民抢种早稻") == 0);
    CHECK(a.subtitle->find("实际困难") != std::string::npos);
}

TEST_CASE("wrapped deck: kicker, headline and deck stay three parts") {
    const auto s =
        segment(page_with_stack("农业部门派出技术人员下乡\n"
                                "全省春耕进展顺利\n"
                                "各地积极组织农民抢种早稻"));
    REQUIRE(s.articles.size() == 2);
    const auto& a = s.articles[1];
    CHECK(a.kicker == "农业部门派出技术人员下乡");
    CHECK(a.headline == "全省春耕进展顺利");
    CHECK(a.subtitle == "各地积极组织农民抢种早稻");
}
