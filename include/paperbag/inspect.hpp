// Summaries of what paperbag read: the `paperbag inspect` job as library calls.
#pragma once

#include <string>

#include "paperbag/model.hpp"

namespace paperbag {

// A human-readable summary of an issue: title, identifiers, date, numbering, languages and
// every page with its label, section and files, then its articles and illustrations.
std::string describe_issue(const Issue& issue);

// The same as one JSON object (UTF-8, keys in a fixed order, ends without newline).
std::string describe_issue_json(const Issue& issue);

}  // namespace paperbag
