// A deck set apart by blank lines above and below it, in single-spaced extractor output
// (issue 10, ninth round): title_deck_spacing.hpp and the segmenter using it.
#include <doctest/doctest.h>

#include <string>

#include "support/segment_text.hpp"

using namespace paperbag;

using test::segment;

namespace {

// A headline and its deck, each a block of its own (`mutool draw -F txt`), over a body.
const std::string spaced_deck =
    "全国大学生运动会今天开幕\n\n"
    "东道主代表团首日夺得两金\n\n"
    "本报北京4月11日电 记者王明报道：全国大学生运动会今天在北京开幕，\n"
    "东道主代表团首日夺得两枚金牌，各地代表团都很关注比赛。\n"
    "代表们说，这次运动会的组织工作做得很好。\n";

}  // namespace

TEST_CASE("title deck spacing: a deck set apart by blank lines is the subtitle") {
    const auto s = segment(spaced_deck);
    REQUIRE(s.articles.size() == 1);
    CHECK_FALSE(s.articles[0].kicker.has_value());
    CHECK(s.articles[0].headline == "全国大学生运动会今天开幕");
    CHECK(s.articles[0].subtitle == "东道主代表团首日夺得两金");
}

TEST_CASE("title deck spacing: under another title block the lines stay titles") {
    // Three title blocks one under the other: no deck is read into them.
    const auto s = segment(
        "本报举办读者座谈会\n\n"
        "全国大学生运动会今天开幕\n\n"
        "东道主代表团首日夺得两金\n\n"
        "本报北京4月11日电 记者王明报道：全国大学生运动会今天在北京开幕，\n"
        "东道主代表团首日夺得两枚金牌，各地代表团都很关注比赛。\n"
        "代表们说，这次运动会的组织工作做得很好。\n");
    REQUIRE(s.articles.size() == 1);
    CHECK_FALSE(s.articles[0].subtitle.has_value());
}
