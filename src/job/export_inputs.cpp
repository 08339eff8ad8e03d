#include "job/export_inputs.hpp"

#include "job/issue_inputs.hpp"

#include <algorithm>
#include <istream>

#include "import/mets_issue.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/manifest.hpp"

namespace paperbag {

namespace {

namespace fs = std::filesystem;

bool is_bundle(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".zip";
}

// An issue folder: issue.xml, or a METS file describing the issue (see docs/ocr.md).
bool has_manifest(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p / "issue.xml", ec) || find_source_mets(p).has_value();
}

// Bundles and issue folders below `root`, sorted by path.
std::vector<ExportInput> search(const fs::path& root, Diagnostics& problems) {
    std::vector<ExportInput> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_directory(type_ec)) {
            if (has_manifest(it->path())) {
                found.push_back({ExportInput::Kind::folder, {it->path()}});
                it.disable_recursion_pending();
            }
        } else if (it->is_regular_file(type_ec) && is_bundle(it->path())) {
            found.push_back({ExportInput::Kind::bundle, {it->path()}});
        }
    }
    if (ec)
        problems.add(
            make_error("PB-IO", root.string(), 0, "cannot search this folder: " + ec.message()));
    std::sort(found.begin(), found.end(),
              [](const ExportInput& a, const ExportInput& b) { return a.paths < b.paths; });
    if (found.empty() && !ec)
        problems.add(make_error("PB-EXPORT-EMPTY", root.string(), 0,
                                "no bundles (*.zip) or issue folders (issue.xml) in this folder"));
    return found;
}

}  // namespace

std::vector<ExportInput> collect_export_inputs(const std::vector<fs::path>& inputs,
                                               Diagnostics& problems) {
    std::vector<ExportInput> out;
    bool last_was_page = false;
    for (const fs::path& input : inputs) {
        std::error_code ec;
        const bool page =
            !fs::is_directory(input, ec) && !is_bundle(input) && input.filename() != "issue.xml";
        if (!fs::exists(input, ec)) {
            problems.add(
                make_error("PB-IO", input.string(), 0, "cannot open: No such file or directory"));
        } else if (!fs::is_directory(input, ec) && !fs::is_regular_file(input, ec)) {
            problems.add(make_error("PB-IO", input.string(), 0,
                                    "not a regular file or a folder (a FIFO, device or socket)"));
        } else if (fs::is_directory(input, ec) && !has_manifest(input)) {
            for (ExportInput& found : search(input, problems)) out.push_back(std::move(found));
        } else if (fs::is_directory(input, ec) || input.filename() == "issue.xml") {
            out.push_back({ExportInput::Kind::folder, {input}});
        } else if (is_bundle(input)) {
            out.push_back({ExportInput::Kind::bundle, {input}});
        } else if (last_was_page) {
            out.back().paths.push_back(input);
        } else {
            out.push_back({ExportInput::Kind::pages, {input}});
        }
        last_was_page = page && !out.empty() && out.back().kind == ExportInput::Kind::pages;
    }
    return out;
}

LoadedIssue load_export_input(const ExportInput& input, const PageFilesOptions& pages,
                              const IssuePredicate& wanted) {
    LoadedIssue loaded;
    try {
        switch (input.kind) {
            case ExportInput::Kind::bundle: {
                loaded.source = input.paths.front().stem().string();
                BundleReader reader(input.paths.front());
                bool turned_down = false;
                loaded.issue = read_bundle_issue(reader, loaded.diagnostics, [&](const Issue& i) {
                    turned_down = wanted && !wanted(i);
                    return !turned_down;
                });
                loaded.wanted = !turned_down;
                return loaded;
            }
            case ExportInput::Kind::folder:
            case ExportInput::Kind::pages:
                loaded.issue = load_issue({input.paths, input.kind == ExportInput::Kind::folder},
                                          pages, loaded.diagnostics);
                break;
        }
        if (!loaded.issue) return loaded;
        loaded.source = issue_key(*loaded.issue);
        if (wanted && !wanted(*loaded.issue)) {
            loaded.wanted = false;
            return loaded;
        }
        segment_issue(*loaded.issue, loaded.diagnostics, pages.resegment,
                      ImportLimits{pages.max_page_text});
    } catch (const Error& e) {
        loaded.diagnostics.add(e.diagnostic());
        loaded.issue.reset();
    }
    return loaded;
}

std::vector<fs::path> read_path_list(std::istream& in, const std::string& name) {
    constexpr std::size_t max_line = 4096;  // PATH_MAX
    constexpr std::size_t max_paths = 1'000'000;
    std::vector<fs::path> out;
    std::string line;
    std::uint64_t number = 1;
    auto finish = [&] {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) {
            if (out.size() == max_paths)
                throw Error(make_error("PB-TOO-LARGE", name, number,
                                       "more than 1,000,000 paths in one input list"));
            out.emplace_back(line);
        }
        line.clear();
        ++number;
    };
    std::streambuf* buffer = in.rdbuf();
    for (int c = buffer->sbumpc(); c != std::char_traits<char>::eof(); c = buffer->sbumpc()) {
        if (c == '\n') {
            finish();
            continue;
        }
        if (c == '\0')
            throw Error(make_error("PB-TOO-LARGE", name, number,
                                   "NUL byte in an input list: not a list of paths"));
        if (line.size() == max_line)
            throw Error(make_error("PB-TOO-LARGE", name, number,
                                   "line longer than 4096 bytes in an input list: not a path"));
        line.push_back(static_cast<char>(c));
    }
    finish();
    return out;
}

}  // namespace paperbag
