// Segmenter layout rules for the known weak spots: captions without a credit line, and the
// column estimate of very short articles.
#include <doctest/doctest.h>

#include "import/segment_page.hpp"
#include "import/text_decode.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

using test::segment;

// A double-spaced page: one article, then a photo headline with a caption and no credit.
const std::string article_zh =
    "西河镇部署春耕生产\n\n"
    "本报讯 西河镇近日召开春耕生产动员\n\n"
    "大会，部署全年粮食生产任务。会议要\n\n"
    "求各村抓紧做好春耕备耕各项工作，\n\n"
    "确保粮食播种面积稳定在去年水平。\n\n";

}  // namespace

TEST_CASE("captions: a caption with a picture marker and no credit is a caption") {
    for (const std::string caption :
         {"图为市民在南湖公园赏荷。\n", "5月15日，市民在南湖公园赏荷。（图）\n",
          "图：市民在南湖公园赏荷。\n"}) {
        CAPTURE(caption);
        const auto seg = segment(article_zh + "南湖公园荷花盛开\n" + caption);
        REQUIRE(seg.articles.size() == 1);
        CHECK(seg.articles[0].headline == "西河镇部署春耕生产");
        REQUIRE(seg.illustrations.size() == 1);
        CHECK(seg.illustrations[0].headline == "南湖公园荷花盛开");
        CHECK_FALSE(seg.illustrations[0].credit.has_value());
        CHECK(seg.illustrations[0].caption.find("市民在南湖公园赏荷") != std::string::npos);
    }
}

TEST_CASE("captions: English picture markers") {
    const std::string page =
        "Mill reopens after two years\n\nMILLTOWN — The mill reopened on Friday after a long\n"
        "closure, officials said. Workers returned in the morning.\n\n"
        "Ducks return to Riverside Park\n\nPictured: children feed the ducks at Riverside Park.\n";
    const auto seg = segment(page, "en");
    REQUIRE(seg.articles.size() == 1);
    REQUIRE(seg.illustrations.size() == 1);
    CHECK(seg.illustrations[0].headline == "Ducks return to Riverside Park");
    CHECK(seg.illustrations[0].caption == "Pictured: children feed the ducks at Riverside Park.");
}

TEST_CASE("captions: a marker inside an article's body does not cut the article") {
    const auto seg = segment(
        "本报讯 西河镇近日召开春耕生产动员\n\n"
        "大会。图为会议现场的情况介绍，会议\n\n"
        "要求各村抓紧做好春耕备耕各项工作，\n\n"
        "确保粮食播种面积稳定在去年水平。\n");
    CHECK(seg.illustrations.empty());
    REQUIRE(seg.articles.size() == 1);
    CHECK(seg.articles[0].body_text().find("图为会议现场") != std::string::npos);
}

TEST_CASE("captions: a short report without marker stays an article") {
    const auto seg =
        segment(article_zh + "东山县新建学校十二所\n\n本报讯 东山县今年新建学校十二所。\n");
    CHECK(seg.illustrations.empty());
    CHECK(seg.articles.size() == 2);
}

TEST_CASE("column: a two-line article under a headline wider than its column") {
    // One paragraph whose first line ends a sentence at the full 14-cell column. Measured
    // with the 21-cell headline, that line would look short and end the paragraph.
    const auto seg = segment(
        "全市春耕生产全面铺开各地抢抓农时不误春光\n\n"
        "西河镇近日召开春耕生产动员大会。\n\n"
        "会议部署全年粮食生产各项任务。\n");
    REQUIRE(seg.articles.size() == 1);
    CHECK(seg.articles[0].headline == "全市春耕生产全面铺开各地抢抓农时不误春光");
    CHECK(seg.articles[0].body.size() == 1);
}

TEST_CASE("column: a short article under a headline wider than its column, two paragraphs") {
    // The headline is wider than the 13-cell column; the article has two paragraphs of
    // two lines each. The estimate must come from the body lines, not the headline.
    const auto seg = segment(
        "全市春耕生产全面铺开各地抢抓农时不误春光\n\n"
        "本报讯 西河镇近日召开春耕动员\n\n"
        "大会，部署粮食生产任务。\n\n"
        "会议要求各村抓紧做好春耕\n\n"
        "备耕工作。\n");
    REQUIRE(seg.articles.size() == 1);
    CHECK(seg.articles[0].headline == "全市春耕生产全面铺开各地抢抓农时不误春光");
    CHECK(seg.articles[0].body.size() == 2);
}
