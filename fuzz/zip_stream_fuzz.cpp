// libFuzzer entry point for the intake server's walk of an arriving ZIP (ZipStreamFixity):
// each input is fed in pieces whose sizes come from the input itself, as a socket would
// deliver them. Whatever the walk vouches for must be what libzip reads: when it returns
// digests, the input is opened with BundleReader and every entry must exist there, be
// described by its digest (CRC, sizes, method) and hash to the same SHA-256. A digest for
// bytes libzip would read differently is a crash, and so is anything escaping.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/digest.hpp"
#include "fuzz_file.hpp"
#include "package/zip_stream_fixity.hpp"
#include "paperbag/bundle_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace paperbag;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    ZipStreamFixity walk;
    const std::size_t piece = size == 0 ? 1 : 1 + data[0] % 97;
    for (std::size_t at = 0; at < size; at += piece) walk.update(bytes.substr(at, piece));
    const KnownDigests known = walk.finish();
    if (known.empty()) return 0;
    const auto path = fuzz::write_scratch("upload.zip", data, size);
    try {
        BundleLimits limits;
        limits.max_entries = 1000;
        limits.max_total_size = std::uint64_t{64} << 20;
        BundleReader reader(path, limits);
        std::size_t usable = 0;
        for (const BundleEntry& entry : reader.entries()) {
            if (!entry.usable || entry.directory) continue;
            ++usable;
            const auto it = known.find(entry.name);
            if (it == known.end() || !it->second.describes(entry)) std::abort();
            const auto content = reader.read(entry, limits.max_total_size);
            if (!content || digest_hex(DigestAlgorithm::sha256, *content) != it->second.sha256)
                std::abort();
        }
        if (usable > known.size()) std::abort();
    } catch (const Error&) {
    }
    return 0;
}
