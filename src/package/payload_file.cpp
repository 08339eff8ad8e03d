#include "package/payload_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

PayloadDigests::PayloadDigests(bool with_sha512) : sha256(DigestAlgorithm::sha256) {
    if (with_sha512) sha512.emplace(DigestAlgorithm::sha512);
}

void PayloadDigests::update(const char* data, std::size_t size) {
    sha256.update(data, size);
    if (sha512) sha512->update(data, size);
}

void PayloadDigests::finish(BagFileRecord& record) {
    record.sha256 = sha256.finish_hex();
    if (sha512) record.sha512 = sha512->finish_hex();
}

UniqueFd open_payload_file(const std::filesystem::path& file, std::uint64_t& size) {
    UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (!fd) throw_system_error("cannot open", file.string());
    struct stat st {};
    if (::fstat(fd.get(), &st) != 0) throw_system_error("cannot read", file.string());
    if (!S_ISREG(st.st_mode)) throw Error("PB-IO", file.string(), "not a regular file");
    size = static_cast<std::uint64_t>(st.st_size);
    return fd;
}

std::size_t read_payload(int fd, char* buffer, std::size_t size,
                         const std::filesystem::path& file) {
    while (true) {
        const ssize_t n = ::read(fd, buffer, size);
        if (n >= 0) return static_cast<std::size_t>(n);
        if (errno != EINTR) throw_system_error("cannot read", file.string());
    }
}

}  // namespace paperbag
