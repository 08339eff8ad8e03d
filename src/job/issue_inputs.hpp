// The inputs of `build` and `export`: which command-line arguments form one issue, and
// reading that issue (manifest or page files) into the model.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"
#include "paperbag/page_import.hpp"

namespace paperbag {

struct IssueInput {
    std::vector<std::filesystem::path> paths;  // one issue folder, or its page text files
    bool folder = false;
};

// True for an issue folder or a path to an issue.xml.
bool is_issue_folder(const std::filesystem::path& path);

// Each issue folder alone; consecutive page files together as one issue.
std::vector<IssueInput> group_issue_inputs(const std::vector<std::filesystem::path>& inputs);

// Reads the issue's metadata and pages (not yet segmented). Manifest problems go to
// `diagnostics` (nothing returned); page-file options problems throw Error (PB-USAGE).
std::optional<Issue> load_issue(const IssueInput& input, const PageFilesOptions& pages,
                                Diagnostics& diagnostics);

}  // namespace paperbag
