// Reading payload files for the bundle writer: opening with a size check, reading through a
// fixed buffer, and the digests (SHA-256, optionally SHA-512) fed as the bytes go by.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>

#include "core/digest.hpp"
#include "io/unique_fd.hpp"
#include "paperbag/bundle.hpp"

namespace paperbag {

// Bytes read from a payload file at a time.
inline constexpr std::size_t payload_read_size = std::size_t{256} << 10;

// Digests of one stream, fed as it is read.
struct PayloadDigests {
    explicit PayloadDigests(bool with_sha512);
    void update(const char* data, std::size_t size);
    // Writes the hex digests into record.sha256 (and record.sha512).
    void finish(BagFileRecord& record);

    Digest sha256;
    std::optional<Digest> sha512;
};

// Opens a regular file for reading and gives its size. Throws Error (PB-IO).
UniqueFd open_payload_file(const std::filesystem::path& file, std::uint64_t& size);

// Reads up to `size` bytes; fewer only at the end of the file. Throws Error (PB-IO).
std::size_t read_payload(int fd, char* buffer, std::size_t size, const std::filesystem::path& file);

}  // namespace paperbag
