// Column reading of layout-preserving text (text_columns): a column whose lines fall on
// every other row of the grid (pdftotext gives each baseline its own row, and the columns
// beside it have other baselines) is one column, not a stack of one-line bands.
#include <doctest/doctest.h>

#include <string>

#include "import/text_columns.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

// One row of the grid: each text padded to `width` cells (one per code point, as pdftotext).
std::string row(const std::string& a, const std::string& b, const std::string& c) {
    const auto pad = [](const std::string& s, std::size_t width) {
        std::size_t cells = 0;
        for (const char ch : s) cells += (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
        return s + std::string(cells < width ? width - cells : 2, ' ');
    };
    return pad(a, 18) + pad(b, 18) + c + "\n";
}

}  // namespace

TEST_CASE("columns: lines on every other row stay one column") {
    // Left: a short item on the even rows; middle and right: one article's two columns on the
    // odd rows (their baselines between those of the left column), under its headline, which
    // spans them. Every other row is empty right of the left column: that is the columns' line
    // pitch, not a break between one-line bands read across.
    const std::string page =
        row("西河镇部署春耕", "东湖公园经过三个月改造今起免费向市民开放", "") +
        row("", "本报讯 东湖公园经过", "园内新增步道三条、") + row("本报讯 西河镇近日", "", "") +
        row("", "三个月的改造，今天", "健身广场两处和停车") + row("召开春耕生产动员大", "", "") +
        row("", "起向市民免费开放，", "场一座，方便市民晨") + row("会，部署全年粮食生", "", "") +
        row("", "开放时间为每天六时", "练。管理处表示，将") + row("产任务，要求各村抓", "", "") +
        row("", "至二十二时，节假日", "增派人员疏导游客，") + row("紧做好春耕备耕各项", "", "") +
        row("", "延长到二十三时，并", "维护园内秩序，保障") + row("工作，确保播种面积", "", "") +
        row("", "提供免费饮水和休息", "游客安全，欢迎市民") + row("稳定。", "", "") +
        row("", "座椅。", "监督。");
    Diagnostics d;
    const ColumnReading reading = read_columns(decode_text(page, "", "t.txt", d));
    REQUIRE(reading.applied);
    const std::string& text = reading.text.text;
    // The middle column is read whole, in order, before the right one.
    const std::size_t mid_first = text.find("本报讯 东湖公园经过");
    const std::size_t mid_last = text.find("座椅。");
    const std::size_t right_first = text.find("园内新增步道三条");
    REQUIRE(mid_first != std::string::npos);
    REQUIRE(right_first != std::string::npos);
    CHECK(mid_first < text.find("三个月的改造"));
    CHECK(text.find("起向市民免费开放") < mid_last);
    CHECK(mid_last < right_first);
    CHECK(text.substr(mid_first, mid_last - mid_first).find("\n\n") == std::string::npos);
    // The left item stays before both, whole, and the headline before its columns.
    CHECK(text.find("向市民开放") < mid_first);
    CHECK(text.find("稳定。") < mid_first);
}
