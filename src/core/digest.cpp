#include "core/digest.hpp"

#include <openssl/evp.h>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

struct EvpCtxFree {
    void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};

const EVP_MD* evp_for(DigestAlgorithm algorithm) {
    switch (algorithm) {
        case DigestAlgorithm::sha1: return EVP_sha1();
        case DigestAlgorithm::sha256: return EVP_sha256();
        case DigestAlgorithm::sha512: return EVP_sha512();
    }
    return EVP_sha256();
}

}  // namespace

std::string_view to_string(DigestAlgorithm algorithm) {
    switch (algorithm) {
        case DigestAlgorithm::sha1: return "sha1";
        case DigestAlgorithm::sha256: return "sha256";
        case DigestAlgorithm::sha512: return "sha512";
    }
    return "sha256";
}

struct Digest::Impl {
    std::unique_ptr<EVP_MD_CTX, EvpCtxFree> ctx{EVP_MD_CTX_new()};
    bool finished = false;
};

Digest::Digest(DigestAlgorithm algorithm) : impl_(std::make_unique<Impl>()) {
    if (!impl_->ctx || EVP_DigestInit_ex(impl_->ctx.get(), evp_for(algorithm), nullptr) != 1)
        throw Error("PB-DIGEST", "",
                    "cannot initialise the " + std::string(to_string(algorithm)) + " digest");
}

Digest::~Digest() = default;
Digest::Digest(Digest&&) noexcept = default;
Digest& Digest::operator=(Digest&&) noexcept = default;

void Digest::update(const void* data, std::size_t size) {
    if (impl_->finished) throw Error("PB-DIGEST", "", "digest updated after it was finished");
    if (size > 0 && EVP_DigestUpdate(impl_->ctx.get(), data, size) != 1)
        throw Error("PB-DIGEST", "", "digest update failed");
}

std::string Digest::finish_raw() {
    if (impl_->finished) throw Error("PB-DIGEST", "", "digest finished twice");
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(impl_->ctx.get(), out, &length) != 1)
        throw Error("PB-DIGEST", "", "digest final failed");
    impl_->finished = true;
    return std::string(reinterpret_cast<const char*>(out), length);
}

std::string Digest::finish_hex() {
    return to_hex(finish_raw());
}

std::string to_hex(std::string_view bytes) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 0x0f];
    }
    return out;
}

std::string digest_hex(DigestAlgorithm algorithm, std::string_view data) {
    Digest digest(algorithm);
    digest.update(data);
    return digest.finish_hex();
}

}  // namespace paperbag
