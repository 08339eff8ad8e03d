// The holdings ledger: publication calendars, gaps, duplicates, and the database (SQLite
// always; PostgreSQL when PAPERBAG_TEST_POSTGRES names a server, as .ci/run does).
#include "paperbag/ledger.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <thread>

#include "support/temp_dir.hpp"

using namespace paperbag;

namespace {

Date d(const char* text) {
    return Date::parse(text).value();
}

HeldIssue held(const std::string& key, const char* date, std::string edition = "Final",
               std::string sha = "") {
    HeldIssue i;
    i.title_key = key;
    i.date = d(date);
    i.edition = std::move(edition);
    i.sha256 = sha.empty() ? key + date + i.edition : sha;
    i.id = i.sha256;
    i.depositor = "courier";
    i.received_at = "2024-04-01T10:00:00Z";
    i.verdict = "valid";
    return i;
}

std::vector<std::string> dates(const std::vector<Gap>& gaps) {
    std::vector<std::string> out;
    for (const Gap& g : gaps)
        out.push_back(g.date.to_string() + (g.edition.empty() ? "" : "/" + g.edition));
    return out;
}

// Every check of a ledger, on whatever database it lives in.
void exercise_ledger(Ledger& ledger) {
    CHECK(ledger.schema_version() == 2);
    Title t{"courier", "The Courier", "2998-1034", "Courier Co", Calendar::parse_rule("weekdays")};
    t.calendar.skip.push_back(d("2024-03-29"));
    t.calendar.extra.push_back(ExtraEdition{d("2024-03-30"), "Easter Supplement"});
    ledger.put_title(t);
    const auto back = ledger.title("courier");
    REQUIRE(back);
    CHECK(back->title == "The Courier");
    CHECK(back->issn == "2998-1034");
    CHECK(back->calendar.rule() == "weekdays");
    CHECK(back->calendar.skip == t.calendar.skip);
    CHECK(back->calendar.extra == t.calendar.extra);

    const auto path_for = [](const HeldIssue& i) {
        return i.title_key + "/" + i.date.to_string() + ".v" + std::to_string(i.version) + ".zip";
    };
    std::vector<std::string> placed;
    const auto place = [&](const HeldIssue& i) { placed.push_back(i.path); };
    const HeldIssue first =
        ledger.record(held("courier", "2024-03-18", "Final", "aa"), path_for, place);
    CHECK(first.version == 1);
    const HeldIssue second =
        ledger.record(held("courier", "2024-03-18", "Final", "bb"), path_for, place);
    CHECK(second.version == 2);
    CHECK(placed ==
          std::vector<std::string>{"courier/2024-03-18.v1.zip", "courier/2024-03-18.v2.zip"});
    CHECK(ledger.holds_path("courier/2024-03-18.v2.zip"));

    // A move that fails leaves no row.
    CHECK_THROWS_AS(ledger.record(held("courier", "2024-03-19", "Final", "cc"), path_for,
                                  [](const HeldIssue&) { throw Error("PB-IO", "x", "disk full"); }),
                    Error);
    CHECK_FALSE(ledger.find_by_digest("cc"));
    CHECK_FALSE(ledger.holds_path("courier/2024-03-19.v1.zip"));
    // The same bytes twice: the database refuses the second row.
    CHECK_THROWS_WITH_AS(
        ledger.record(held("courier", "2024-03-20", "Final", "aa"), path_for, place),
        doctest::Contains("ledger"), Error);

    const auto found = ledger.find_by_digest("bb");
    REQUIRE(found);
    CHECK(found->path == "courier/2024-03-18.v2.zip");
    CHECK(found->date == d("2024-03-18"));
    CHECK(ledger.find_by_id("aa")->version == 1);
    CHECK(ledger.issues("courier").size() == 2);

    const auto dups = find_duplicates(ledger.issues());
    REQUIRE(dups.size() == 1);
    CHECK(dups[0].size() == 2);

    ledger.put_depositor("courier", "2024-03-01T00:00:00Z");
    CHECK(ledger.depositors() == std::vector<std::string>{"courier"});
    ledger.record_refusal(
        Refusal{"courier", "2024-03-21T08:00:00Z", "bad.zip", 400, "invalid", ".quarantine/x"});
    REQUIRE(ledger.refusals().size() == 1);
    CHECK(ledger.refusals()[0].status == 400);

    const std::string report = format_ledger_report(ledger, LedgerFormat::text);
    CHECK(report.find("courier 2024-04 2") != std::string::npos);
    CHECK(report.find("courier 2024-03-19") != std::string::npos);  // missing weekday
    CHECK(report.find("courier 2024-03-30 (Easter Supplement)") != std::string::npos);
    CHECK(report.find("courier 2024-03-29") == std::string::npos);  // a holiday
    CHECK(report.find("refused") != std::string::npos);
}

}  // namespace

TEST_CASE("Publication calendars parse, print and say which dates have issues") {
    CHECK(Calendar::parse_rule("daily").rule() == "daily");
    CHECK(Calendar::parse_rule("daily-except-sunday").rule() == "daily-except-sunday");
    CHECK(Calendar::parse_rule("weekdays").rule() == "weekdays");
    CHECK(Calendar::parse_rule("weekly:thursday").rule() == "weekly:thursday");
    CHECK_THROWS_WITH_AS(Calendar::parse_rule("fortnightly"),
                         doctest::Contains("unknown publication calendar"), Error);
    CHECK_THROWS_AS(Calendar::parse_rule("weekly:someday"), Error);

    CHECK(day_of_week(d("2024-03-17")) == 0);  // a Sunday
    CHECK(day_of_week(d("2024-03-18")) == 1);
    CHECK(next_day(d("2024-02-28")) == d("2024-02-29"));  // leap year
    CHECK(next_day(d("2023-02-28")) == d("2023-03-01"));
    CHECK(next_day(d("2024-12-31")) == d("2025-01-01"));

    const Calendar sunday_off = Calendar::parse_rule("daily-except-sunday");
    CHECK_FALSE(sunday_off.regular_on(d("2024-03-17")));
    CHECK(sunday_off.regular_on(d("2024-03-16")));
    const Calendar weekdays = Calendar::parse_rule("weekdays");
    CHECK_FALSE(weekdays.regular_on(d("2024-03-16")));
    CHECK(weekdays.regular_on(d("2024-03-15")));
    const Calendar thursdays = Calendar::parse_rule("weekly:thursday");
    CHECK(thursdays.regular_on(d("2024-03-21")));
    CHECK_FALSE(thursdays.regular_on(d("2024-03-22")));

    Calendar daily;
    daily.skip.push_back(d("2024-12-25"));
    daily.extra.push_back(ExtraEdition{d("2024-12-24"), "Christmas Supplement"});
    CHECK(daily.expected_on(d("2024-12-25")).empty());
    CHECK(daily.expected_on(d("2024-12-24")) ==
          std::vector<std::string>{"", "Christmas Supplement"});
}

TEST_CASE("Gaps are the expected issues that were not received") {
    Title t{"courier", "The Courier", "", "", Calendar::parse_rule("daily-except-sunday")};
    t.calendar.skip.push_back(d("2024-03-29"));  // Good Friday
    t.calendar.extra.push_back(ExtraEdition{d("2024-03-23"), "Supplement"});
    std::vector<HeldIssue> have{held("courier", "2024-03-18"), held("courier", "2024-03-19"),
                                held("courier", "2024-03-21", "Evening"),
                                held("courier", "2024-03-23"), held("other", "2024-03-20")};
    const auto gaps = find_gaps(t, d("2024-03-17"), d("2024-03-30"), have);
    CHECK(dates(gaps) == std::vector<std::string>{
                             "2024-03-20", "2024-03-22", "2024-03-23/Supplement", "2024-03-25",
                             "2024-03-26", "2024-03-27", "2024-03-28", "2024-03-30"});
    CHECK(find_gaps(t, d("2024-03-30"), d("2024-03-17"), have).empty());  // reversed range
    // A whole month of a weekly title, across a month end.
    Title weekly{"w", "W", "", "", Calendar::parse_rule("weekly:monday")};
    CHECK(dates(find_gaps(weekly, d("2024-04-01"), d("2024-04-30"), {held("w", "2024-04-08")})) ==
          std::vector<std::string>{"2024-04-01", "2024-04-15", "2024-04-22", "2024-04-29"});
}

TEST_CASE("Gaps and duplicates print as text, CSV and JSON") {
    const std::vector<Gap> gaps{{"courier", d("2024-03-20"), ""},
                                {"courier", d("2024-03-23"), "Supplement, late"}};
    CHECK(format_gaps(gaps, LedgerFormat::text) ==
          "courier 2024-03-20 missing\ncourier 2024-03-23 (Supplement, late) missing\n2 issues "
          "missing\n");
    CHECK(
        format_gaps(gaps, LedgerFormat::csv) ==
        "title,date,edition\r\ncourier,2024-03-20,\r\ncourier,2024-03-23,\"Supplement, late\"\r\n");
    CHECK(format_gaps(gaps, LedgerFormat::json) ==
          "[{\"title\":\"courier\",\"date\":\"2024-03-20\",\"edition\":\"\"},"
          "{\"title\":\"courier\",\"date\":\"2024-03-23\",\"edition\":\"Supplement, late\"}]\n");
    CHECK_THROWS_AS(parse_ledger_format("xml"), Error);
}

TEST_CASE("The SQLite ledger migrates, records versions and rolls back failed moves") {
    test::TempDir dir;
    {
        const auto ledger = Ledger::open("", dir.path().string());
        exercise_ledger(*ledger);
    }
    CHECK(std::filesystem::exists(dir / "ledger.sqlite"));
    // Reopening keeps everything and migrates nothing twice.
    const auto again = Ledger::open("sqlite:" + (dir / "ledger.sqlite").string(), "");
    CHECK(again->schema_version() == 2);
    CHECK(again->issues().size() == 2);
    CHECK_THROWS_WITH_AS(Ledger::open("sqlite:" + (dir / "no/such/folder/x.sqlite").string(), ""),
                         doctest::Contains("no/such/folder does not exist"), Error);
    // A path that is a folder: refused (after Poco's login timeout, 1 s for SQLite, not 60).
    CHECK_THROWS_WITH_AS(Ledger::open("sqlite:" + dir.path().string(), ""),
                         doctest::Contains("cannot open the ledger"), Error);
}

TEST_CASE("The PostgreSQL ledger behaves as the SQLite one") {
    const char* url = std::getenv("PAPERBAG_TEST_POSTGRES");
    if (url == nullptr || *url == '\0') {
        MESSAGE(
            "skipped: PAPERBAG_TEST_POSTGRES is not set (.ci/run starts one through "
            "scripts/with-postgres)");
        return;
    }
    const auto ledger = Ledger::open(url, "");
    exercise_ledger(*ledger);
}

namespace {

// Four writers, each with its own connection (as four shard processes or intake servers
// have), record at once into one ledger: every title added once, every row once, and the
// versions of one issue recorded by all of them 1..N without a gap or a duplicate.
void concurrent_writers(const std::string& location, const std::string& key) {
    constexpr int writers = 4, each = 12;
    std::vector<std::thread> threads;
    std::vector<std::string> failures(writers);
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            try {
                const auto ledger = Ledger::open(location, "");
                for (int i = 0; i < each; ++i) {
                    Title shared{key, "Shared", "", "", Calendar::parse_rule("daily")};
                    ledger->add_title_if_absent(shared);
                    ledger->put_title(Title{key + "-" + std::to_string(i % 3), "T", "", "",
                                            Calendar::parse_rule("weekdays")});
                    ledger->put_depositor("shard", "2024-03-01T00:00:00Z");
                    const std::string tag = key + std::to_string(w) + "-" + std::to_string(i);
                    // Distinct issues, and versions of one issue every writer records.
                    const auto path_for = [](const HeldIssue& h) {
                        return h.title_key + "/" + h.date.to_string() + "/" + h.sha256 + ".zip";
                    };
                    ledger->record(held(key, "2024-03-01", "Final", "one-" + tag), path_for,
                                   [](const HeldIssue&) {});
                    HeldIssue mine = held(key, "2024-04-01", "Final", "own-" + tag);
                    mine.date = next_day(d("2024-04-01"));
                    for (int k = 0; k < w * each + i; ++k) mine.date = next_day(mine.date);
                    ledger->record(mine, path_for, [](const HeldIssue&) {});
                }
            } catch (const std::exception& e) {
                failures[static_cast<std::size_t>(w)] = e.what();
            }
        });
    }
    for (std::thread& t : threads) t.join();
    for (const std::string& f : failures) CHECK(f == "");
    const auto ledger = Ledger::open(location, "");
    const auto rows = ledger->issues(key);
    CHECK(rows.size() == 2 * writers * each);
    std::vector<std::uint64_t> versions;
    for (const HeldIssue& h : rows)
        if (h.date == d("2024-03-01")) versions.push_back(h.version);
    std::sort(versions.begin(), versions.end());
    REQUIRE(versions.size() == writers * each);
    for (std::size_t v = 0; v < versions.size(); ++v) CHECK(versions[v] == v + 1);
    const auto names = ledger->depositors();
    CHECK(std::count(names.begin(), names.end(), "shard") == 1);
    CHECK(ledger->title(key));
    CHECK(ledger->title(key + "-2")->calendar.rule() == "weekdays");
}

}  // namespace

TEST_CASE("Several writers record into one SQLite ledger at once") {
    test::TempDir dir;
    // The schema is created by the first writer; the others wait for it.
    concurrent_writers("sqlite:" + (dir / "shared.sqlite").string(), "shared");
}

TEST_CASE("Several writers record into one PostgreSQL ledger at once") {
    const char* url = std::getenv("PAPERBAG_TEST_POSTGRES");
    if (url == nullptr || *url == '\0') {
        MESSAGE(
            "skipped: PAPERBAG_TEST_POSTGRES is not set (.ci/run starts one through "
            "scripts/with-postgres)");
        return;
    }
    // Keys of this run only: the database may hold other tests' rows.
    concurrent_writers(url, "shared-" + std::to_string(::getpid()));
}
