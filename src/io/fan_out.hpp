// One byte stream handed to several consumers at once, each on a thread of its own: the
// intake server receives an upload once and writes it to disk, computes MD5, SHA-256 and the
// per-entry ZIP digests at the same time, on every core, without reading the file back.
//
// The producer's bytes are copied into a ring of a few fixed buffers (aligned for O_DIRECT
// writes); every consumer sees every buffer in order, and a buffer is reused once all have
// seen it, so memory is fixed (slots x slot_size) whatever the stream's length, and the
// producer waits for the slowest consumer. A consumer whose thread cannot be created runs
// in the producer's thread instead. A consumer that throws sees nothing more; the producer's
// next write() and finish() rethrow its exception.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string_view>
#include <thread>
#include <vector>

namespace paperbag {

class FanOut {
public:
    using Consumer = std::function<void(std::string_view bytes)>;
    static constexpr std::size_t alignment = 4096;

    // slot_size must be a multiple of `alignment`.
    explicit FanOut(std::vector<Consumer> consumers, std::size_t slots = 6,
                    std::size_t slot_size = std::size_t{512} << 10);
    // Without finish(): stops the consumers (they may not have seen every byte) and joins.
    ~FanOut();
    FanOut(const FanOut&) = delete;
    FanOut& operator=(const FanOut&) = delete;

    // Copies the bytes into the ring; waits while every buffer is still being consumed.
    void write(const char* data, std::size_t size);
    // Or, without the copy: the free space of the buffer being filled (never empty; waits
    // while every buffer is still being consumed), to be filled and then committed.
    std::span<char> space();
    // The first `size` bytes of space() hold the next bytes of the stream.
    void commit(std::size_t size);
    // Hands over the last bytes and waits until every consumer has seen everything. Once.
    void finish();

private:
    struct AlignedFree {
        void operator()(char* p) const noexcept;
    };
    struct Slot {
        std::unique_ptr<char, AlignedFree> data;
        std::size_t size = 0;
    };

    void publish();
    void run(std::size_t consumer);
    void consume(std::size_t consumer, const Slot& slot);
    std::uint64_t oldest_seen() const;  // with mutex_ held

    std::vector<Consumer> consumers_;
    std::vector<Slot> slots_;
    std::size_t slot_size_;
    std::size_t fill_ = 0;  // bytes in the buffer being filled (producer only)
    std::mutex mutex_;
    std::condition_variable ready_, space_;
    std::uint64_t published_ = 0;      // buffers handed over so far
    std::vector<std::uint64_t> seen_;  // per consumer: buffers it is done with
    std::vector<char> inline_;         // per consumer: runs in the producer's thread
    std::vector<char> failed_;         // per consumer: threw, skips the rest
    bool closed_ = false, stopping_ = false;
    std::exception_ptr failure_;
    std::vector<std::thread> threads_;  // last: started once everything above exists
};

}  // namespace paperbag
