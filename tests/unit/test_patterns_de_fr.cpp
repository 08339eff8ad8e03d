// The German and French pattern tables: datelines, bylines and continuation markers as
// 19th- and 20th-century papers print them.
#include <doctest/doctest.h>

#include "import/patterns.hpp"

using namespace paperbag::text;

TEST_CASE("patterns de: dateline, byline, continuations") {
    const PatternSet& de = patterns_for("de");
    for (const char* d : {"Berlin, 12. Oktober. Die Kammer", "Luxemburg, den 10. Juli — Gestern",
                          "Frankfurt a. M., 8 Juli. Der"}) {
        CAPTURE(std::string(d));
        CHECK(de.at_start(PatternKind::dateline, d).has_value());
    }
    CHECK_FALSE(
        de.at_start(PatternKind::dateline, "Die Kammer hat gestern beschlossen").has_value());
    const auto by = de.whole(PatternKind::byline_line, "Von Karl Meyer");
    REQUIRE(by);
    CHECK(by->names == "Karl Meyer");
    const auto to =
        de.at_end(PatternKind::continuation_to, "… der Kammer. (Fortsetzung auf Seite 3)");
    REQUIRE(to);
    CHECK(to->page == "3");
    const auto from = de.at_start(PatternKind::continuation_from, "(Fortsetzung von Seite 1) Die");
    REQUIRE(from);
    CHECK(from->page == "1");
    CHECK(&patterns_for("lb") == &de);
}

TEST_CASE("patterns fr: dateline, byline, continuations") {
    const PatternSet& fr = patterns_for("fr");
    for (const char* d :
         {"Paris, 8 juillet 1858. Le", "Anvers, 6 juillet. On", "Bruxelles, le 1er mai — Hier"}) {
        CAPTURE(std::string(d));
        CHECK(fr.at_start(PatternKind::dateline, d).has_value());
    }
    CHECK_FALSE(fr.at_start(PatternKind::dateline, "Le ministre a parlé hier").has_value());
    const auto by = fr.whole(PatternKind::byline_line, "Par Jean Dupont");
    REQUIRE(by);
    CHECK(by->names == "Jean Dupont");
    const auto to = fr.at_end(PatternKind::continuation_to, "… à la Chambre. (Suite page 3)");
    REQUIRE(to);
    CHECK(to->page == "3");
    const auto from = fr.at_start(PatternKind::continuation_from, "(Suite de la page 1) Le");
    REQUIRE(from);
    CHECK(from->page == "1");
}
