// Reading an issue manifest (issue.xml, schema xsd/issue-manifest.xsd, namespace
// urn:x-paperbag:issue:1).
//
// The manifest is parsed safely (no network, no DTD, no external entities), validated
// against the built-in schema before anything else happens, and only then turned into an
// Issue. Every problem is reported with the manifest's path and line:
//
//     issues/2024-03-18/issue.xml:14: error: page file 'page-03.txt' does not exist
//     [PB-MANIFEST-FILE]
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

// The namespace of issue.xml.
inline constexpr std::string_view manifest_namespace = "urn:x-paperbag:issue:1";

// Reads `manifest` (a path to issue.xml, or to the folder that holds it). Returns the issue
// with its metadata and pages (page files resolved and checked to exist inside the issue
// folder; no blocks or articles yet), or nothing when there were errors. All errors and
// warnings are added to `diagnostics`.
std::optional<Issue> read_manifest(const std::filesystem::path& manifest, Diagnostics& diagnostics);

// The same for manifest bytes already in memory: `display_path` names them in diagnostics,
// and page files are resolved against `folder`.
std::optional<Issue> read_manifest_bytes(std::string_view bytes, const std::string& display_path,
                                         const std::filesystem::path& folder,
                                         Diagnostics& diagnostics);

}  // namespace paperbag
