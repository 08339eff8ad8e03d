#include "io/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <string>

#include "io/temp_cleanup.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

std::filesystem::path folder_of(const std::filesystem::path& target) {
    auto parent = target.parent_path();
    return parent.empty() ? std::filesystem::path(".") : parent;
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path target) : target_(std::move(target)) {
    // A device, FIFO or socket (-o /dev/null, /dev/stdout, a pipe) is written to as it is:
    // renaming a file over it would replace /dev/null for every other program. A FIFO
    // without a reader is an error, not a wait.
    struct stat st {};
    if (::stat(target_.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
        UniqueFd fd(::open(target_.c_str(), O_WRONLY | O_CLOEXEC | O_NONBLOCK));
        if (!fd) throw_system_error("cannot open", target_.string());
        const int flags = ::fcntl(fd.get(), F_GETFL);
        if (flags >= 0) ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
        fd_ = std::move(fd);
        direct_ = true;
        return;
    }
    const std::filesystem::path folder = folder_of(target_);
    const std::string prefix = "." + target_.filename().string() + ".tmp";
    // Leftovers of killed runs (their process is gone) are removed, once per folder.
    remove_stale_temporaries_once(folder);
    // O_EXCL with mode 0666: the kernel applies the umask, so nothing process-wide changes
    // (worker threads create files at the same time). The name is unique per process and
    // call; a name taken by someone else is skipped.
    static std::atomic<unsigned long> counter{0};
    for (int attempt = 0; attempt < 100; ++attempt) {
        temp_ = folder / (temporary_prefix(prefix) + std::to_string(counter++));
        UniqueFd fd(::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666));
        if (fd) {
            registration_ = TempRegistration(temp_);
            fd_ = std::move(fd);
            return;
        }
        if (errno != EEXIST) break;
    }
    temp_.clear();
    throw_system_error("cannot create", target_.string());
}

AtomicFile::~AtomicFile() {
    if (!committed_ && !temp_.empty()) {
        fd_.reset();
        ::unlink(temp_.c_str());
        registration_.release();
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
    if (direct_) {
        if (::close(fd_.release()) != 0) throw_system_error("cannot close", target_.string());
        committed_ = true;
        return;
    }
    if (::fsync(fd_.get()) != 0) throw_system_error("cannot sync", target_.string());
    if (::close(fd_.release()) != 0) throw_system_error("cannot close", target_.string());
    if (::rename(temp_.c_str(), target_.c_str()) != 0)
        throw_system_error("cannot rename into place", target_.string());
    committed_ = true;
    registration_.release();
    UniqueFd dir(::open(folder_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir) ::fsync(dir.get());  // best effort: the rename is already visible
}

void write_file_atomic(const std::filesystem::path& target, std::string_view data) {
    AtomicFile file(target);
    file.write(data);
    file.commit();
}

}  // namespace paperbag
