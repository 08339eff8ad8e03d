#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <vector>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

std::filesystem::path folder_of(const std::filesystem::path& target) {
    auto parent = target.parent_path();
    return parent.empty() ? std::filesystem::path(".") : parent;
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    const std::string pattern =
        (folder_of(target_) / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    UniqueFd fd(::mkstemp(buffer.data()));
    if (!fd) throw_system_error("cannot create", target_.string());
    temp_ = std::filesystem::path(buffer.data());
    // mkstemp creates 0600; output files are ordinary files, subject to the umask.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd.get(), 0666 & ~mask) != 0) {
        ::unlink(temp_.c_str());
        throw_system_error("cannot set permissions of", target_.string());
    }
    fd_ = std::move(fd);
}

AtomicFile::~AtomicFile() {
    if (!committed_ && !temp_.empty()) {
        fd_.reset();
        ::unlink(temp_.c_str());
    }
}

void AtomicFile::write(std::string_view data) {
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd_.get(), p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw_system_error("cannot write", target_.string());
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

void AtomicFile::commit() {
    if (committed_) return;
    if (::fsync(fd_.get()) != 0) throw_system_error("cannot sync", target_.string());
    if (::close(fd_.release()) != 0) throw_system_error("cannot close", target_.string());
    if (::rename(temp_.c_str(), target_.c_str()) != 0)
        throw_system_error("cannot rename into place", target_.string());
    committed_ = true;
    UniqueFd dir(::open(folder_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir) ::fsync(dir.get());  // best effort: the rename is already visible
}

void write_file_atomic(const std::filesystem::path& target, std::string_view data) {
    AtomicFile file(target);
    file.write(data);
    file.commit();
}

}  // namespace paperbag
