// A notice or advertisement box whose lines carry no punctuation is page furniture, not an
// article (issue 10, twelfth round: plain pdftotext).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "import/notice_box.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using test::block_with;
using test::segment;

namespace {

// A finished article, then a notice box printed under it as pdftotext writes it: its label,
// a blank line, its lines without punctuation (the first a slogan of the furniture table).
const std::string article_and_notice =
    "南昌跨江大桥建成通车\n"
    "\n"
    "南昌新建的跨江大桥今天\n"
    "正式通车。大桥全长三公里，双\n"
    "向六车道，从城东到城西只需十\n"
    "分钟。\n"
    "\n"
    "编辑部告示\n"
    "\n"
    "本版欢迎读者来信投稿\n"
    "请写明姓名及联络方法\n"
    "稿件一律不退\n";

}  // namespace

TEST_CASE("notice box: a short body that ends no sentence") {
    using text::body_reads_as_notice;
    const std::vector<std::string_view> notice{"请写明姓名及联络方法", "稿件一律不退"};
    CHECK(body_reads_as_notice(notice));
    CHECK(body_reads_as_notice({"中央电视台第一套节目 19:00 新闻联播 19:30 天气预报"}));
    CHECK(body_reads_as_notice({"FRESH EVERY MORNING We Deliver"}));
    // Commas and colons end no sentence: a box may hold them.
    CHECK(body_reads_as_notice({"本报地址：北京金台西路2号", "邮编100733，电话65368114"}));
    CHECK(body_reads_as_notice({"Price 3.5 cents"}));
    // A sentence end anywhere makes it running text.
    CHECK_FALSE(body_reads_as_notice({"请写明姓名及联络方法", "稿件一律不退。"}));
    CHECK_FALSE(body_reads_as_notice({"卫日渝北京出团理人恩航能。"}));
    CHECK_FALSE(body_reads_as_notice({"市民今天到公园赏花！游人如织"}));
    CHECK_FALSE(body_reads_as_notice({"Mr. Smith went home"}));
    // Empty, and long unpunctuated text (a table, a list), are not boxes.
    CHECK_FALSE(body_reads_as_notice({}));
    CHECK_FALSE(body_reads_as_notice({""}));
    const std::string long_text(text::notice_box_chars + 1, 'a');
    CHECK_FALSE(body_reads_as_notice({long_text}));
}

TEST_CASE("notice box: its lines and label are furniture, the article stays") {
    const auto s = segment(article_and_notice, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "南昌跨江大桥建成通车");
    CHECK(s.articles[0].body_text().find("稿件") == std::string::npos);
    const Block* lines = block_with(s, "稿件一律不退");
    REQUIRE(lines != nullptr);
    CHECK(lines->kind == BlockKind::furniture);
    const Block* label = block_with(s, "编辑部告示");
    REQUIRE(label != nullptr);
    CHECK(label->kind == BlockKind::furniture);
}

TEST_CASE("notice box: a short item with a full stop stays an article") {
    const auto s = segment(article_and_notice + "。\n", "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[1].headline == "编辑部告示");
}

TEST_CASE("notice box: an advertisement whose slogan wraps across two lines") {
    // The ad's lines follow the last item with a blank line between; its slogan "欢迎来函洽谈"
    // is cut by the line break, so no line of it is furniture on its own.
    const std::string page =
        "南昌跨江大桥建成通车\n"
        "\n"
        "南昌新建的跨江大桥今天\n"
        "正式通车。大桥全长三公里，双\n"
        "向六车道，从城东到城西只需十\n"
        "分钟。\n"
        "\n"
        "东方重型机械\n"
        "厂\n"
        "大型起重设备 成套\n"
        "设备\n"
        "质量可靠 服务周到 欢迎\n"
        "来函洽谈\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].body_text().find("重型机械") == std::string::npos);
    const Block* ad = block_with(s, "来函洽谈");
    REQUIRE(ad != nullptr);
    CHECK(ad->kind == BlockKind::furniture);
    const auto& patterns = text::patterns_for("zh-Hans");
    CHECK(text::paragraph_ends_in_furniture("东方重型机械厂 质量可靠 欢迎来函洽谈", patterns));
    // With punctuation it is running text that happens to end so.
    CHECK_FALSE(text::paragraph_ends_in_furniture("该厂产品质量可靠，欢迎来函洽谈", patterns));
}

namespace {

// Merged from the -layout branch: a box set over an article, centred lines.
const std::string layout_article =
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
           layout_article;
}

}  // namespace

TEST_CASE("notice box: a centred box of short lines over an article (pdftotext -layout)") {
    const auto s = segment(page_with_box("《世界知识年鉴》即将出版"));
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "全国足球联赛北京队获胜");
    const Block* box = test::block_with(s, "即将出版");
    REQUIRE(box != nullptr);
    CHECK(box->kind == BlockKind::furniture);
}

TEST_CASE("notice box: a centred box that ends a sentence stays an article") {
    const auto s = segment(page_with_box("《世界知识年鉴》即将出版。"));
    CHECK(s.articles.size() == 2);
}

TEST_CASE("notice box: the body test") {
    const auto reads_as_notice = [](std::string_view body) {
        return text::body_reads_as_notice({body});
    };
    CHECK(reads_as_notice("新书预告《世界知识年鉴》即将出版"));
    CHECK(reads_as_notice("19:00新闻联播19:30天气预报"));
    CHECK(reads_as_notice("LAUNDRY WORK CALLED FOR"));
    CHECK_FALSE(reads_as_notice("北京今天晴。"));
    CHECK_FALSE(reads_as_notice("Work done right and returned promptly."));
    CHECK_FALSE(reads_as_notice("   "));
    // A long text without a sentence mark is more than a box holds: left to the article.
    CHECK_FALSE(reads_as_notice(std::string(120 * 3, 'x')));
}
