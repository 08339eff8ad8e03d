#include <doctest/doctest.h>
#include <stdlib.h>

#include "core/digest.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/model.hpp"

using namespace paperbag;

TEST_CASE("ISO 8601 formatting of instants") {
    CHECK(format_iso8601_utc(0) == "1970-01-01T00:00:00Z");
    CHECK(format_iso8601_utc(1710720000) == "2024-03-18T00:00:00Z");
    CHECK(format_iso8601_utc(951782400 + 86399) == "2000-02-29T23:59:59Z");
    CHECK(format_iso8601_utc(253402300799) == "9999-12-31T23:59:59Z");
    CHECK(format_date_utc(1652659200) == "2022-05-16");
}

TEST_CASE("SOURCE_DATE_EPOCH parsing") {
    CHECK(parse_source_date_epoch("1710720000") == 1710720000);
    CHECK(parse_source_date_epoch("0") == 0);
    CHECK_FALSE(parse_source_date_epoch(""));
    CHECK_FALSE(parse_source_date_epoch("-1"));
    CHECK_FALSE(parse_source_date_epoch("12a"));
    CHECK_FALSE(parse_source_date_epoch(" 12"));
    CHECK_FALSE(parse_source_date_epoch("999999999999999999"));
}

TEST_CASE("clock_from_environment honours SOURCE_DATE_EPOCH") {
    ::setenv("SOURCE_DATE_EPOCH", "1710720000", 1);
    CHECK(clock_from_environment()->now() == 1710720000);
    ::setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
    CHECK_THROWS_WITH_AS(clock_from_environment(),
                         "error: SOURCE_DATE_EPOCH is not a number of seconds: 'yesterday' "
                         "[PB-SOURCE-DATE-EPOCH]",
                         Error);
    ::unsetenv("SOURCE_DATE_EPOCH");
    const auto now = clock_from_environment()->now();
    CHECK(now > 1700000000);
}

TEST_CASE("Deterministic ids") {
    CHECK(sequence_id("art-", 7) == "art-007");
    CHECK(sequence_id("p", 1234, 3) == "p1234");
    CHECK(xml_id("page 1/A") == "page_1_A");
    CHECK(xml_id("1abc") == "id_1abc");
    CHECK(xml_id("") == "id_");
    CHECK(xml_id("吕梁") == "______");
    CHECK(slug("The Riverton Courier") == "the-riverton-courier");
    CHECK(slug("  CN 14-0032 ") == "cn-14-0032");
    CHECK(slug("吕梁日报") == "");

    Issue issue;
    issue.title = "吕梁日报";
    issue.date = Date{2022, 5, 16};
    CHECK(issue_key(issue) == "lu-liang-ri-bao-2022-05-16");
    issue.identifiers = {{"cn", "CN 14-0032"}};
    CHECK(issue_key(issue) == "cn-14-0032-2022-05-16");
    issue.identifiers.push_back({"issn", "1234-5679"});
    CHECK(issue_key(issue) == "1234-5679-2022-05-16");
    issue.identifiers.push_back({"local", "LLRB 2022-05-16"});
    CHECK(issue_key(issue) == "llrb-2022-05-16");

    const std::string uuid = name_based_uuid("issue-2022-05-16/art-001");
    CHECK(uuid.size() == 36);
    CHECK(uuid[14] == '5');
    CHECK(std::string("89ab").find(uuid[19]) != std::string::npos);
    CHECK(uuid == name_based_uuid("issue-2022-05-16/art-001"));
    CHECK(uuid != name_based_uuid("issue-2022-05-16/art-002"));
}

TEST_CASE("Streaming digests match one-shot digests") {
    CHECK(digest_hex(DigestAlgorithm::sha256, "") ==
          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(digest_hex(DigestAlgorithm::sha1, "abc") == "a9993e364706816aba3e25717850c26c9cd0d89d");
    Digest d(DigestAlgorithm::sha512);
    d.update("a");
    d.update("bc");
    CHECK(d.finish_hex() == digest_hex(DigestAlgorithm::sha512, "abc"));
    CHECK_THROWS_AS(d.update("x"), Error);
}

TEST_CASE("Issue keys of titles in other scripts are transliterated, never shared") {
    Issue a, b, c, d;
    a.title = "吕梁日报";
    b.title = "山西日报";
    c.title = "Journal de Genève";
    d.title = "—";
    for (Issue* i : {&a, &b, &c, &d}) i->date = Date{2022, 5, 16};
    CHECK(issue_key(a) == "lu-liang-ri-bao-2022-05-16");
    CHECK(issue_key(b) == "shan-xi-ri-bao-2022-05-16");
    CHECK(issue_key(a) != issue_key(b));
    CHECK(issue_key(c) == "journal-de-geneve-2022-05-16");
    CHECK(issue_key(d) == "issue-2022-05-16");  // nothing to transliterate
}

TEST_CASE("Language tags as xsd:language allows them") {
    CHECK(is_language_tag("zh-Hans"));
    CHECK(is_language_tag("en"));
    CHECK(is_language_tag("de-CH-1996"));
    CHECK_FALSE(is_language_tag("12345"));
    CHECK_FALSE(is_language_tag(""));
    CHECK_FALSE(is_language_tag("en-"));
    CHECK_FALSE(is_language_tag("toolongtag"));
}
