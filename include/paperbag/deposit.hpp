// Legal deposit over SWORD v2: the intake server (`paperbag serve`) a library runs, and the
// client (`paperbag deposit`) a publisher runs. docs/deposit.md shows the exchanges.
//
// The store is one folder:
//   STORE/ledger.sqlite                 the holdings ledger (ledger.hpp), unless PostgreSQL
//   STORE/depositors                    "NAME SALT SHA256(SALT+SECRET)" per line, mode 0600
//   STORE/<title-key>/<year>/<bundle>.zip    every bundle accepted (".v2.zip", ... for later
//                                            versions of an issue already held)
//   STORE/.reports/<id>.json            the verification report of every accepted bundle
//   STORE/.incoming/                    uploads being received (removed on start)
//   STORE/.journal/                     moves in progress (undone on start when unrecorded)
//   STORE/.quarantine/                  refused uploads, kept for --quarantine-days
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace paperbag {

// ---- Depositors and their tokens -------------------------------------------------------

// A token is "NAME.SECRET" (SECRET: 64 hex digits from OpenSSL's RAND_bytes). The store
// keeps only a random salt and SHA-256(salt + SECRET) per depositor, compared in constant
// time. Depositor names are 1-64 characters of [A-Za-z0-9_-].
//
// Adds the depositor `name` to STORE/depositors (replacing its old token) and to the
// ledger, and returns the new token: it is shown once and stored nowhere. Throws Error
// (PB-USAGE) for a bad name, (PB-IO) when the file cannot be written.
std::string add_depositor(const std::filesystem::path& store, const std::string& name,
                          const std::string& ledger_location);

// The depositor a token belongs to, or nothing. `user` (from HTTP Basic) must then be that
// depositor; empty for a Bearer token.
class Depositors {
public:
    explicit Depositors(const std::filesystem::path& store);
    std::optional<std::string> authenticate(const std::string& user,
                                            const std::string& token) const;
    std::vector<std::string> names() const;

private:
    struct Entry {
        std::string name, salt, hash;
    };
    std::vector<Entry> entries_;
};

// ---- The intake server -----------------------------------------------------------------

struct ServeOptions {
    std::filesystem::path store;
    std::string listen = "127.0.0.1:8080";  // HOST:PORT; port 0 picks a free one
    std::string ledger;                     // "" = sqlite:STORE/ledger.sqlite
    std::string tls_cert, tls_key;          // both or neither: HTTPS
    bool insecure = false;                  // allow plain HTTP on an address other than loopback
    std::uint64_t max_upload = std::uint64_t{2} << 30;
    unsigned jobs = 8;                 // worker threads (bounded pool)
    unsigned queue = 64;               // connections waiting for a worker
    unsigned timeout = 30;             // seconds: socket reads, and the grace for min_rate
    std::uint64_t min_rate = 1024;     // bytes/s an upload must average after `timeout`
    unsigned quarantine_days = 30;     // refused uploads older than this are removed
    std::filesystem::path access_log;  // "" = STORE/access.log; "-" = stderr
    std::ostream* announce = nullptr;  // "listening on http://HOST:PORT" once ready
    // Depositors who are library staff: they see the review (/view/<deposit>/) of every
    // stored bundle, with the correction tools; others only their own, read-only.
    std::vector<std::string> staff;
};

// Recovers the store (removes unfinished uploads, undoes unrecorded moves, purges the
// quarantine), serves until SIGINT or SIGTERM, then stops. Returns the exit code. Throws
// Error for a bad option or a store or ledger that cannot be opened.
int run_server(const ServeOptions& options);

// ---- The client ------------------------------------------------------------------------

struct DepositOptions {
    std::vector<std::filesystem::path> bundles;
    std::string url;    // service document or collection
    std::string token;  // "NAME.SECRET"
    unsigned retries = 4;
    unsigned backoff_ms = 1000;  // doubled after each failed attempt
    std::string ca_file;         // HTTPS: trust this CA (else the system's)
    std::ostream* progress = nullptr;
};

// Deposits each bundle, saves the receipt as "<bundle without .zip>.receipt.xml" beside it,
// prints one line per bundle (and the server's reasons for refusals) to `out`. Returns 0
// when every bundle was accepted, 1 when any was refused, 2 when the server could not be
// reached.
int deposit_bundles(const DepositOptions& options, std::ostream& out, std::ostream& err);

}  // namespace paperbag
