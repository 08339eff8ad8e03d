// The segmenter on the reading order of real PDF text extractors (issue 10): boxes that
// pdftotext, -raw and mutool read into the middle of an article's column.
#include <doctest/doctest.h>

#include <string>

#include "import/item_title.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

using test::block_with;
using test::segment;

}  // namespace

TEST_CASE("assembly: an ad box with slogan lines inside a sentence is no new headline") {
    // pdftotext reads an advertisement box into an article's column: the body before the box
    // stops inside a sentence and goes on after it. The box mixes title-like lines (the
    // advertisers, a product) with slogan lines of page furniture ("欢迎…选购", "…联保"), so
    // its titles are no run of titles alone.
    const std::string page =
        "东湖公园今起开放\n\n"
        "本报讯 东湖公园经过三个月\n\n"
        "的改造，今天起向市民免费开\n\n"
        "放。园内新增步道三条，沿湖\n\n"
        "种植樱花海棠八百余株，并新\n\n"
        "建了市民健身广场\n\n"
        "长江牌电冰箱\n\n"
        "南方家具公司\n\n"
        "省电静音 全国联保\n"
        "实木家具 款式新颖\n\n"
        "红木书柜系列\n"
        "欢迎广大顾客选购\n\n"
        "两处和停车场一座。公园管理\n\n"
        "处表示，将延长开放时间，并\n\n"
        "增派人员疏导游客，维护秩序\n\n"
        "，方便市民晨练。\n\n"
        "西河镇部署春耕生产\n\n"
        "本报讯 西河镇近日召开春耕\n\n"
        "生产动员大会，部署全年粮食\n\n"
        "生产任务，要求各村抓紧做好\n\n"
        "春耕备耕工作。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "东湖公园今起开放");
    CHECK(s.articles[0].body_text().find("停车场一座") != std::string::npos);
    CHECK(s.articles[0].body_text().find("红木书柜") == std::string::npos);
    CHECK(s.articles[1].headline == "西河镇部署春耕生产");
    for (const char* line : {"长江牌电冰箱", "南方家具公司", "红木书柜系列"}) {
        const Block* ad = block_with(s, line);
        REQUIRE(ad != nullptr);
        CHECK(ad->kind == BlockKind::furniture);
    }
}

TEST_CASE("item titles: a short item's inline headline against an intertitle") {
    const std::string after = "西河镇近日召开春耕生产动员大会，部署全年粮食生产任务。\n";
    const std::string before = "东湖公园经过三个月的改造，今天起向市民免费开放。\n";
    // Names what follows, not what came before, narrower than the column: a new item.
    CHECK(title_starts_item("西河镇部署春耕生产", 9, before, after, 24));
    // As wide as the column: a body line read as a title.
    CHECK_FALSE(title_starts_item("西河镇部署春耕生产", 9, before, after, 10));
    // Shares as much with the article before it: an intertitle of that article.
    CHECK_FALSE(title_starts_item("西河镇部署春耕生产", 9,
                                  before + "西河镇的春耕生产已经开始部署。\n", after, 24));
    // Nothing in common with what follows.
    CHECK_FALSE(title_starts_item("城南花卉市场开业", 8, before, after, 24));
    // An English crosshead in sentence case stays a crosshead; a capitals headline does not.
    const std::string en_after = "Later a passing motorist found the car near the beach.\n";
    CHECK_FALSE(title_starts_item("Car Found Near Beach.", 10, "He was thrown.\n", en_after, 40));
    CHECK(title_starts_item("CAR FOUND NEAR BEACH", 10, "He was thrown.\n", en_after, 40));
}

TEST_CASE("assembly: short items of a news-in-brief column, each under its own title") {
    // A 短讯 column: items without dateline or byline, each under a one-line title set
    // narrower than the column, one blank line around it (mutool, pdftotext). The titles
    // are the items' headlines, not intertitles of one long article.
    const std::string page =
        "短讯\n\n"
        "东湖公园今起开放\n\n"
        "东湖公园经过三个月的改造\n"
        "，今天起向市民免费开放。\n\n"
        "园内新增步道三条，沿湖种\n"
        "植樱花海棠八百余株。\n\n"
        "西河镇部署春耕生产\n\n"
        "西河镇近日召开春耕生产动\n"
        "员大会，部署全年粮食生产\n"
        "任务。\n\n"
        "南港码头扩建完工\n\n"
        "南港码头扩建工程日前完工\n"
        "，新增泊位四个，年吞吐能\n"
        "力提高一倍。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 3);
    CHECK(s.articles[0].headline == "东湖公园今起开放");
    CHECK(s.articles[1].headline == "西河镇部署春耕生产");
    CHECK(s.articles[1].body_text().find("春耕生产动员大会") != std::string::npos);
    CHECK(s.articles[2].headline == "南港码头扩建完工");
    CHECK(s.articles[0].intertitles().empty());
}

TEST_CASE("titles: dense text, a full-width title line whose last character wrapped") {
    // pdftotext -raw writes no blank lines; a headline as wide as the column wraps its last
    // character onto a line of its own. The two lines are one headline, not a headline and
    // an orphan title.
    const std::string page =
        "东湖公园今起开放\n"
        "本报讯东湖公园经过三个月的\n"
        "改造，今天起向市民免费开放。\n"
        "园内新增步道三条，沿湖种植樱\n"
        "花海棠八百余株，并新建了健身\n"
        "广场两处和停车场一座。公园管\n"
        "理处表示，将延长开放时间，并\n"
        "增派人员疏导游客。\n"
        "西河镇召开春耕生产动员大会部\n"
        "署\n"
        "本报讯西河镇近日召开春耕生产\n"
        "动员大会，部署全年粮食生产任\n"
        "务，要求各村抓紧做好春耕备耕\n"
        "工作，确保不误农时。全镇今年\n"
        "计划种植水稻两万亩。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "东湖公园今起开放");
    CHECK(s.articles[1].headline == "西河镇召开春耕生产动员大会部署");
    CHECK_FALSE(s.articles[1].kicker.has_value());
}

TEST_CASE("titles: dense text, a vertical headline one character (or digit) a line") {
    // pdftotext -raw writes a vertical (竖排) headline one character a line with no blank
    // lines anywhere: the whole run is one headline, digits of a number included.
    std::string page =
        "东湖公园今起开放\n"
        "本报讯东湖公园经过三个月的\n"
        "改造，今天起向市民免费开放。\n"
        "园内新增步道三条，沿湖种植樱\n"
        "花海棠八百余株，并新建了健身\n"
        "广场两处和停车场一座。公园管\n"
        "理处表示，将延长开放时间。\n";
    for (const char* c : {"西", "河", "镇", "春", "耕", "播", "种", "2", "0", "0", "亩"})
        page += std::string(c) + "\n";
    page +=
        "本报讯西河镇近日召开春耕生产\n"
        "动员大会，部署全年粮食生产任\n"
        "务，要求各村抓紧做好春耕备耕\n"
        "工作，确保不误农时。全镇今年\n"
        "计划种植水稻两万亩。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    REQUIRE(s.articles[1].headline.has_value());
    // The digits keep the space that joins Latin lines ("2 0 0"): known, not scored.
    std::string headline = *s.articles[1].headline;
    std::erase(headline, ' ');
    CHECK(headline == "西河镇春耕播种200亩");
    CHECK_FALSE(s.articles[1].kicker.has_value());
}

TEST_CASE("captions: dense text, a caption set wider than the column goes on in its next line") {
    // pdftotext -raw: a caption set to the picture's width is wider than the body column;
    // its first line stops inside a sentence (or runs into a credit on the next line) and
    // is the caption's first line, not a paragraph of its own.
    for (const char* first : {"图为东湖公园新建的健身广场，市民在广场上晨练，老人和孩子们在湖边散",
                              "图为东湖公园新建的健身广场市民在广场上晨练老人和孩子们在湖边散"}) {
        const std::string page = std::string(
                                     "东湖公园今起开放\n"
                                     "本报讯东湖公园经过三个月的\n"
                                     "改造，今天起向市民免费开放。\n"
                                     "园内新增步道三条，沿湖种植樱\n"
                                     "花海棠八百余株，并新建了健身\n"
                                     "广场两处和停车场一座。公园管\n"
                                     "理处表示，将延长开放时间。\n") +
                                 first +
                                 "\n"
                                 "步。 本报记者 王明摄\n"
                                 "西河镇部署春耕生产\n"
                                 "本报讯西河镇近日召开春耕生产\n"
                                 "动员大会，部署全年粮食生产任\n"
                                 "务，要求各村抓紧做好春耕备耕\n"
                                 "工作，确保不误农时。全镇今年\n"
                                 "计划种植水稻两万亩。\n";
        const auto s = segment(page, "zh-Hans", "人民日报");
        REQUIRE(s.illustrations.size() == 1);
        CHECK(s.illustrations[0].caption.starts_with("图为东湖公园新建的健身广场"));
        CHECK(s.illustrations[0].caption.ends_with("散步。"));
        REQUIRE(s.articles.size() == 2);
        CHECK(s.articles[1].headline == "西河镇部署春耕生产");
    }
}

TEST_CASE("captions: dense text, a photo credit wrapped before its last word") {
    // pdftotext -raw: the credit's "摄" is the next line's only character, and what follows
    // (an advertisement, the next item) is printed without a blank line. The credit still
    // ends the caption.
    const std::string page =
        "东湖公园今起开放\n"
        "本报讯东湖公园经过三个月的\n"
        "改造，今天起向市民免费开放。\n"
        "园内新增步道三条，沿湖种植樱\n"
        "花海棠八百余株，并新建了健身\n"
        "广场两处和停车场一座。公园管\n"
        "理处表示，将延长开放时间。\n"
        "市民在东湖公园新建的健身广场上晨练。 本报记者 王明\n"
        "摄\n"
        "体育热线\n"
        "本报体育部欢迎提供新闻线索\n"
        "来信来电请注明联系方式\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.illustrations.size() == 1);
    CHECK(s.illustrations[0].caption == "市民在东湖公园新建的健身广场上晨练。");
    CHECK(s.illustrations[0].credit == "本报记者 王明");
    for (const Article& a : s.articles) CHECK(a.body_text().find("晨练") == std::string::npos);
}

TEST_CASE("assembly: a column printed after an item that ended with a jump line") {
    // pdftotext reads the next item between two columns of an item; the next item ends with
    // its jump line ("（下转第二版）"), and the missing column of the first item comes after
    // it. It goes back to the first item, which stopped inside a sentence before a title.
    const std::string page =
        "东湖公园今起开放\n\n"
        "本报讯 东湖公园经过三个月的改造，今天\n"
        "起向市民免费开放。园内新增步道三条，\n"
        "沿湖种植樱花海棠八百余株，并新建了\n\n"
        "西河镇部署春耕生产\n\n"
        "本报讯 西河镇近日召开春耕生产动员大会，\n"
        "部署全年粮食生产任务，要求各村抓紧做\n"
        "好春耕备耕工作。（下转第二版）\n\n"
        "健身广场两处和停车场一座。东湖公园管\n"
        "理处表示，东湖公园将延长开放时间。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "东湖公园今起开放");
    CHECK(s.articles[0].body_text().find("健身广场两处") != std::string::npos);
    CHECK(s.articles[1].headline == "西河镇部署春耕生产");
    CHECK(s.articles[1].continued_on == "2");
    CHECK(s.articles[1].body_text().find("健身广场") == std::string::npos);
}
