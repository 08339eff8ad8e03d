// Segmenter tests: each stage on small hand-written inputs, the hard cases, hostile input,
// legacy encodings, and the real seed page from ../shared.
#include <doctest/doctest.h>

#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "import/headline_link.hpp"
#include "import/segment_page.hpp"
#include "import/text_decode.hpp"
#include "import/text_lines.hpp"
#include "import/text_repair.hpp"
#include "paperbag/page_import.hpp"
#include "support/segment_text.hpp"
#include "support/temp_dir.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

using test::segment;

std::string encode(const std::string& utf8, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::string out(utf8.size() * 2 + 16, '\0');
    const auto n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                utf8.data(), static_cast<int32_t>(utf8.size()), &status);
    REQUIRE(U_SUCCESS(status));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

// A small double-spaced Chinese page with the hard cases: an article whose headline comes
// after its body, a byline split over two lines, a number split from its line, a spaced-out
// line, an article without headline, two headlines at the end, a caption right under one.
const std::string page_zh =
    "本报讯 （记者 王小明 通讯员 李\n"
    "华） 东山县今年新建学校 12\n"
    "所，改造校舍面积达到三万平方米，\n\n"
    "新增学位四千余个，惠及学生一万\n\n"
    "余人，有效缓解了城区入学压力。\n\n"
    "东山县新建学校十二所\n\n"
    "本报讯 西河镇近日召开春耕生产动员\n\n"
    "大会，部署全年粮食生产任务。会议要\n\n"
    "求各村抓紧做好春耕备耕各项工作，\n\n"
    "确保粮食播种面积稳定在去年水平，\n\n"
    "全力夺取夏粮丰收。\n\n"
    "南湖公园荷花盛开\n"
    "5 月 15 日，市民在南湖公园赏荷。\n\n"
    "张三 摄\n";

}  // namespace

TEST_CASE("decode: UTF-8 with BOM maps offsets past the BOM") {
    Diagnostics d;
    const auto t = decode_text(
        "\xEF\xBB\xBF"
        "ab",
        "", "x", d);
    CHECK(t.text == "ab");
    CHECK(t.map.original(0) == 3);
    CHECK(t.map.original(2) == 5);
    CHECK(d.empty());
}

TEST_CASE("decode: invalid UTF-8 becomes U+FFFD with a warning naming the offset") {
    Diagnostics d;
    const auto t = decode_text(std::string("ab") + '\xFF' + "cdefghijklmnopqrstu", "", "x.txt", d);
    CHECK(t.text.find("\xEF\xBF\xBD") == 2);
    REQUIRE(d.size() == 1);
    CHECK(d.items()[0].format() ==
          "x.txt (offset 2): warning: invalid byte sequence replaced by U+FFFD [PB-TEXT-INVALID]");
}

TEST_CASE("decode: binary input is refused") {
    Diagnostics d;
    CHECK_THROWS_WITH_AS(
        decode_text(std::string("\x7F"
                                "ELF\0\0\0",
                                7),
                    "", "a.out", d),
        "a.out: error: contains NUL bytes: not a page text file (binary input?) [PB-TEXT-BINARY]",
        Error);
}

TEST_CASE("decode: UTF-16LE with BOM") {
    Diagnostics d;
    const std::string bytes(
        "\xFF\xFE"
        "a\0"
        "\x2D"
        "N",
        6);  // "a中"
    const auto t = decode_text(bytes, "", "x", d);
    CHECK(t.text == "a\xE4\xB8\xAD");
    CHECK(t.map.original(1) == 4);
}

TEST_CASE("decode: GB18030 and Big5 give the same articles, byte ranges point into the original") {
    const std::string utf8 = page_zh;
    const auto expected = segment(utf8);
    for (const char* charset : {"GB18030", "Big5"}) {
        CAPTURE(charset);
        std::string text = utf8;
        if (std::string(charset) == "Big5") {
            // Big5 has traditional characters only: round-trip what it can encode.
            text =
                "本報訊 "
                "西河鎮近日召開春耕生產動員\n\n大會，部署全年糧食生產任務。\n\n西河鎮部署春耕生產"
                "\n";
        }
        const std::string bytes = encode(text, charset);
        Diagnostics d;
        const auto decoded = decode_text(bytes, "", "p.txt", d);
        CHECK(decoded.text == text);
        const auto seg = segment_page(decoded, {"p.txt", "1", 1, "zh-Hans", ""});
        const auto reference = segment(text);
        REQUIRE(seg.articles.size() == reference.articles.size());
        for (std::size_t i = 0; i < seg.articles.size(); ++i) {
            CHECK(seg.articles[i].headline == reference.articles[i].headline);
            CHECK(seg.articles[i].body_text() == reference.articles[i].body_text());
        }
        // Every block's bytes, decoded on their own, are the block's part of the text.
        std::uint64_t covered = 0;
        for (const Block& b : seg.blocks) {
            REQUIRE(b.source.size() == 1);
            CHECK(b.source[0].offset == covered);
            covered += b.source[0].length;
            Diagnostics dd;
            const std::string slice = bytes.substr(b.source[0].offset, b.source[0].length);
            const auto part = decode_text(slice, charset, "slice", dd);
            CHECK(dd.empty());
            CHECK(repair_line(part.text, RepairMode::body).size() > 0);
        }
        CHECK(covered == bytes.size());
    }
    CHECK(expected.articles.size() == 2);
}

TEST_CASE("lines: terminators and blank lines") {
    const auto lines = split_lines("a\r\n\n \u3000\nb");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].content == "a");
    CHECK(lines[0].end == 3);
    CHECK(lines[1].blank);
    CHECK(lines[2].blank);
    CHECK(lines[3].content == "b");
}

TEST_CASE("repair: spaced-out lines, digits, joins, hyphenation") {
    CHECK(repair_line("实 施 服 务 业 产 业 市 场 主 体 培 育 行", RepairMode::body) ==
          "实施服务业产业市场主体培育行");
    CHECK(repair_line("5 月 15 日，部署 14项", RepairMode::body) == "5月15日，部署14项");
    CHECK(repair_line("老房焕新颜 街巷添温度", RepairMode::title) == "老房焕新颜 街巷添温度");
    CHECK(join_lines({"33", "名网格员"}) == "33名网格员");
    CHECK(join_lines({"told the coun-", "cil. Then"}) == "told the council. Then");
    CHECK(join_lines({"the first", "time"}) == "the first time");
    CHECK(join_lines({"治国安邦，重在", "基础。"}) == "治国安邦，重在基础。");
    CHECK(line_width("中文ab") == 3.0);
}

TEST_CASE("link: n-gram overlap and the assignment") {
    const NgramProfile title("孝义“九大培育行动”");
    CHECK(overlap(title, NgramProfile("孝义市实施九大培育行动")) > 0.8);
    CHECK(overlap(title, NgramProfile("兴县杂粮")) == 0.0);
    // Greedy would give row 0 column 0 (0.9) and leave row 1 with nothing.
    const auto choice = assign({{0.9, 0.8}, {0.85, 0.0}}, 0.2);
    CHECK(choice == std::vector<int>{1, 0});
    CHECK(assign({{0.1}}, 0.2) == std::vector<int>{-1});
}

TEST_CASE("link: the profile index gives the overlap with every article") {
    const std::vector<NgramProfile> articles{NgramProfile("孝义市实施九大培育行动，九大行动"),
                                             NgramProfile("兴县杂粮 sells grain"), NgramProfile(""),
                                             NgramProfile("Grain prices rise in the county; 培育")};
    const ProfileIndex index(articles);
    for (const char* t : {"孝义“九大培育行动”", "GRAIN PRICES", "", "培育杂粮 county"}) {
        CAPTURE(std::string(t));
        const NgramProfile title(t);
        const std::vector<double> shares = index.overlaps(title);
        REQUIRE(shares.size() == articles.size());
        for (std::size_t i = 0; i < articles.size(); ++i)
            CHECK(shares[i] == overlap(title, articles[i]));
    }
    CHECK(index.overlaps(NgramProfile("九大行动"))[0] == 1.0);
}

TEST_CASE("segment: the hard cases of a double-spaced Chinese page") {
    const auto seg = segment(page_zh);
    REQUIRE(seg.articles.size() == 2);
    const Article& a = seg.articles[0];
    CHECK(a.headline == "东山县新建学校十二所");  // after its body
    CHECK(a.dateline == "本报讯");
    REQUIRE(a.bylines.size() == 2);
    CHECK(a.bylines[1].text == "通讯员 李华");  // split over two lines
    CHECK(a.bylines[1].role == "correspondent");
    CHECK(a.body_text() ==
          "东山县今年新建学校12所，改造校舍面积达到三万平方米，新增学位四千余个，惠及学生一万余"
          "人，有效缓解了城区入学压力。");
    const Article& b = seg.articles[1];
    CHECK_FALSE(b.headline.has_value());  // no headline anywhere: kept, flagged
    REQUIRE(b.warnings.size() == 1);
    CHECK(b.warnings[0].message == "no headline found for this article; headline left empty");
    CHECK(b.body_text() ==
          "西河镇近日召开春耕生产动员大会，部署全年粮食生产任务。会议要求各村抓紧做好春耕备耕各"
          "项工作，确保粮食播种面积稳定在去年水平，全力夺取夏粮丰收。");
    REQUIRE(seg.illustrations.size() == 1);
    CHECK(seg.illustrations[0].headline == "南湖公园荷花盛开");  // caption right under it
    CHECK(seg.illustrations[0].caption == "5月15日，市民在南湖公园赏荷。");
    CHECK(seg.illustrations[0].credit == "张三");
}

TEST_CASE("segment: every byte ends up in exactly one block") {
    const auto seg = segment(page_zh);
    std::uint64_t next = 0;
    for (const Block& b : seg.blocks) {
        CHECK(b.source.front().offset == next);
        next = b.source.front().end();
    }
    CHECK(next == page_zh.size());
}

TEST_CASE("segment: English jump lines, bylines, datelines and captions") {
    const std::string page =
        "By JANE ROE\nCourier Staff Writer\n\nMILLTOWN — The mill reopened on Friday af-\nter "
        "a long closure, officials said.\n\nSee MILL, Page A4\n\nMill reopens after two years\n\n"
        "Workers walk past the mill gate on Friday\nmorning. Photo: Sam Lee\n";
    const auto seg = segment(page, "en");
    REQUIRE(seg.articles.size() == 1);
    const Article& a = seg.articles[0];
    CHECK(a.headline == "Mill reopens after two years");
    CHECK(a.bylines.at(0).text == "JANE ROE, Courier Staff Writer");
    CHECK(a.dateline == "MILLTOWN —");
    CHECK(a.body_text() == "The mill reopened on Friday after a long closure, officials said.");
    CHECK(a.continued_on == "A4");
    CHECK(seg.jumps.at(0).key == "MILL");
    REQUIRE(seg.illustrations.size() == 1);
    CHECK(seg.illustrations[0].credit == "Sam Lee");
}

TEST_CASE("segment: hostile input stays bounded") {
    CHECK(segment("").blocks.empty());
    CHECK(segment("\n\n\n").blocks.size() == 1);
    // A 10 MB single line: one block, no crash. A hang is caught by the unit tests' ctest
    // TIMEOUT (tests/CMakeLists.txt); speed is measured by bench/segment, not here.
    const std::string long_line(10 * 1024 * 1024, 'x');
    const auto seg = segment(long_line, "en");
    CHECK(seg.blocks.size() == 1);
    CHECK(seg.blocks[0].source.front().length == long_line.size());
    std::string many;
    for (int i = 0; i < 20000; ++i) many += "标题\n\n";
    CHECK(segment(many).blocks.size() > 0);
}

TEST_CASE("seed: page 1 of a real city daily") {
    const std::filesystem::path seed =
        std::filesystem::path(PAPERBAG_SHARED_DIR) / "seeds/000_5d98f6ef572bbe6c.txt";
    if (!std::filesystem::exists(seed)) {
        MESSAGE("skipped: ../shared/seeds is not available");
        return;
    }
    PageFilesOptions options;
    options.title = "吕梁日报";
    options.date = "2022-05-16";
    options.page = "1";
    Issue issue = issue_from_page_files({seed}, options);
    Diagnostics d;
    segment_issue(issue, d);
    REQUIRE(issue.articles.size() == 5);
    REQUIRE(issue.illustrations.size() == 1);
    const auto& a = issue.articles;
    CHECK(a[0].headline == "党建引领“融进去”基层治理“活起来”");
    CHECK(a[0].subtitle == "全市抓党建促基层治理能力提升综述");
    REQUIRE(a[0].bylines.size() == 1);
    CHECK(a[0].bylines[0].text == "本报记者 罗丽");
    CHECK(a[0].intertitles() ==
          std::vector<std::string>{"坚持以上率下做好基层治理这篇大文章",
                                   "坚持制度创新组织力量穿透基层治理“最后一米”"});
    CHECK(a[0].continued_on == "2");
    CHECK(a[0].body_text().find("部署14项") != std::string::npos);
    CHECK(a[0].body_text().find("33名网格员") != std::string::npos);
    CHECK(a[0].body_text().ends_with("的乡镇执法工作机制。"));
    CHECK(a[1].headline == "孝义“九大培育行动”筑牢强劲发展动能");
    CHECK(a[1].dateline == "本报讯");
    REQUIRE(a[1].bylines.size() == 2);
    CHECK(a[1].bylines[0].text == "记者 李雅萍");
    CHECK(a[1].bylines[1].text == "通讯员 武姝君");
    CHECK(a[1].body_text().find("实施服务业产业市场主体培育行动。") != std::string::npos);
    CHECK(a[1].continued_on == "2");
    CHECK_FALSE(a[2].headline.has_value());
    CHECK(a[2].dateline == "本报讯");
    CHECK(a[2].continued_on == "2");
    CHECK(a[2].warnings.size() == 1);
    CHECK(a[3].headline == "“阳府井枣芽红茶”香飘京城");
    CHECK(a[3].signature == "刘锦云");
    CHECK(a[3].body_text().starts_with("5月15日，主题为“健康引领未来”"));
    CHECK(a[4].kicker == "《求是》杂志发表习近平总书记重要文章");
    CHECK(a[4].headline == "正确认识和把握我国发展重大理论和实践问题");
    CHECK(a[4].dateline == "新华社北京5月15日电");
    CHECK(a[4].body_text().starts_with("5月16日出版的第10期《求是》杂志"));
    CHECK(a[4].continued_on == "2");
    const Illustration& ill = issue.illustrations[0];
    CHECK(ill.credit == "侯利军");
    CHECK(ill.caption.starts_with("5月15日是全国助残日，"));
    CHECK(ill.caption.ends_with("图为吕梁市残疾人职业技能学校残疾学生学习用脚画工笔画。"));
}

TEST_CASE("continuations: an unmatched jump is reported at the line of its marker") {
    test::TempDir dir;
    const auto one = dir.write("p1.txt",
                               "本报讯 西河镇近日召开春耕生产动员\n\n"
                               "大会，部署全年粮食生产任务。\n\n"
                               "会议要求各村抓紧做好春耕工作。（下转2版）\n\n"
                               "西河镇部署春耕生产\n");
    const auto two = dir.write("p2.txt",
                               "本报讯 东山县今年新建学校十二所。\n\n"
                               "（上接3版）改造校舍面积达到三万平方米。\n");
    PageFilesOptions options;
    options.title = "江河日报";
    options.date = "2024-03-18";
    Issue issue = issue_from_page_files({one, two}, options);
    Diagnostics d;
    segment_issue(issue, d);
    std::vector<std::string> jumps;
    for (const Diagnostic& w : d)
        if (w.code == "PB-SEG-JUMP-UNMATCHED") jumps.push_back(w.format());
    CHECK(jumps == std::vector<std::string>{
                       "p1.txt:5: warning: continued on page 2, but no continuation was found "
                       "there [PB-SEG-JUMP-UNMATCHED]"});
    REQUIRE(issue.articles.size() >= 1);
    CHECK(issue.articles[0].warnings.back().format() == jumps.front());
}
