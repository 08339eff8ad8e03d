#include "validate/schema_registry.hpp"

#include "core/embedded.hpp"
#include "validate/catalog.hpp"

namespace paperbag {

namespace {

constexpr std::string_view mets_ns = "http://www.loc.gov/METS/";
constexpr std::string_view alto4_ns = "http://www.loc.gov/standards/alto/ns-v4#";
constexpr std::string_view nar_ns = "http://iptc.org/std/nar/2006-10-01/";

// One table: adding a standard adds a row. Rows with a version prefix come before the
// row of the same namespace without one.
constexpr SchemaRow rows[] = {
    {"mets-1", "METS 1.12.1 (+ MODS 3.8, PREMIS 3, MIX 2.0, textMD, ALTO 4.4, DC inside)", mets_ns,
     "", "", "builtin:mets-embedded.xsd", "paperbag-mets.xsd"},
    {"mets-2", "METS 2.0", "http://www.loc.gov/METS/v2", "", "",
     "http://www.loc.gov/standards/mets/v2/mets.xsd", ""},
    {"mods-3.7", "MODS 3.7", "http://www.loc.gov/mods/v3", "", "3.7",
     "http://www.loc.gov/standards/mods/v3/mods-3-7.xsd", ""},
    {"mods-3.8", "MODS 3.8", "http://www.loc.gov/mods/v3", "", "",
     "http://www.loc.gov/standards/mods/v3/mods-3-8.xsd", ""},
    {"premis-3", "PREMIS 3.0", "http://www.loc.gov/premis/v3", "", "",
     "http://www.loc.gov/standards/premis/v3/premis-v3-0.xsd", ""},
    {"mix-2.0", "MIX 2.0", "http://www.loc.gov/mix/v20", "", "",
     "http://www.loc.gov/standards/mix/mix20/mix20.xsd", ""},
    {"textmd-3", "textMD 3.01a", "info:lc/xmlns/textMD-v3", "", "",
     "http://www.loc.gov/standards/textMD/textMD-v3.01a.xsd", ""},
    {"alto-4.4", "ALTO 4.x (schema 4.4)", alto4_ns, "alto", "",
     "http://www.loc.gov/standards/alto/v4/alto-4-4.xsd", "paperbag-alto.xsd"},
    {"alto-3.0", "ALTO 3.0", "http://www.loc.gov/standards/alto/ns-v3#", "alto", "3.0",
     "http://www.loc.gov/standards/alto/v3/alto-3-0.xsd", ""},
    {"alto-3.1", "ALTO 3.1", "http://www.loc.gov/standards/alto/ns-v3#", "alto", "",
     "http://www.loc.gov/standards/alto/v3/alto-3-1.xsd", ""},
    {"alto-2.0", "ALTO 2.0", "http://www.loc.gov/standards/alto/ns-v2#", "alto", "2.0",
     "http://www.loc.gov/standards/alto/v2/alto-2-0.xsd", ""},
    {"alto-2.1", "ALTO 2.1", "http://www.loc.gov/standards/alto/ns-v2#", "alto", "",
     "http://www.loc.gov/standards/alto/v2/alto-2-1.xsd", ""},
    {"alto-1.4", "ALTO 1.4 (no namespace)", "", "alto", "",
     "http://www.loc.gov/standards/alto/v1/alto-1-4.xsd", ""},
    {"newsml-g2", "NewsML-G2 2.35 (power schema)", nar_ns, "", "",
     "http://www.iptc.org/std/NewsML-G2/2.35/specification/NewsML-G2_2.35-spec-All-Power.xsd",
     "paperbag-newsml.xsd"},
    {"nitf-3.6", "NITF 3.6", "http://iptc.org/std/NITF/2006-10-18/", "", "",
     "http://www.iptc.org/std/NITF/3.6/specification/nitf-3-6.xsd", ""},
    {"issue-manifest", "paperbag issue manifest", "urn:x-paperbag:issue:1", "issue", "",
     "builtin:issue-manifest.xsd", ""},
};

constexpr std::string_view builtin_prefix = "builtin:";

// The first absolute schemaLocation (http/https) in a built-in schema that the catalogs do
// not map to a local file, or "" when every import resolves.
std::string unresolved_import(std::string_view xsd) {
    constexpr std::string_view key = "schemaLocation=\"";
    for (std::size_t at = xsd.find(key); at != std::string_view::npos; at = xsd.find(key, at + 1)) {
        const std::size_t start = at + key.size();
        const std::size_t end = xsd.find('"', start);
        if (end == std::string_view::npos) break;
        const std::string url(xsd.substr(start, end - start));
        if (!url.starts_with("http://") && !url.starts_with("https://")) continue;
        if (resolve_through_catalog(url).empty()) return url;
    }
    return {};
}

std::shared_ptr<const CompiledSchema> compile(const std::string& location) {
    auto result = std::make_shared<CompiledSchema>();
    result->location = location;
    try {
        if (location.starts_with(builtin_prefix)) {
            const std::string name = location.substr(builtin_prefix.size());
            result->resolved = "xsd/" + name + " (built in)";
            const std::string_view bytes = builtin::embedded_file(name);
            if (bytes.empty())
                result->failure = "the built-in schema xsd/" + name + " is not in this build";
            else if (const std::string url = unresolved_import(bytes); !url.empty())
                // libxml2 only warns about an import it cannot load and compiles a schema
                // that then lacks those declarations: refuse it instead.
                result->failure = "xsd/" + name + " imports " + url + ", which no XML catalog maps";
            else
                result->schema.emplace(XsdSchema::builtin(name));
        } else {
            result->resolved = resolve_through_catalog(location);
            if (result->resolved.empty())
                result->failure = "no XML catalog maps " + location;
            else
                result->schema.emplace(XsdSchema::from_file(location));
        }
    } catch (const Error& e) {
        result->failure = e.diagnostic().message;
    }
    return result;
}

}  // namespace

std::span<const SchemaRow> schema_rows() {
    return rows;
}

const SchemaRow* find_schema_row(const RootElement& root) {
    for (const SchemaRow& row : rows) {
        if (row.ns != root.ns) continue;
        if (!row.root.empty() && row.root != root.name) continue;
        if (!row.version_prefix.empty() && !root.version.starts_with(row.version_prefix)) continue;
        return &row;
    }
    return nullptr;
}

std::shared_ptr<const CompiledSchema> SchemaRegistry::get(const std::string& location) {
    // Compiling under the lock keeps libxml2's (process-global) catalog use single-threaded
    // and compiles each schema exactly once; later lookups are a map search.
    const std::lock_guard lock(mutex_);
    auto [it, inserted] = cache_.try_emplace(location);
    if (inserted) it->second = compile(location);
    return it->second;
}

std::string missing_schema_advice() {
    return "install the official schemas with 'paperbag schemas install' or point paperbag at "
           "an XML catalog with --catalog FILE or XML_CATALOG_FILES";
}

Diagnostic missing_schemas_message(const ValidationRun::MissingSchemas& missing_schemas) {
    const std::set<std::string>& missing = missing_schemas.locations;
    const std::size_t not_validated = missing_schemas.not_validated;
    const std::size_t profile_only = missing_schemas.profile_only;
    std::string message = "official schemas not installed: ";
    if (not_validated > 0) message += std::to_string(not_validated) + " file(s) not validated";
    if (not_validated > 0 && profile_only > 0) message += ", ";
    if (profile_only > 0)
        message += std::to_string(profile_only) +
                   " file(s) validated against paperbag's profile schemas only";
    message += " (missing: ";
    std::size_t shown = 0;
    for (const std::string& location : missing) {
        if (shown == 3) {
            message += " and " + std::to_string(missing.size() - shown) + " more";
            break;
        }
        message += (shown++ ? ", " : "") + location;
        // paperbag's METS wrapper is built in; what is missing are the schemas it imports.
        if (location.starts_with("builtin:")) message += " (the official schemas it imports)";
    }
    message += "); " + missing_schema_advice();
    return Diagnostic{Severity::warning, "PB-SCHEMA-MISSING", "", 0, 0, {}, message};
}

}  // namespace paperbag
