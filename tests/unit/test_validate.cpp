// Unit tests of the validation engine's parts: schema registry rows, paths inside a file
// space, real dates, report formats, and validation of in-memory documents.
#include <doctest/doctest.h>

#include <filesystem>

#include "paperbag/validate.hpp"
#include "support/temp_dir.hpp"
#include "validate/document_source.hpp"
#include "validate/rules.hpp"
#include "validate/schema_registry.hpp"

using namespace paperbag;

TEST_CASE("the registry picks a schema by root namespace, element and version") {
    CHECK(find_schema_row({"http://www.loc.gov/standards/alto/ns-v4#", "alto", "4.2"})->id ==
          "alto-4.4");
    CHECK(find_schema_row({"http://www.loc.gov/standards/alto/ns-v3#", "alto", "3.0"})->id ==
          "alto-3.0");
    CHECK(find_schema_row({"http://www.loc.gov/standards/alto/ns-v3#", "alto", ""})->id ==
          "alto-3.1");
    CHECK(find_schema_row({"http://www.loc.gov/standards/alto/ns-v2#", "alto", "2.0"})->id ==
          "alto-2.0");
    CHECK(find_schema_row({"", "alto", ""})->id == "alto-1.4");
    CHECK(find_schema_row({"http://www.loc.gov/mods/v3", "modsCollection", "3.7"})->id ==
          "mods-3.7");
    CHECK(find_schema_row({"http://www.loc.gov/mods/v3", "mods", ""})->id == "mods-3.8");
    CHECK(find_schema_row({"http://www.loc.gov/METS/", "mets", ""})->location ==
          "builtin:mets-embedded.xsd");
    CHECK(find_schema_row({"urn:x-paperbag:issue:1", "issue", "1.0"})->location ==
          "builtin:issue-manifest.xsd");
    CHECK(find_schema_row({"", "html", ""}) == nullptr);
    CHECK(find_schema_row({"urn:x-other", "alto", ""}) == nullptr);
}

TEST_CASE("hrefs resolve inside their file space and never leave it") {
    CHECK(resolve_in_space("mets.xml", "alto/p1.xml") == "alto/p1.xml");
    CHECK(resolve_in_space("data/mets.xml", "./alto/../alto/p1.xml") == "data/alto/p1.xml");
    CHECK(resolve_in_space("data/mets.xml", "../bagit.txt") == "bagit.txt");
    CHECK_FALSE(resolve_in_space("data/mets.xml", "../../etc/passwd"));
    CHECK_FALSE(resolve_in_space("mets.xml", "/etc/passwd"));
    // A decoded path: ':' is part of a name (URLs are taken apart by the caller).
    CHECK(resolve_in_space("mets.xml", "a:b.xml") == "a:b.xml");
    CHECK_FALSE(resolve_in_space("mets.xml", "C:\\x.xml"));
    CHECK_FALSE(resolve_in_space("mets.xml", ""));
}

TEST_CASE("real dates: W3CDTF / ISO 8601 with calendar checks") {
    CHECK(is_real_date("2024"));
    CHECK(is_real_date("2024-02"));
    CHECK(is_real_date("2024-02-29"));
    CHECK(is_real_date("2024-03-18T10:00:00Z"));
    CHECK(is_real_date("2024-03-18T10:00:00.25+01:00"));
    CHECK(is_real_date("2024-03-18T10:00"));
    CHECK_FALSE(is_real_date("2023-02-29"));
    CHECK_FALSE(is_real_date("1900-02-29"));
    CHECK(is_real_date("2000-02-29"));
    CHECK_FALSE(is_real_date("2024-13-01"));
    CHECK_FALSE(is_real_date("2024-04-31"));
    CHECK_FALSE(is_real_date("2024-03-18T25:00:00"));
    CHECK_FALSE(is_real_date("18.03.2024"));
    CHECK_FALSE(is_real_date("2024-03-18T10:00:00+1"));
}

TEST_CASE("validation rules have unique, sorted ids and a one-line summary") {
    std::string previous;
    for (const RuleInfo& rule : validation_rules()) {
        CHECK(std::string(rule.id) > previous);
        CHECK_FALSE(rule.summary.empty());
        CHECK(rule.summary.find('\n') == std::string_view::npos);
        previous = rule.id;
    }
}

TEST_CASE("a manifest validates with zero configuration and a broken one names its line") {
    test::TempDir dir;
    dir.write("issue.xml",
              "<?xml version=\"1.0\"?>\n"
              "<issue xmlns=\"urn:x-paperbag:issue:1\" version=\"1.0\">\n"
              "  <title>T</title>\n  <language>en</language>\n  <date>2024-03-18</date>\n"
              "  <pages><page sequence=\"1\" label=\"1\"><file role=\"text\" href=\"p.txt\"/>"
              "</page></pages>\n</issue>\n");
    dir.write("bad.xml",
              "<issue xmlns=\"urn:x-paperbag:issue:1\" version=\"1.0\">\n  <bogus/>\n</issue>\n");
    ValidateOptions options;
    options.inputs = {(dir / "issue.xml").string(), (dir / "bad.xml").string()};
    options.jobs = 2;
    const ValidationRun run = validate_inputs(options);
    REQUIRE(run.files.size() == 2);
    CHECK(run.files[0].verdict == Verdict::valid);
    CHECK(run.files[0].schemas == std::vector<std::string>{"builtin:issue-manifest.xsd"});
    CHECK(run.files[1].verdict == Verdict::invalid);
    REQUIRE_FALSE(run.files[1].findings.empty());
    CHECK(run.files[1].findings.items()[0].line == 2);
    CHECK(run.files[1].findings.items()[0].code == "PB-XSD");
    CHECK(run.exit_code() == 1);
    CHECK(format_report(run, ReportFormat::text).find("bad.xml:2: error:") != std::string::npos);
}

TEST_CASE("a missing input is a tool error naming it") {
    ValidateOptions options;
    options.inputs = {"/nonexistent/paperbag/input.xml"};
    CHECK_THROWS_WITH_AS(validate_inputs(options),
                         "/nonexistent/paperbag/input.xml: error: cannot open: No such file or "
                         "directory [PB-IO]",
                         Error);
}
