// Unpacking a bundle's payload (its data/ folder) to disk, for `export --format xml`.
#include <optional>
#include <system_error>
#include <vector>

#include "io/atomic_file.hpp"
#include "io/output_tree.hpp"
#include "paperbag/bundle_reader.hpp"

namespace paperbag {

namespace {

// "<bag>/data/alto/0001.xml" -> "alto/0001.xml"; nothing for tag files (they stay in the
// bundle) and folders.
std::optional<std::string> payload_path(const BundleEntry& entry) {
    if (!entry.usable || entry.directory) return std::nullopt;
    const auto slash = entry.name.find('/');
    if (slash == std::string::npos) return std::nullopt;
    const std::string in_bag = entry.name.substr(slash + 1);
    if (!in_bag.starts_with("data/")) return std::nullopt;
    return in_bag.substr(5);
}

// Free bytes where `folder` will be (its nearest existing ancestor), or nothing if unknown.
std::optional<std::uint64_t> free_bytes(std::filesystem::path folder) {
    std::error_code ec;
    folder = std::filesystem::absolute(folder, ec);
    while (!folder.empty() && !std::filesystem::exists(folder, ec)) {
        if (folder == folder.parent_path()) break;
        folder = folder.parent_path();
    }
    const auto space = std::filesystem::space(folder, ec);
    if (ec) return std::nullopt;
    return space.available;
}

}  // namespace

std::size_t unpack_bundle_payload(const std::filesystem::path& bundle,
                                  const std::filesystem::path& folder, std::uint64_t max_total) {
    BundleReader reader(bundle);
    for (const Diagnostic& d : reader.diagnostics())
        if (d.severity == Severity::error) throw Error(d);
    // The budget first, from the declared sizes (which the reader holds every entry to): an
    // honest zip bomb is refused before a byte is written, not when the disk is full.
    std::uint64_t total = 0;
    for (const BundleEntry& entry : reader.entries())
        if (payload_path(entry)) total += entry.size;
    if (total > max_total)
        throw Error("PB-TOO-LARGE", bundle.string(),
                    "the payload would unpack to " + std::to_string(total) +
                        " bytes, over the limit of " + std::to_string(max_total) +
                        " bytes (--max-output)");
    if (const auto available = free_bytes(folder); available && total > *available)
        throw Error("PB-IO", folder.string(),
                    "the payload would unpack to " + std::to_string(total) + " bytes, but only " +
                        std::to_string(*available) + " bytes are free there");
    std::vector<std::filesystem::path> written;
    try {
        for (const BundleEntry& entry : reader.entries()) {
            const auto relative = payload_path(entry);
            if (!relative) continue;
            check_relative_path(*relative);  // the reader refused unsafe names; checked again
            const std::filesystem::path target = folder / std::filesystem::path(*relative);
            std::error_code ec;
            std::filesystem::create_directories(target.parent_path(), ec);
            if (ec)
                throw Error("PB-IO", target.parent_path().string(),
                            "cannot create folder: " + ec.message());
            AtomicFile file(target);
            if (!reader.stream(entry, [&](std::string_view chunk) { file.write(chunk); })) {
                const Diagnostics& findings = reader.diagnostics();
                throw Error(findings.empty()
                                ? make_error("PB-BAG-ZIP", reader.entry_path(entry.name), 0,
                                             "cannot read the entry")
                                : findings.items().back());
            }
            file.commit();
            written.push_back(target);
        }
    } catch (...) {
        // No partial issue: what this bundle wrote so far goes again.
        for (const auto& path : written) {
            std::error_code ec;
            std::filesystem::remove(path, ec);
        }
        throw;
    }
    return written.size();
}

}  // namespace paperbag
