// Depositor tokens: random secrets shown once; the store keeps salted SHA-256 hashes only.
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/digest.hpp"
#include "io/atomic_file.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/deposit.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/ledger.hpp"

namespace paperbag {

namespace {

std::string random_hex(std::size_t bytes) {
    std::string raw(bytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1)
        throw Error("PB-INTERNAL", "", "OpenSSL RAND_bytes failed");
    return to_hex(raw);
}

bool valid_name(const std::string& name) {
    return !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

std::filesystem::path depositors_file(const std::filesystem::path& store) {
    return store / "depositors";
}

}  // namespace

std::string add_depositor(const std::filesystem::path& store, const std::string& name,
                          const std::string& ledger_location) {
    if (!valid_name(name))
        throw Error("PB-USAGE", "",
                    "depositor name '" + name + "' must be 1-64 characters of A-Z a-z 0-9 _ -");
    std::filesystem::create_directories(store);
    const std::string secret = random_hex(32);
    const std::string salt = random_hex(16);
    std::string lines;
    {
        std::ifstream in(depositors_file(store));
        std::string line;
        while (std::getline(in, line))
            if (!line.empty() && line.substr(0, line.find(' ')) != name) lines += line + "\n";
    }
    lines += name + " " + salt + " " + digest_hex(DigestAlgorithm::sha256, salt + secret) + "\n";
    write_file_atomic(depositors_file(store), lines);
    std::filesystem::permissions(depositors_file(store), std::filesystem::perms::owner_read |
                                                             std::filesystem::perms::owner_write);
    const auto clock = clock_from_environment();
    Ledger::open(ledger_location, store.string())
        ->put_depositor(name, format_iso8601_utc(clock->now()));
    return name + "." + secret;
}

Depositors::Depositors(const std::filesystem::path& store) {
    std::ifstream in(depositors_file(store));
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        Entry e;
        if (fields >> e.name >> e.salt >> e.hash) entries_.push_back(std::move(e));
    }
}

std::optional<std::string> Depositors::authenticate(const std::string& user,
                                                    const std::string& token) const {
    const auto dot = token.rfind('.');
    if (dot == std::string::npos) return std::nullopt;
    const std::string name = token.substr(0, dot);
    if (!user.empty() && user != name) return std::nullopt;
    for (const Entry& e : entries_) {
        if (e.name != name) continue;
        const std::string hash =
            digest_hex(DigestAlgorithm::sha256, e.salt + token.substr(dot + 1));
        if (hash.size() == e.hash.size() &&
            CRYPTO_memcmp(hash.data(), e.hash.data(), hash.size()) == 0)
            return e.name;
    }
    return std::nullopt;
}

std::vector<std::string> Depositors::names() const {
    std::vector<std::string> out;
    for (const Entry& e : entries_) out.push_back(e.name);
    return out;
}

}  // namespace paperbag
