#include "view/review_source.hpp"

#include <map>

#include "core/mime.hpp"
#include "io/file.hpp"
#include "job/issue_inputs.hpp"
#include "paperbag/bundle_issue.hpp"
#include "paperbag/bundle_reader.hpp"
#include "view/alto_blocks.hpp"
#include "write/layout.hpp"

namespace paperbag::view {

namespace {

constexpr std::uint64_t max_page_file = std::uint64_t{512} << 20;

[[noreturn]] void fail_with(const Diagnostics& diagnostics, const std::string& path,
                            const std::string& what) {
    for (const Diagnostic& d : diagnostics)
        if (d.severity == Severity::error) throw Error(d);
    throw Error("PB-EXPORT-READ", path, what);
}

// "<bag>/data/" of the bundle, from its METS entry.
std::string data_folder(const BundleReader& bundle) {
    constexpr std::string_view suffix = "/data/mets.xml";
    for (const BundleEntry& entry : bundle.entries())
        if (entry.usable && entry.name.ends_with(suffix) &&
            entry.name.find('/') == entry.name.size() - suffix.size())
            return entry.name.substr(0, entry.name.size() - std::string_view("mets.xml").size());
    return {};
}

ReviewIssue from_bundle(const std::filesystem::path& path, Diagnostics& diagnostics) {
    BundleReader bundle(path);
    Diagnostics errors;
    std::optional<Issue> issue = read_bundle_issue(bundle, errors);
    if (!issue) fail_with(errors, path.string(), "cannot read the issue of this bundle");
    const std::string data = data_folder(bundle);
    ReviewIssue review;
    review.source = "bundle " + path.filename().string();
    auto read_entry = [&](const std::string& name) -> std::optional<std::string> {
        const BundleEntry* entry = bundle.find(data + name);
        return entry ? bundle.read(*entry, max_page_file) : std::nullopt;
    };
    // The METS reader names a page's originals by file name (as the export reports them);
    // their entries are found by that name, in the folder of their role when names repeat.
    std::map<std::string, std::vector<std::string>> by_name;
    for (const BundleEntry& entry : bundle.entries())
        if (entry.usable && !entry.directory && entry.name.starts_with(data))
            by_name[entry.name.substr(entry.name.find_last_of('/') + 1)].push_back(
                entry.name.substr(data.size()));
    auto read_original = [&](const PageFile& file) -> std::optional<std::string> {
        const auto found = by_name.find(file.href);
        if (found == by_name.end()) return std::nullopt;
        for (const std::string& name : found->second)
            if (found->second.size() == 1 || name.starts_with(std::string(to_string(file.role))))
                return read_entry(name);
        return std::nullopt;
    };
    // METS does not say which page of a multi-page PDF an issue page is: the issue's pages
    // that share one PDF are its pages in order, as the importer made them.
    std::map<std::string, int> pdf_pages;
    for (Page& page : issue->pages)
        for (PageFile& file : page.files)
            if (file.role == FileRole::pdf) file.pdf_page = ++pdf_pages[file.href];
    for (Page& page : issue->pages)
        for (PageFile& file : page.files)
            if (file.mime_type.empty()) file.mime_type = mime_type_for(file.href);
    for (Page& page : issue->pages) {
        // The METS reader restores byte ranges only; the ALTO holds every block.
        page.blocks.clear();
        const std::string alto = alto_path(page);
        const auto bytes = read_entry(alto);
        if (!bytes || !read_alto_blocks(*bytes, bundle.entry_path(data + alto), page, errors))
            fail_with(errors, bundle.entry_path(data + alto), "cannot read this page's ALTO");
        review.images.push_back(page_image(page, read_original, diagnostics));
    }
    review.issue = std::move(*issue);
    return review;
}

ReviewIssue from_folder(const std::filesystem::path& path, const PageFilesOptions& pages,
                        Diagnostics& diagnostics) {
    const std::vector<IssueInput> inputs = group_issue_inputs({path});
    Diagnostics errors;
    std::optional<Issue> issue = load_issue(inputs.front(), pages, errors);
    if (!issue) fail_with(errors, path.string(), "cannot read this issue");
    for (const Diagnostic& d : errors) diagnostics.add(d);
    segment_issue(*issue, diagnostics, pages.resegment, ImportLimits{pages.max_page_text});
    ReviewIssue review;
    review.source = "issue folder " + path.filename().string();
    for (const Page& page : issue->pages)
        review.images.push_back(page_image(
            page,
            [](const PageFile& file) -> std::optional<std::string> {
                return read_file(file.path, max_page_file);
            },
            diagnostics));
    review.issue = std::move(*issue);
    return review;
}

}  // namespace

ReviewIssue load_review_issue(const std::filesystem::path& input, const PageFilesOptions& pages,
                              Diagnostics& diagnostics) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(input, ec) && input.extension() == ".zip")
        return from_bundle(input, diagnostics);
    return from_folder(input, pages, diagnostics);
}

}  // namespace paperbag::view
