#include "deposit/hasher.hpp"

#include <algorithm>
#include <cstring>

namespace paperbag {

Hasher::Hasher() {
    for (std::size_t i = 1; i < buffers; ++i) spare_.emplace_back().reserve(buffer_size);
    filling_.reserve(buffer_size);
    thread_ = std::thread([this] { run(); });
}

Hasher::~Hasher() {
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void Hasher::update(const char* data, std::size_t size) {
    while (size > 0) {
        const std::size_t n = std::min(size, buffer_size - filling_.size());
        filling_.insert(filling_.end(), data, data + n);
        data += n;
        size -= n;
        if (filling_.size() == buffer_size) hand_over();
    }
}

void Hasher::hand_over() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !spare_.empty() || failure_; });
    if (failure_) std::rethrow_exception(failure_);
    full_.push_back(std::move(filling_));
    filling_ = std::move(spare_.back());
    spare_.pop_back();
    filling_.clear();
    lock.unlock();
    changed_.notify_all();
}

void Hasher::run() {
    for (;;) {
        std::vector<char> piece;
        {
            std::unique_lock lock(mutex_);
            changed_.wait(lock, [&] { return !full_.empty() || closing_; });
            if (full_.empty()) return;
            piece = std::move(full_.front());
            full_.pop_front();
        }
        try {
            md5_.update(piece.data(), piece.size());
            sha256_.update(piece.data(), piece.size());
        } catch (...) {
            std::lock_guard lock(mutex_);
            failure_ = std::current_exception();
        }
        {
            std::lock_guard lock(mutex_);
            spare_.push_back(std::move(piece));
        }
        changed_.notify_all();
    }
}

void Hasher::finish(std::string& md5_hex, std::string& sha256_hex) {
    if (!filling_.empty()) hand_over();
    {
        std::lock_guard lock(mutex_);
        closing_ = true;
    }
    changed_.notify_all();
    thread_.join();
    if (failure_) std::rethrow_exception(failure_);
    md5_hex = md5_.finish_hex();
    sha256_hex = sha256_.finish_hex();
}

}  // namespace paperbag
