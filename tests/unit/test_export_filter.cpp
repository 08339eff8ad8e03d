// The export and stats filters (paperbag/export_filter.hpp), the issue-level record fields
// (uid, section, issn, edition, volume, number) and CSV list cells as JSON arrays.
#include <doctest/doctest.h>

#include <set>
#include <sstream>

#include "core/unicode.hpp"
#include "export/exporter.hpp"
#include "paperbag/export.hpp"
#include "paperbag/export_filter.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/manifest.hpp"
#include "paperbag/stats.hpp"
#include "support/sample_bundle.hpp"
#include "support/temp_dir.hpp"

namespace paperbag {

namespace {

Issue issue_titled(const std::string& title, const std::string& date) {
    Issue issue;
    issue.title = title;
    issue.date = *Date::parse(date);
    return issue;
}

Issue sample(const std::string& name) {
    Diagnostics diagnostics;
    std::optional<Issue> issue = read_manifest(test::sample_dir(name), diagnostics);
    REQUIRE(issue);
    segment_issue(*issue, diagnostics);
    return *issue;
}

std::string export_text(ExportOptions options, Diagnostics& diagnostics, ExportStatus& status) {
    std::ostringstream out;
    options.jobs = 1;
    status = run_export(options, out, diagnostics);
    return out.str();
}

std::string all_of(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.format() + "\n";
    return out;
}

}  // namespace

TEST_CASE("filter: --from and --to take YYYY and YYYY-MM as the first and the last day") {
    CHECK(parse_date_bound("2024", false)->to_string() == "2024-01-01");
    CHECK(parse_date_bound("2024", true)->to_string() == "2024-12-31");
    CHECK(parse_date_bound("2024-02", false)->to_string() == "2024-02-01");
    CHECK(parse_date_bound("2024-02", true)->to_string() == "2024-02-29");
    CHECK(parse_date_bound("2023-02", true)->to_string() == "2023-02-28");
    CHECK(parse_date_bound("2024-04", true)->to_string() == "2024-04-30");
    CHECK(parse_date_bound("2024-03-18", true)->to_string() == "2024-03-18");
    CHECK_FALSE(parse_date_bound("2024-13", false));
    CHECK_FALSE(parse_date_bound("2024-3", false));
    CHECK_FALSE(parse_date_bound("24", true));
    CHECK_FALSE(parse_date_bound("2024-02-30", false));
    CHECK_FALSE(parse_date_bound("", false));
}

TEST_CASE("filter: a reversed range, an unknown type or language is a usage error") {
    ExportFilter filter;
    filter.from = parse_date_bound("2024-04", false);
    filter.to = parse_date_bound("2024-03", true);
    CHECK_THROWS_WITH_AS(filter.check(),
                         "error: --from 2024-04-01 is after --to 2024-03-31: the date range "
                         "is reversed [PB-USAGE]",
                         Error);
    filter.to = parse_date_bound("2024-04", true);
    CHECK_NOTHROW(filter.check());  // one month: from == first day, to == last day
    filter.type = "photo";
    CHECK_THROWS_AS(filter.check(), Error);
    filter.type = "article";
    filter.language = "not a tag";
    CHECK_THROWS_AS(filter.check(), Error);
}

TEST_CASE("filter: titles ignore case and width, repeat, and --title-contains") {
    const Issue courier = issue_titled("The Riverton Courier", "2024-03-18");
    const Issue jianghe = issue_titled("江河日报", "2024-03-18");
    ExportFilter filter;
    CHECK(filter.issue_wanted(courier));
    filter.titles = {"the riverton COURIER"};
    CHECK(filter.issue_wanted(courier));
    CHECK_FALSE(filter.issue_wanted(jianghe));
    filter.titles = {"ＴＨＥ Riverton Courier"};  // full-width letters
    CHECK(filter.issue_wanted(courier));
    filter.titles = {"江河日报", "The Riverton"};  // repeatable; exact, not a prefix
    CHECK(filter.issue_wanted(jianghe));
    CHECK_FALSE(filter.issue_wanted(courier));
    filter.title_contains = {"riverton"};
    CHECK(filter.issue_wanted(courier));
    filter.titles.clear();
    CHECK_FALSE(filter.issue_wanted(jianghe));
    CHECK(fold_for_matching("Straße") == fold_for_matching("STRASSE"));
    CHECK(filter.describe() == "--title-contains riverton");
    filter.titles = {"The Riverton Courier"};
    filter.from = parse_date_bound("2024", false);
    CHECK(filter.describe() ==
          "--from 2024-01-01 --title 'The Riverton Courier' --title-contains riverton");
}

TEST_CASE("filter: dates, and records by type and language") {
    const Issue issue = issue_titled("T", "2024-03-18");
    ExportFilter filter;
    filter.from = parse_date_bound("2024-03", false);
    filter.to = parse_date_bound("2024-03", true);
    CHECK(filter.issue_wanted(issue));
    filter.from = parse_date_bound("2024-03-19", false);
    CHECK_FALSE(filter.issue_wanted(issue));
    filter = {};
    filter.language = "zh";
    CHECK(filter.record_wanted("article", "zh-Hans"));
    CHECK(filter.record_wanted("article", "ZH"));
    CHECK_FALSE(filter.record_wanted("article", "zhx"));
    filter.type = "illustration";
    CHECK_FALSE(filter.record_wanted("article", "zh-Hans"));
    const Issue zh = sample("jianghe-daily-2024-03-18");
    CHECK(filter.wanted_articles(zh) == 0);
    CHECK(filter.wanted_illustrations(zh) == zh.illustrations.size());
}

TEST_CASE("export: records carry uid, section, issn, edition, volume and number") {
    const Issue issue = sample("riverton-courier-2024-03-18");
    const auto records = exporting::issue_records(issue, {"riverton-courier-2024-03-18"});
    REQUIRE(records.size() == issue.articles.size() + issue.illustrations.size());
    const exporting::Record& first = records.front();
    CHECK(first.text("uid") == "riverton-courier-2024-03-18/art-001");
    CHECK(first.text("section") == "Front Page");
    CHECK(first.text("issn") == "2998-1034");
    CHECK(first.text("edition") == "Final");
    CHECK(first.text("volume") == "112");
    CHECK(first.text("number") == "78");
    std::set<std::string> uids;
    for (const auto& r : records) uids.insert(r.text("uid"));
    CHECK(uids.size() == records.size());
    // A record that starts on page A2 is in that page's section.
    bool local = false;
    for (const auto& r : records) {
        const auto* pages = std::get_if<std::vector<std::string>>(r.find("pages"));
        if (pages && !pages->empty() && pages->front() == "A2")
            local = local || r.text("section") == "Local";
    }
    CHECK(local);
    // Without the metadata: null, not "".
    Issue bare = issue;
    bare.identifiers.clear();
    bare.edition.clear();
    for (Page& page : bare.pages) page.section.clear();
    const auto plain = exporting::issue_records(bare, {});
    CHECK(std::holds_alternative<std::monostate>(*plain.front().find("issn")));
    CHECK(std::holds_alternative<std::monostate>(*plain.front().find("edition")));
    CHECK(std::holds_alternative<std::monostate>(*plain.front().find("section")));
    CHECK(std::holds_alternative<std::monostate>(*plain.front().find("uid")));
}

TEST_CASE("export: the issue-level fields come back from a bundle's METS") {
    test::TempDir dir;
    const auto bundle = dir.path() / "riverton-courier-2024-03-18.zip";
    test::write_sample_bundle(test::sample_dir("riverton-courier-2024-03-18"), bundle);
    ExportOptions options;
    options.inputs = {bundle};
    options.fields = {"uid", " section", "issn ", "edition", "volume", "number"};
    Diagnostics diagnostics;
    ExportStatus status{};
    const std::string out = export_text(options, diagnostics, status);
    CHECK(status == ExportStatus::ok);
    CHECK(out.starts_with(
        "{\"uid\":\"riverton-courier-2024-03-18/art-001\",\"section\":\"Front Page\","
        "\"issn\":\"2998-1034\",\"edition\":\"Final\",\"volume\":\"112\",\"number\":\"78\"}\n"));
}

TEST_CASE("export: CSV list cells are JSON arrays, whatever the items hold") {
    Issue issue = sample("riverton-courier-2024-03-18");
    REQUIRE_FALSE(issue.articles.empty());
    issue.articles.front().warnings = {
        make_warning("PB-TEST", "page-01.txt", 3, "one; two, \"three\"")};
    exporting::ExportSettings settings;
    settings.fields = {"id", "pages", "warnings", "source"};
    const auto exporter = exporting::make_csv_exporter(settings);
    std::string out;
    exporter->write_issue(issue, {"x"}, out);
    // JSON ["page-01.txt:3: one; two, \"three\""], its quotes doubled inside a quoted cell.
    CHECK(
        out.starts_with("art-001,\"[\"\"A1\"\",\"\"A2\"\"]\","
                        "\"[\"\"page-01.txt:3: one; two, \\\"\"three\\\"\"\"\"]\","
                        "\"[{\"\"file\"\":\"\"page-01.txt\"\",\"\"offset\"\":"));
    CHECK(exporter->header() == "id,pages,warnings,source\r\n");
}

TEST_CASE("export: filters that take nothing say so, and the run still succeeds") {
    test::TempDir dir;
    const auto bundle = dir.path() / "riverton-courier-2024-03-18.zip";
    test::write_sample_bundle(test::sample_dir("riverton-courier-2024-03-18"), bundle);
    ExportOptions options;
    options.inputs = {bundle};
    options.filter.title_contains = {"jianghe"};
    Diagnostics diagnostics;
    ExportStatus status{};
    CHECK(export_text(options, diagnostics, status).empty());
    CHECK(status == ExportStatus::ok);
    CHECK(all_of(diagnostics) ==
          "warning: no records match the filters (--title-contains jianghe) in the 1 input read; "
          "nothing exported [PB-EXPORT-NO-MATCH]\n");

    options.filter.title_contains = {"RIVERTON"};
    diagnostics = {};
    CHECK_FALSE(export_text(options, diagnostics, status).empty());
    CHECK(diagnostics.empty());

    options.filter.from = parse_date_bound("2024-04", false);
    options.filter.to = parse_date_bound("2024-03", true);
    diagnostics = {};
    CHECK(export_text(options, diagnostics, status).empty());
    CHECK(status == ExportStatus::failure);
    CHECK(all_of(diagnostics).find("the date range is reversed [PB-USAGE]") != std::string::npos);
}

TEST_CASE("stats: the export filters decide what is counted") {
    test::TempDir dir;
    for (const std::string name : {"jianghe-daily-2024-03-18", "riverton-courier-2024-03-18"})
        test::write_sample_bundle(test::sample_dir(name), dir.path() / (name + ".zip"));
    StatsOptions options;
    options.inputs = {dir.path()};
    options.jobs = 1;
    const CorpusStats all = collect_stats(options);
    CHECK(all.total.issues == 2);

    options.filter.titles = {"the riverton courier"};
    const CorpusStats courier = collect_stats(options);
    CHECK(courier.total.issues == 1);
    CHECK(courier.rows.size() == 1);
    CHECK(courier.rows.begin()->first.first == "The Riverton Courier");

    options.filter = {};
    options.filter.type = "illustration";
    const CorpusStats pictures = collect_stats(options);
    CHECK(pictures.total.articles == 0);
    CHECK(pictures.total.characters == 0);
    CHECK(pictures.total.illustrations == all.total.illustrations);

    options.filter = {};
    options.filter.language = "en";
    std::vector<Diagnostic> reported;
    options.report = [&](const Diagnostic& d) { reported.push_back(d); };
    const CorpusStats english = collect_stats(options);
    CHECK(english.total.issues == 1);  // the Chinese issue has no English record
    CHECK(reported.empty());

    options.filter.from = parse_date_bound("2025", false);
    const CorpusStats none = collect_stats(options);
    CHECK(none.total.issues == 0);
    CHECK(none.read == 2);
    REQUIRE(reported.size() == 1);
    CHECK(reported[0].code == "PB-EXPORT-NO-MATCH");
    CHECK(reported[0].severity == Severity::warning);
}

}  // namespace paperbag
