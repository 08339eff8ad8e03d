// Summaries of what paperbag read: the `paperbag inspect` job as library calls.
#pragma once

#include <string>

#include "paperbag/bundle_reader.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

// A human-readable summary of an issue: title, identifiers, date, numbering, languages and
// every page with its label, section and files, then its articles and illustrations.
std::string describe_issue(const Issue& issue);

// The same as one JSON object (UTF-8, keys in a fixed order, ends without newline).
std::string describe_issue_json(const Issue& issue);

// A human-readable summary of a bundle read with read_bundle_info(): its path, bag name,
// bag-info.txt fields, every file with its size, and the structure findings (`findings`:
// hostile or unreadable entries, bad tag files). Fixity is not checked (that reads every
// byte: `paperbag verify`). With `issue` (read back from the bundle's METS by
// read_bundle_issue, paperbag/bundle_issue.hpp) it starts with the issue: title, date, pages
// and every article (id, pages, headline) and illustration.
std::string describe_bundle(const std::string& bundle, const BundleInfo& info,
                            const Diagnostics& findings, const Issue* issue = nullptr);

// The same as one JSON object.
std::string describe_bundle_json(const std::string& bundle, const BundleInfo& info,
                                 const Diagnostics& findings, const Issue* issue = nullptr);

}  // namespace paperbag
