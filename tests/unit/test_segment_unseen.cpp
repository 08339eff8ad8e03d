// Pages in styles the samples and the seed do not show (tests/data/pages/): Chinese text
// with no blank lines at all, a Traditional-Chinese page with an agency dateline and a
// headline printed after its article, and an English wire page with ALL-CAPS headlines.
#include <doctest/doctest.h>

#include <filesystem>

#include "import/segment_page.hpp"
#include "import/text_decode.hpp"
#include "paperbag/page_import.hpp"
#include "support/temp_dir.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

std::filesystem::path page_path(const char* name) {
    return std::filesystem::path(PAPERBAG_SOURCE_DIR) / "tests" / "data" / "pages" / name;
}

struct Segmented {
    std::string bytes;
    PageSegments seg;
};

Segmented segment_file(const char* name, const std::string& lang) {
    Segmented out;
    out.bytes = test::read_all(page_path(name));
    Diagnostics d;
    const auto decoded = decode_text(out.bytes, "", name, d);
    out.seg = segment_page(decoded, {name, "1", 1, lang, ""});
    return out;
}

void check_every_byte_once(const Segmented& s) {
    std::uint64_t next = 0;
    for (const Block& b : s.seg.blocks) {
        REQUIRE(b.source.size() == 1);
        CHECK(b.source.front().offset == next);
        next = b.source.front().end();
    }
    CHECK(next == s.bytes.size());
}

std::vector<std::string> byline_texts(const Article& a) {
    std::vector<std::string> out;
    for (const Byline& b : a.bylines) out.push_back(b.text);
    return out;
}

}  // namespace

TEST_CASE("unseen: Chinese page without blank lines, （完） end marks, bracketed credit") {
    const auto s = segment_file("zh_dense.txt", "zh-Hans");
    check_every_byte_once(s);
    const auto& a = s.seg.articles;
    REQUIRE(a.size() == 3);
    // A stack of two title lines is headline + deck (the longer second line is the deck).
    CHECK(a[0].headline == "城东新建口袋公园迎客");
    CHECK(a[0].subtitle == "周边居民多了休闲好去处");
    CHECK(byline_texts(a[0]) == std::vector<std::string>{"本报记者 陈晓雯"});
    CHECK(a[0].dateline == "本报讯");
    CHECK(a[0].body_text().starts_with("经过三个月的施工"));
    CHECK(a[0].body_text().ends_with("出门进园。"));  // （完） is not body text
    CHECK_FALSE(a[0].signature.has_value());
    CHECK(a[1].headline == "乡村夜校办到了田间地头");
    CHECK(byline_texts(a[1]) == std::vector<std::string>{"本报记者 刘志刚", "通讯员 孙悦"});
    CHECK_FALSE(a[1].dateline.has_value());
    CHECK(a[1].body_text().ends_with("实用本领。"));
    CHECK(a[2].headline == "全市首批社区食堂挂牌运营");
    CHECK(byline_texts(a[2]) == std::vector<std::string>{"本报记者 周婷"});
    CHECK(a[2].dateline == "本报讯");
    for (const Article& x : a) {
        CHECK_FALSE(x.continued_on.has_value());
        // Paragraphs are found from the line rhythm: more than one per article.
        CHECK(x.body.size() > 1);
    }
    REQUIRE(s.seg.illustrations.size() == 1);
    CHECK(s.seg.illustrations[0].caption == "图为市民在新开放的口袋公园内休闲健身。");
    CHECK(s.seg.illustrations[0].credit == "记者 陈晓雯");
    CHECK(s.seg.warnings.empty());
}

TEST_CASE("unseen: Traditional-Chinese page, 中央社 dateline, headline after its article") {
    const auto s = segment_file("zh_hant.txt", "zh-Hant");
    check_every_byte_once(s);
    const auto& a = s.seg.articles;
    REQUIRE(a.size() == 4);
    CHECK(a[0].headline == "港口貨運量創同期新高");
    CHECK(a[0].dateline == "本報訊");
    CHECK(byline_texts(a[0]) == std::vector<std::string>{"記者 林家豪"});
    CHECK(a[0].continued_on == "3");
    CHECK(a[0].body_text().starts_with("據市港務局最新統計，今年第一季"));
    CHECK(a[1].dateline == "（中央社記者王怡婷台北5日電）");
    CHECK(byline_texts(a[1]) == std::vector<std::string>{"記者 王怡婷"});
    CHECK(a[1].headline == "預算案聚焦人工智慧與淨零");  // printed at the page's end
    CHECK(a[1].body_text().starts_with("行政院今天通過"));
    CHECK(a[2].headline == "古蹟修復完工 老街重現風華");
    CHECK(byline_texts(a[2]) == std::vector<std::string>{"記者 黃志明"});
    CHECK(a[2].body_text().starts_with("歷時兩年"));
    CHECK(a[2].body_text().ends_with("認識地方歷史。"));
    CHECK(a[3].headline == "市府推動公共自行車升級");
    CHECK(a[3].dateline == "本報訊");
    CHECK(a[3].bylines.empty());
    for (std::size_t i = 1; i < a.size(); ++i) CHECK_FALSE(a[i].continued_on.has_value());
    REQUIRE(s.seg.illustrations.size() == 1);
    CHECK(s.seg.illustrations[0].caption == "圖為修復完成的老街街屋。");
    CHECK(s.seg.illustrations[0].credit == "記者 黃志明");

    PageFilesOptions options;
    options.title = "T";
    options.date = "2024-05-01";
    options.page = "1";
    Diagnostics d;
    Issue issue = issue_from_page_files({page_path("zh_hant.txt")}, options);
    segment_issue(issue, d);
    CHECK(issue.languages == std::vector<std::string>{"zh-Hant"});
    Issue simplified = issue_from_page_files({page_path("zh_dense.txt")}, options);
    segment_issue(simplified, d);
    CHECK(simplified.languages == std::vector<std::string>{"zh-Hans"});
}

TEST_CASE("unseen: English wire page, ALL-CAPS headlines, Continued on A6") {
    const auto s = segment_file("en_wire.txt", "en");
    check_every_byte_once(s);
    const auto& a = s.seg.articles;
    REQUIRE(a.size() == 4);
    CHECK(a[0].headline == "SENATE PANEL ADVANCES RAIL SAFETY BILL");
    CHECK(a[0].subtitle == "Measure would require new brake inspections");
    CHECK(a[0].dateline == "WASHINGTON (AP) —");
    CHECK(a[0].bylines.empty());
    CHECK(a[0].continued_on == "A6");
    // An article without a headline after a jump line, ended by its signature.
    CHECK_FALSE(a[1].headline.has_value());
    CHECK(a[1].body_text().starts_with("Firefighters from three departments"));
    CHECK(a[1].signature == "Staff report");
    CHECK_FALSE(a[2].headline.has_value());
    CHECK(byline_texts(a[2]) == std::vector<std::string>{"JANE DOE, Associated Press"});
    CHECK(a[2].dateline == "MILLBROOK —");
    CHECK(a[3].headline == "LIBRARY TO EXTEND WEEKEND HOURS");
    CHECK_FALSE(a[3].subtitle.has_value());
    CHECK(byline_texts(a[3]) == std::vector<std::string>{"Mark Ellison, Gazette Staff Writer"});
    for (std::size_t i = 1; i < a.size(); ++i) CHECK_FALSE(a[i].continued_on.has_value());
    REQUIRE(s.seg.illustrations.size() == 1);
    CHECK(s.seg.illustrations[0].caption.starts_with("Children listen to a story"));
    CHECK(s.seg.illustrations[0].credit == "Ben Carter");
    CHECK(s.seg.warnings.empty());
}

TEST_CASE("unseen: the seed page with every blank line removed segments like the seed") {
    const auto seed =
        std::filesystem::path(PAPERBAG_SHARED_DIR) / "seeds" / "000_5d98f6ef572bbe6c.txt";
    if (!std::filesystem::exists(seed)) {
        MESSAGE("skipped: ../shared/seeds is not available");
        return;
    }
    std::string dense;
    const std::string bytes = test::read_all(seed);
    std::size_t pos = 0;
    while (pos < bytes.size()) {
        const auto stop = std::min(bytes.find('\n', pos), bytes.size());
        const std::string_view line(bytes.data() + pos, stop - pos);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
            dense += line;
            dense += '\n';
        }
        pos = stop + 1;
    }
    Diagnostics d;
    const auto seg =
        segment_page(decode_text(dense, "", "seed.txt", d), {"seed.txt", "1", 1, "zh-Hans", ""});
    const auto& a = seg.articles;
    REQUIRE(a.size() == 5);
    CHECK(a[0].headline == "党建引领“融进去”基层治理“活起来”");
    CHECK(a[0].subtitle == "全市抓党建促基层治理能力提升综述");
    CHECK(a[0].continued_on == "2");
    CHECK(a[0].intertitles().size() == 2);
    CHECK(a[1].headline == "孝义“九大培育行动”筑牢强劲发展动能");
    CHECK(a[3].signature == "刘锦云");
    CHECK(a[4].dateline == "新华社北京5月15日电");
    REQUIRE(seg.illustrations.size() == 1);
    CHECK(seg.illustrations[0].credit == "侯利军");
}
