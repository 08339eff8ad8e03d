// Findings and reports of validate/verify: one line per finding, fingerprints that do not
// move with lines, and rule lists that cover every code a report can carry.
#include <doctest/doctest.h>

#include "core/unicode.hpp"
#include "paperbag/error_codes.hpp"
#include "paperbag/validate.hpp"
#include "validate/report.hpp"

using namespace paperbag;

TEST_CASE("one_line collapses white space inside a message and trims it") {
    CHECK(one_line("Element 'date': '2024-03-18\n   and more' is not valid.\n") ==
          "Element 'date': '2024-03-18 and more' is not valid.");
    CHECK(one_line("\t a\r\n\r\nb  ") == "a b");
    CHECK(one_line("") == "");
    CHECK(one_line("日报\n日报") == "日报 日报");
}

TEST_CASE("A finding's fingerprint ignores line numbers but not the rule, file or message") {
    const Diagnostic a{Severity::error,
                       "PB-ALTO-001",
                       "p1.xml",
                       12,
                       3,
                       {},
                       "ID 'B1' is not unique (first at line 7)"};
    Diagnostic moved = a;
    moved.line = 40;
    moved.message = "ID 'B1' is not unique (first at line 35)";
    CHECK(finding_fingerprint(a) == finding_fingerprint(moved));
    CHECK(finding_fingerprint(a).size() == 64);
    Diagnostic other = a;
    other.message = "ID 'B2' is not unique (first at line 7)";
    CHECK(finding_fingerprint(a) != finding_fingerprint(other));
    other = a;
    other.path = "p2.xml";
    CHECK(finding_fingerprint(a) != finding_fingerprint(other));
    other = a;
    other.code = "PB-ALTO-002";
    CHECK(finding_fingerprint(a) != finding_fingerprint(other));
}

TEST_CASE("Every rule validate and verify can report is listed, known and sorted") {
    const std::vector<RuleInfo> rules = verify_rules();
    for (std::size_t i = 1; i < rules.size(); ++i) CHECK(rules[i - 1].id < rules[i].id);
    for (const RuleInfo& rule : rules) {
        CAPTURE(rule.id);
        CHECK(find_error_code(rule.id) != nullptr);
    }
    // Every PB-BAG-* code of a damaged bundle, and every validation rule.
    const auto listed = [&](std::string_view id) {
        for (const RuleInfo& r : rules)
            if (r.id == id) return true;
        return false;
    };
    for (const ErrorCode& code : error_codes())
        if (code.code.starts_with("PB-BAG-") && code.kind == ErrorKind::input)
            CHECK_MESSAGE(listed(code.code), code.code);
    for (const RuleInfo& rule : validation_rules()) CHECK(listed(rule.id));
    CHECK(listed("PB-VERIFY-XML-SKIPPED"));
    CHECK(format_rules(validation_rules(), ReportFormat::json).starts_with("[\n"));
    CHECK(format_rules(validation_rules(), ReportFormat::text).find("PB-XSD  error  [xml]") !=
          std::string::npos);
}
