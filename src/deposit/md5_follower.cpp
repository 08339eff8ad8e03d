#include "deposit/md5_follower.hpp"

#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <vector>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

Md5Follower::Md5Follower(const std::filesystem::path& file)
    : path_(file), fd_(::open(file.c_str(), O_RDONLY | O_CLOEXEC)) {
    if (!fd_) throw_system_error("cannot open", path_.string());
    thread_ = std::thread([this] { run(); });
}

Md5Follower::~Md5Follower() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Md5Follower::written(std::uint64_t size) {
    {
        std::lock_guard lock(mutex_);
        written_ = size;
    }
    changed_.notify_all();
}

std::string Md5Follower::finish(std::uint64_t size) {
    {
        std::lock_guard lock(mutex_);
        written_ = size;
        complete_ = true;
    }
    changed_.notify_all();
    thread_.join();
    if (failure_) std::rethrow_exception(failure_);
    return hex_;
}

void Md5Follower::run() {
    try {
        std::vector<char> buffer(1 << 20);
        std::uint64_t done = 0;
        for (;;) {
            std::uint64_t available = 0;
            {
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stop_ || complete_ || written_ > done; });
                if (stop_) return;
                available = written_ - done;
                if (available == 0 && complete_) break;
            }
            const std::size_t want =
                static_cast<std::size_t>(std::min<std::uint64_t>(available, buffer.size()));
            const ssize_t n = ::pread(fd_.get(), buffer.data(), want, static_cast<off_t>(done));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) throw_system_error("cannot read", path_.string());
            md5_.update(buffer.data(), static_cast<std::size_t>(n));
            done += static_cast<std::uint64_t>(n);
        }
        hex_ = md5_.finish_hex();
    } catch (...) {
        failure_ = std::current_exception();
    }
}

}  // namespace paperbag
