// Column reading of layout-preserving text: a paragraph that runs on from the foot of one
// column to the top of the next is one paragraph (text_column_flow, text_columns).
#include <doctest/doctest.h>

#include <string>

#include "import/text_column_flow.hpp"
#include "import/text_columns.hpp"

using namespace paperbag;
using namespace paperbag::text;

TEST_CASE("column flow: a paragraph runs on unless its line ends a sentence") {
    CHECK(paragraph_runs_on("gaged by two men, who came from", false, "the hotel, to take them"));
    CHECK(paragraph_runs_on("本报北京电 国务院今天召开常务会", true, "议，研究部署春耕生产"));
    CHECK_FALSE(paragraph_runs_on("out of the city.", true, "the hotel, to take them"));
    CHECK_FALSE(paragraph_runs_on("he said. \"We will go.\"", true, "the hotel"));
    CHECK_FALSE(paragraph_runs_on("会议要求各地抓紧落实。", true, "议，研究部署"));
    CHECK_FALSE(paragraph_runs_on("他说：“我们一定做到。”", true, "议，研究部署"));
    // A short line that does not end a sentence, before a capital: a title, not a run-on.
    CHECK_FALSE(paragraph_runs_on("Car Found Near Beach", false, "Later a passing motorist"));
}

namespace {

std::string row(const std::string& left, const std::string& right) {
    return left + std::string(40 - left.size(), ' ') + right + "\n";
}

}  // namespace

TEST_CASE("columns: a paragraph running into the next column is not cut by a blank line") {
    const char* left[] = {
        "   David April, of Lamont street, a",  "public hacker, was attacked, thrown",
        "from his car and left unconscious by", "the road in the park last night by",
        "two men who, a little while before,",  "had engaged him to drive them round",
        "the city to see the sights, and was",  "called by the same two men who came"};
    const char* right[] = {
        "from the hotel, to take them to the", "station. Reaching the plaza he was",
        "directed to drive into the park and", "stopped his car to let the men view",
        "the bureau of engraving. One of",     "them hit him a blow with a hammer,",
        "and the other hit him on the head.",  "He was thrown from the car."};
    std::string page;
    for (int k = 0; k < 8; ++k) page += row(left[k], right[k]);
    Diagnostics d;
    const ColumnReading reading = read_columns(decode_text(page, "", "t.txt", d));
    REQUIRE(reading.applied);
    const std::string& text = reading.text.text;
    const std::size_t foot = text.find("called by the same two men who came");
    const std::size_t top = text.find("from the hotel, to take them");
    REQUIRE(foot != std::string::npos);
    REQUIRE(top != std::string::npos);
    CHECK(foot < top);
    CHECK(text.substr(foot, top - foot).find("\n\n") == std::string::npos);
}

TEST_CASE("columns: a box of short lines beside a column is not joined to it") {
    // Left: eight lines of a column; right: an advertisement of centred short lines.
    const char* left[] = {
        "   David April, of Lamont street, a",  "public hacker, was attacked, thrown",
        "from his car and left unconscious by", "the road in the park last night by",
        "two men who, a little while before,",  "had engaged him to drive them round",
        "the city to see the sights, and was",  "called by the same two men who came"};
    const char* right[] = {"     pianos and",  "      player", "      pianos",
                           "   cash or easy",  "      terms",  "    write for",
                           "   our catalogue", "    of pianos"};
    std::string page;
    for (int k = 0; k < 8; ++k) page += row(left[k], right[k]);
    Diagnostics d;
    const ColumnReading reading = read_columns(decode_text(page, "", "t.txt", d));
    REQUIRE(reading.applied);
    const std::string& text = reading.text.text;
    const std::size_t foot = text.find("called by the same two men who came");
    const std::size_t box = text.find("pianos and");
    REQUIRE(foot != std::string::npos);
    REQUIRE(box != std::string::npos);
    CHECK(
        text.substr(std::min(foot, box), std::max(foot, box) - std::min(foot, box)).find("\n\n") !=
        std::string::npos);
}

TEST_CASE("columns: a ragged-right paragraph running into the next column is one paragraph") {
    // Left: ragged lines (most of them far from the column's right edge), all flush left.
    const char* left[] = {"   The council met today.",
                          "Mayor Fawcett spoke of",
                          "the idea of a new power plant and a",
                          "the council agreed.",
                          "   Mr. Hebb's site, said",
                          "to be one of the best",
                          "located in the state, is",
                          "the one the city wants. It is on"};
    const char* right[] = {"the White river, and Hebb will",   "sell the site for a million, it",
                           "is said. The plant would cost",    "more than a million and a half.",
                           "   Arrangements were made today",  "for an automobile trip by the",
                           "commissioners to the power site.", "   The trip is on Monday."};
    std::string page;
    for (int k = 0; k < 8; ++k) page += row(left[k], right[k]);
    Diagnostics d;
    const ColumnReading reading = read_columns(decode_text(page, "", "t.txt", d));
    REQUIRE(reading.applied);
    const std::string& text = reading.text.text;
    const std::size_t foot = text.find("the one the city wants. It is on");
    const std::size_t top = text.find("the White river");
    REQUIRE(foot != std::string::npos);
    REQUIRE(top != std::string::npos);
    CHECK(foot < top);
    CHECK(text.substr(foot, top - foot).find("\n\n") == std::string::npos);
}
