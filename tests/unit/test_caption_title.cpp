// A headline printed after its article, right above a photo caption (issue 10, tenth round):
// caption_title.hpp and the segmenter using it.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "import/caption_title.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;

using test::segment;

namespace {

// Double-spaced page text (a blank line after every line), as the seed page prints it.
std::string double_spaced(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out += line + "\n\n";
    return out;
}

const std::vector<std::string> article = {"本报讯 全省今年春耕生产进展顺利，",
                                          "各地积极组织农民抢种早稻，农业部门",
                                          "派出技术人员下乡指导，帮助农民解决",
                                          "种子和化肥供应中的困难。目前全省已",
                                          "完成早稻播种面积八百万亩，比去年同",
                                          "期增加一成多。",
                                          "（李明）"};

std::vector<std::string> with(std::vector<std::string> lines,
                              const std::vector<std::string>& more) {
    lines.insert(lines.end(), more.begin(), more.end());
    return lines;
}

const Article* article_with(const text::PageSegments& s, const std::string& part) {
    for (const auto& a : s.articles)
        for (const auto& p : a.body)
            if (p.text.find(part) != std::string::npos) return &a;
    return nullptr;
}

}  // namespace

TEST_CASE("caption title: the words decide between a closing headline and a caption line") {
    const std::string before = "全省今年春耕生产进展顺利，各地积极组织农民抢种早稻。";
    CHECK(text::title_closes_article("全省春耕生产进展顺利", before,
                                     "村民们在田间插秧，远处的山坡上茶树正在吐绿。"));
    // A caption left shorter than the title: the title's lines are the caption's own.
    CHECK_FALSE(text::title_closes_article("全省春耕生产进展顺利", before, "村民插秧。"));
    // A caption's first line names the picture, not the article above.
    CHECK_FALSE(
        text::title_closes_article("二〇二六年的第一场春雨", before, "过后，村民们在田间插秧。"));
    // The caption repeats the title's words as much as the article does: no decision.
    CHECK_FALSE(text::title_closes_article("全省春耕生产进展顺利", before,
                                           "全省春耕生产进展顺利，村民们在田间插秧。"));
}

TEST_CASE("caption title: a headline printed after its article is not the caption's first line") {
    const auto s =
        segment(double_spaced(with(article, {"全省春耕生产进展顺利", "村民们在田间插秧，远处",
                                             "的山坡上茶树正在吐绿。", "王华 摄"})));
    const auto* a = article_with(s, "全省今年春耕");
    REQUIRE(a != nullptr);
    CHECK(a->headline == "全省春耕生产进展顺利");
    REQUIRE(s.illustrations.size() == 1);
    CHECK(s.illustrations[0].caption == "村民们在田间插秧，远处的山坡上茶树正在吐绿。");
}

TEST_CASE("caption title: a kicker and headline printed after their article") {
    const auto s = segment(double_spaced(
        with(article, {"农业部门派出技术人员", "全省春耕生产进展顺利", "村民们在田间插秧，远处",
                       "的山坡上茶树正在吐绿。", "王华 摄"})));
    const auto* a = article_with(s, "全省今年春耕");
    REQUIRE(a != nullptr);
    CHECK(a->headline.has_value());
    REQUIRE(s.illustrations.size() == 1);
    CHECK(s.illustrations[0].caption == "村民们在田间插秧，远处的山坡上茶树正在吐绿。");
}

TEST_CASE("caption title: a caption's own first line stays in the caption") {
    const auto s =
        segment(double_spaced(with(article, {"二〇二六年的第一场春雨", "过后，村民们在田间插秧，",
                                             "远处的山坡上茶树吐绿。", "王华 摄"})));
    const auto* a = article_with(s, "全省今年春耕");
    REQUIRE(a != nullptr);
    CHECK_FALSE(a->headline.has_value());
    REQUIRE(s.illustrations.size() == 1);
    CHECK(s.illustrations[0].caption ==
          "二〇二六年的第一场春雨过后，村民们在田间插秧，远处的山坡上茶树吐绿。");
}

TEST_CASE("caption title: a page of many captions stays linear") {
    // 160,000 captions (13 MB), each with a title-like first line, a line and a credit. The
    // split replaced pieces in the middle of the page's piece list, and the text before a
    // caption was built by inserting at the front: quadratic, about 550 s here (measured 1.4 s
    // at 8,000 captions, four times that per doubling), so the ctest TIMEOUT fails it; now
    // linear (about 6 s).
    std::string page;
    const std::string block = "北京风光\n甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己\n本报记者王明摄\n\n";
    page.reserve(block.size() * 160000);
    for (int i = 0; i < 160000; ++i) page += block;
    const auto s = segment(page);
    CHECK(s.blocks.size() > 0);
}
