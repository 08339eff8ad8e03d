// libFuzzer entry point for the bundle reader, as export, stats and inspect use it: each input
// is a ZIP opened with BundleReader (every check), every entry read (check_all), and the issue
// read back from it (read_bundle_issue: bag-info, METS, NewsML-G2 items).
//
// paperbag::Error (an unreadable file) is fine; anything else escaping is a crash, and so is a
// broken invariant: an entry that is usable must have a safe name and be within the limits.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_file.hpp"
#include "paperbag/bundle_issue.hpp"
#include "paperbag/bundle_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace paperbag;
    const auto path = fuzz::write_scratch("bundle.zip", data, size);
    try {
        BundleLimits limits;
        limits.max_entries = 1000;  // a fuzz input cannot be bigger; keeps each run quick
        limits.max_total_size = std::uint64_t{64} << 20;
        BundleReader reader(path, limits);
        std::uint64_t total = 0;
        for (const BundleEntry& entry : reader.entries()) {
            if (!entry.usable) continue;
            if (entry.name.empty() || entry.name.front() == '/' || entry.name.find("..") == 0 ||
                entry.name.find("/../") != std::string::npos)
                std::abort();
            total += entry.size;
        }
        if (total > limits.max_total_size) std::abort();
        reader.check_all();
        Diagnostics diagnostics;
        BundleReader again(path, limits);
        (void)read_bundle_issue(again, diagnostics);
    } catch (const Error&) {
    }
    return 0;
}
