// The MD5 of an upload, computed by a thread that follows the file as it is written. MD5 is
// the slowest step of receiving (several times SHA-256 with the CPU's SHA extensions), and
// only Content-MD5 needs it: the receiving thread never waits for it, and the intake checks
// it after verifying the bundle, while that verification runs (issue #15: receive + verify
// near the time of verify alone).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>

#include "deposit/md5.hpp"
#include "io/unique_fd.hpp"

namespace paperbag {

class Md5Follower {
public:
    // Opens `file` (being written) for reading. Throws Error PB-IO when it cannot.
    explicit Md5Follower(const std::filesystem::path& file);
    ~Md5Follower();
    Md5Follower(const Md5Follower&) = delete;
    Md5Follower& operator=(const Md5Follower&) = delete;

    // The file now holds `size` bytes.
    void written(std::uint64_t size);
    // The file is complete at `size` bytes: waits for the thread; lower-case hex. Once.
    std::string finish(std::uint64_t size);

private:
    void run();

    std::filesystem::path path_;
    UniqueFd fd_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::uint64_t written_ = 0;
    bool complete_ = false, stop_ = false;
    std::exception_ptr failure_;
    Md5 md5_;
    std::string hex_;
    std::thread thread_;  // last: started once everything above exists
};

}  // namespace paperbag
