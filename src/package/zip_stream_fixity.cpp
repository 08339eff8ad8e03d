#include "package/zip_stream_fixity.hpp"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <set>

namespace paperbag {

namespace {

constexpr std::uint32_t local_signature = 0x04034b50;
constexpr std::uint32_t central_signature = 0x02014b50;
constexpr std::uint32_t zip64_end_signature = 0x06064b50;
constexpr std::uint32_t zip64_locator_signature = 0x07064b50;
constexpr std::uint32_t end_signature = 0x06054b50;

constexpr std::size_t local_size = 30, central_size = 46, zip64_end_size = 56,
                      zip64_locator_size = 20, end_size = 22;
constexpr std::size_t tail_keep = std::size_t{128} << 10;
constexpr std::size_t max_entries = 1'000'000;
constexpr std::uint16_t flag_encrypted = 1, flag_descriptor = 8;

std::uint64_t le(std::string_view bytes, std::size_t at, std::size_t width) {
    std::uint64_t v = 0;
    for (std::size_t i = 0; i < width; ++i)
        v |= std::uint64_t{static_cast<unsigned char>(bytes[at + i])} << (8 * i);
    return v;
}

// The ZIP64 extended information of an extra field: the 8-byte values present for the
// fields whose 32-bit value is 0xFFFFFFFF, in the order size, compressed size, offset.
// False when they are needed but missing.
bool zip64_values(std::string_view extra, std::initializer_list<std::uint64_t*> fields) {
    std::vector<std::uint64_t*> wanted;
    for (std::uint64_t* f : fields)
        if (*f == 0xFFFFFFFF) wanted.push_back(f);
    if (wanted.empty()) return true;
    for (std::size_t at = 0; at + 4 <= extra.size();) {
        const auto id = le(extra, at, 2), size = le(extra, at + 2, 2);
        if (at + 4 + size > extra.size()) return false;
        if (id == 1) {
            if (size < 8 * wanted.size()) return false;
            for (std::size_t i = 0; i < wanted.size(); ++i)
                *wanted[i] = le(extra, at + 4 + 8 * i, 8);
            return true;
        }
        at += 4 + size;
    }
    return false;
}

}  // namespace

struct ZipStreamFixity::Inflater {
    z_stream stream{};
    bool ended = false;
    Inflater() {
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) throw std::bad_alloc();
    }
    ~Inflater() { inflateEnd(&stream); }
    Inflater(const Inflater&) = delete;
    Inflater& operator=(const Inflater&) = delete;
};

ZipStreamFixity::ZipStreamFixity() = default;
ZipStreamFixity::~ZipStreamFixity() = default;

bool ZipStreamFixity::collect(std::string_view& bytes) {
    const std::size_t take = std::min(bytes.size(), need_ - header_.size());
    header_.append(bytes.substr(0, take));
    bytes.remove_prefix(take);
    position_ += take;
    return header_.size() == need_;
}

void ZipStreamFixity::update(std::string_view bytes) {
    if (state_ == State::failed) return;
    tail_.append(bytes.substr(bytes.size() > tail_keep ? bytes.size() - tail_keep : 0));
    if (tail_.size() > 2 * tail_keep) tail_.erase(0, tail_.size() - tail_keep);
    while (!bytes.empty() && state_ != State::failed) {
        switch (state_) {
            case State::signature:
                if (collect(bytes)) on_signature(static_cast<std::uint32_t>(le(header_, 0, 4)));
                break;
            case State::fixed:
                if (collect(bytes)) on_fixed();
                break;
            case State::variable:
                if (collect(bytes)) on_variable();
                break;
            case State::data: {
                const std::size_t n =
                    static_cast<std::size_t>(std::min<std::uint64_t>(bytes.size(), data_left_));
                on_data(bytes.substr(0, n));
                bytes.remove_prefix(n);
                position_ += n;
                break;
            }
            case State::comment: {
                const std::size_t n =
                    static_cast<std::size_t>(std::min<std::uint64_t>(bytes.size(), comment_left_));
                bytes.remove_prefix(n);
                position_ += n;
                comment_left_ -= n;
                if (comment_left_ == 0) state_ = State::done;
                break;
            }
            case State::done:  // bytes after the end record
            case State::failed: fail(); break;
        }
    }
}

void ZipStreamFixity::on_signature(std::uint32_t signature) {
    record_start_ = position_ - 4;
    const bool after_entries = in_central_ || locals_.empty();
    switch (signature) {
        case local_signature:
            if (in_central_ || locals_.size() >= max_entries) return fail();
            record_ = Record::local;
            need_ = local_size;
            break;
        case central_signature:
            if (!in_central_) {
                in_central_ = true;
                central_start_ = record_start_;
            }
            if (zip64_end_seen_) return fail();
            record_ = Record::central;
            need_ = central_size;
            break;
        case zip64_end_signature:
            if (!after_entries || zip64_end_seen_) return fail();
            if (!in_central_) central_start_ = record_start_;
            in_central_ = true;
            record_ = Record::zip64_end;
            need_ = zip64_end_size;
            break;
        case zip64_locator_signature:
            if (!zip64_end_seen_) return fail();
            record_ = Record::zip64_locator;
            need_ = zip64_locator_size;
            break;
        case end_signature:
            if (!after_entries) return fail();
            if (!in_central_) central_start_ = record_start_;
            record_ = Record::end;
            need_ = end_size;
            break;
        default: return fail();
    }
    state_ = State::fixed;
}

void ZipStreamFixity::on_fixed() {
    std::uint64_t variable = 0;
    switch (record_) {
        case Record::local: variable = le(header_, 26, 2) + le(header_, 28, 2); break;
        case Record::central:
            variable = le(header_, 28, 2) + le(header_, 30, 2) + le(header_, 32, 2);
            break;
        case Record::zip64_end: {
            const std::uint64_t size = le(header_, 4, 8);
            if (size < 44 || size > (1 << 16)) return fail();
            variable = size - 44;
            break;
        }
        case Record::zip64_locator:
        case Record::end: variable = 0; break;
    }
    need_ += static_cast<std::size_t>(variable);
    state_ = State::variable;
    if (variable == 0) on_variable();
}

void ZipStreamFixity::on_variable() {
    const std::string_view h = header_;
    switch (record_) {
        case Record::local: {
            const auto flags = static_cast<std::uint16_t>(le(h, 6, 2));
            Local entry;
            entry.offset = record_start_;
            entry.method = static_cast<std::uint16_t>(le(h, 8, 2));
            entry.crc = static_cast<std::uint32_t>(le(h, 14, 4));
            entry.compressed_size = le(h, 18, 4);
            entry.size = le(h, 22, 4);
            const std::size_t name_length = le(h, 26, 2);
            entry.name = std::string(h.substr(local_size, name_length));
            const std::string_view extra = h.substr(local_size + name_length);
            if ((flags & (flag_encrypted | flag_descriptor)) != 0 ||
                (entry.method != 0 && entry.method != 8) ||
                !zip64_values(extra, {&entry.size, &entry.compressed_size}) ||
                (entry.method == 0 && entry.size != entry.compressed_size))
                return fail();
            by_offset_[entry.offset] = locals_.size();
            locals_.push_back(std::move(entry));
            data_left_ = locals_.back().compressed_size;
            produced_ = 0;
            running_crc_ = 0;
            sha256_ = std::make_unique<Digest>(DigestAlgorithm::sha256);
            inflater_.reset();
            if (locals_.back().method == 8) inflater_ = std::make_unique<Inflater>();
            state_ = State::data;
            if (data_left_ == 0) end_entry();
            break;
        }
        case Record::central: on_central(); break;
        case Record::zip64_end:
            if (le(h, 16, 4) != 0 || le(h, 20, 4) != 0 || le(h, 24, 8) != le(h, 32, 8))
                return fail();
            zip64_end_seen_ = true;
            zip64_entries_ = le(h, 32, 8);
            zip64_cd_size_ = le(h, 40, 8);
            zip64_cd_offset_ = le(h, 48, 8);
            if (zip64_cd_size_ != record_start_ - central_start_) return fail();
            break;
        case Record::zip64_locator:
            if (le(h, 4, 4) != 0 || le(h, 16, 4) > 1) return fail();
            break;
        case Record::end: on_end(); return;
    }
    if (state_ == State::failed) return;
    if (state_ != State::data) {
        state_ = State::signature;
        header_.clear();
        need_ = 4;
    }
}

void ZipStreamFixity::on_data(std::string_view bytes) {
    data_left_ -= bytes.size();
    Local& entry = locals_.back();
    const auto take = [&](const char* data, std::size_t size) {
        produced_ += size;
        if (produced_ > entry.size) return fail();
        running_crc_ = libdeflate_crc32(running_crc_, data, size);  // PCLMUL: ~10x zlib's
        sha256_->update(std::string_view(data, size));
    };
    if (!inflater_) {
        take(bytes.data(), bytes.size());
    } else {
        z_stream& z = inflater_->stream;
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
        z.avail_in = static_cast<uInt>(bytes.size());
        std::array<char, 1 << 16> out;
        while (state_ != State::failed && (z.avail_in > 0 || !inflater_->ended)) {
            if (inflater_->ended) return fail();  // compressed bytes after the stream's end
            z.next_out = reinterpret_cast<Bytef*>(out.data());
            z.avail_out = static_cast<uInt>(out.size());
            const int rc = inflate(&z, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) return fail();
            const std::size_t made = out.size() - z.avail_out;
            if (made > 0) take(out.data(), made);
            if (rc == Z_STREAM_END) inflater_->ended = true;
            if (made == 0 && rc != Z_STREAM_END) break;  // needs more input
        }
    }
    if (state_ != State::failed && data_left_ == 0) end_entry();
}

void ZipStreamFixity::end_entry() {
    Local& entry = locals_.back();
    if ((inflater_ && !inflater_->ended) || produced_ != entry.size || running_crc_ != entry.crc)
        return fail();
    entry.sha256 = sha256_->finish_hex();
    inflater_.reset();
    state_ = State::signature;
    header_.clear();
    need_ = 4;
}

void ZipStreamFixity::on_central() {
    const std::string_view h = header_;
    const auto flags = static_cast<std::uint16_t>(le(h, 8, 2));
    const auto method = static_cast<std::uint16_t>(le(h, 10, 2));
    const auto crc = static_cast<std::uint32_t>(le(h, 16, 4));
    std::uint64_t compressed = le(h, 20, 4), size = le(h, 24, 4), offset = le(h, 42, 4);
    const std::size_t name_length = le(h, 28, 2), extra_length = le(h, 30, 2);
    const std::string_view name = h.substr(central_size, name_length);
    const std::string_view extra = h.substr(central_size + name_length, extra_length);
    if ((flags & (flag_encrypted | flag_descriptor)) != 0 || le(h, 34, 2) != 0 ||
        !zip64_values(extra, {&size, &compressed, &offset}))
        return fail();
    const auto local = by_offset_.find(offset);
    if (local == by_offset_.end()) return fail();
    Local& entry = locals_[local->second];
    if (entry.claimed || entry.name != name || entry.method != method || entry.crc != crc ||
        entry.size != size || entry.compressed_size != compressed)
        return fail();
    entry.claimed = true;
    ++central_records_;
}

void ZipStreamFixity::on_end() {
    const std::string_view h = header_;
    std::uint64_t entries = le(h, 10, 2), cd_size = le(h, 12, 4), cd_offset = le(h, 16, 4);
    if (le(h, 4, 2) != 0 || le(h, 6, 2) != 0 || le(h, 8, 2) != entries) return fail();
    if (zip64_end_seen_) {
        if (entries == 0xFFFF) entries = zip64_entries_;
        if (cd_size == 0xFFFFFFFF) cd_size = zip64_cd_size_;
        if (cd_offset == 0xFFFFFFFF) cd_offset = zip64_cd_offset_;
        if (zip64_entries_ != central_records_ || zip64_cd_offset_ != central_start_ ||
            cd_size != zip64_cd_size_)
            return fail();
    } else if (cd_size != record_start_ - central_start_) {
        return fail();
    }
    if (entries != central_records_ || entries != locals_.size() || cd_offset != central_start_)
        return fail();
    comment_left_ = le(h, 20, 2);
    header_.clear();
    state_ = comment_left_ == 0 ? State::done : State::comment;
}

KnownDigests ZipStreamFixity::finish() {
    KnownDigests known;
    if (state_ != State::done) return known;
    std::size_t ends = 0;
    const std::string_view signature("PK\x05\x06", 4);
    for (auto at = tail_.find(signature); at != std::string::npos;
         at = tail_.find(signature, at + 1))
        ++ends;
    if (ends != 1) return known;
    for (Local& entry : locals_) {
        if (!entry.claimed) return {};
        const bool fresh =
            known
                .emplace(entry.name, KnownEntryDigest{entry.crc, entry.size, entry.compressed_size,
                                                      entry.method, std::move(entry.sha256)})
                .second;
        if (!fresh) return {};
    }
    return known;
}

}  // namespace paperbag
