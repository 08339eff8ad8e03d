// Column reading of layout-preserving text (text_columns): a column that pdftotext -layout
// prints with nothing beside it on its rows (a right column next to a picture) is padded
// from the page's left edge; such far-placed lines are evidence of a layout grid too.
#include <doctest/doctest.h>

#include <string>

#include "import/text_columns.hpp"

using namespace paperbag;
using namespace paperbag::text;

TEST_CASE("columns: a column printed far right with nothing beside it is a layout grid") {
    const std::string pad(60, ' ');
    std::string page = "10          THE DAY BOOK, MONDAY, FEBRUARY 14, 1916\n\n";
    for (int k = 0; k < 12; ++k) {
        const std::string n = std::to_string(10 + k);
        if (k == 5)
            page += "  Valentine for a member of the House, an         line " + n + " of it\n";
        else
            page += pad + "line " + n + " of the right column\n";
    }
    Diagnostics d;
    const DecodedText decoded = decode_text(page, "", "t.txt", d);
    CHECK(looks_columnar(decoded));
    const ColumnReading reading = read_columns(decoded);
    REQUIRE(reading.applied);
    // The caption beside the column is read apart from the column's lines.
    const std::string& text = reading.text.text;
    const std::size_t caption = text.find("Valentine for a member of the House, an");
    REQUIRE(caption != std::string::npos);
    CHECK(text.substr(caption, text.find('\n', caption) - caption).find("line") ==
          std::string::npos);
}

TEST_CASE("columns: plain text with indents and centred titles is not a layout grid") {
    std::string page = "            COUNCIL VOTES NEW BUDGET\n\n";
    for (int k = 0; k < 12; ++k)
        page += (k % 4 == 0 ? "    " : "") + std::string("a line of running text, number ") +
                std::to_string(k) + "\n";
    page += "\n                 SECOND ITEM\n";
    Diagnostics d;
    CHECK_FALSE(looks_columnar(decode_text(page, "", "t.txt", d)));
}
