// Bundles built from the samples with the library (read_manifest, segment_issue,
// write_issue_to_memory, BundleWriter), for tests that read bundles back.
#pragma once

#include <filesystem>
#include <string>

#include "paperbag/bundle.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/manifest.hpp"
#include "paperbag/page_import.hpp"
#include "paperbag/writers.hpp"

#ifndef PAPERBAG_SOURCE_DIR
#error "PAPERBAG_SOURCE_DIR must be defined"
#endif

namespace paperbag::test {

inline std::filesystem::path sample_dir(const std::string& name) {
    return std::filesystem::path(PAPERBAG_SOURCE_DIR) / "samples" / name;
}

// Writes the bundle of the issue folder `folder` to `target` (bag name = issue key).
inline void write_sample_bundle(const std::filesystem::path& folder,
                                const std::filesystem::path& target) {
    Diagnostics diagnostics;
    std::optional<Issue> issue = read_manifest(folder, diagnostics);
    if (!issue) throw Error("PB-TEST", folder.string(), "cannot read the manifest");
    segment_issue(*issue, diagnostics);
    const FixedClock clock(1710720000);
    WriteOptions options;
    options.clock = &clock;
    options.payload = payload_from_disk(*issue);
    BundleOptions bundle_options;
    bundle_options.bag_name = issue_key(*issue);
    BundleWriter writer(bundle_options, clock);
    for (const PayloadFile& payload : options.payload) {
        const Page& page = issue->pages.at(static_cast<std::size_t>(payload.page_sequence - 1));
        for (const PageFile& file : page.files)
            if (file.role == payload.role &&
                file.path.filename() == std::filesystem::path(payload.path).filename())
                writer.add_file("data/" + payload.path, file.path);
    }
    for (auto& [path, bytes] : write_issue_to_memory(*issue, options))
        writer.add_bytes("data/" + path, std::move(bytes));
    writer.write(target);
}

}  // namespace paperbag::test
