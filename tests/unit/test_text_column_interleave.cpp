// Column reading of layout-preserving text (text_columns, text_column_interleave): the first
// lines of an article's columns fall on every other row (between the baselines of the column
// beside them) and then on every row; the alternating rows belong to the columns below them,
// they are not bands of their own read across the columns.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "import/text_column_interleave.hpp"
#include "import/text_columns.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

// Pads `s` to `width` cells (one per code point, as pdftotext), at least two spaces.
std::string pad(const std::string& s, std::size_t width) {
    std::size_t cells = 0;
    for (const char ch : s) cells += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    return s + std::string(cells < width ? width - cells : 2, ' ');
}

// One row: the left article's two columns (18 cells each) and the right column beside them.
std::string row(const std::string& a, const std::string& b, const std::string& c) {
    return pad(a, 18) + pad(b, 18) + c + "\n";
}

// A row of the left article printed across both its columns (a caption).
std::string wide(const std::string& left, const std::string& c) {
    return pad(left, 36) + c + "\n";
}

}  // namespace

TEST_CASE("columns: rows alternating with the column beside go with the columns below") {
    const std::string page =
        wide("图为西河镇农民在田间查看麦苗长势，村干部", "") +
        wide("向农民介绍今年的春耕安排。本报记者李明摄", "本报讯 东湖公园经过") +
        row("", "", "三个月的改造，今天") + row("西河镇部署春耕生产", "", "") +
        row("", "", "起向市民免费开放，") + row("  全面动员会", "", "") +
        row("", "", "开放时间为每天六时") + row("本报讯 西河镇近日", "会，部署全年粮食生", "") +
        row("", "", "至二十二时，节假日") +
        row("召开春耕生产动员大", "产任务，要求各村抓", "延长到二十三时，并") +
        row("紧做好春耕备耕各项", "工作，确保播种面积", "提供免费饮水和休息") +
        row("稳定，力争全年粮食", "再获丰收。县里派出", "座椅。管理处表示，") +
        row("产量再创新高。会上", "工作组分片包干，帮", "将增派人员疏导游客") +
        row("各村负责人签订了目", "助解决种子化肥等问", "维护园内秩序，保障") +
        row("标责任书，明确分工", "题，确保不误农时。", "游客安全，欢迎市民") +
        row("和完成时限，全县上", "", "监督。");
    Diagnostics d;
    const ColumnReading reading = read_columns(decode_text(page, "", "t.txt", d));
    REQUIRE(reading.applied);
    const std::string& text = reading.text.text;
    // The left column of the body is read whole before the right one: its first line (on a
    // row between two lines of the column beside) does not pull the right column's first
    // line ahead of the rest of the left column.
    const std::vector<std::string> left = {"全面动员会", "本报讯 西河镇近日", "召开春耕生产动员大",
                                           "紧做好春耕备耕各项", "和完成时限，全县上"};
    for (std::size_t k = 0; k < left.size(); ++k) {
        REQUIRE(text.find(left[k]) != std::string::npos);
        if (k > 0) CHECK(text.find(left[k - 1]) < text.find(left[k]));
    }
    CHECK(text.find("和完成时限，全县上") < text.find("会，部署全年粮食生"));
    CHECK(text.find("会，部署全年粮食生") < text.find("产任务，要求各村抓"));
    // The caption comes first, above the article; the right column is read on its own.
    CHECK(text.find("村干部") < text.find("向农民介绍"));
    CHECK(text.find("本报记者李明摄") < text.find("西河镇部署春耕生产"));
    CHECK(text.find("题，确保不误农时。") < text.find("本报讯 东湖公园经过"));
    CHECK(text.find("本报讯 东湖公园经过") < text.find("三个月的改造"));
}

TEST_CASE("column interleave: a lone row joins the columns below only between neighbour rows") {
    // Rows 0..9 of one region: rows 2 and 4 printed alone, row 5 empty here; rows 6.. columns.
    const std::vector<bool> here = {true, true, false, true, false, true, false, true, true, true};
    std::vector<bool> beside(here.size(), true);
    const auto probe_with = [&](std::vector<bool> besides) {
        InterleaveProbe probe;
        probe.printed = [&](std::size_t r) { return static_cast<bool>(here[r]); };
        probe.printed_beside = [besides](std::size_t r) { return static_cast<bool>(besides[r]); };
        probe.inked = [](std::size_t, std::size_t from, std::size_t to) {
            return from < 3 && to > 1;  // every row printed in cells [1, 3): the left column
        };
        probe.gutters = [](RowSpan) { return PartGutters{0, 12, {{4, 6}}}; };
        return probe;
    };
    // Parts as horizontal_parts cuts them at the one-row gaps: [0-1] [2-3] [4-5] [6-9].
    std::vector<RowSpan> parts = {{0, 2}, {2, 4}, {4, 6}, {6, 10}};
    join_interleaved(parts, probe_with(beside));
    REQUIRE(parts.size() == 2);  // rows 3 and 5 lie between neighbour rows: joined below
    CHECK(parts[0].r1 == 2);
    CHECK(parts[1].r0 == 2);
    // Row 4 (between rows 3 and 5) empty beside too: a real gap, nothing joins across it.
    beside[4] = false;
    parts = {{0, 2}, {2, 4}, {4, 6}, {6, 10}};
    join_interleaved(parts, probe_with(beside));
    REQUIRE(parts.size() == 3);
    CHECK(parts[1].r1 == 4);
}
