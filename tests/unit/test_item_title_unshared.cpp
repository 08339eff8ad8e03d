// A short item's inline headline that shares no word with the article before it (issue 10,
// twelfth round: plain pdftotext): a third of its n-grams in its own paragraphs is enough.
#include <doctest/doctest.h>

#include <string>

#include "import/item_title.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using test::segment;
using text::title_starts_item;

TEST_CASE("item titles: a title that shares nothing with the article before it") {
    // 2 of the title's 7 bigrams (赣南, 丰收) are in the paragraph after it: 0.29.
    const std::string after = "赣南各地的果农今年再迎丰收，收入普遍增加。\n";
    const std::string before = "东湖公园经过三个月的改造，今天起向市民免费开放。\n";
    CHECK(title_starts_item("赣南脐橙喜获丰收", 8, before, after, 13));
    // One shared bigram with the article before it: a crosshead may be, the bar stays 0.4.
    CHECK_FALSE(
        title_starts_item("赣南脐橙喜获丰收", 8, before + "公园里的花也喜获丰收。\n", after, 13));
    // Too little in common with what follows (1 of 7).
    CHECK_FALSE(
        title_starts_item("赣南脐橙喜获丰收", 8, before, "赣南各地的果农今年收入增加。\n", 13));
    // As wide as the column: a body line read as a title.
    CHECK_FALSE(title_starts_item("赣南脐橙喜获丰收", 12, before, after, 13));
}

TEST_CASE("item titles: pdftotext's short item after a datelined dispatch") {
    // The dispatch ends its sentence; the next item's headline stands on its own line after a
    // blank line, glued to its body (no blank line, the first line narrower by the indent),
    // and names a third of what its body says.
    const std::string page =
        "东湖公园今起开放\n"
        "据新华社武汉5月2日电 东\n"
        "湖公园经过三个月的改造，今天\n"
        "起向市民免费开放。园内新增步\n"
        "道三条，种植樱花八百余株。\n"
        "\n"
        "赣南脐橙喜获丰收\n"
        "赣南各地的果农今年再迎\n"
        "丰收，收入普遍增加。全区果园\n"
        "面积达到一百万亩，远销各地市\n"
        "场。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "东湖公园今起开放");
    CHECK(s.articles[0].body_text().find("果农") == std::string::npos);
    CHECK(s.articles[1].headline == "赣南脐橙喜获丰收");
    CHECK(s.articles[1].body_text().find("赣南各地的果农") == 0);
}
