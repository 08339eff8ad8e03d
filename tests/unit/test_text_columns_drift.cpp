// Column reading of layout-preserving text (text_columns): pdftotext places every line by its
// own x position, so a column's right edge drifts; a line that reaches into the gutter but
// leaves free cells before the next column does not cross the gutter, and is not read across.
#include <doctest/doctest.h>

#include <string>

#include "import/text_columns.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

std::string row(const std::string& left, const std::string& right) {
    return left + std::string(22 - left.size(), ' ') + right + "\n";
}

}  // namespace

TEST_CASE("columns: a line reaching into the gutter stays in its column") {
    // A headline over both columns blocks the gutter; one line of the left column runs three
    // cells longer than the others, into the cells the headline leaves ink on, but still two
    // cells short of the right column.
    std::string page = "Council Votes New Budget For The Harbour\n";
    for (int k = 0; k < 20; ++k) {
        const std::string n = std::to_string(10 + k);
        const std::string left = k == 9 ? "left line " + n + " longer" : "left line " + n + " ab";
        page += row(left, "right line " + n);
    }
    Diagnostics d;
    const ColumnReading reading = read_columns(decode_text(page, "", "t.txt", d));
    REQUIRE(reading.applied);
    const std::string& text = reading.text.text;
    const std::size_t long_line = text.find("left line 19 longer");
    REQUIRE(long_line != std::string::npos);
    // Not read across: the long line is followed by the next line of its own column.
    const std::size_t eol = text.find('\n', long_line);
    CHECK(text.substr(long_line, eol - long_line).find("right line") == std::string::npos);
    CHECK(text.find("left line 20", eol) == text.find_first_not_of(' ', eol + 1));
    // The left column is read whole before the right one.
    CHECK(text.find("left line 29") < text.find("right line 10"));
}
