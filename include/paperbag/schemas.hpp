// The official schema set: `paperbag schemas list|install|status` as library calls.
//
// paperbag never copies third-party schemas into its repository or fetches them while
// validating. Instead, `install` puts the official files into the user's schema directory
// (user_schema_dir(): $PAPERBAG_SCHEMA_DIR, $XDG_DATA_HOME/paperbag/schemas or
// ~/.local/share/paperbag/schemas), from a folder or from the standards bodies' web
// addresses, checks every file against a SHA-256 pinned in paperbag's source, and writes a
// catalog.xml there that maps each schema's canonical URLs to the local file. `validate`
// loads that catalog automatically.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

// One official schema file paperbag knows.
struct OfficialSchema {
    std::string_view path;    // relative path in the schema directory, e.g. "alto/alto-4-4.xsd"
    std::string_view sha256;  // pinned digest (lower-case hex)
    std::string_view title;   // "ALTO 4.4"
    std::vector<std::string_view> urls;  // canonical URLs; the first is downloaded
};

// Every official schema, in a fixed order.
std::span<const OfficialSchema> official_schemas();

struct SchemaInstallOptions {
    std::filesystem::path target;  // schema directory; empty = user_schema_dir()
    std::filesystem::path from;    // copy from this folder (same layout), or
    std::string mirror;            // download from MIRROR/<path> instead of the canonical URLs
    int timeout_seconds = 30;      // per connection and read
};

// Installs every official schema and the catalog. Files already installed with the right
// digest are kept. A file whose digest does not match is refused (never installed). Each
// problem is added to `problems`; returns true when the whole set is installed. The catalog
// is written only when at least one schema is in place: a run where every download fails
// writes no catalog.xml.
bool install_schemas(const SchemaInstallOptions& options, Diagnostics& problems);

// The state of one schema in a schema directory.
struct SchemaStatus {
    const OfficialSchema* schema;
    bool present = false;
    bool matches = false;  // present with the pinned SHA-256
};

// What is installed in `dir` (empty = user_schema_dir()), per official schema.
std::vector<SchemaStatus> schema_status(const std::filesystem::path& dir);

// The schema directory `dir` stands for (user_schema_dir() when empty).
std::filesystem::path schema_directory(const std::filesystem::path& dir);

// Fetches `url` over HTTP or HTTPS (Poco::Net), following up to 5 redirects, with
// `timeout_seconds` for connecting and reading, at most `max_size` bytes. Throws Error
// (PB-HTTP) naming the URL and the reason.
std::string http_get(const std::string& url, int timeout_seconds, std::size_t max_size);

}  // namespace paperbag
