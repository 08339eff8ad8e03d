// The segmenter on English pages as PDF text extractors print them (issue 10, tenth round):
// page furniture and jump lines of older American papers.
#include <doctest/doctest.h>

#include <string>

#include "import/english_heads.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

using test::block_with;
using test::segment;

}  // namespace

TEST_CASE("english: a folio on a line of its own is furniture, never a headline") {
    // pdftotext prints the page number above the running head; the first item below has no
    // headline of its own (the end of a story from an earlier page).
    const std::string page =
        "14\n\n"
        "THE EVENING NEWS—DAYTON, FRIDAY, MAY 2, 1913\n\n"
        "the council voted to close the\n"
        "market on Sundays. The mayor\n"
        "will sign the order tomorrow.\n\n"
        "BRIDGE BONDS CARRY\n\n"
        "The bridge bonds were carried at\n"
        "the polls yesterday by a large\n"
        "majority. Work will begin in June.\n";
    const auto s = segment(page, "en", "The Evening News");
    REQUIRE(s.articles.size() == 2);
    CHECK_FALSE(s.articles[0].headline.has_value());
    CHECK(s.articles[1].headline == "BRIDGE BONDS CARRY");
    const Block* folio = block_with(s, "14");
    REQUIRE(folio != nullptr);
    CHECK(folio->kind == BlockKind::furniture);
}

TEST_CASE("english: a bracketed (Continued from Page N) starts an item and is no headline") {
    const std::string page =
        "(Continued from Page 5)\n\n"
        "The strikers met again last night\n"
        "and voted to stay out until the\n"
        "company agrees to arbitration.\n\n"
        "o o\n\n"
        "FIRE IN STOCK YARDS\n\n"
        "Fire broke out in a packing house\n"
        "early today. Nobody was hurt.\n";
    const auto s = segment(page, "en", "The Evening News");
    REQUIRE(s.articles.size() == 2);
    CHECK_FALSE(s.articles[0].headline.has_value());
    CHECK(s.articles[0].continued_from == "5");
    CHECK(s.articles[0].body_text().find("The strikers met") == 0);
    CHECK(s.articles[1].headline == "FIRE IN STOCK YARDS");
}

TEST_CASE("english: a headline in capitals after a finished item is no intertitle") {
    // Two items set to one column measure, with no rule between them: the second one's
    // headline is a short title line between two body paragraphs, as an intertitle is.
    const std::string page =
        "SOLDIERS GET RECORDS\n\n"
        "A society woman has started a\n"
        "movement to send old phonograph\n"
        "records to military hospitals.\n\n"
        "CITY BRIEFS\n\n"
        "Garage owners formed a trade\n"
        "union at a meeting last night.\n"
        "Two women were hurt on the\n"
        "ice on Erie street today.\n";
    const auto s = segment(page, "en", "The Evening News");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "SOLDIERS GET RECORDS");
    CHECK(s.articles[1].headline == "CITY BRIEFS");
    CHECK(s.articles[1].body_text().find("Garage owners") == 0);
}

TEST_CASE("english: a mixed-case subhead or one inside a sentence stays an intertitle") {
    CHECK(caps_headline_after_item("CITY BRIEFS", "records to military hospitals."));
    CHECK(caps_headline_after_item("BIG BROTHER TO \"DOWN AND OUTS\"", "went home.\""));
    // Mixed case: an older paper's subhead.
    CHECK_FALSE(caps_headline_after_item("Car Found Near Beach.", "left stunned by the roadside."));
    // The paragraph before stops inside a sentence.
    CHECK_FALSE(caps_headline_after_item("CITY BRIEFS", "records to military"));
    // One word, or not Latin text.
    CHECK_FALSE(caps_headline_after_item("BRIEFS", "went home."));
    CHECK_FALSE(caps_headline_after_item("NBA 总决赛", "比赛结束。"));
}

TEST_CASE("english: a paragraph broken by a blank line is no headline over its own end") {
    // The extractor breaks a paragraph at a column foot: its first part has no full stop
    // and starts with a capital, as a title line does; the rest starts in lower case.
    const std::string page =
        "COUNCIL VOTES TAXES\n\n"
        "The council voted new taxes on\n"
        "its meeting last night.\n\n"
        "o o\n\n"
        "Pit ponies of one of the English\n"
        "mines were brought to the surface\n"
        "when the miners stopped work some\n\n"
        "weeks ago. Not one of the animals\n"
        "had seen daylight for years.\n";
    const auto s = segment(page, "en", "The Evening News");
    REQUIRE(s.articles.size() == 2);
    CHECK_FALSE(s.articles[1].headline.has_value());
    CHECK(s.articles[1].body_text().find("Pit ponies of one") == 0);
    CHECK(s.articles[1].body_text().find("weeks ago.") != std::string::npos);
    CHECK(title_runs_into_body("Pit ponies of one of the English", "weeks ago."));
    // A headline ends a sentence, is set in capitals, or the body starts a sentence.
    CHECK_FALSE(title_runs_into_body("Want Hebb Site.", "on the White river"));
    CHECK_FALSE(title_runs_into_body("MINE PONIES SEE DAYLIGHT", "weeks ago."));
    CHECK_FALSE(title_runs_into_body("Pit ponies of one", "Weeks ago."));
}

TEST_CASE("english: an ad box after a jump line is not the ended article's headline") {
    // The article's part on this page ends with its jump line; the ad box printed under it
    // shares a word with the article ("called"), its own headline none: placed right after
    // the body, the box would win the link.
    const std::string page =
        "MR. DANIELS VISITS\n\n"
        "Indian Trail, May 10.—Mr. Orr, who\n"
        "lives in town, called on his\n"
        "friends here this week.\n"
        "Continued on Page 8\n\n"
        "LAUNDRY\n"
        "WORK\n"
        "CALLED FOR\n";
    const auto s = segment(page, "en", "The Monroe Journal");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "MR. DANIELS VISITS");
}

TEST_CASE("english: a headline in capitals printed right above its body") {
    // pdftotext's default mode writes no blank line between a headline and its body.
    const std::string page =
        "COLLECTING OLD BOOKS\n"
        "FOR THE SOLDIERS\n"
        "Well known in society circles\n"
        "she has started a novel charity\n"
        "for the hospitals abroad.\n\n"
        "CITY BRIEFS\n"
        "150 owners of big garages in the\n"
        "state formed a trade union.\n\n"
        "GROCERIES AND MEATS\n"
        "Fresh Every Morning\n"
        "We Deliver\n";
    const auto s = segment(page, "en", "The Evening News");
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].headline == "COLLECTING OLD BOOKS FOR THE SOLDIERS");
    CHECK(s.articles[0].body_text().find("Well known") == 0);
    CHECK(s.articles[1].headline == "CITY BRIEFS");
    CHECK(s.articles[1].body_text().find("150 owners") == 0);
    CHECK(latin_caps_line("FOR THE SOLDIERS"));
    CHECK_FALSE(latin_caps_line("NBA总决赛"));
    CHECK(caps_title_over_line("CITY BRIEFS", "150 owners of big garages in the"));
    CHECK_FALSE(caps_title_over_line("CITY BRIEFS", "GROCERIES AND MEATS"));
    CHECK_FALSE(caps_title_over_line("BRIEFS", "150 owners of big garages in the"));
}

TEST_CASE("english: a run of datelined dispatches without a headline is one item") {
    // An older paper prints several short dispatches on one subject as one item; the items
    // around it are told apart by a rule ("o o") or a headline.
    const std::string page =
        "Lisbon, Sept. 28.—The cabinet is\n"
        "considering a military rule if the\n"
        "railroad strike continues.\n"
        "Cerbere, Sept. 28.—Strike riots in\n"
        "Barcelona have resulted in several\n"
        "deaths.\n"
        "Paris, Sept. 28.—Street gatherings\n"
        "were forbidden today.\n\n"
        "o o\n\n"
        "Chicago, Sept. 28.—The council met\n"
        "last night.\n\n"
        "FIRE IN STOCK YARDS\n\n"
        "Chicago, Sept. 28.—Fire broke out\n"
        "in a packing house early today.\n";
    const auto s = segment(page, "en", "The Day Book");
    REQUIRE(s.articles.size() == 3);
    CHECK(s.articles[0].dateline.value_or("").find("Lisbon") == 0);
    CHECK(s.articles[0].body_text().find("Cerbere, Sept. 28.") != std::string::npos);
    CHECK(s.articles[0].body_text().find("Paris, Sept. 28.") != std::string::npos);
    CHECK(s.articles[1].body_text().find("The council met") == 0);
    CHECK(s.articles[2].headline == "FIRE IN STOCK YARDS");
    CHECK(latin_dispatch("Lisbon, Sept. 28.—"));
    CHECK_FALSE(latin_dispatch("本报北京5月3日电"));
}

TEST_CASE("english: a headline in capitals over a body block that ends inside a sentence") {
    // The body's first block stops at a column foot inside its first sentence: no sentence
    // end under the headline, but lines of running text, which slogans are not.
    const std::string page =
        "TOWERS WILL TRY FLIGHT TO\n"
        "EUROPE\n"
        "Lieut. John H. Towers of the\n"
        "United States navy is mentioned as\n"
        "one of the birdmen who will try this\n"
        "summer for the honor of becoming\n\n"
        "the Columbus of the heavens.\n";
    const auto s = segment(page, "en", "The Day Book");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "TOWERS WILL TRY FLIGHT TO EUROPE");
    CHECK(s.articles[0].body_text().find("Lieut. John H. Towers") == 0);
    CHECK(sentence_case_line("one of the birdmen who will try this"));
    CHECK_FALSE(sentence_case_line("Come In and See Our New"));
}
