// The holdings ledger: which titles a library expects, which issues it received, from whom,
// and what is missing.
//
// The ledger is a database reached through Poco::Data: SQLite by default (one file,
// STORE/ledger.sqlite), PostgreSQL ("postgresql://user@host:port/dbname") when several intake
// servers share one ledger. Its schema is versioned (table schema_version); opening a ledger
// applies the migrations it lacks, each in its own transaction, so an old ledger is brought
// up to date and a new one is created. Every method is safe to call from several threads at
// once (one session, one lock: ledger writes are a few rows per deposit), and several
// processes may write one ledger at once (intake servers, build shards): every write is one
// transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: retried on a conflict with a concurrent
// writer), titles and depositors are upserts.
//
// Publication calendars say on which dates an issue is expected: daily, daily except
// Sunday, weekdays (Monday to Friday), weekly on a given day; plus explicit non-publication
// dates (holidays) and extra editions or supplements on given dates. gaps() compares a
// calendar with what was received.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

enum class Frequency { daily, daily_except_sunday, weekdays, weekly };

struct ExtraEdition {
    Date date;
    std::string edition;  // "Supplement", "Evening", ...; never empty
    friend bool operator==(const ExtraEdition&, const ExtraEdition&) = default;
};

struct Calendar {
    Frequency frequency = Frequency::daily;
    unsigned weekday = 0;             // weekly: 0 Sunday .. 6 Saturday
    std::vector<Date> skip;           // no issue on these dates (holidays)
    std::vector<ExtraEdition> extra;  // an additional issue on these dates

    // "daily", "daily-except-sunday", "weekdays", "weekly:monday" (any day name in English).
    // Throws Error (PB-USAGE) for anything else.
    static Calendar parse_rule(std::string_view rule);
    // The rule in the form parse_rule() reads.
    std::string rule() const;

    // True when a regular issue is expected on `date` (the rule says so and it is not a
    // skipped date).
    bool regular_on(const Date& date) const;
    // The editions expected on `date`: "" for the regular issue, then the extra editions.
    std::vector<std::string> expected_on(const Date& date) const;
};

// Day arithmetic on Date (proleptic Gregorian).
Date next_day(const Date& date);
// 0 Sunday .. 6 Saturday.
unsigned day_of_week(const Date& date);

struct Title {
    std::string key;  // slug, e.g. "riverton-courier"; the store's folder for the title
    std::string title;
    std::string issn;
    std::string publisher;
    Calendar calendar;
};

// One issue received (every version of it is its own row).
struct HeldIssue {
    std::string id;  // deposit id: the first 32 hex digits of the bundle's SHA-256
    std::string title_key;
    Date date;
    std::string edition;  // as in the bundle ("Final"); "" when the issue has none
    std::string number;
    std::string path;  // relative to the store: "<title-key>/<year>/<bundle>.zip"
    std::string sha256;
    std::string md5;
    std::uint64_t size = 0;
    std::uint64_t pages = 0;
    std::uint64_t articles = 0;
    std::string depositor;
    std::string received_at;  // ISO 8601 UTC
    std::string verdict;      // "valid" (only valid bundles are stored)
    std::uint64_t version = 1;
};

// A deposit that was refused.
struct Refusal {
    std::string depositor;
    std::string received_at;
    std::string filename;
    int status = 0;  // HTTP status sent
    std::string reason;
    std::string quarantine;  // path relative to the store, "" when nothing was kept
};

// An issue expected by the calendar and not received. edition "" is the regular issue.
struct Gap {
    std::string title_key;
    Date date;
    std::string edition;
    friend bool operator==(const Gap&, const Gap&) = default;
};

class Ledger {
public:
    // "sqlite:FILE", "postgresql://...", or "" for sqlite:<store>/ledger.sqlite. Throws
    // Error (PB-LEDGER) when the database cannot be opened or migrated.
    static std::unique_ptr<Ledger> open(std::string_view location, const std::string& store);

    virtual ~Ledger() = default;
    // The schema version after migration.
    virtual int schema_version() = 0;

    // Adds a title or replaces its metadata and calendar (an upsert).
    virtual void put_title(const Title& title) = 0;
    // Adds a title unless one with its key exists (then nothing changes). Atomic: of several
    // writers adding the same key at once, one adds it. True when this call added it.
    virtual bool add_title_if_absent(const Title& title) = 0;
    virtual std::optional<Title> title(std::string_view key) = 0;
    virtual std::vector<Title> titles() = 0;

    virtual void put_depositor(const std::string& name, const std::string& created_at) = 0;
    virtual std::vector<std::string> depositors() = 0;

    // The stored issue whose bundle has this SHA-256, if any.
    virtual std::optional<HeldIssue> find_by_digest(std::string_view sha256) = 0;
    // The stored issue with this deposit id, if any.
    virtual std::optional<HeldIssue> find_by_id(std::string_view id) = 0;
    // Every issue held, by title, date, edition and version (one title when key is given).
    virtual std::vector<HeldIssue> issues(std::string_view title_key = {}) = 0;

    // Records `issue` in one transaction: its version becomes one more than the versions of
    // the same title, date and edition already held, `path_for(issue)` names its store path
    // (it may depend on the version), the row is inserted, `place(issue)` moves the bundle
    // there, and only then is the transaction committed. If anything throws, nothing is
    // recorded (and `place` has not run or has failed). Returns the row as stored.
    virtual HeldIssue record(HeldIssue issue,
                             const std::function<std::string(const HeldIssue&)>& path_for,
                             const std::function<void(const HeldIssue&)>& place) = 0;
    // True when a row names this store path (crash recovery asks about unfinished moves).
    virtual bool holds_path(std::string_view path) = 0;

    virtual void record_refusal(const Refusal& refusal) = 0;
    virtual std::vector<Refusal> refusals() = 0;
};

// Issues of `title` expected between `from` and `to` (inclusive) that `held` lacks.
std::vector<Gap> find_gaps(const Title& title, const Date& from, const Date& to,
                           const std::vector<HeldIssue>& held);

// Groups of rows that hold the same issue (title, date, edition) more than once.
std::vector<std::vector<HeldIssue>> find_duplicates(const std::vector<HeldIssue>& held);

// The title key of an issue: the key of the ledger's title with the issue's ISSN, else the
// issue's key (ids.hpp) without its date. Adds the title (daily calendar) when the ledger
// does not have it yet (add_title_if_absent: a title another writer added meanwhile is kept).
std::string catalogue_title(Ledger& ledger, const Issue& issue);

// A ledger row for `issue` (title key from catalogue_title, date, edition, number, pages,
// articles); the caller fills in path, digests, size, depositor, time and verdict.
HeldIssue held_issue_for(Ledger& ledger, const Issue& issue);

struct ImportSummary {
    std::size_t added = 0;    // bundles recorded now
    std::size_t known = 0;    // already in the ledger (same SHA-256)
    std::size_t skipped = 0;  // unreadable or not paperbag bundles (see problems)
    Diagnostics problems;
};

// `ledger import`: indexes every *.zip under `folder` (recursively, in name order) that the
// ledger does not hold yet: verified with the engine of `paperbag verify` (the verdict is
// recorded as found), catalogued from its METS, recorded with its path relative to `store`
// when it lies inside it (else absolute) and depositor "import". Files are not moved.
ImportSummary import_bundles(Ledger& ledger, const std::filesystem::path& folder,
                             const std::filesystem::path& store, const std::string& received_at);

// How record_bundle() found a bundle.
enum class BundleRecord { added, known };

// Records one bundle that `path` names in the ledger (idempotent): SHA-256 and MD5 of the
// file, the issue catalogued from its METS, depositor, time and verdict as given. A bundle
// whose SHA-256 the ledger already holds (recorded before, or by a concurrent writer) is
// `known` and changes nothing. Throws Error when the file cannot be read or holds no issue
// METS (PB-LEDGER for database failures).
BundleRecord record_bundle(Ledger& ledger, const std::filesystem::path& bundle,
                           const std::string& path, const std::string& depositor,
                           const std::string& received_at, const std::string& verdict);

enum class LedgerFormat { text, csv, json };
LedgerFormat parse_ledger_format(std::string_view name);

std::string format_gaps(const std::vector<Gap>& gaps, LedgerFormat format);
std::string format_duplicates(const std::vector<std::vector<HeldIssue>>& groups,
                              LedgerFormat format);

// Received per depositor and month, missing issues per title (over the months received),
// and refusals.
std::string format_ledger_report(Ledger& ledger, LedgerFormat format);

}  // namespace paperbag
