#include "core/uri.hpp"

#include <doctest/doctest.h>

#include "core/unicode.hpp"

using namespace paperbag;

TEST_CASE("METS hrefs: file names survive the trip through RFC 3986 escaping") {
    CHECK(uri_from_path("text/page-01.txt") == "text/page-01.txt");
    CHECK(uri_from_path("text/space name.txt") == "text/space%20name.txt");
    CHECK(uri_from_path("text/pct%41.txt") == "text/pct%2541.txt");
    CHECK(uri_from_path("text/pct%.txt") == "text/pct%25.txt");
    CHECK(uri_from_path("text/hash#1.txt") == "text/hash%231.txt");
    CHECK(uri_from_path("text/q?.txt") == "text/q%3F.txt");
    CHECK(uri_from_path("text/é.txt") == "text/%C3%A9.txt");
    CHECK(uri_from_path("a:b.txt") == "a%3Ab.txt");  // not a scheme
    CHECK(uri_from_path("text/a:b.txt") == "text/a:b.txt");
    for (const char* name :
         {"text/space name.txt", "text/pct%41.txt", "text/pct%.txt", "text/hash#1.txt",
          "text/q?.txt", "text/é.txt", "text/吕梁.txt", "a:b.txt", "text/a&b=c;d.txt"}) {
        CAPTURE(name);
        CHECK(path_from_uri(uri_from_path(name)) == std::optional<std::string>(name));
    }
}

TEST_CASE("METS hrefs: decoding drops query and fragment and refuses broken escapes") {
    CHECK(path_from_uri("text/pct%41.txt") == std::optional<std::string>("text/pctA.txt"));
    CHECK(path_from_uri("text/a.txt#frag") == std::optional<std::string>("text/a.txt"));
    CHECK(path_from_uri("text/a.txt?x=1") == std::optional<std::string>("text/a.txt"));
    CHECK_FALSE(path_from_uri("text/pct%.txt"));
    CHECK_FALSE(path_from_uri("text/pct%4"));
    CHECK_FALSE(path_from_uri("text/pct%zz"));
    CHECK_FALSE(path_from_uri("text/nul%00"));
}

TEST_CASE("NFC: one name for NFD and NFC spellings") {
    const std::string nfd = "Ge\xcc\x81neve.txt";  // e + combining acute
    CHECK(nfc_or_same(nfd) == "G\xc3\xa9neve.txt");
    CHECK(nfc_or_same("plain.txt") == "plain.txt");
    CHECK(nfc_or_same("\xff") == "\xff");  // not UTF-8: left alone
}
