// Unpacking a bundle's payload (its data/ folder) to disk, for `export --format xml`.
#include <system_error>

#include "io/atomic_file.hpp"
#include "io/output_tree.hpp"
#include "paperbag/bundle_reader.hpp"

namespace paperbag {

std::size_t unpack_bundle_payload(const std::filesystem::path& bundle,
                                  const std::filesystem::path& folder) {
    BundleReader reader(bundle);
    for (const Diagnostic& d : reader.diagnostics())
        if (d.severity == Severity::error) throw Error(d);
    std::size_t written = 0;
    for (const BundleEntry& entry : reader.entries()) {
        if (!entry.usable || entry.directory) continue;
        // "<bag>/data/alto/0001.xml" -> "alto/0001.xml"; tag files stay in the bundle.
        const auto slash = entry.name.find('/');
        if (slash == std::string::npos) continue;
        const std::string in_bag = entry.name.substr(slash + 1);
        if (!in_bag.starts_with("data/")) continue;
        const std::string relative = in_bag.substr(5);
        check_relative_path(relative);  // the reader refused unsafe names; checked again
        const std::filesystem::path target = folder / std::filesystem::path(relative);
        std::error_code ec;
        std::filesystem::create_directories(target.parent_path(), ec);
        if (ec)
            throw Error("PB-IO", target.parent_path().string(),
                        "cannot create folder: " + ec.message());
        AtomicFile file(target);
        if (!reader.stream(entry, [&](std::string_view chunk) { file.write(chunk); })) {
            const Diagnostics& findings = reader.diagnostics();
            throw Error(findings.empty() ? make_error("PB-BAG-ZIP", reader.entry_path(entry.name),
                                                      0, "cannot read the entry")
                                         : findings.items().back());
        }
        file.commit();
        ++written;
    }
    return written;
}

}  // namespace paperbag
