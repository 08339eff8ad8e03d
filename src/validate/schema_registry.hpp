// The schema registry: which schema validates a document, by its root element's namespace
// (and version attribute where a standard has several), and the compiled schemas of one
// run. Each schema is compiled once, on first use, and then shared read-only by all worker
// threads (libxml2 schemas are immutable after compilation).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "paperbag/validate.hpp"
#include "validate/xsd_schema.hpp"

namespace paperbag {

// What identifies a document: its root element.
struct RootElement {
    std::string ns;       // namespace URI, empty when none
    std::string name;     // local name
    std::string version;  // the standard's version attribute (ALTO SCHEMAVERSION, MODS version)
};

// One row of the registry: a kind of document and where its schema lives.
struct SchemaRow {
    std::string_view id;              // stable, e.g. "alto-4.4"
    std::string_view kind;            // "ALTO 4.4"
    std::string_view ns;              // root namespace ("" for none)
    std::string_view root;            // root local name ("" = any)
    std::string_view version_prefix;  // version attribute prefix ("" = any)
    std::string_view location;        // canonical URL, or "builtin:NAME" for xsd/NAME
    std::string_view profile_schema;  // xsd/ file of paperbag's profile for it ("" = none)
};

// Every row, most specific first.
std::span<const SchemaRow> schema_rows();

// The row for a root element, or nullptr when paperbag knows no schema for it.
const SchemaRow* find_schema_row(const RootElement& root);

// A schema compiled (or not) for this run.
struct CompiledSchema {
    std::string location;  // what was asked for: URL or builtin:NAME
    std::string resolved;  // the local file the catalog mapped it to (for reports)
    std::optional<XsdSchema> schema;
    std::string failure;  // why it is not available, when schema is empty
};

class SchemaRegistry {
public:
    // The compiled schema at `location` ("builtin:NAME" or a URL resolved through the
    // catalogs), compiling it on first use. Thread-safe; never throws for a missing or
    // broken schema (failure is set instead).
    std::shared_ptr<const CompiledSchema> get(const std::string& location);

private:
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<const CompiledSchema>> cache_;
};

// The message for a schema that is not available: what to install or configure.
std::string missing_schema_advice();

// The one run-level warning (PB-SCHEMA-MISSING) for official schemas that were not
// available: how many files it left not validated or checked against paperbag's profile
// schemas only, which schemas, and the fix.
Diagnostic missing_schemas_message(const ValidationRun::MissingSchemas& missing);

}  // namespace paperbag
