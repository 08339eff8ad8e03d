#include "paperbag/diagnostic.hpp"

#include <doctest/doctest.h>

#include <cerrno>

using namespace paperbag;

TEST_CASE("Diagnostic prints path:line:col: severity: message [code]") {
    Diagnostic d{Severity::error, "PB-X", "page-01.txt", 214, 7, {}, "headline has no article"};
    CHECK(d.format() == "page-01.txt:214:7: error: headline has no article [PB-X]");
    d.column = 0;
    CHECK(d.format() == "page-01.txt:214: error: headline has no article [PB-X]");
    d.line = 0;
    d.offset = 17;
    CHECK(d.format() == "page-01.txt (offset 17): error: headline has no article [PB-X]");
    d.offset.reset();
    d.code.clear();
    d.severity = Severity::warning;
    CHECK(d.format() == "page-01.txt: warning: headline has no article");
    d.path.clear();
    CHECK(d.format() == "warning: headline has no article");
}

TEST_CASE("Error carries its diagnostic and formats what()") {
    const Error e(make_error("PB-MANIFEST-DATE", "issue.xml", 9, "bad date"));
    CHECK(std::string(e.what()) == "issue.xml:9: error: bad date [PB-MANIFEST-DATE]");
    CHECK(e.diagnostic().line == 9);
    CHECK_THROWS_WITH_AS(throw Error("PB-IO", "x.txt", "cannot read"),
                         "x.txt: error: cannot read [PB-IO]", Error);
}

TEST_CASE("System errors name the file and the reason") {
    errno = ENOENT;
    CHECK_THROWS_WITH_AS(throw_system_error("cannot open", "missing.txt"),
                         "missing.txt: error: cannot open: No such file or directory [PB-IO]",
                         Error);
}

TEST_CASE("Diagnostics keeps everything in order and counts by severity") {
    Diagnostics list;
    CHECK(list.empty());
    list.add(make_warning("W", "a", 1, "first"));
    list.add(make_error("E", "a", 2, "second"));
    Diagnostics more;
    more.add(make_warning("W", "b", 3, "third"));
    list.append(more);
    REQUIRE(list.size() == 3);
    CHECK(list.items()[2].message == "third");
    CHECK(list.count(Severity::warning) == 2);
    CHECK(list.count(Severity::error) == 1);
    CHECK(list.has_errors());
}
