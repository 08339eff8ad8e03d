// Notice and advertisement boxes are page furniture, not articles (issue 10, twelfth round):
// notice_box.hpp and the segmenter using it.
#include <doctest/doctest.h>

#include <string>

#include "import/notice_box.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;

using test::segment;

namespace {

const std::string article =
    "全国足球联赛北京队获胜\n"
    "\n"
    "   本报上海4月14日电记者张华报道：全国足球联赛今天在\n"
    "上海进行，北京队以三比零战胜上海队。\n"
    "   观众说，这场比赛十分精彩。\n";

// A notice box printed over the article, centred lines (as pdftotext -layout keeps them): a
// label, the notice, and a slogan that the pattern tables know as furniture.
std::string page_with_box(const std::string& notice) {
    return "   新书预告\n" + notice +
           "\n"
           "  各地新华书店有售\n"
           "\n" +
           article;
}

}  // namespace

TEST_CASE("notice box: a box of short lines without a sentence is no article") {
    const auto s = segment(page_with_box("《世界知识年鉴》即将出版"));
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "全国足球联赛北京队获胜");
    const Block* box = test::block_with(s, "即将出版");
    REQUIRE(box != nullptr);
    CHECK(box->kind == BlockKind::furniture);
}

TEST_CASE("notice box: a short item that ends a sentence stays an article") {
    const auto s = segment(page_with_box("《世界知识年鉴》即将出版。"));
    CHECK(s.articles.size() == 2);
}

TEST_CASE("notice box: the text test") {
    using text::reads_as_notice;
    CHECK(reads_as_notice("新书预告《世界知识年鉴》即将出版"));
    CHECK(reads_as_notice("19:00新闻联播19:30天气预报"));
    CHECK(reads_as_notice("LAUNDRY WORK CALLED FOR"));
    CHECK_FALSE(reads_as_notice("北京今天晴。"));
    CHECK_FALSE(reads_as_notice("Work done right and returned promptly."));
    CHECK_FALSE(reads_as_notice("   "));
    // A long text without a sentence mark is more than a box holds: left to the article.
    CHECK_FALSE(reads_as_notice(std::string(120 * 3, 'x')));
}
