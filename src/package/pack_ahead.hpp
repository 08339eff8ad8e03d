// Packing payload entries ahead of libzip, on worker threads.
//
// libzip writes the entries one after the other inside zip_close(), and left to itself it
// would checksum and deflate each one there, on one core. PackAhead lets worker threads do
// that work in advance: each input (a payload file, read once through a fixed buffer, or
// bytes in memory) gets its SHA-256 (and SHA-512) and CRC-32 and is raw-deflated with the
// parameters libzip's own deflate uses (windowBits -15, memLevel 9, default strategy, the
// same level), or kept as it is when the entry is stored, into a memory buffer. The writer
// then hands the prepared bytes to libzip, which copies deflated data without recompressing
// it. zlib's output depends only on the input and those parameters, so the archive is byte
// for byte what libzip alone would write, whatever the timing and the number of threads.
//
// Memory is bounded: inputs are claimed strictly in order, and each holds its worst-case
// size against a fixed budget until the writer, consuming them in the same order, releases
// it. Workers therefore run at most `budget` bytes ahead of the writer.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace paperbag {

struct AheadInput {
    std::filesystem::path file;          // read from here unless `bytes` is set
    const std::string* bytes = nullptr;  // must stay alive and unchanged until released
    std::uint64_t size = 0;              // the file's size when it was added
    bool deflate = false;                // false: the bytes are kept as they are (stored)
};

struct AheadOutput {
    std::string sha256;
    std::string sha512;          // empty unless asked for
    std::uint32_t crc = 0;       // CRC-32 of the uncompressed bytes
    const char* data = nullptr;  // raw deflate stream, or the stored bytes
    std::size_t size = 0;
};

// Anonymous memory mapped for one output and unmapped when released, so that its pages go
// back to the system at once (a heap block could stay resident).
class MappedBuffer {
public:
    MappedBuffer() = default;
    explicit MappedBuffer(std::size_t capacity);  // throws std::bad_alloc
    ~MappedBuffer();
    MappedBuffer(MappedBuffer&& other) noexcept;
    MappedBuffer& operator=(MappedBuffer&& other) noexcept;
    MappedBuffer(const MappedBuffer&) = delete;
    MappedBuffer& operator=(const MappedBuffer&) = delete;

    char* data() const noexcept { return data_; }
    std::size_t capacity() const noexcept { return capacity_; }

private:
    char* data_ = nullptr;
    std::size_t capacity_ = 0;
};

class PackAhead {
public:
    struct Settings {
        int level = 1;  // zlib level of deflated inputs
        bool sha512 = false;
        unsigned threads = 1;      // at least 1
        std::uint64_t budget = 0;  // bytes held at most (an input larger than it runs alone)
    };

    // Starts the workers. Throws std::system_error when no thread can be started.
    PackAhead(std::vector<AheadInput> inputs, Settings settings);
    // Stops the workers (an input being packed is abandoned at its next chunk) and joins them.
    ~PackAhead();
    PackAhead(const PackAhead&) = delete;
    PackAhead& operator=(const PackAhead&) = delete;

    // Blocks until input `index` is packed and returns it; valid until release(index).
    // Rethrows what packing it threw: Error PB-IO (cannot read), PB-BAG-CHANGED (the file's
    // size changed since it was added). An input abandoned because another one failed
    // rethrows that other input's error: the first real error, never an internal signal.
    const AheadOutput& wait(std::size_t index);
    // Frees input `index`'s memory and lets the workers move on.
    void release(std::size_t index);

private:
    struct Slot {
        AheadInput input;
        std::uint64_t reserved = 0;  // bytes counted against the budget
        bool done = false;
        std::exception_ptr error;
        MappedBuffer buffer;
        AheadOutput output;
    };

    void work();
    void pack(Slot& slot);
    void store_file(Slot& slot, int fd);
    void deflate(Slot& slot, int fd);
    void check_stop() const;

    Settings settings_;
    std::vector<Slot> slots_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::exception_ptr first_error_;  // the first input's failure, which stopped the workers
    std::size_t next_ = 0;            // the next input a worker claims
    std::uint64_t in_use_ = 0;        // sum of the claimed, unreleased inputs' reservations
    std::atomic<bool> stop_{false};
    std::vector<std::thread> workers_;
};

}  // namespace paperbag
