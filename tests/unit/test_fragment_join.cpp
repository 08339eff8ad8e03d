// Blocks printed out of reading order (fragment_join, issue 10): pdftotext's default mode
// prints a column of one article, then another article's headline and lead, then the rest
// of the first article as a block of its own.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "import/fragment_join.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

using test::segment;

const std::string lake =
    "鄱阳湖区治理工程经过三年建设，今天全面完工。工程共加固湖区堤防四百多公里，新建排涝泵站"
    "二十座。治理工程开工以来，完成土石方三千万立方米，建成了湖";
const std::string orchard =
    "赣南各地的脐橙今年喜获丰收，果农收入普遍增加。今年全区脐橙种植面积达到一百万亩，产量比去年增";

}  // namespace

TEST_CASE("fragment join: the junction bigram names the article a fragment goes on with") {
    // "湖" + "区": a word of the article cut by the column break.
    CHECK(junction_joins(lake, "区第二道防线，并在湖区堤防沿线种植防浪林带。", lake));
    CHECK_FALSE(junction_joins(orchard, "区第二道防线，并在湖区堤防沿线种植防浪林带。", orchard));
    // A Latin word hyphenated at the column break.
    CHECK(junction_joins("the water was ex-", "pected to fall", ""));
    CHECK_FALSE(junction_joins("the water was ex-", "Pected to fall", ""));
}

TEST_CASE("fragment join: the open article with the junction and the cohesion wins") {
    const Fragment fragment{"区第二道防线，并在湖区堤防沿线种植防浪林带一千公里。", 13};
    const OpenArticle a{lake, "建成了湖", 13, true};
    const OpenArticle c{orchard, "产量比去年增", 13, true};
    // The fragment would join the orchard article (reading order); the lake article beats it.
    CHECK(continued_article(fragment, {a}, &c, 0.0, open_here_margin) == 0);
    // Alone, the orchard article is no candidate to take it from the lake article.
    CHECK(continued_article(fragment, {c}, &a) == -1);
    // Set to another measure: not the same column.
    const OpenArticle wide{lake, "建成了湖", 24, true};
    CHECK(continuation_score(fragment, wide) < 0);
    CHECK(continued_article(fragment, {wide}, &c) == -1);
    // Title lines read as body (no title above, no clause punctuation) are no article.
    const OpenArticle title_lines{"鄱阳湖区治理工程全面完工湖区堤防", "湖区堤防", 13, false};
    CHECK(continuation_score(fragment, title_lines) < 0);
    // After a title, a new article starts unless a candidate reaches the floor.
    const Fragment unrelated{"城西菜市场清晨开始营业，供应蔬菜水果。", 13};
    CHECK(continued_article(unrelated, {a, c}, nullptr, after_title_score) == -1);
}

TEST_CASE("fragment join: a paragraph that starts inside a sentence") {
    CHECK(starts_inside_sentence("区第二道防线，并在湖区堤防", 13, 13, true));
    // Indented first line: a paragraph of its own.
    CHECK_FALSE(starts_inside_sentence("果农们说，脐橙丰收靠的", 11, 13, true));
    // One line says nothing about its indent.
    CHECK_FALSE(starts_inside_sentence("区第二道防线，并在湖区堤防", 13, 13, false));
    CHECK(starts_inside_sentence("pected to fall by noon", 20, 30, false));
    CHECK_FALSE(starts_inside_sentence("Water fell by noon", 20, 30, true));
}

TEST_CASE("fragment join: columns of two articles and a headline read out of order") {
    // pdftotext: article A stops at "建成了湖", article C's headline and first lines follow and
    // stop at "比去年增", then the headline of article D, then the rest of A, the rest of C and
    // D's body. Each block goes back to the article it continues; D keeps its headline.
    const std::string page =
        "鄱阳湖区治理工程全面完工\n"
        "本报南昌7月22日电 \n"
        "记者王明报道：鄱阳湖区治理\n"
        "工程经过三年建设，今天全面\n"
        "完工。工程共加固湖区堤防四\n"
        "百多公里，新建排涝泵站二十\n"
        "座，湖区百万群众从此告别年\n"
        "年防汛的日子。\n"
        "治理工程开工以来，湖区\n"
        "各县组织民工十万人，完成土\n"
        "石方三千万立方米，建成了湖\n"
        "\n"
        "赣南脐橙喜获丰收\n"
        "本报讯 赣南各地的脐橙\n"
        "今年喜获丰收，果农收入普遍\n"
        "增加。今年全区脐橙种植面积\n"
        "达到一百万亩，产量比去年增\n"
        "\n"
        "南昌新建跨江大桥通车\n"
        "\n"
        "区第二道防线，并在湖区堤防\n"
        "沿线种植防浪林带一千公里。\n"
        "省水利厅负责人说，治理\n"
        "工程完工后，湖区将转入日常\n"
        "管护，堤防管理人员已经全部\n"
        "到岗。\n"
        "\n"
        "长三成，果品远销国内外。\n"
        "果农们说，脐橙丰收靠的\n"
        "是科学种植，县里的技术员常\n"
        "年在果园里指导修剪施肥和防\n"
        "治病虫害，使脐橙的品质年年\n"
        "提高。\n"
        "\n"
        "本报讯 南昌新建的跨江\n"
        "大桥今天正式通车。大桥全长\n"
        "三公里，双向六车道，从城东\n"
        "到城西只需十分钟。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 3);
    CHECK(s.articles[0].headline == "鄱阳湖区治理工程全面完工");
    CHECK(s.articles[0].body_text().find("第二道防线") != std::string::npos);
    CHECK(s.articles[0].body_text().find("全部到岗") != std::string::npos);
    CHECK(s.articles[0].body_text().find("脐橙") == std::string::npos);
    CHECK(s.articles[1].headline == "赣南脐橙喜获丰收");
    CHECK(s.articles[1].body_text().find("长三成") != std::string::npos);
    CHECK(s.articles[1].body_text().find("年年提高") != std::string::npos);
    CHECK(s.articles[1].body_text().find("湖区") == std::string::npos);
    CHECK(s.articles[2].headline == "南昌新建跨江大桥通车");
    CHECK(s.articles[2].body_text().find("跨江大桥今天正式通车") != std::string::npos);
}
