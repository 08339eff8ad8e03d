// A one-line title under a headline that wrapped is its deck, not the headline under a kicker
// (issue 10, twelfth round): title_deck_wrap.hpp and the segmenter using it.
#include <doctest/doctest.h>

#include <string>

#include "import/segment_classify.hpp"
#include "import/title_deck_wrap.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;

using test::segment;

namespace {

text::Piece title_piece(std::size_t first_line, std::size_t last_line, std::size_t stack = 0) {
    text::Piece p;
    p.kind = text::PieceKind::title;
    p.first_line = first_line;
    p.last_line = last_line;
    p.stack = stack;
    return p;
}

}  // namespace

TEST_CASE("title deck wrap: a one-line title under a wrapped headline is its deck") {
    // The headline fills its line and wraps one character onto the next (as pdftotext prints
    // a headline too long for its column); the deck follows after a blank line, the body
    // right under the deck (no blank line: the spacing rule of title_deck_spacing is silent).
    const auto s = segment(
        "全国大学生运动会在北京工人体育场开\n"
        "    幕\n"
        "\n"
        "东道主代表团首日夺得两金\n"
        "  本报北京4月11日电 记者王明报道：全国大学生运动会今天\n"
        "上午在北京工人体育场开幕，来自全国各地的三千多名运动员\n"
        "参加开幕式。东道主代表团首日夺得两枚金牌。\n"
        "  代表们说，这次运动会的组织工作做得很好，赛场秩序井然。\n");
    REQUIRE(s.articles.size() == 1);
    CHECK_FALSE(s.articles[0].kicker.has_value());
    CHECK(s.articles[0].headline == "全国大学生运动会在北京工人体育场开幕");
    CHECK(s.articles[0].subtitle == "东道主代表团首日夺得两金");
}

TEST_CASE("title deck wrap: only a wrapped title over a one-line title") {
    using text::deck_under_wrapped_title;
    CHECK(deck_under_wrapped_title(title_piece(1, 2), title_piece(4, 4)));
    // A one-line title over another: a kicker over its headline, or a headline over its deck;
    // the lines alone do not tell, the cluster keeps its order.
    CHECK_FALSE(deck_under_wrapped_title(title_piece(1, 1), title_piece(3, 3)));
    // The title under a wrapped one wraps too: a second headline, not a deck.
    CHECK_FALSE(deck_under_wrapped_title(title_piece(1, 2), title_piece(4, 5)));
    // Lines of a tight stack (kicker, headline, deck printed as one block) keep their roles.
    CHECK_FALSE(deck_under_wrapped_title(title_piece(1, 2, 3), title_piece(4, 4)));
    CHECK_FALSE(deck_under_wrapped_title(title_piece(1, 2), title_piece(4, 4, 5)));
}
