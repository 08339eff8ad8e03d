#include "job/issue_inputs.hpp"

#include "import/mets_issue.hpp"
#include "paperbag/manifest.hpp"

namespace paperbag {

bool is_issue_folder(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::is_directory(path, ec) || path.filename() == "issue.xml";
}

std::vector<IssueInput> group_issue_inputs(const std::vector<std::filesystem::path>& inputs) {
    std::vector<IssueInput> groups;
    bool last_was_file = false;
    for (const auto& input : inputs) {
        const bool folder = is_issue_folder(input);
        if (folder || !last_was_file) groups.push_back(IssueInput{{}, folder});
        groups.back().paths.push_back(input);
        last_was_file = !folder;
    }
    return groups;
}

std::optional<Issue> load_issue(const IssueInput& input, const PageFilesOptions& pages,
                                Diagnostics& diagnostics) {
    if (input.folder) {
        // A folder without issue.xml may be described by a METS file (see docs/ocr.md).
        if (const auto mets = find_source_mets(input.paths.front()))
            return read_mets_issue(*mets, {pages.missing_warn, pages.resegment}, diagnostics);
        return read_manifest(input.paths.front(), diagnostics);
    }
    return issue_from_page_files(input.paths, pages);
}

}  // namespace paperbag
