// The ledger on Poco::Data: SQLite or PostgreSQL, one schema, versioned migrations.
#include <Poco/Data/PostgreSQL/Connector.h>
#include <Poco/Data/PostgreSQL/PostgreSQLException.h>
#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>

#include "paperbag/diagnostic.hpp"
#include "paperbag/ledger.hpp"

namespace paperbag {

namespace {

using Poco::Data::RecordSet;
using Poco::Data::Session;
using Poco::Data::Statement;
using Poco::Data::Keywords::now;

// Qualified: an unqualified bind(std::string) would also find std::bind by ADL.
template <typename T>
Poco::Data::AbstractBinding::Ptr param(T value) {
    return Poco::Data::Keywords::bind(std::move(value));
}

// Migration N brings the schema from version N-1 to N. Never edit a released step: add one.
// The SQL is the common subset of SQLite and PostgreSQL.
const std::vector<std::vector<std::string>>& migrations() {
    static const std::vector<std::vector<std::string>> steps{
        {
            "CREATE TABLE titles (key TEXT PRIMARY KEY, title TEXT NOT NULL, issn TEXT NOT NULL, "
            "publisher TEXT NOT NULL, calendar TEXT NOT NULL)",
            "CREATE TABLE calendar_dates (title_key TEXT NOT NULL, date TEXT NOT NULL, "
            "kind TEXT NOT NULL, edition TEXT NOT NULL, "
            "PRIMARY KEY (title_key, date, kind, edition))",
            "CREATE TABLE depositors (name TEXT PRIMARY KEY, created_at TEXT NOT NULL)",
            "CREATE TABLE issues (id TEXT PRIMARY KEY, title_key TEXT NOT NULL, "
            "date TEXT NOT NULL, edition TEXT NOT NULL, number TEXT NOT NULL, "
            "version INTEGER NOT NULL, path TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL UNIQUE, "
            "md5 TEXT NOT NULL, size BIGINT NOT NULL, pages INTEGER NOT NULL, "
            "articles INTEGER NOT NULL, depositor TEXT NOT NULL, received_at TEXT NOT NULL, "
            "verdict TEXT NOT NULL, UNIQUE (title_key, date, edition, version))",
        },
        {
            "CREATE TABLE refusals (depositor TEXT NOT NULL, received_at TEXT NOT NULL, "
            "filename TEXT NOT NULL, status INTEGER NOT NULL, reason TEXT NOT NULL, "
            "quarantine TEXT NOT NULL)",
            "CREATE INDEX issues_by_date ON issues (title_key, date)",
        },
    };
    return steps;
}

const char* const issue_columns =
    "id, title_key, date, edition, number, version, path, sha256, md5, size, pages, articles, "
    "depositor, received_at, verdict";

std::string text(RecordSet& rs, std::size_t column, std::size_t row) {
    const Poco::Dynamic::Var value = rs.value(column, row);
    return value.isEmpty() ? std::string() : value.convert<std::string>();
}

std::uint64_t number(RecordSet& rs, std::size_t column, std::size_t row) {
    const Poco::Dynamic::Var value = rs.value(column, row);
    return value.isEmpty() ? 0 : value.convert<Poco::UInt64>();
}

Date date_of(const std::string& value) {
    return Date::parse(value).value_or(Date{});
}

// Poco waits out its login timeout (60 s by default) before it reports a failed SQLite open,
// but opening a local file works at once or not at all (a path that is a folder, a file that
// is not a database): the user would wait a minute for the error. No lock is taken at open.
constexpr std::size_t sqlite_open_seconds = 1;

class DbLedger final : public Ledger {
public:
    DbLedger(const std::string& connector, const std::string& connection, std::string name)
        : name_(std::move(name)),
          postgres_(connector == "PostgreSQL"),
          session_(connector, connection,
                   postgres_ ? Poco::Data::Session::LOGIN_TIMEOUT_DEFAULT : sqlite_open_seconds) {
        if (postgres_) {
            // The server's notices ("relation ... already exists, skipping") are not errors.
            session_ << "SET client_min_messages = warning", now;
        } else {
            session_ << "PRAGMA busy_timeout = 10000", now;
            enter_wal_mode();
            session_ << "PRAGMA synchronous = FULL", now;
        }
        migrate();
    }

    // Switching to WAL takes the database's exclusive lock, and SQLite answers SQLITE_BUSY
    // at once, without the busy handler, while another connection opens or converts the
    // same file. The switch is retried for as long as busy_timeout would have waited.
    void enter_wal_mode() {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        for (unsigned attempt = 1;; ++attempt) {
            try {
                session_ << "PRAGMA journal_mode = WAL", now;
                return;
            } catch (const Poco::Exception& e) {
                if (!transient(e) || std::chrono::steady_clock::now() >= deadline) throw;
            }
            pause(std::min(attempt, max_attempts));
        }
    }

    int schema_version() override {
        std::lock_guard lock(mutex_);
        return current_version();
    }

    void put_title(const Title& t) override {
        transaction([&] {
            // An upsert: two writers putting the same title never collide on the key.
            Statement upsert(session_);
            upsert << sql(
                "INSERT INTO titles (key, title, issn, publisher, calendar) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                "title = excluded.title, issn = excluded.issn, publisher = excluded.publisher, "
                "calendar = excluded.calendar"),
                param(t.key), param(t.title), param(t.issn), param(t.publisher),
                param(t.calendar.rule());
            upsert.execute();
            exec("DELETE FROM calendar_dates WHERE title_key = ?", t.key);
            for (const Date& d : t.calendar.skip) insert_calendar_date(t.key, d, "skip", "");
            for (const ExtraEdition& e : t.calendar.extra)
                insert_calendar_date(t.key, e.date, "extra", e.edition);
        });
    }

    bool add_title_if_absent(const Title& t) override {
        return transaction([&] {
            Statement insert(session_);
            insert << sql(
                "INSERT INTO titles (key, title, issn, publisher, calendar) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING"),
                param(t.key), param(t.title), param(t.issn), param(t.publisher),
                param(t.calendar.rule());
            if (insert.execute() == 0) return false;
            for (const Date& d : t.calendar.skip) insert_calendar_date(t.key, d, "skip", "");
            for (const ExtraEdition& e : t.calendar.extra)
                insert_calendar_date(t.key, e.date, "extra", e.edition);
            return true;
        });
    }

    std::optional<Title> title(std::string_view key) override {
        for (Title& t : titles())
            if (t.key == key) return std::move(t);
        return std::nullopt;
    }

    std::vector<Title> titles() override {
        return guarded([&] {
            std::vector<Title> out;
            RecordSet rs =
                query("SELECT key, title, issn, publisher, calendar FROM titles ORDER BY key", {});
            for (std::size_t r = 0; r < rs.rowCount(); ++r) {
                Title t{text(rs, 0, r), text(rs, 1, r), text(rs, 2, r), text(rs, 3, r), {}};
                t.calendar = Calendar::parse_rule(text(rs, 4, r));
                out.push_back(std::move(t));
            }
            for (Title& t : out) {
                RecordSet dates = query(
                    "SELECT date, kind, edition FROM calendar_dates "
                    "WHERE title_key = ? ORDER BY date, kind, edition",
                    {t.key});
                for (std::size_t r = 0; r < dates.rowCount(); ++r) {
                    const Date d = date_of(text(dates, 0, r));
                    if (text(dates, 1, r) == "skip")
                        t.calendar.skip.push_back(d);
                    else
                        t.calendar.extra.push_back(ExtraEdition{d, text(dates, 2, r)});
                }
            }
            return out;
        });
    }

    void put_depositor(const std::string& name, const std::string& created_at) override {
        transaction([&] {
            Statement upsert(session_);
            upsert << sql(
                "INSERT INTO depositors (name, created_at) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET created_at = excluded.created_at"),
                param(name), param(created_at);
            upsert.execute();
        });
    }

    std::vector<std::string> depositors() override {
        return guarded([&] {
            std::vector<std::string> out;
            RecordSet rs = query("SELECT name FROM depositors ORDER BY name", {});
            for (std::size_t r = 0; r < rs.rowCount(); ++r) out.push_back(text(rs, 0, r));
            return out;
        });
    }

    std::optional<HeldIssue> find_by_digest(std::string_view sha256) override {
        return find_one("sha256", std::string(sha256));
    }

    std::optional<HeldIssue> find_by_id(std::string_view id) override {
        return find_one("id", std::string(id));
    }

    std::vector<HeldIssue> issues(std::string_view title_key) override {
        return guarded([&] {
            std::string q = std::string("SELECT ") + issue_columns + " FROM issues";
            std::vector<std::string> params;
            if (!title_key.empty()) {
                q += " WHERE title_key = ?";
                params.emplace_back(title_key);
            }
            q += " ORDER BY title_key, date, edition, version";
            return rows(query(q, params));
        });
    }

    HeldIssue record(HeldIssue issue, const std::function<std::string(const HeldIssue&)>& path_for,
                     const std::function<void(const HeldIssue&)>& place) override {
        // The version is read and the row inserted in one transaction. Two writers of the same
        // issue (several servers or shards on one PostgreSQL ledger) may both read the same
        // highest version: the second insert then violates UNIQUE (title_key, date, edition,
        // version) and the transaction is retried with a fresh read. `place` runs after the
        // insert, so a retried attempt has placed nothing.
        bool placed = false;
        return transaction([&] {
            // A commit that failed after the move is not retried: the caller undoes the move.
            if (placed)
                throw Error("PB-LEDGER", name_, "ledger: the commit failed after the bundle moved");
            RecordSet rs = query(
                "SELECT MAX(version) FROM issues WHERE title_key = ? AND "
                "date = ? AND edition = ?",
                {issue.title_key, issue.date.to_string(), issue.edition});
            issue.version = (rs.rowCount() > 0 ? number(rs, 0, 0) : 0) + 1;
            issue.path = path_for(issue);
            insert_issue(issue);
            place(issue);
            placed = true;
            return issue;
        });
    }

    bool holds_path(std::string_view path) override {
        return guarded([&] {
            return query("SELECT id FROM issues WHERE path = ?", {std::string(path)}).rowCount() >
                   0;
        });
    }

    void record_refusal(const Refusal& f) override {
        guarded([&] {
            Statement insert(session_);
            insert << sql(
                "INSERT INTO refusals (depositor, received_at, filename, status, "
                "reason, quarantine) VALUES (?, ?, ?, ?, ?, ?)"),
                param(f.depositor), param(f.received_at), param(f.filename), param(f.status),
                param(f.reason), param(f.quarantine);
            insert.execute();
        });
    }

    std::vector<Refusal> refusals() override {
        return guarded([&] {
            std::vector<Refusal> out;
            RecordSet rs = query(
                "SELECT depositor, received_at, filename, status, reason, "
                "quarantine FROM refusals ORDER BY received_at, filename",
                {});
            for (std::size_t r = 0; r < rs.rowCount(); ++r)
                out.push_back(Refusal{text(rs, 0, r), text(rs, 1, r), text(rs, 2, r),
                                      static_cast<int>(number(rs, 3, r)), text(rs, 4, r),
                                      text(rs, 5, r)});
            return out;
        });
    }

private:
    // Every database error becomes a PB-LEDGER Error naming the ledger.
    template <typename F>
    auto guarded(F&& f) -> decltype(f()) {
        std::lock_guard lock(mutex_);
        try {
            return f();
        } catch (const Poco::Exception& e) {
            throw Error("PB-LEDGER", name_, "ledger: " + e.displayText());
        }
    }

    // Runs `f` in one transaction, committed when it returns, rolled back when it throws.
    // SQLite: BEGIN IMMEDIATE takes the write lock first (a deferred transaction that reads
    // and then writes can fail at once with SQLITE_BUSY when another process wrote in
    // between; busy_timeout makes IMMEDIATE wait instead). PostgreSQL (READ COMMITTED): a
    // conflict with a concurrent writer (serialization failure, deadlock, a unique key taken
    // meanwhile) is retried from the start, a few times with a growing pause.
    template <typename F>
    auto transaction(F&& f) -> decltype(f()) {
        return guarded([&]() -> decltype(f()) {
            for (unsigned attempt = 1;; ++attempt) {
                try {
                    if (postgres_)
                        session_.begin();
                    else
                        session_ << "BEGIN IMMEDIATE", now;
                } catch (const Poco::Exception& e) {
                    if (attempt >= max_attempts || !transient(e)) throw;
                    pause(attempt);
                    continue;
                }
                try {
                    if constexpr (std::is_void_v<decltype(f())>) {
                        f();
                        end_transaction(true);
                        return;
                    } else {
                        auto result = f();
                        end_transaction(true);
                        return result;
                    }
                } catch (const Poco::Exception& e) {
                    end_transaction(false);
                    if (attempt >= max_attempts || !transient(e)) throw;
                } catch (...) {
                    end_transaction(false);
                    throw;
                }
                pause(attempt);
            }
        });
    }

    void end_transaction(bool commit) {
        if (postgres_) {
            if (commit)
                session_.commit();
            else
                session_.rollback();
            return;
        }
        if (commit) {
            session_ << "COMMIT", now;
            return;
        }
        try {
            session_ << "ROLLBACK", now;
        } catch (const Poco::Exception&) {
            // SQLite already rolled back (a failed COMMIT): nothing is left to undo.
        }
    }

    // A failure that another attempt may not meet: the database was busy, or a concurrent
    // writer won a race (PostgreSQL SQLSTATE 40001 serialization failure, 40P01 deadlock,
    // 23505 unique violation on anything but the bundle's digest: the same bytes twice stay
    // an error).
    bool transient(const Poco::Exception& e) const {
        if (!postgres_)
            return dynamic_cast<const Poco::Data::SQLite::DBLockedException*>(&e) != nullptr ||
                   dynamic_cast<const Poco::Data::SQLite::TableLockedException*>(&e) != nullptr;
        const std::string text = e.displayText();
        if (text.find("State: 40001") != std::string::npos ||
            text.find("State: 40P01") != std::string::npos)
            return true;
        return text.find("State: 23505") != std::string::npos &&
               text.find("sha256") == std::string::npos &&
               text.find("issues_pkey") == std::string::npos;
    }

    static void pause(unsigned attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt * attempt));
    }

    static constexpr unsigned max_attempts = 8;

    // SQLite takes '?' placeholders, PostgreSQL '$1', '$2', ...
    std::string sql(std::string_view text) const {
        if (!postgres_) return std::string(text);
        std::string out;
        int n = 0;
        for (char c : text) {
            if (c == '?')
                out += "$" + std::to_string(++n);
            else
                out += c;
        }
        return out;
    }

    void exec(const std::string& statement, std::string value) {
        Statement st(session_);
        st << sql(statement), param(std::move(value));
        st.execute();
    }

    RecordSet query(const std::string& statement, std::vector<std::string> params) {
        Statement st(session_);
        st << sql(statement);
        for (std::string& p : params) st, param(std::move(p));
        st.execute();
        return RecordSet(st);
    }

    void insert_calendar_date(const std::string& key, const Date& d, const char* kind,
                              const std::string& edition) {
        Statement st(session_);
        st << sql(
            "INSERT INTO calendar_dates (title_key, date, kind, edition) "
            "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
            param(key), param(d.to_string()), param(std::string(kind)), param(edition);
        st.execute();
    }

    void insert_issue(const HeldIssue& i) {
        Statement st(session_);
        st << sql(std::string("INSERT INTO issues (") + issue_columns +
                  ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            param(i.id), param(i.title_key), param(i.date.to_string()), param(i.edition),
            param(i.number), param(static_cast<Poco::Int64>(i.version)), param(i.path),
            param(i.sha256), param(i.md5), param(static_cast<Poco::Int64>(i.size)),
            param(static_cast<Poco::Int64>(i.pages)), param(static_cast<Poco::Int64>(i.articles)),
            param(i.depositor), param(i.received_at), param(i.verdict);
        st.execute();
    }

    std::optional<HeldIssue> find_one(const char* column, std::string value) {
        return guarded([&]() -> std::optional<HeldIssue> {
            auto found = rows(query(
                std::string("SELECT ") + issue_columns + " FROM issues WHERE " + column + " = ?",
                {std::move(value)}));
            if (found.empty()) return std::nullopt;
            return found.front();
        });
    }

    static std::vector<HeldIssue> rows(RecordSet rs) {
        std::vector<HeldIssue> out;
        for (std::size_t r = 0; r < rs.rowCount(); ++r) {
            HeldIssue i;
            i.id = text(rs, 0, r);
            i.title_key = text(rs, 1, r);
            i.date = date_of(text(rs, 2, r));
            i.edition = text(rs, 3, r);
            i.number = text(rs, 4, r);
            i.version = number(rs, 5, r);
            i.path = text(rs, 6, r);
            i.sha256 = text(rs, 7, r);
            i.md5 = text(rs, 8, r);
            i.size = number(rs, 9, r);
            i.pages = number(rs, 10, r);
            i.articles = number(rs, 11, r);
            i.depositor = text(rs, 12, r);
            i.received_at = text(rs, 13, r);
            i.verdict = text(rs, 14, r);
            out.push_back(std::move(i));
        }
        return out;
    }

    int current_version() {
        RecordSet rs = query("SELECT MAX(version) FROM schema_version", {});
        return rs.rowCount() > 0 ? static_cast<int>(number(rs, 0, 0)) : 0;
    }

    // Several processes may open a new ledger at once (shards, servers): the check and the
    // steps are serialised (SQLite: the write lock of BEGIN IMMEDIATE; PostgreSQL: an
    // advisory lock), so each step runs once.
    void migrate() {
        guarded([&] {
            if (postgres_) session_ << "SELECT pg_advisory_lock(" + lock_key + ")", now;
            try {
                session_ << "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)",
                    now;
                const auto& steps = migrations();
                for (;;) {
                    if (postgres_)
                        session_.begin();
                    else
                        session_ << "BEGIN IMMEDIATE", now;
                    try {
                        const int from = current_version();
                        if (from > static_cast<int>(steps.size()))
                            throw Error("PB-LEDGER", name_,
                                        "ledger schema version " + std::to_string(from) +
                                            " is newer than this paperbag knows (" +
                                            std::to_string(steps.size()) + "): upgrade paperbag");
                        if (from == static_cast<int>(steps.size())) {
                            end_transaction(true);
                            break;
                        }
                        for (const std::string& statement : steps[static_cast<std::size_t>(from)])
                            session_ << statement, now;
                        Statement st(session_);
                        st << sql("INSERT INTO schema_version (version) VALUES (?)"),
                            param(from + 1);
                        st.execute();
                        end_transaction(true);
                    } catch (...) {
                        end_transaction(false);
                        throw;
                    }
                }
            } catch (...) {
                if (postgres_) unlock();
                throw;
            }
            if (postgres_) unlock();
        });
    }

    void unlock() {
        try {
            session_ << "SELECT pg_advisory_unlock(" + lock_key + ")", now;
        } catch (const Poco::Exception&) {
            // The lock ends with the session anyway.
        }
    }

    // pg_advisory_lock key of ledger migrations ("paperbag" in ASCII, as a number).
    static inline const std::string lock_key = "8097877186001920359";

    std::string name_;
    bool postgres_;
    std::mutex mutex_;
    Session session_;
};

// "postgresql://user:password@host:port/dbname" as a libpq keyword string.
std::string postgres_connection(std::string_view location) {
    const Poco::URI uri{std::string(location)};
    std::string out = "host=" + uri.getHost() + " port=" + std::to_string(uri.getPort());
    std::string db = uri.getPath();
    if (!db.empty() && db.front() == '/') db.erase(0, 1);
    if (!db.empty()) out += " dbname=" + db;
    const std::string& info = uri.getUserInfo();
    const auto colon = info.find(':');
    if (!info.empty()) out += " user=" + info.substr(0, colon);
    if (colon != std::string::npos) out += " password=" + info.substr(colon + 1);
    return out;
}

}  // namespace

std::unique_ptr<Ledger> Ledger::open(std::string_view location, const std::string& store) {
    static std::once_flag registered;
    std::call_once(registered, [] {
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::PostgreSQL::Connector::registerConnector();
    });
    try {
        if (location.starts_with("postgresql://") || location.starts_with("postgres://"))
            return std::make_unique<DbLedger>("PostgreSQL", postgres_connection(location),
                                              "postgresql ledger");
        std::string file = location.starts_with("sqlite:") ? std::string(location.substr(7))
                                                           : std::string(location);
        if (file.empty()) file = (std::filesystem::path(store) / "ledger.sqlite").string();
        const std::filesystem::path folder = std::filesystem::path(file).parent_path();
        std::error_code ec;
        if (!folder.empty() && !std::filesystem::is_directory(folder, ec))
            throw Error(
                "PB-LEDGER", file,
                "cannot open the ledger: the folder " + folder.string() + " does not exist");
        return std::make_unique<DbLedger>("SQLite", file, file);
    } catch (const Poco::Exception& e) {
        throw Error("PB-LEDGER", std::string(location.empty() ? store : location),
                    "cannot open the ledger: " + e.displayText());
    }
}

}  // namespace paperbag
