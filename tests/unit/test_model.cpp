#include "paperbag/model.hpp"

#include <doctest/doctest.h>

using namespace paperbag;

TEST_CASE("Date parses real calendar dates only") {
    CHECK(Date::parse("2024-03-18") == Date{2024, 3, 18});
    CHECK(Date::parse("2024-02-29"));  // leap year
    CHECK_FALSE(Date::parse("2023-02-29"));
    CHECK_FALSE(Date::parse("1900-02-29"));  // not a leap year
    CHECK(Date::parse("2000-02-29"));        // is one
    CHECK_FALSE(Date::parse("2024-04-31"));
    CHECK_FALSE(Date::parse("2024-13-01"));
    CHECK_FALSE(Date::parse("2024-00-10"));
    CHECK_FALSE(Date::parse("2024-3-18"));
    CHECK_FALSE(Date::parse("2024-03-18T00:00"));
    CHECK_FALSE(Date::parse("+024-03-18"));
    CHECK_FALSE(Date::parse(""));
    CHECK(Date{2024, 3, 8}.to_string() == "2024-03-08");
    CHECK(Date{812, 1, 1}.to_string() == "0812-01-01");
    CHECK(Date{2024, 3, 8} < Date{2024, 3, 9});
}

TEST_CASE("File roles and block kinds have stable names") {
    CHECK(to_string(FileRole::ocr) == "ocr");
    CHECK(parse_file_role("image") == FileRole::image);
    CHECK_FALSE(parse_file_role("picture"));
    CHECK(to_string(BlockKind::continuation) == "continuation");
}

TEST_CASE("Article separates body paragraphs from intertitles") {
    Article a;
    a.body = {{Paragraph::Kind::text, "first", "b1"},
              {Paragraph::Kind::intertitle, "Crosshead", "b2"},
              {Paragraph::Kind::text, "second", "b3"}};
    CHECK(a.body_text() == "first\nsecond");
    CHECK(a.intertitles() == std::vector<std::string>{"Crosshead"});
}

TEST_CASE("Issue lookups") {
    Issue issue;
    issue.identifiers = {{"issn", "1234-5679"}, {"local", "x"}};
    Page p1;
    p1.label = "A1";
    p1.files = {{FileRole::image, "a.jpg", {}, "image/jpeg", {}, 0, {}},
                {FileRole::text, "a.txt", {}, "text/plain", {}, 0, {}}};
    Block block;
    block.id = "p1-b0001";
    block.kind = BlockKind::body;
    block.text = "x";
    p1.blocks = {block};
    issue.pages.push_back(p1);
    REQUIRE(issue.identifier("issn"));
    CHECK(*issue.identifier("issn") == "1234-5679");
    CHECK(issue.identifier("lccn") == nullptr);
    CHECK(issue.language() == "und");
    issue.languages = {"zh-Hans", "en"};
    CHECK(issue.language() == "zh-Hans");
    REQUIRE(issue.page_by_label("A1"));
    CHECK(issue.page_by_label("A1")->file(FileRole::text)->href == "a.txt");
    CHECK(issue.page_by_label("A1")->file(FileRole::pdf) == nullptr);
    CHECK(issue.page_by_label("A2") == nullptr);
    REQUIRE(issue.block("p1-b0001"));
    CHECK(issue.block("p1-b0001")->text == "x");
    CHECK(issue.block("p1-b0002") == nullptr);
}
