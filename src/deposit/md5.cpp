#include "deposit/md5.hpp"

#include <fcntl.h>
#include <openssl/evp.h>

#include <cerrno>
#include <vector>

#include "core/digest.hpp"
#include "io/unique_fd.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

struct EvpCtxFree {
    void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};

}  // namespace

struct Md5::Impl {
    std::unique_ptr<EVP_MD_CTX, EvpCtxFree> ctx{EVP_MD_CTX_new()};
};

Md5::Md5() : impl_(std::make_unique<Impl>()) {
    if (!impl_->ctx || EVP_DigestInit_ex(impl_->ctx.get(), EVP_md5(), nullptr) != 1)
        throw Error("PB-DIGEST", "", "cannot initialise the md5 digest");
}

Md5::~Md5() = default;

void Md5::update(const void* data, std::size_t size) {
    if (size > 0 && EVP_DigestUpdate(impl_->ctx.get(), data, size) != 1)
        throw Error("PB-DIGEST", "", "md5 update failed");
}

std::string Md5::finish_hex() {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(impl_->ctx.get(), out, &length) != 1)
        throw Error("PB-DIGEST", "", "md5 final failed");
    return to_hex(std::string_view(reinterpret_cast<const char*>(out), length));
}

std::string md5_file_hex(const std::filesystem::path& file) {
    const UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) throw_system_error("cannot open", file.string());
    Md5 md5;
    std::vector<char> buffer(1 << 20);
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw_system_error("cannot read", file.string());
        if (n == 0) break;
        md5.update(buffer.data(), static_cast<std::size_t>(n));
    }
    return md5.finish_hex();
}

}  // namespace paperbag
