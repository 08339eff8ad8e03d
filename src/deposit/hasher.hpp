// MD5 and SHA-256 of an upload on a thread of their own: the receiving thread copies each
// piece into one of a few 1 MiB buffers and goes on reading the socket and writing the file
// while the hashes are computed on the other core. (On one thread, hashing 1 GB costs about
// as much as receiving and writing it.)
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/digest.hpp"
#include "deposit/md5.hpp"

namespace paperbag {

class Hasher {
public:
    Hasher();
    ~Hasher();
    Hasher(const Hasher&) = delete;
    Hasher& operator=(const Hasher&) = delete;

    // Copies the bytes; waits only when every buffer is waiting to be hashed.
    void update(const char* data, std::size_t size);
    // Waits for the last bytes; the digests in lower-case hex. Called once.
    void finish(std::string& md5_hex, std::string& sha256_hex);

private:
    static constexpr std::size_t buffer_size = 1 << 20;
    static constexpr std::size_t buffers = 4;

    void hand_over();  // queues `filling_`
    void run();        // the hashing thread

    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::vector<char>> full_;
    std::vector<std::vector<char>> spare_;
    std::vector<char> filling_;
    bool closing_ = false;
    std::exception_ptr failure_;
    Md5 md5_;
    Digest sha256_{DigestAlgorithm::sha256};
    std::thread thread_;  // last: started once everything above exists
};

}  // namespace paperbag
