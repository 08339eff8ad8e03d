#include "validate/document_source.hpp"

#include <fnmatch.h>

#include <algorithm>
#include <fstream>

#include "io/file.hpp"

namespace paperbag {

namespace {

class FolderSpace final : public FileSpace {
public:
    explicit FolderSpace(std::filesystem::path root) : root_(std::move(root)) {
        std::error_code ec;
        canonical_root_ = std::filesystem::weakly_canonical(root_, ec);
    }

    std::optional<std::filesystem::path> disk_path(const std::string& path) const override {
        const auto full = root_ / path;
        std::error_code ec;
        const auto real = std::filesystem::weakly_canonical(full, ec);
        if (ec || !path_is_within(canonical_root_, real)) return std::nullopt;
        return full;
    }

    std::optional<std::uint64_t> size_of(const std::string& path) const override {
        const auto full = disk_path(path);
        std::error_code ec;
        if (!full || !std::filesystem::is_regular_file(*full, ec)) return std::nullopt;
        const auto size = std::filesystem::file_size(*full, ec);
        if (ec) return std::nullopt;
        return size;
    }

    void read(const std::string& path,
              const std::function<void(std::string_view)>& sink) const override {
        const auto full = disk_path(path);
        if (!full) throw Error("PB-IO", path, "outside the input folder");
        std::ifstream in(*full, std::ios::binary);
        if (!in) throw_system_error("cannot open", full->string());
        std::string buffer(1 << 16, '\0');
        while (in) {
            in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            const auto n = static_cast<std::size_t>(in.gcount());
            if (n > 0) sink(std::string_view(buffer.data(), n));
        }
        if (in.bad()) throw_system_error("cannot read", full->string());
    }

private:
    std::filesystem::path root_;
    std::filesystem::path canonical_root_;
};

bool has_extension(const std::string& name, std::string_view ext) {
    if (name.size() < ext.size()) return false;
    return std::equal(ext.rbegin(), ext.rend(), name.rbegin(), [](char a, char b) {
        return a == std::tolower(static_cast<unsigned char>(b));
    });
}

// True when the file starts like an XML document (after an optional BOM and whitespace).
bool sniff_xml(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[64] = {};
    in.read(head, sizeof head);
    std::string_view s(head, static_cast<std::size_t>(in.gcount()));
    if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
    while (!s.empty() &&
           (s.front() == ' ' || s.front() == '\n' || s.front() == '\r' || s.front() == '\t'))
        s.remove_prefix(1);
    return s.starts_with("<?xml") ||
           (s.size() > 1 && s[0] == '<' && std::isalpha(static_cast<unsigned char>(s[1])));
}

bool sniff_zip(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char head[4] = {};
    in.read(head, sizeof head);
    return in.gcount() == 4 && std::string_view(head, 4) == std::string_view("PK\x03\x04", 4);
}

// A BagIt bag serialised as a ZIP: one top folder with a bagit.txt (paperbag's bundles).
bool is_bag(const std::vector<std::string>& entries) {
    return std::any_of(entries.begin(), entries.end(), [](const std::string& e) {
        const auto slash = e.find('/');
        return slash != std::string::npos && slash > 0 && e.substr(slash + 1) == "bagit.txt";
    });
}

// "<bag>/data/ocr/...": an OCR file the issue came with, which build packs as received
// without validating it (PAGE, ALTO 1.x, hOCR are not formats paperbag validates).
bool is_ocr_original(const std::string& entry) {
    const auto slash = entry.find('/');
    return slash != std::string::npos &&
           std::string_view(entry).substr(slash + 1).starts_with("data/ocr/");
}

bool glob_matches(const std::string& glob, const std::string& relative) {
    if (::fnmatch(glob.c_str(), relative.c_str(), 0) == 0) return true;
    if (glob.find('/') != std::string::npos) return false;
    const auto slash = relative.rfind('/');
    return slash != std::string::npos &&
           ::fnmatch(glob.c_str(), relative.c_str() + slash + 1, 0) == 0;
}

void add_zip(const std::filesystem::path& file, const DocumentFilter& filter,
             const std::shared_ptr<const KnownDigests>& known, std::vector<DocumentSource>& out) {
    std::vector<std::string> entries;
    Diagnostics problems;
    const std::string name = file.string();
    std::shared_ptr<FileSpace> space;
    try {
        space = zip_space(file, entries, problems, known);
    } catch (const Error& e) {
        DocumentSource bad{name, nullptr, {}, 0, e.diagnostic(), false, {}};
        bad.problem->path = name;
        out.push_back(std::move(bad));
        return;
    }
    // What BundleReader refused (unsafe names, links, bombs, too many entries): each finding
    // is reported under the entry (or the archive) it is about, and nothing of it is read.
    for (const Diagnostic& d : problems) out.push_back({d.path, nullptr, {}, 0, d, false, {}});
    std::sort(entries.begin(), entries.end());
    const bool bag = is_bag(entries);
    for (const std::string& entry : entries) {
        if (!has_extension(entry, ".xml") || !filter.keeps(entry)) continue;
        // A bundle's source METS (kept as received, see docs/ocr.md) describes another
        // package; the bag's manifests check its fixity, it is not validated as paperbag's.
        if (entry.find("/data/source/") != std::string::npos) continue;
        DocumentSource source{
            name + "!/" + entry, space, entry, space->size_of(entry).value_or(0), {}, bag, {}};
        if (bag && is_ocr_original(entry))
            source.skip = Diagnostic{Severity::info,
                                     "PB-OCR-NOT-VALIDATED",
                                     source.name,
                                     0,
                                     0,
                                     {},
                                     "original OCR file kept as received: fixity checked, not "
                                     "validated"};
        out.push_back(std::move(source));
    }
}

}  // namespace

bool DocumentFilter::keeps(const std::string& relative) const {
    const auto matches = [&](const std::string& glob) { return glob_matches(glob, relative); };
    if (!include.empty() && std::none_of(include.begin(), include.end(), matches)) return false;
    return std::none_of(exclude.begin(), exclude.end(), matches);
}

std::string FileSpace::read_all(const std::string& path, std::uint64_t max_size) const {
    std::string out;
    read(path, [&](std::string_view piece) {
        if (out.size() + piece.size() > max_size)
            throw Error("PB-TOO-LARGE", path,
                        "larger than the limit of " + std::to_string(max_size) + " bytes");
        out.append(piece);
    });
    return out;
}

std::shared_ptr<FileSpace> folder_space(const std::filesystem::path& root) {
    return std::make_shared<FolderSpace>(root);
}

std::optional<std::string> resolve_in_space(const std::string& base, std::string_view href) {
    if (href.empty() || href.front() == '/' || href.find('\\') != std::string_view::npos ||
        href.find('\0') != std::string_view::npos)
        return std::nullopt;
    std::vector<std::string> parts;
    const auto slash = base.rfind('/');
    std::string joined = (slash == std::string::npos ? std::string() : base.substr(0, slash + 1)) +
                         std::string(href);
    std::size_t start = 0;
    while (start <= joined.size()) {
        const auto end = std::min(joined.find('/', start), joined.size());
        const std::string part = joined.substr(start, end - start);
        if (part == "..") {
            if (parts.empty()) return std::nullopt;
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = end + 1;
    }
    if (parts.empty()) return std::nullopt;
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::vector<DocumentSource> collect_documents(const std::vector<std::string>& inputs,
                                              const DocumentFilter& filter,
                                              std::shared_ptr<const KnownDigests> known) {
    std::vector<DocumentSource> out;
    for (const std::string& input : inputs) {
        const std::filesystem::path path(input);
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (ec || !std::filesystem::exists(status))
            throw Error("PB-IO", input, "cannot open: No such file or directory");
        if (std::filesystem::is_directory(status)) {
            auto space = folder_space(path);
            std::vector<std::string> found;
            auto it = std::filesystem::recursive_directory_iterator(
                path, std::filesystem::directory_options::skip_permission_denied, ec);
            for (; !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
                if (it->is_symlink() || !it->is_regular_file()) continue;
                const std::string relative = it->path().lexically_relative(path).generic_string();
                if (!filter.keeps(relative)) continue;
                if (has_extension(relative, ".xml") || sniff_xml(it->path()))
                    found.push_back(relative);
            }
            if (ec) throw Error("PB-IO", input, "cannot list the folder: " + ec.message());
            std::sort(found.begin(), found.end());
            for (const std::string& relative : found)
                out.push_back({(path / relative).string(),
                               space,
                               relative,
                               space->size_of(relative).value_or(0),
                               {},
                               false,
                               {}});
        } else if (!std::filesystem::is_regular_file(status)) {
            require_file_or_folder(path);  // a FIFO would block the first read forever
        } else if (has_extension(input, ".zip") || sniff_zip(path)) {
            add_zip(path, filter, known, out);
        } else {
            const auto parent = path.has_parent_path() ? path.parent_path() : ".";
            auto space = folder_space(parent);
            const std::string relative = path.filename().string();
            out.push_back(
                {input, space, relative, space->size_of(relative).value_or(0), {}, false, {}});
        }
    }
    return out;
}

}  // namespace paperbag
