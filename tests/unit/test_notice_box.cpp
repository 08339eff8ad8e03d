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

TEST_CASE("notice box: a short body without punctuation") {
    using text::body_reads_as_notice;
    const std::vector<std::string_view> notice{"请写明姓名及联络方法", "稿件一律不退"};
    CHECK(body_reads_as_notice(notice));
    CHECK(body_reads_as_notice({"中央电视台第一套节目 19:00 新闻联播 19:30 天气预报"}));
    CHECK(body_reads_as_notice({"FRESH EVERY MORNING We Deliver"}));
    // One punctuation mark anywhere makes it running text.
    CHECK_FALSE(body_reads_as_notice({"请写明姓名及联络方法", "稿件一律不退。"}));
    CHECK_FALSE(body_reads_as_notice({"卫日渝北京出团理人恩航能。"}));
    CHECK_FALSE(body_reads_as_notice({"本报讯 市民今天到公园赏花，游人如织"}));
    CHECK_FALSE(body_reads_as_notice({"He said: come"}));
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
