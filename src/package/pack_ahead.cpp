#include "package/pack_ahead.hpp"

#include <sys/mman.h>
#include <zlib.h>

#include <algorithm>
#include <climits>
#include <new>
#include <utility>

#include "package/payload_file.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

// A raw deflate stream with libzip's parameters (zip_algorithm_deflate.c: windowBits
// -MAX_WBITS, memLevel MAX_MEM_LEVEL, Z_DEFAULT_STRATEGY), so the bytes equal libzip's own.
class RawDeflate {
public:
    RawDeflate(int level, const std::filesystem::path& file) {
        if (deflateInit2(&stream_, level, Z_DEFLATED, -MAX_WBITS, MAX_MEM_LEVEL,
                         Z_DEFAULT_STRATEGY) != Z_OK)
            throw Error("PB-BAG-WRITE", file.string(), "cannot start deflate");
    }
    ~RawDeflate() { deflateEnd(&stream_); }
    RawDeflate(const RawDeflate&) = delete;
    RawDeflate& operator=(const RawDeflate&) = delete;

    // Deflates `size` bytes (all of the input when `last`) into out[total()..capacity).
    void feed(const char* data, std::size_t size, bool last, char* out, std::size_t capacity,
              const std::filesystem::path& file) {
        stream_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data));
        stream_.avail_in = static_cast<uInt>(size);
        while (true) {
            const std::size_t room = capacity - static_cast<std::size_t>(stream_.total_out);
            if (room == 0)
                throw Error("PB-BAG-WRITE", file.string(), "deflate output exceeds its bound");
            stream_.next_out = reinterpret_cast<Bytef*>(out + stream_.total_out);
            stream_.avail_out = static_cast<uInt>(std::min<std::size_t>(room, INT_MAX));
            const int status = ::deflate(&stream_, last ? Z_FINISH : Z_NO_FLUSH);
            if (status == Z_STREAM_END) return;
            if (status != Z_OK && status != Z_BUF_ERROR)
                throw Error("PB-BAG-WRITE", file.string(), "deflate failed");
            if (!last && stream_.avail_in == 0) return;
        }
    }
    std::size_t total() const { return static_cast<std::size_t>(stream_.total_out); }

private:
    z_stream stream_{};
};

// Thrown into an input being packed when the workers are stopped.
struct Stopped {};

}  // namespace

MappedBuffer::MappedBuffer(std::size_t capacity) {
    if (capacity == 0) return;
    void* p = ::mmap(nullptr, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    data_ = static_cast<char*>(p);
    capacity_ = capacity;
}

MappedBuffer::~MappedBuffer() {
    if (data_ != nullptr) ::munmap(data_, capacity_);
}

MappedBuffer::MappedBuffer(MappedBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), capacity_(std::exchange(other.capacity_, 0)) {}

MappedBuffer& MappedBuffer::operator=(MappedBuffer&& other) noexcept {
    if (this != &other) {
        if (data_ != nullptr) ::munmap(data_, capacity_);
        data_ = std::exchange(other.data_, nullptr);
        capacity_ = std::exchange(other.capacity_, 0);
    }
    return *this;
}

PackAhead::PackAhead(std::vector<AheadInput> inputs, Settings settings) : settings_(settings) {
    slots_.resize(inputs.size());
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        Slot& slot = slots_[i];
        slot.input = std::move(inputs[i]);
        // Worst cases: a deflate stream's bound; a stored file's size; stored bytes are
        // already in memory.
        if (slot.input.deflate)
            slot.reserved = compressBound(static_cast<uLong>(slot.input.size));
        else if (slot.input.bytes == nullptr)
            slot.reserved = slot.input.size;
    }
    const std::size_t threads =
        std::min<std::size_t>(std::max(settings_.threads, 1u), slots_.size());
    try {
        for (std::size_t i = 0; i < threads; ++i) workers_.emplace_back([this] { work(); });
    } catch (...) {
        if (workers_.empty()) throw;  // with at least one worker, every input gets packed
    }
}

PackAhead::~PackAhead() {
    {
        const std::lock_guard lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    for (auto& worker : workers_) worker.join();
}

void PackAhead::work() {
    std::unique_lock lock(mutex_);
    while (!stop_ && next_ < slots_.size()) {
        Slot& slot = slots_[next_];
        if (in_use_ > 0 && in_use_ + slot.reserved > settings_.budget) {
            changed_.wait(lock);
            continue;
        }
        ++next_;
        in_use_ += slot.reserved;
        lock.unlock();
        std::exception_ptr error;
        bool stopped = false;
        try {
            pack(slot);
        } catch (const Stopped&) {
            stopped = true;  // abandoned because another input failed: its error counts
        } catch (...) {
            error = std::current_exception();
        }
        lock.lock();
        if (error && !first_error_) first_error_ = error;
        if (stopped)
            error = first_error_
                        ? first_error_
                        : std::make_exception_ptr(Error("PB-BAG-WRITE", slot.input.file.string(),
                                                        "not packed: the packer stopped"));
        slot.done = true;
        slot.error = error;
        // Hold what is actually used from now on (untouched pages of the mapping cost nothing).
        const std::uint64_t used = error ? 0 : slot.buffer.data() == nullptr ? 0 : slot.output.size;
        in_use_ -= slot.reserved - std::min(slot.reserved, used);
        slot.reserved = std::min(slot.reserved, used);
        if (error) {
            slot.buffer = MappedBuffer();
            stop_ = true;  // the bundle fails: nothing after this input is needed
        }
        changed_.notify_all();
    }
}

const AheadOutput& PackAhead::wait(std::size_t index) {
    std::unique_lock lock(mutex_);
    Slot& slot = slots_.at(index);
    changed_.wait(lock, [&] { return slot.done || (stop_ && index >= next_); });
    if (!slot.done) {
        if (first_error_) std::rethrow_exception(first_error_);
        throw Error("PB-BAG-WRITE", slot.input.file.string(), "not packed: the packer stopped");
    }
    if (slot.error) std::rethrow_exception(slot.error);
    return slot.output;
}

void PackAhead::release(std::size_t index) {
    MappedBuffer freed;
    {
        const std::lock_guard lock(mutex_);
        Slot& slot = slots_.at(index);
        freed = std::move(slot.buffer);
        slot.output.data = nullptr;
        in_use_ -= slot.reserved;
        slot.reserved = 0;
    }
    changed_.notify_all();
}

void PackAhead::check_stop() const {
    if (stop_.load(std::memory_order_relaxed)) throw Stopped{};
}

void PackAhead::pack(Slot& slot) {
    const AheadInput& input = slot.input;
    UniqueFd fd;
    if (input.bytes == nullptr) {
        std::uint64_t size = 0;
        fd = open_payload_file(input.file, size);
    }
    if (input.deflate) {
        deflate(slot, fd.get());
    } else if (input.bytes == nullptr) {
        store_file(slot, fd.get());
    } else {
        PayloadDigests digests(settings_.sha512);
        for (std::size_t at = 0; at < input.bytes->size(); at += payload_read_size) {
            check_stop();
            digests.update(input.bytes->data() + at,
                           std::min(payload_read_size, input.bytes->size() - at));
        }
        slot.output.data = input.bytes->data();
        slot.output.size = input.bytes->size();
        BagFileRecord record;
        digests.finish(record);
        slot.output.sha256 = std::move(record.sha256);
        slot.output.sha512 = std::move(record.sha512);
    }
}

// A stored file is read straight into its buffer; libzip computes the CRC as it copies.
void PackAhead::store_file(Slot& slot, int fd) {
    const AheadInput& input = slot.input;
    const auto size = static_cast<std::size_t>(input.size);
    slot.buffer = MappedBuffer(size);
    PayloadDigests digests(settings_.sha512);
    std::size_t got = 0;
    while (got < size) {
        check_stop();
        const std::size_t n = read_payload(fd, slot.buffer.data() + got,
                                           std::min(payload_read_size, size - got), input.file);
        if (n == 0) break;
        digests.update(slot.buffer.data() + got, n);
        got += n;
    }
    char extra = 0;
    if (got == size && read_payload(fd, &extra, 1, input.file) != 0)
        throw Error("PB-BAG-CHANGED", input.file.string(), "file grew while it was being packed");
    if (got < size)
        throw Error("PB-BAG-CHANGED", input.file.string(), "file shrank while it was being packed");
    slot.output.data = slot.buffer.data();
    slot.output.size = size;
    BagFileRecord record;
    digests.finish(record);
    slot.output.sha256 = std::move(record.sha256);
    slot.output.sha512 = std::move(record.sha512);
}

void PackAhead::deflate(Slot& slot, int fd) {
    const AheadInput& input = slot.input;
    RawDeflate stream(settings_.level, input.file);
    slot.buffer = MappedBuffer(static_cast<std::size_t>(slot.reserved));
    PayloadDigests digests(settings_.sha512);
    uLong crc = crc32(0, nullptr, 0);
    std::vector<char> chunk(input.bytes == nullptr ? payload_read_size : 0);
    std::uint64_t total = 0;
    while (true) {
        check_stop();
        const char* data = nullptr;
        std::size_t n = 0;
        if (input.bytes == nullptr) {
            n = read_payload(fd, chunk.data(), chunk.size(), input.file);
            data = chunk.data();
            if (total + n > input.size)
                throw Error("PB-BAG-CHANGED", input.file.string(),
                            "file grew while it was being packed");
        } else {
            n = std::min<std::size_t>(payload_read_size, input.bytes->size() - total);
            data = input.bytes->data() + total;
        }
        total += n;
        if (n == 0 && total < input.size)
            throw Error("PB-BAG-CHANGED", input.file.string(),
                        "file shrank while it was being packed");
        digests.update(data, n);
        crc = crc32(crc, reinterpret_cast<const Bytef*>(data), static_cast<uInt>(n));
        const bool last = n == 0;
        stream.feed(data, n, last, slot.buffer.data(), slot.buffer.capacity(), input.file);
        if (last) break;
    }
    slot.output.data = slot.buffer.data();
    slot.output.size = stream.total();
    slot.output.crc = static_cast<std::uint32_t>(crc);
    BagFileRecord record;
    digests.finish(record);
    slot.output.sha256 = std::move(record.sha256);
    slot.output.sha512 = std::move(record.sha512);
}

}  // namespace paperbag
