// English headlines wrapped in text without blank lines (issue 10, eleventh round: -raw
// headlines): a title line ending in a preposition, article or conjunction goes on in the next.
#include <doctest/doctest.h>

#include <string>

#include "import/title_run_on.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

using test::segment;

TEST_CASE("title run-on: words a title line cannot end on") {
    CHECK(latin_title_runs_on("Only Strong Counter Attack Can Save Reds From"));
    CHECK(latin_title_runs_on("Three Western States to Place Tablets in  "));
    CHECK(latin_title_runs_on("FIGHT OVER THE"));
    CHECK_FALSE(latin_title_runs_on("Crushing Defeat."));
    CHECK_FALSE(latin_title_runs_on("STORM IN SENATE CENTERS"));
    CHECK_FALSE(latin_title_runs_on("Save Reds From."));  // punctuation after it
    CHECK_FALSE(latin_title_runs_on("Within"));           // no word before it
    CHECK_FALSE(latin_title_runs_on("Dance Tonight at Oxford"));
    CHECK_FALSE(latin_title_runs_on(""));
}

TEST_CASE("title run-on: a headline wrapped in a stack without blank lines is one headline") {
    // pdftotext -raw: headline on two lines, the deck under it, then the body, no blank lines.
    const std::string page =
        "Only Strong Counter Attack Can Save Reds From\n"
        "Crushing Defeat.\n"
        "Appeal to Russ to Dethrone Oppressors in Return for Aid, Finds Favor.\n"
        "Washington learned officially\n"
        "yesterday, from American sources in\n"
        "Warsaw, that the military tide on the\n"
        "eastern front has turned in\n"
        "Poland's favor.\n"
        "In a dispatch dated Wednesday,\n"
        "August 18, the American envoy\n"
        "in Warsaw telegraphed the State Depart-\n"
        "ment that the Polish armies have\n"
        "driven the Reds back along the front.\n";
    const auto s = segment(page, "en", "The Washington Herald");
    REQUIRE(s.articles.size() == 1);
    CHECK_FALSE(s.articles[0].kicker.has_value());
    CHECK(s.articles[0].headline ==
          "Only Strong Counter Attack Can Save Reds From Crushing Defeat.");
}

TEST_CASE("title run-on: a long run of such title lines stays linear") {
    // 20,000 one-line titles ending in "Of", each could take the next: before the bound each
    // merge re-read the whole joined title (more than 300 s for 3,000 lines; the ctest
    // TIMEOUT fails it). A title takes at most max_run_on_title_lines lines.
    std::string page;
    for (int i = 0; i < 20000; ++i) page += "Report Of\n\n";
    const auto s = segment(page, "en");
    for (const auto& a : s.articles) {
        if (!a.headline) continue;
        std::size_t words = 0;
        for (std::size_t at = 0; (at = a.headline->find("Report", at)) != std::string::npos; ++at)
            ++words;
        CHECK(words <= max_run_on_title_lines);
    }
}
