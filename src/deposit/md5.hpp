// MD5 for SWORD's Content-MD5 through OpenSSL EVP (its assembly MD5 instead of Poco's
// portable MD5Engine: on a 1 GB upload the client's pass before sending and the server's are
// on the critical path). Not for integrity of holdings: the store keys bundles by SHA-256.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace paperbag {

class Md5 {
public:
    Md5();
    ~Md5();
    Md5(const Md5&) = delete;
    Md5& operator=(const Md5&) = delete;

    void update(const void* data, std::size_t size);
    // Lower-case hex; the object cannot be updated afterwards.
    std::string finish_hex();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// MD5 of a file in hex (Throws Error PB-IO when it cannot be read).
std::string md5_file_hex(const std::filesystem::path& file);

}  // namespace paperbag
