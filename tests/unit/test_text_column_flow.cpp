// Column reading of layout-preserving text: a paragraph that runs on from the foot of one
// column to the top of the next is one paragraph (text_column_flow, text_columns).
#include <doctest/doctest.h>

#include <algorithm>
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

// The column reading of eight rows, `left` and `right` side by side.
std::string read_two_columns(const char* const (&left)[8], const char* const (&right)[8]) {
    std::string page;
    for (int k = 0; k < 8; ++k) page += row(left[k], right[k]);
    Diagnostics d;
    const ColumnReading reading = read_columns(decode_text(page, "", "t.txt", d));
    REQUIRE(reading.applied);
    return reading.text.text;
}

// Whether a blank line stands between the lines holding `first` and `second` (both present).
bool blank_line_between(const std::string& text, const char* first, const char* second) {
    const std::size_t a = text.find(first);
    const std::size_t b = text.find(second);
    REQUIRE(a != std::string::npos);
    REQUIRE(b != std::string::npos);
    return text.substr(std::min(a, b), std::max(a, b) - std::min(a, b)).find("\n\n") !=
           std::string::npos;
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
    const std::string text = read_two_columns(left, right);
    CHECK(text.find("called by the same two men who came") <
          text.find("from the hotel, to take them"));
    CHECK_FALSE(blank_line_between(text, "called by the same two men who came",
                                   "from the hotel, to take them"));
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
    const std::string text = read_two_columns(left, right);
    CHECK(blank_line_between(text, "called by the same two men who came", "pianos and"));
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
    const std::string text = read_two_columns(left, right);
    CHECK(text.find("the one the city wants. It is on") < text.find("the White river"));
    CHECK_FALSE(blank_line_between(text, "the one the city wants. It is on", "the White river"));
}
