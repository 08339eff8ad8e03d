#include "io/fan_out.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>
#include <system_error>

namespace paperbag {

void FanOut::AlignedFree::operator()(char* p) const noexcept {
    std::free(p);
}

FanOut::FanOut(std::vector<Consumer> consumers, std::size_t slots, std::size_t slot_size)
    : consumers_(std::move(consumers)),
      slots_(std::max<std::size_t>(slots, 1)),
      slot_size_(slot_size),
      seen_(consumers_.size(), 0),
      inline_(consumers_.size(), 0),
      failed_(consumers_.size(), 0) {
    for (Slot& slot : slots_) {
        slot.data.reset(static_cast<char*>(std::aligned_alloc(alignment, slot_size_)));
        if (!slot.data) throw std::bad_alloc();
    }
    threads_.reserve(consumers_.size());
    for (std::size_t i = 0; i < consumers_.size(); ++i) {
        try {
            threads_.emplace_back([this, i] { run(i); });
        } catch (const std::system_error&) {
            inline_[i] = 1;  // no thread to be had: the producer's thread consumes
        }
    }
}

FanOut::~FanOut() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : threads_)
        if (t.joinable()) t.join();
}

std::uint64_t FanOut::oldest_seen() const {
    std::uint64_t oldest = published_;
    for (const std::uint64_t seen : seen_) oldest = std::min(oldest, seen);
    return oldest;
}

std::span<char> FanOut::space() {
    if (fill_ == 0) {
        std::unique_lock lock(mutex_);
        space_.wait(lock, [&] { return failure_ || oldest_seen() + slots_.size() > published_; });
        if (failure_) std::rethrow_exception(failure_);
    }
    Slot& slot = slots_[published_ % slots_.size()];
    return {slot.data.get() + fill_, slot_size_ - fill_};
}

void FanOut::commit(std::size_t size) {
    fill_ += std::min(size, slot_size_ - fill_);
    if (fill_ == slot_size_) publish();
}

void FanOut::write(const char* data, std::size_t size) {
    while (size > 0) {
        const std::span<char> free = space();
        const std::size_t n = std::min(size, free.size());
        std::memcpy(free.data(), data, n);
        commit(n);
        data += n;
        size -= n;
    }
}

void FanOut::publish() {
    Slot& slot = slots_[published_ % slots_.size()];
    slot.size = fill_;
    fill_ = 0;
    for (std::size_t i = 0; i < consumers_.size(); ++i)
        if (inline_[i] && !failed_[i]) consume(i, slot);
    {
        const std::lock_guard lock(mutex_);
        for (std::size_t i = 0; i < consumers_.size(); ++i)
            if (inline_[i]) seen_[i] = published_ + 1;
        ++published_;
    }
    ready_.notify_all();
}

void FanOut::consume(std::size_t consumer, const Slot& slot) {
    try {
        consumers_[consumer](std::string_view(slot.data.get(), slot.size));
    } catch (...) {
        const std::lock_guard lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
        failed_[consumer] = 1;
    }
}

void FanOut::run(std::size_t consumer) {
    for (std::uint64_t sequence = 0;; ++sequence) {
        const Slot* slot = nullptr;
        {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return stopping_ || closed_ || published_ > sequence; });
            if (stopping_ || published_ <= sequence) return;  // stopped, or closed and done
            slot = &slots_[sequence % slots_.size()];
        }
        if (!failed_[consumer]) consume(consumer, *slot);
        {
            const std::lock_guard lock(mutex_);
            seen_[consumer] = sequence + 1;
        }
        space_.notify_one();
    }
}

void FanOut::finish() {
    if (fill_ > 0) publish();
    {
        const std::lock_guard lock(mutex_);
        closed_ = true;
    }
    ready_.notify_all();
    for (std::thread& t : threads_)
        if (t.joinable()) t.join();
    if (failure_) std::rethrow_exception(failure_);
}

}  // namespace paperbag
