// The segmenter on conventions of real pages it was not tuned on (issue 10): jump markers in
// Chinese numerals, spaced-out datelines and reporter leads, letter-spaced lines, page
// furniture, title stacks, and layout-preserving extractor text with columns side by side.
#include <doctest/doctest.h>

#include <algorithm>

#include "import/patterns.hpp"
#include "import/segment_classify.hpp"
#include "import/text_columns.hpp"
#include "import/text_repair.hpp"
#include "paperbag/inspect.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

using test::block_with;
using test::segment;

// Every byte of `page` in exactly one block (blocks may name several ranges).
void check_bytes_once(const PageSegments& s, std::size_t size) {
    std::vector<int> seen(size, 0);
    for (const Block& b : s.blocks)
        for (const ByteRange& r : b.source) {
            REQUIRE(r.end() <= size);
            for (std::uint64_t i = r.offset; i < r.end(); ++i) ++seen[i];
        }
    CHECK(std::count(seen.begin(), seen.end(), 1) == static_cast<std::ptrdiff_t>(size));
}

}  // namespace

TEST_CASE("patterns: continuation pages in Chinese numerals become page labels") {
    CHECK(page_label("四") == "4");
    CHECK(page_label("十") == "10");
    CHECK(page_label("十二") == "12");
    CHECK(page_label("二十四") == "24");
    CHECK(page_label("１２") == "12");
    CHECK(page_label("12") == "12");
    CHECK(page_label("A2") == "A2");
    const auto s =
        segment("本报讯 西河镇近日召开春耕生产动员大会，部署全年粮食生产任务。（下转第四版）\n\n");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].continued_on == "4");
}

TEST_CASE("patterns: datelines with spaced digits, reporter leads, wrapped bracket bylines") {
    const auto a = segment(
        "本报长沙 5 月 3 日电 记者王明报道：湖南\n\n"
        "省近日召开春耕生产动员大会，部署全年\n\n"
        "粮食生产任务。\n\n");
    REQUIRE(a.articles.size() == 1);
    CHECK(a.articles[0].dateline.value_or("").starts_with("本报长沙5月3日电"));
    REQUIRE(a.articles[0].bylines.size() == 1);
    CHECK(a.articles[0].bylines[0].name == "王明");
    CHECK(a.articles[0].body_text() == "湖南省近日召开春耕生产动员大会，部署全年粮食生产任务。");

    const auto b = segment(
        "据新华社伦敦12月24日电（记\n\n"
        "者张振安、李明）英国政府24日宣布\n\n"
        "新的措施。\n\n");
    REQUIRE(b.articles.size() == 1);
    CHECK(b.articles[0].dateline.value_or("").starts_with("据新华社伦敦12月24日电"));
    REQUIRE(b.articles[0].bylines.size() == 2);
    CHECK(b.articles[0].bylines[0].name == "张振安");
    CHECK(b.articles[0].bylines[1].name == "李明");
}

TEST_CASE("ends and starts: a signature after the last sentence, a dateline wrapped at its date") {
    // "…。（新华社）" ends the item on the same line; the next dateline is wrapped inside
    // its date ("5 月 15" / "日电"), still double-spaced: two articles, not one.
    const std::string page =
        "西河镇近日召开春耕生产动员大会，部\n\n"
        "署全年粮食生产任务。（新华社）\n\n"
        "本报长沙 5 月 15\n\n"
        "日电 湖南省近日召开春耕生产\n\n"
        "动员大会，部署全年粮食生产任务。\n\n";
    const auto s = segment(page);
    check_bytes_once(s, page.size());
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].body_text() == "西河镇近日召开春耕生产动员大会，部署全年粮食生产任务。");
    CHECK(s.articles[0].signature.value_or("") == "新华社");
    CHECK(s.articles[1].dateline.value_or("").starts_with("本报长沙5月15日电"));
    CHECK(s.articles[1].body_text() == "湖南省近日召开春耕生产动员大会，部署全年粮食生产任务。");
}

TEST_CASE("ends: a continuation line wrapped inside its marker is one marker, not furniture") {
    const std::string page =
        "西河镇近日召开春耕生产动员大会，部署全\n"
        "年粮食生产任务。（下转第五\n"
        "版）\n"
        "\n"
        "本报讯 湖南省近日召开春耕生产动员大会。\n";
    const auto s = segment(page);
    check_bytes_once(s, page.size());
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].continued_on == "5");
    CHECK(s.articles[0].body_text() == "西河镇近日召开春耕生产动员大会，部署全年粮食生产任务。");
    for (const Block& b : s.blocks) CHECK(b.kind != BlockKind::furniture);
}

TEST_CASE("titles: a headline naming its topic before a colon is a headline") {
    const auto s = segment(
        "粮食：全年产量再创新高\n"
        "本报北京 12月 29日讯 记者王明报道：全\n\n"
        "年粮食产量再创新高，达到新的水平。\n\n");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "粮食：全年产量再创新高");
    CHECK_FALSE(has_clause_punct_for_title("粮食：全年产量再创新高"));
    CHECK(has_clause_punct_for_title("记者王明报道："));
    CHECK(has_clause_punct_for_title("据报道：全年产量，再创新高"));
}

TEST_CASE("captions: a credit run into 摄, as PDF text writes it, closes a caption") {
    const PatternSet& p = patterns_for("zh-Hans");
    auto a = p.at_end(PatternKind::credit, "意王队辽低渝才剥。\n新华社记者 股贷玻摄");
    REQUIRE(a);
    CHECK(a->names == "新华社记者 股贷玻");
    auto b = p.at_end(PatternKind::credit, "暂波滑逐持贾崛秦夕初克接。\n州洪摄\n");
    REQUIRE(b);
    CHECK(b->names == "州洪");
    auto c = p.at_end(PatternKind::credit, "暂波滑逐持贾崛秦夕初克接。续尘川摄");
    REQUIRE(c);
    CHECK(c->names == "续尘川");
    // A word ending in 摄 inside a sentence is no credit.
    CHECK_FALSE(p.at_end(PatternKind::credit, "他们在现场进行拍摄"));
    const auto s = segment(
        "西河镇部署春耕生产\n\n"
        "本报讯 西河镇近日召开春耕生产动员大会，\n"
        "部署全年粮食生产任务。\n\n"
        "农民在田间查看秧苗长势。\n"
        "本报记者 王明摄\n");
    REQUIRE(s.articles.size() == 1);
    REQUIRE(s.illustrations.size() == 1);
    CHECK(s.illustrations[0].caption == "农民在田间查看秧苗长势。");
    // Run into the caption's last sentence: the sentence mark stays with the caption.
    const auto t = segment(
        "西河镇部署春耕生产\n\n"
        "本报讯 西河镇近日召开春耕生产动员大会，\n"
        "部署全年粮食生产任务。\n\n"
        "农民在田间查看秧苗长势。王明摄\n");
    REQUIRE(t.illustrations.size() == 1);
    CHECK(t.illustrations[0].caption == "农民在田间查看秧苗长势。");
    CHECK(t.illustrations[0].credit.value_or("") == "王明");
}

TEST_CASE("PDF text: a deck, a run-together byline, a byline under its article, ad slogans") {
    const std::string page =
        "西河镇春耕忙\n"
        "——来自田间的报告\n"
        "本报记者王明\n"
        "西河镇近日召开春耕生产动员大会，部署全年粮\n"
        "食生产任务。（下转第五版）\n"
        "本报记者李雅萍\n"
        "\n"
        "优质抗生素系列产品\n"
        "欢迎各地医药公司订货\n";
    const auto s = segment(page);
    check_bytes_once(s, page.size());
    REQUIRE(s.articles.size() == 1);
    const Article& a = s.articles[0];
    CHECK(a.headline == "西河镇春耕忙");
    CHECK(a.subtitle.value_or("") == "来自田间的报告");
    REQUIRE(a.bylines.size() == 2);
    CHECK(a.bylines[0].name == "王明");
    CHECK(a.bylines[1].name == "李雅萍");
    CHECK(a.body_text() == "西河镇近日召开春耕生产动员大会，部署全年粮食生产任务。");
    const Block* ad = block_with(s, "欢迎各地医药公司订货");
    REQUIRE(ad != nullptr);
    CHECK((ad->kind == BlockKind::furniture || ad->kind == BlockKind::intertitle));
}

TEST_CASE("PDF text: a title stack at the page top, a vertical headline one character a line") {
    const std::string page =
        "西河镇春耕忙\n"
        "全镇部署粮食生产\n"
        "\n"
        "本报讯 西河镇近日召开春耕生产动员大会，部署全年粮\n"
        "食生产任务。\n"
        "\n"
        "本报讯 湖南省近日召开春耕生产动员大会，部署全年粮\n"
        "食生产任务。\n"
        "\n"
        "湖\n南\n春\n耕\n"
        "\n";
    const auto s = segment(page);
    check_bytes_once(s, page.size());
    REQUIRE(s.articles.size() == 2);
    // Two stacked lines, the second wider: headline and deck.
    CHECK(s.articles[0].headline == "西河镇春耕忙");
    CHECK(s.articles[0].subtitle.value_or("") == "全镇部署粮食生产");
    CHECK(s.articles[1].headline == "湖南春耕");
}

TEST_CASE(
    "PDF text: a jump line of its own is no signature; a credit of its own closes a caption") {
    const std::string page =
        "本报讯 西河镇近日召开春耕生产动员大会，部署全年粮食生\n"
        "产任务。会议要求各村抓紧时间做好春耕准备工作，确保不误\n"
        "农时，今年粮食生产再创新高。\n"
        "农民在田间查看秧苗长势。\n"
        "本报记者 王明摄\n"
        "各村还组织农技人员下田指导，帮助农民解决生产中的困\n"
        "难。\n"
        "（下转第二版）\n";
    const auto s = segment(page);
    check_bytes_once(s, page.size());
    REQUIRE(!s.articles.empty());
    CHECK(s.articles.back().continued_on == "2");
    for (const Article& a : s.articles) CHECK_FALSE(a.signature.has_value());
    // The credit closes a caption. Not yet: its caption line told from the article's only,
    // single-spaced paragraph above it (which stays the article's body, never the caption's),
    // and the text after the photo read as the same article (docs/segmentation.md).
    REQUIRE(s.illustrations.size() == 1);
    CHECK(s.illustrations[0].credit.value_or("") == "本报记者 王明");
    CHECK(s.articles[0].body_text().starts_with("西河镇近日召开春耕生产动员大会"));
}

TEST_CASE("patterns: a letter-spaced dateline line is still a dateline") {
    const auto s = segment(
        "中欧贸易谈判取得进展\n\n"
        "据 新 华 社 布 鲁 塞 尔 11 月 11 日 电 欧盟与\n\n"
        "中国11日就贸易问题举行新一轮谈判。\n\n");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "中欧贸易谈判取得进展");
    CHECK(s.articles[0].dateline.value_or("").starts_with("据新华社布鲁塞尔11月11日电"));
}

TEST_CASE("furniture: running heads, the masthead title and labels are furniture, not articles") {
    const std::string page =
        "人民日报 1995年6月9日 星期五 第1版\n\n"
        "人民日报\n\n"
        "西河镇部署春耕生产\n\n"
        "本报讯 西河镇近日召开春耕生产动员大会，部署全年粮食生产任务。\n\n"
        "广告\n\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    check_bytes_once(s, page.size());
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "西河镇部署春耕生产");
    for (const char* text : {"星期五", "人民日报", "广告"}) {
        const Block* b = nullptr;
        for (const Block& x : s.blocks)
            if (x.text == text || x.text.find("星期五") != std::string::npos) b = &x;
        REQUIRE(block_with(s, text) != nullptr);
        CHECK(block_with(s, text)->kind == BlockKind::furniture);
        (void)b;
    }
    for (const std::string& id : s.articles[0].block_ids) CHECK(id != block_with(s, "广告")->id);
}

TEST_CASE("furniture: an English running head and an o o rule between two items") {
    const auto s = segment(
        "THE DAY BOOK—CHICAGO, TUESDAY, MARCH 3, 1914\n\n"
        "AN EQUALIZER OF INCOMES\n"
        "\"What!\" exclaimed the clothing salesman from Boston.\n\n"
        "o o\n\n"
        "The number of persons killed by lightning is nearly 600 a year.\n",
        "en");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "AN EQUALIZER OF INCOMES");
    CHECK(s.articles[1].body_text().starts_with("The number of persons"));
    CHECK(block_with(s, "DAY BOOK")->kind == BlockKind::furniture);
    CHECK(block_with(s, "o o")->kind == BlockKind::furniture);
}

TEST_CASE("stacks: kicker + headline, headline + deck, a wrapped last character") {
    const auto s = segment(
        "抢抓农时保春灌促增收\n"
        "各地水利检修顺利\n\n"
        "本报讯 截至3月17日，全国春季农田灌排设施检修进展顺利。\n\n"
        "老房焕新颜\n"
        "我市城镇老旧小区改造工作稳步推进综述\n\n"
        "本报讯 一座城市的温度，往往藏在街巷深处。\n\n"
        "段替旦巡枪麦援珍莫纤循氛\n"
        "竟\n\n"
        "本报讯 据报道，段替旦巡全昆趁昆从旱渝珍莫。\n\n");
    REQUIRE(s.articles.size() == 3);
    CHECK(s.articles[0].kicker == "抢抓农时保春灌促增收");
    CHECK(s.articles[0].headline == "各地水利检修顺利");
    CHECK(s.articles[1].headline == "老房焕新颜");
    CHECK(s.articles[1].subtitle == "我市城镇老旧小区改造工作稳步推进综述");
    CHECK(s.articles[2].headline == "段替旦巡枪麦援珍莫纤循氛竟");
}

TEST_CASE("columns: layout text is read column by column, bytes and lines kept") {
    // Two articles side by side, as pdftotext -layout prints them, under a running head.
    // Cells are code points, as pdftotext -layout counts them.
    const auto row = [](const std::string& left, const std::string& right) {
        std::size_t cells = 0;
        for (const char c : left) cells += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return left + std::string(cells < 20 ? 20 - cells : 2, ' ') + right + "\n";
    };
    const std::string page = row("1995年6月9日 星期五", "人民日报 第1版") + "\n" +
                             row("西河镇部署春耕生产", "东湖公园今起开放") +
                             row("  本报讯 西河镇近日召开春耕", "  本报讯 东湖公园经过三个") +
                             row("生产动员大会，部署全年粮食", "月的改造，今天起向市民免") +
                             row("生产任务，要求各村抓紧做好", "费开放，园内新增步道三条、") +
                             row("春耕备耕各项工作，确保粮食", "健身广场两处，并对湖岸进") +
                             row("播种面积稳定在去年水平。", "行了加固，沿湖新种樱花、") +
                             row("  会议还对春季防火工作作出", "海棠等树木八百余株，公园") +
                             row("部署，要求各级干部深入一线", "管理处表示，将延长开放时") +
                             row("排查隐患，确保不出问题。", "间，方便市民晨练。（下转第三版）");
    Diagnostics d;
    const auto decoded = decode_text(page, "", "t.txt", d);
    CHECK(looks_columnar(decoded));
    const ColumnReading reading = read_columns(decoded);
    REQUIRE(reading.applied);
    CHECK(reading.text.text.find("确保不出问题。") < reading.text.text.find("东湖公园今起开放"));

    const auto s = segment(page, "zh-Hans", "人民日报");
    check_bytes_once(s, page.size());
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "西河镇部署春耕生产");
    CHECK(s.articles[0].body_text() ==
          "西河镇近日召开春耕生产动员大会，部署全年粮食生产任务，要求各村抓紧做好春耕备耕各项"
          "工作，确保粮食播种面积稳定在去年水平。\n会议还对春季防火工作作出部署，要求各级干部深"
          "入一线排查隐患，确保不出问题。");
    CHECK(s.articles[1].headline == "东湖公园今起开放");
    CHECK(s.articles[1].continued_on == "3");
    CHECK(s.articles[1].first_line == 4);  // the line in the page file, not in the rewrite
    const Block* head = block_with(s, "东湖公园今起开放");
    REQUIRE(head != nullptr);
    CHECK(head->first_line == 3);
    // Plain text is never rewritten.
    CHECK_FALSE(
        read_columns(decode_text("西河镇部署春耕生产\n\n本报讯 西河镇。\n", "", "t", d)).applied);
}

TEST_CASE("columns: a column cut by an empty row goes on below it before the next column") {
    // pdftotext -layout writes an empty row across the page where one column has a taller
    // line (here the right one, a title); the cut reads the stripes above and below it
    // across, and the left column, whose last line above the row is full, goes on below it.
    const auto row = [](const std::string& left, const std::string& right) {
        std::size_t cells = 0;
        for (const char c : left) cells += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return left + std::string(cells < 16 ? 16 - cells : 2, ' ') + right + "\n";
    };
    const std::string page = row("  本报讯 西河镇近日召开", "  本报讯 东湖公园经过") +
                             row("春耕生产动员大会，部署全年", "三个月的改造，今天起向") +
                             row("粮食生产任务，要求各村抓紧", "市民免费开放，园内新增") +
                             row("做好春耕备耕各项工作，确保", "步道三条、健身广场两处") +
                             row("粮食播种面积稳定在去年水平", "和停车场一座，方便市民") +
                             row("。会议还对春季防火工作作出", "晨练。") + "\n" +
                             row("部署，要求各级干部深入一线", "  公园管理处表示，将延") +
                             row("排查隐患，对重点林区实行专", "长开放时间，并增派人员") +
                             row("人看护，确保不出问题。", "疏导游客，维护秩序。");
    Diagnostics d;
    const ColumnReading reading = read_columns(decode_text(page, "", "t.txt", d));
    REQUIRE(reading.applied);
    const std::string& text = reading.text.text;
    // The left column is one run of lines (no blank line where it was cut), then the right.
    const std::size_t above = text.find("防火工作作出");
    const std::size_t below = text.find("部署，要求");
    REQUIRE(below != std::string::npos);
    CHECK(above < below);
    CHECK(text.substr(above, below - above).find("\n\n") == std::string::npos);
    CHECK(text.find("确保不出问题。") < text.find("东湖公园"));
    CHECK(text.find("晨练。") < text.find("公园管理处"));
    // A column whose line above the empty row ends short is not joined to what is below.
    CHECK(text.find("晨练。\n  公园") == std::string::npos);
}

TEST_CASE("columns: a headline and deck over the columns, no empty row under them") {
    // Two title lines span the gutter, then the article's two columns start on the next
    // row: the titles are read first, then the left column, then the right one.
    const auto row = [](const std::string& left, const std::string& right) {
        std::size_t cells = 0;
        for (const char c : left) cells += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
        return left + std::string(cells < 16 ? 16 - cells : 2, ' ') + right + "\n";
    };
    const std::string page =
        "        东湖公园改造完成今起免费开放\n"
        "      园内新增步道三条健身广场两处停车场一座\n" +
        row("  本报讯 东湖公园经过", "时间，并增派人员疏导") +
        row("三个月的改造，今天起向市", "游客，维护秩序。公园还") +
        row("民免费开放，园内新增步道", "将举办春季花展，展出") +
        row("三条、健身广场两处和停车", "郁金香、樱花等二十余") +
        row("场一座，方便市民晨练。", "个品种，花展将持续到") +
        row("  公园管理处表示，将延长", "五月底。花展期间公园") +
        row("开放时间，方便市民游览，", "每天开放到晚上九点，") +
        row("并增派人员巡查，延长开放", "市民可在网上预约。");
    Diagnostics d;
    const ColumnReading reading = read_columns(decode_text(page, "", "t.txt", d));
    REQUIRE(reading.applied);
    const std::string& text = reading.text.text;
    const std::size_t deck = text.find("园内新增步道三条健身广场两处停车场一座");
    const std::size_t left = text.find("三个月的改造");
    const std::size_t left_end = text.find("并增派人员巡查");
    const std::size_t right = text.find("游客，维护秩序");
    REQUIRE(right != std::string::npos);
    CHECK(text.find("东湖公园改造完成") < deck);
    CHECK(deck < left);
    CHECK(left < left_end);
    CHECK(left_end < right);
}

TEST_CASE("columns: a grid padded in display cells (a wide character takes two)") {
    // A tool that pads for a terminal lines the right column up in display cells: its
    // start is a different code point on every row, and the left column's Latin rows reach
    // past it in code points (they are as many code points as cells, CJK rows half).
    const auto row = [](const std::string& left, const std::string& right) {
        std::size_t cells = 0;
        for (const char c : left) {
            const auto b = static_cast<unsigned char>(c);
            cells += b < 0x80 ? 1 : (b & 0xC0) == 0xC0 ? 2 : 0;  // ASCII 1, CJK 2 cells
        }
        return left + std::string(34 - cells, ' ') + right + "\n";
    };
    const std::string page = row("  本报讯 今年1至4月", "  本报讯 东湖公园经过") +
                             row("全市新增就业岗位一十二万五千个", "三个月的改造，今天起向") +
                             row("hotline 010-65123456 ext 88", "市民免费开放，园内新增") +
                             row("同比增长百分之八，其中高校毕业", "步道三条、健身广场两处") +
                             row("www.example.gov.cn/jobs/2024", "和停车场一座，方便市民") +
                             row("生三万一千人，失业人员再就业", "晨练。公园管理处表示，") +
                             row("email: jobs@example.gov.cn", "将延长开放时间，并增派") +
                             row("两万人。市人社局表示，将继续", "人员疏导游客，维护秩序") +
                             row("做好就业工作。", "，确保游园安全。");
    Diagnostics d;
    const ColumnReading reading = read_columns(decode_text(page, "", "t.txt", d));
    REQUIRE(reading.applied);
    const std::string& text = reading.text.text;
    // Each column is read whole: the left one's lines in order, then the right one's.
    const std::size_t left = text.find("hotline 010-65123456 ext 88");
    const std::size_t left_end = text.find("做好就业工作。");
    const std::size_t right = text.find("三个月的改造");
    REQUIRE(right != std::string::npos);
    CHECK(text.find("全市新增就业岗位") < left);
    CHECK(left < text.find("www.example.gov.cn"));
    CHECK(left < left_end);
    CHECK(left_end < right);
    // A wide character is never cut in two.
    CHECK(text.find("\xEF\xBF\xBD") == std::string::npos);
}

TEST_CASE("titles: a title's last characters wrapped onto a centred line of their own") {
    // Single-spaced text as a layout-preserving extractor writes a wrapped headline: the
    // last character centred under the title line, then the body without a blank line.
    const std::string page =
        "东湖公园改造完成今起免费开\n"
        "      放\n"
        "  本报讯 东湖公园经过三个月的改造，今天起向市民免费开放。\n"
        "  园内新增步道三条、健身广场两处。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    check_bytes_once(s, page.size());
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "东湖公园改造完成今起免费开放");
    CHECK(s.articles[0].body_text().starts_with("东湖公园经过三个月"));
}

TEST_CASE("assembly: a title that interrupts a sentence is no new article's headline") {
    // An extractor reads an ad box into the middle of a column: the body before it stops
    // inside a sentence and goes on after it, in another column of the same article (set
    // narrower here). The box's two title lines are not a new article's headline.
    const std::string page =
        "东湖公园今起开放\n\n"
        "本报讯 东湖公园经过三个月的改造，今天\n"
        "起向市民免费开放。园内新增步道三条，\n"
        "沿湖种植樱花海棠八百余株，并新建了\n\n"
        "城南花卉市场\n"
        "春季展销会今起开幕\n\n"
        "健身广场两处和停车场一座。公\n"
        "园管理处表示，将延长开放时间\n"
        "，并增派人员疏导游客，维护秩\n"
        "序，方便市民晨练。\n\n"
        "西河镇部署春耕生产\n\n"
        "本报讯 西河镇近日召开春耕生产动员大会，\n"
        "部署全年粮食生产任务，要求各村抓紧做\n"
        "好春耕备耕工作。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    check_bytes_once(s, page.size());
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "东湖公园今起开放");
    CHECK(s.articles[0].body_text().find("健身广场两处") != std::string::npos);
    CHECK(s.articles[0].body_text().find("城南花卉市场") == std::string::npos);
    CHECK(s.articles[1].headline == "西河镇部署春耕生产");
    const Block* ad = block_with(s, "城南花卉市场");
    REQUIRE(ad != nullptr);
    CHECK((ad->kind == BlockKind::furniture || ad->kind == BlockKind::intertitle));
}

TEST_CASE("assembly: a column printed after the next item goes back to its article") {
    // pdftotext reads the next item between two columns of an item: the item stops inside a
    // sentence right before the next item's title, and its last column comes as a block
    // after the next item has ended its sentence. The block shares its words with the item.
    const std::string page =
        "东湖公园今起开放\n\n"
        "本报讯 东湖公园经过三个月的改造，今天\n"
        "起向市民免费开放。园内新增步道三条，\n"
        "沿湖种植樱花海棠八百余株，并新建了\n\n"
        "西河镇部署春耕生产\n\n"
        "本报讯 西河镇近日召开春耕生产动员大会，\n"
        "部署全年粮食生产任务，要求各村抓紧做\n"
        "好春耕备耕工作。\n\n"
        "健身广场两处和停车场一座。东湖公园管\n"
        "理处表示，东湖公园将延长开放时间。\n";
    const auto s = segment(page, "zh-Hans", "人民日报");
    check_bytes_once(s, page.size());
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "东湖公园今起开放");
    CHECK(s.articles[0].body_text().find("健身广场两处") != std::string::npos);
    CHECK(s.articles[1].headline == "西河镇部署春耕生产");
    CHECK(s.articles[1].body_text().find("健身广场") == std::string::npos);
}

TEST_CASE("review: articles without headline or with a weak link, with file and line") {
    Issue issue;
    Article a;
    a.id = "art-001";
    a.headline = "H";
    a.headline_confidence = 1;
    Article b;
    b.id = "art-002";
    b.source_path = "page-01.txt";
    b.first_line = 12;
    Article c;
    c.id = "art-003";
    c.headline = "H";
    c.headline_confidence = 0.3;
    issue.articles = {a, b, c};
    const SegmentationReview r = review_segmentation(issue);
    CHECK(r.no_headline == 1);
    CHECK(r.low_confidence == 1);
    REQUIRE(r.items.size() == 2);
    CHECK(r.items[0].path == "page-01.txt");
    CHECK(r.items[0].line == 12);
    CHECK(r.items[1].reason == "low-confidence headline link (0.30)");
    CHECK(r.summary() == "1 of 3 articles without headline, 1 with a low-confidence headline link");
    CHECK(describe_issue(issue).find("page-01.txt:12: art-002: no headline") != std::string::npos);
}

TEST_CASE("titles: older English headlines in title case, full stop and deck, no blank line") {
    // A title-case headline wrapped before a capitalised word that looks like a dateline
    // ("Harbor—"), ending with a full stop, then the body.
    const auto a = segment(
        "MILLTOWN GAZETTE—RIVERTON, N. C., MONDAY, APRIL 3, 1922\n\n"
        "School Board Meets at Old Mill\n"
        "Harbor—New Roof Approved.\n\n"
        "The school board met last night at the\n"
        "old mill and voted to repair the roof of\n"
        "the east wing before the winter comes.\n"
        "The work will start next week.\n",
        "en");
    REQUIRE(a.articles.size() == 1);
    CHECK(a.articles[0].headline == "School Board Meets at Old Mill Harbor—New Roof Approved.");
    CHECK_FALSE(a.articles[0].dateline);
    const auto running = std::count_if(a.blocks.begin(), a.blocks.end(), [](const Block& b) {
        return b.kind == BlockKind::furniture && b.text.starts_with("MILLTOWN GAZETTE");
    });
    CHECK(running == 1);  // the running head with its state is furniture

    // Capitals, then a title-case deck that ends with a full stop, then the body, with no
    // blank line between them.
    const auto b = segment(
        "MAYOR OPENS NEW BRIDGE OVER\n"
        "RIVER\n"
        "Crowd of Thousands Cheers as Ribbon Is Cut at\n"
        "Noon.\n"
        "The new bridge over the river was opened\n"
        "yesterday by the mayor, who cut the ribbon\n"
        "before a crowd of several thousand.\n",
        "en");
    REQUIRE(b.articles.size() == 1);
    CHECK(b.articles[0].headline == "MAYOR OPENS NEW BRIDGE OVER RIVER");
    CHECK(b.articles[0].subtitle == "Crowd of Thousands Cheers as Ribbon Is Cut at Noon.");

    // An advertisement's lines after capitals are no deck: they stay where they were.
    const auto c = segment(
        "The work will start next week.\n\n"
        "SPRING SUITS\n"
        "Made to Your Measure\n"
        "Open Saturday Evenings\n",
        "en");
    for (const Article& art : c.articles) CHECK(art.headline != "SPRING SUITS");

    // A sentence in title case with an initial inside is not cut at the initial.
    CHECK(ends_with_initial("at Theodore W."));
    CHECK_FALSE(ends_with_initial("the Washington Monument."));
    CHECK(title_case_sentence("Three Western States to Place Tablets in the Washington Monument."));
    CHECK_FALSE(title_case_sentence("The new bridge over the river was opened yesterday."));

    // A wrapped body line is no title: it starts in lower case or holds a sentence end.
    CHECK(inner_sentence_end("an effort to shoot himself. The pistol"));
    CHECK_FALSE(inner_sentence_end("Mr. Stacy B. Orr, who has a position"));
    CHECK_FALSE(inner_sentence_end("Lisbon, Sept. 28"));
    const auto d = segment(
        "BRIDGE OPENED\n\n"
        "The new bridge over the river was opened\n"
        "yesterday by the mayor, who cut the\n"
        "ribbon\n"
        "before a crowd of several thousand. The\n"
        "band played.\n",
        "en");
    REQUIRE(d.articles.size() == 1);
    CHECK(d.articles[0].headline == "BRIDGE OPENED");
}

TEST_CASE("furniture: an English advertisement box (label in capitals, slogan lines)") {
    const auto s = segment(
        "MAYOR OPENS NEW BRIDGE\n\n"
        "The new bridge over the river was opened\n"
        "yesterday by the mayor.\n\n"
        "GROCERIES AND MEATS\n\n"
        "Fresh Every Morning\n"
        "We Deliver\n\n"
        "THE PEOPLE'S BANK\n"
        "Four Per Cent Paid on Savings\n"
        "Open Saturday Evenings\n",
        "en");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "MAYOR OPENS NEW BRIDGE");
    const auto ads = std::count_if(s.blocks.begin(), s.blocks.end(),
                                   [](const Block& b) { return b.kind == BlockKind::furniture; });
    CHECK(ads == 3);  // the first box in two paragraphs, the second in one
    // A deck ends with a full stop: capitals and a deck stay a headline.
    const auto d = segment(
        "MAYOR OPENS NEW BRIDGE\n\n"
        "Crowd of Thousands Cheers as Ribbon Is Cut.\n\n"
        "The new bridge over the river was opened\n"
        "yesterday by the mayor, who cut the ribbon\n"
        "before a crowd of several thousand people\n"
        "and thanked the builders.\n",
        "en");
    REQUIRE(d.articles.size() == 1);
    CHECK(d.articles[0].headline == "MAYOR OPENS NEW BRIDGE");
}
