// libFuzzer entry point for the issue manifest reader (issue.xml, as build and inspect read it):
// each input is one issue.xml in an otherwise empty issue folder, read with read_manifest, the
// way the commands read it from disk (page files are then missing, which is a finding).
//
// Findings are fine; an exception escaping is a crash, and so is an issue returned although
// errors were reported.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_file.hpp"
#include "paperbag/manifest.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace paperbag;
    const auto path = fuzz::write_scratch("issue.xml", data, size);
    Diagnostics diagnostics;
    try {
        const auto issue = read_manifest(path, diagnostics);
        if (issue && diagnostics.has_errors()) std::abort();
    } catch (const Error&) {
    }
    return 0;
}
