// XML catalogs: where official schemas are found. libxml2's catalog is process-global, so
// it is configured once, before any worker thread starts.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

// The user's schema directory: $PAPERBAG_SCHEMA_DIR, else $XDG_DATA_HOME/paperbag/schemas,
// else ~/.local/share/paperbag/schemas. Empty when none of these can be determined.
std::filesystem::path user_schema_dir();

// Loads, in this order: XML_CATALOG_FILES (by libxml2 itself), every file of `explicit_files`
// (--catalog; Error PB-CATALOG when one is missing or not a catalog), and
// user_schema_dir()/catalog.xml when it exists. Adds one info note per catalog loaded to
// `notes`. Call once per process, before threads; later calls only add new catalogs.
void configure_catalogs(const std::vector<std::string>& explicit_files, Diagnostics& notes);

// Where the catalogs map `url` to, or an empty string when they do not.
std::string resolve_through_catalog(const std::string& url);

}  // namespace paperbag
