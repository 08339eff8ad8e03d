#include "validate/catalog.hpp"

#include <libxml/catalog.h>

#include <cstdlib>
#include <mutex>
#include <set>

#include "io/file.hpp"
#include "io/xml_handles.hpp"
#include "io/xml_parse.hpp"

namespace paperbag {

namespace {

std::mutex catalog_mutex;
std::set<std::string> loaded;  // absolute paths already added (guarded by catalog_mutex)

std::string env(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

void load(const std::filesystem::path& file, const std::string& origin, Diagnostics& notes) {
    std::error_code ec;
    const auto absolute = std::filesystem::absolute(file, ec).lexically_normal();
    if (!loaded.insert(absolute.string()).second) return;
    // libxml2 accepts (and prints errors about) any file as a catalog: check first that it
    // is an OASIS catalog, parsed safely.
    Diagnostics problems;
    XmlParseOptions options;
    options.allow_dtd = true;  // catalogs often name their DTD; it is never loaded
    const XmlDocPtr doc = parse_xml(read_file(absolute, std::uint64_t{64} << 20), absolute.string(),
                                    problems, options);
    const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    if (root == nullptr || root->ns == nullptr ||
        !xmlStrEqual(root->ns->href, BAD_CAST "urn:oasis:names:tc:entity:xmlns:xml:catalog") ||
        !xmlStrEqual(root->name, BAD_CAST "catalog")) {
        loaded.erase(absolute.string());
        throw Error("PB-CATALOG", file.string(),
                    "not an OASIS XML catalog (" + origin + ")" +
                        (problems.empty() ? std::string() : ": " + problems.items()[0].message));
    }
    if (xmlLoadCatalog(absolute.c_str()) != 0)
        throw Error("PB-CATALOG", file.string(), "cannot load the XML catalog (" + origin + ")");
    notes.add(Diagnostic{Severity::info,
                         "PB-CATALOG",
                         absolute.string(),
                         0,
                         0,
                         {},
                         "XML catalog loaded (" + origin + ")"});
}

}  // namespace

std::filesystem::path user_schema_dir() {
    if (const std::string dir = env("PAPERBAG_SCHEMA_DIR"); !dir.empty()) return dir;
    if (const std::string data = env("XDG_DATA_HOME"); !data.empty())
        return std::filesystem::path(data) / "paperbag" / "schemas";
    if (const std::string home = env("HOME"); !home.empty())
        return std::filesystem::path(home) / ".local" / "share" / "paperbag" / "schemas";
    return {};
}

void configure_catalogs(const std::vector<std::string>& explicit_files, Diagnostics& notes) {
    init_libxml();
    const std::lock_guard lock(catalog_mutex);
    xmlInitializeCatalog();  // reads XML_CATALOG_FILES (or /etc/xml/catalog) itself
    if (const std::string files = env("XML_CATALOG_FILES"); !files.empty())
        notes.add(Diagnostic{Severity::info,
                             "PB-CATALOG",
                             files,
                             0,
                             0,
                             {},
                             "XML catalog(s) from XML_CATALOG_FILES"});
    for (const std::string& file : explicit_files) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(file, ec))
            throw Error("PB-CATALOG", file, "no such catalog file (--catalog)");
        load(file, "--catalog", notes);
    }
    const auto dir = user_schema_dir();
    std::error_code ec;
    if (!dir.empty() && std::filesystem::is_regular_file(dir / "catalog.xml", ec))
        load(dir / "catalog.xml", "schema directory", notes);
}

std::string resolve_through_catalog(const std::string& url) {
    XmlCharPtr system(xmlCatalogResolveSystem(BAD_CAST url.c_str()));
    if (system) return reinterpret_cast<const char*>(system.get());
    XmlCharPtr uri(xmlCatalogResolveURI(BAD_CAST url.c_str()));
    if (uri) return reinterpret_cast<const char*>(uri.get());
    return {};
}

}  // namespace paperbag
