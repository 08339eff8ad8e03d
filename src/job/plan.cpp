// `paperbag plan`: finding the issues of a collection and fingerprinting each one.
#include "paperbag/plan.hpp"

#include <algorithm>
#include <map>

#include "core/digest.hpp"
#include "job/parallel.hpp"
#include "paperbag/bundle.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/manifest.hpp"

namespace paperbag {

namespace fs = std::filesystem;

namespace {

std::string lower_extension(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

bool hidden(const fs::path& path) {
    return path.filename().string().starts_with(".");
}

struct Found {
    fs::path path;
    PlanKind kind;
};

std::optional<PlanKind> file_kind(const fs::path& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".pdf") return PlanKind::pdf;
    if (ext == ".zip") return PlanKind::bundle;
    return std::nullopt;
}

std::optional<PlanKind> folder_kind(const fs::path& folder) {
    std::error_code ec;
    if (fs::is_regular_file(folder / "issue.xml", ec)) return PlanKind::issue_folder;
    if (is_mets_issue_folder(folder)) return PlanKind::mets_folder;
    return std::nullopt;
}

// Depth first, entries in byte order of their names; an issue folder is not searched
// further. Hidden entries (build's staging files among them) are never issues.
void search(const fs::path& folder, std::vector<Found>& found, Diagnostics& diagnostics) {
    std::vector<fs::path> entries;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (!hidden(it->path())) entries.push_back(it->path());
    if (ec) {
        diagnostics.add(
            make_error("PB-IO", folder.string(), 0, "cannot search this folder: " + ec.message()));
        return;
    }
    std::sort(entries.begin(), entries.end());
    for (const fs::path& entry : entries) {
        std::error_code type_ec;
        if (fs::is_directory(entry, type_ec)) {
            if (const auto kind = folder_kind(entry))
                found.push_back({entry, *kind});
            else if (!fs::is_symlink(entry, type_ec))  // a link back up would never end
                search(entry, found, diagnostics);
        } else if (const auto kind = file_kind(entry);
                   kind && fs::is_regular_file(entry, type_ec)) {
            found.push_back({entry, *kind});
        }
    }
}

void find_input(const fs::path& input, std::vector<Found>& found, Diagnostics& diagnostics) {
    std::error_code ec;
    if (!fs::exists(input, ec)) {
        diagnostics.add(
            make_error("PB-IO", input.string(), 0, "cannot open: No such file or directory"));
    } else if (fs::is_directory(input, ec)) {
        if (const auto kind = folder_kind(input)) {
            found.push_back({input, *kind});
            return;
        }
        const std::size_t before = found.size();
        search(input, found, diagnostics);
        if (found.size() == before)
            diagnostics.add(make_error("PB-PLAN-EMPTY", input.string(), 0,
                                       "no issue folders, METS issue folders, PDFs or bundles "
                                       "in this folder"));
    } else if (input.filename() == "issue.xml") {
        found.push_back({input.parent_path().empty() ? fs::path(".") : input.parent_path(),
                         PlanKind::issue_folder});
    } else if (const auto kind = file_kind(input)) {
        found.push_back({input, *kind});
    } else {
        diagnostics.add(make_error("PB-PLAN-INPUT", input.string(), 0,
                                   "not an issue folder, METS issue folder, PDF or bundle"));
    }
}

// Every regular file of the issue, by '/'-separated path relative to the issue, in byte
// order: the digest does not depend on where the collection is mounted.
std::map<std::string, fs::path> issue_files(const Found& found) {
    std::map<std::string, fs::path> files;
    if (found.kind == PlanKind::pdf || found.kind == PlanKind::bundle) {
        files.emplace(found.path.filename().generic_string(), found.path);
        return files;
    }
    std::error_code ec;
    for (fs::recursive_directory_iterator it(found.path, ec), end; !ec && it != end;
         it.increment(ec)) {
        std::error_code type_ec;
        if (it->is_regular_file(type_ec))
            files.emplace(it->path().lexically_relative(found.path).generic_string(), it->path());
    }
    if (ec) throw Error("PB-IO", found.path.string(), "cannot read this folder: " + ec.message());
    return files;
}

std::string item_key(const Found& found, Diagnostics& diagnostics) {
    if (found.kind != PlanKind::issue_folder) return found.path.stem().string();
    Diagnostics manifest;
    if (const std::optional<Issue> issue = read_manifest(found.path, manifest))
        return issue_key(*issue);
    const fs::path folder = fs::absolute(found.path).lexically_normal();
    const std::string name =
        (folder.has_filename() ? folder : folder.parent_path()).filename().string();
    diagnostics.add(Diagnostic{Severity::warning,
                               "PB-PLAN-MANIFEST",
                               (found.path / "issue.xml").string(),
                               0,
                               0,
                               {},
                               "the manifest cannot be read; the issue is listed under its "
                               "folder name '" +
                                   name + "' and build will report why"});
    return name;
}

struct Fingerprinted {
    PlanItem item;
    Diagnostics diagnostics;
};

Fingerprinted fingerprint(const Found& found) {
    Fingerprinted out;
    out.item.kind = found.kind;
    out.item.path = found.path;
    out.item.key = item_key(found, out.diagnostics);
    Digest digest(DigestAlgorithm::sha256);
    for (const auto& [name, file] : issue_files(found)) {
        const BagFileRecord record = checksum_file(file, name, false);
        out.item.size += record.size;
        digest.update(name + " " + std::to_string(record.size) + " " + record.sha256 + "\n");
    }
    out.item.digest = "sha256:" + digest.finish_hex();
    return out;
}

}  // namespace

std::string_view to_string(PlanKind kind) {
    switch (kind) {
        case PlanKind::issue_folder: return "issue-folder";
        case PlanKind::mets_folder: return "mets-folder";
        case PlanKind::pdf: return "pdf";
        case PlanKind::bundle: return "bundle";
    }
    return "issue-folder";
}

int PlanRun::exit_code() const {
    int code = 0;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity != Severity::error) continue;
        if (d.code == "PB-IO") return 2;
        code = 1;
    }
    return code;
}

PlanRun make_plan(const PlanOptions& options) {
    if (options.inputs.empty()) throw Error("PB-USAGE", "", "no input given");
    PlanRun run;
    std::vector<Found> found;
    for (const fs::path& input : options.inputs) find_input(input, found, run.diagnostics);
    run.items.reserve(found.size());
    ordered_parallel<Fingerprinted>(
        found.size(), options.jobs, [&](std::size_t i) { return fingerprint(found[i]); },
        [&](std::size_t i, Outcome<Fingerprinted>&& outcome) {
            if (!outcome.value) {
                try {
                    std::rethrow_exception(outcome.error);
                } catch (const Error& e) {
                    run.diagnostics.add(e.diagnostic());
                } catch (const std::exception& e) {
                    run.diagnostics.add(make_error("PB-IO", found[i].path.string(), 0, e.what()));
                }
                return;
            }
            for (const Diagnostic& d : outcome.value->diagnostics) run.diagnostics.add(d);
            run.items.push_back(std::move(outcome.value->item));
        });
    std::vector<Found>().swap(found);  // the items hold the paths now
    std::sort(run.items.begin(), run.items.end(), [](const PlanItem& a, const PlanItem& b) {
        return a.key != b.key ? a.key < b.key : a.path < b.path;
    });
    for (std::size_t i = 1; i < run.items.size(); ++i)
        if (run.items[i].key == run.items[i - 1].key)
            throw Error("PB-PLAN-DUPLICATE", run.items[i].path.string(),
                        "this issue has the same key '" + run.items[i].key + "' as " +
                            run.items[i - 1].path.string() +
                            "; both would be written under one name");
    return run;
}

}  // namespace paperbag
