// The inputs of export and stats (issue_inputs.hpp reads one issue folder or page-file group):
// bundles, issue folders, folders searched for them, page text files. Each becomes one issue, read
// in the order given (a folder's finds sorted by path) so that output order does not depend on the
// file system or on threads.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "paperbag/bundle_issue.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"
#include "paperbag/page_import.hpp"

namespace paperbag {

struct ExportInput {
    enum class Kind { bundle, folder, pages };
    Kind kind = Kind::bundle;
    std::vector<std::filesystem::path> paths;  // one, or the page files of one issue
};

// Expands `inputs`: a *.zip is a bundle; a folder with issue.xml (or an issue.xml) is an issue
// folder; another folder is searched recursively for bundles and issue folders (not below an
// issue folder); consecutive other files are the page text files of one issue. A path that
// does not exist, or a folder with nothing to read, is an error in `problems` and is left out.
std::vector<ExportInput> collect_export_inputs(const std::vector<std::filesystem::path>& inputs,
                                               Diagnostics& problems);

// One input, read.
struct LoadedIssue {
    std::optional<Issue> issue;  // nothing when the input had to be skipped
    std::string source;          // bundle name (file name without .zip) or issue key
    bool wanted = true;          // false when `wanted` turned the issue down (no texts read)
    Diagnostics diagnostics;     // why it was skipped, and warnings
};

// Reads one input: a bundle through read_bundle_issue, an issue folder or page files through
// the importer and the segmenter. `wanted` is asked as soon as the metadata is known. Never
// throws for bad input.
LoadedIssue load_export_input(const ExportInput& input, const PageFilesOptions& pages,
                              const IssuePredicate& wanted);

// Paths, one per line (blank lines and a final CR ignored), for `-` and --from-list; `name`
// names the list in errors. Bounded: a line longer than PATH_MAX (4096 bytes), a NUL byte or
// more than 1,000,000 paths is Error (PB-TOO-LARGE), so that /dev/zero or an endless pipe
// cannot exhaust memory.
std::vector<std::filesystem::path> read_path_list(std::istream& in, const std::string& name = "-");

}  // namespace paperbag
