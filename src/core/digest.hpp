// Streaming message digests (OpenSSL EVP): SHA-1, SHA-256, SHA-512.
// Data is fed in pieces as it is read, so nothing needs to be read twice or held in memory.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace paperbag {

enum class DigestAlgorithm { sha1, sha256, sha512 };

// "sha1", "sha256", "sha512" (BagIt's manifest names).
std::string_view to_string(DigestAlgorithm algorithm);

class Digest {
public:
    explicit Digest(DigestAlgorithm algorithm);
    ~Digest();
    Digest(Digest&&) noexcept;
    Digest& operator=(Digest&&) noexcept;
    Digest(const Digest&) = delete;
    Digest& operator=(const Digest&) = delete;

    void update(const void* data, std::size_t size);
    void update(std::string_view data) { update(data.data(), data.size()); }
    // The raw digest bytes; the object cannot be updated afterwards.
    std::string finish_raw();
    // Lower-case hex of the digest; the object cannot be updated afterwards.
    std::string finish_hex();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Lower-case hex of one digest over `data`.
std::string digest_hex(DigestAlgorithm algorithm, std::string_view data);

std::string to_hex(std::string_view bytes);

}  // namespace paperbag
