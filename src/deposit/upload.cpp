// Upload (intake.hpp): one pass over the bytes as they arrive, four consumers at once.
#include <fcntl.h>
#include <unistd.h>

#include <openssl/rand.h>

#include <cerrno>

#include "deposit/intake.hpp"
#include "io/file.hpp"
#include "paperbag/ids.hpp"

namespace paperbag {

namespace fs = std::filesystem;

std::string random_name() {
    unsigned char raw[12];
    if (RAND_bytes(raw, sizeof raw) != 1) throw Error("PB-INTERNAL", "", "RAND_bytes failed");
    return to_hex(std::string_view(reinterpret_cast<const char*>(raw), sizeof raw));
}

// The upload's file. Whole aligned buffers go to disk with O_DIRECT when the file system
// allows it (no copy into the page cache, nothing left for the fsync); the last piece, or
// every piece on a file system without O_DIRECT, is written through the page cache, with
// writeback started for every full 8 MiB so that the fsync has little left to do.
class Upload::File {
public:
    explicit File(const fs::path& path) : path_(path) {
        fd_.reset(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
        if (!fd_) throw_system_error("cannot create", path.string());
        const int flags = ::fcntl(fd_.get(), F_GETFL);
        direct_ = flags >= 0 && ::fcntl(fd_.get(), F_SETFL, flags | O_DIRECT) == 0;
    }

    void write(std::string_view bytes) {
        const bool aligned =
            reinterpret_cast<std::uintptr_t>(bytes.data()) % FanOut::alignment == 0 &&
            bytes.size() % FanOut::alignment == 0;
        if (direct_ && !aligned) buffered();
        const char* data = bytes.data();
        std::size_t size = bytes.size();
        while (size > 0) {
            const ssize_t n = ::write(fd_.get(), data, size);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && errno == EINVAL && direct_) {  // the device wants other alignment
                buffered();
                continue;
            }
            if (n <= 0) throw_system_error("cannot write", path_.string());
            data += n;
            size -= static_cast<std::size_t>(n);
            written_ += static_cast<std::uint64_t>(n);
        }
        constexpr std::uint64_t step = 8 << 20;
        if (!direct_ && written_ - flushed_ >= step) {
            const std::uint64_t end = written_ - written_ % step;
            ::sync_file_range(fd_.get(), static_cast<off_t>(flushed_),
                              static_cast<off_t>(end - flushed_), SYNC_FILE_RANGE_WRITE);
            flushed_ = end;
        }
    }

    void close() {
        if (::fsync(fd_.get()) != 0) throw_system_error("cannot write", path_.string());
        fd_.reset();
    }

private:
    void buffered() {
        const int flags = ::fcntl(fd_.get(), F_GETFL);
        if (flags < 0 || ::fcntl(fd_.get(), F_SETFL, flags & ~O_DIRECT) != 0)
            throw_system_error("cannot write", path_.string());
        direct_ = false;
        flushed_ = written_;
    }

    fs::path path_;
    UniqueFd fd_;
    bool direct_ = false;
    std::uint64_t written_ = 0, flushed_ = 0;
};

Upload::Upload(const fs::path& incoming, const std::string& filename)
    : folder_(incoming / random_name()), path_(folder_ / filename), filename_(filename) {
    std::error_code ec;
    fs::create_directories(folder_, ec);
    if (ec) throw Error("PB-IO", folder_.string(), "cannot create: " + ec.message());
    file_ = std::make_unique<File>(path_);
    registration_ = TempRegistration(path_);
    fan_out_ = std::make_unique<FanOut>(std::vector<FanOut::Consumer>{
        [this](std::string_view b) { file_->write(b); },
        [this](std::string_view b) { md5_engine_.update(b.data(), b.size()); },
        [this](std::string_view b) { sha256_engine_.update(b); },
        [this](std::string_view b) { zip_.update(b); },
    });
}

Upload::~Upload() {
    fan_out_.reset();  // stops the consumers before the members they use go
    file_.reset();
    registration_.release();
    std::error_code ec;
    fs::remove_all(folder_, ec);
}

void Upload::write(const char* data, std::size_t size) {
    fan_out_->write(data, size);
    size_ += size;
}

void Upload::commit(std::size_t size) {
    fan_out_->commit(size);
    size_ += size;
}

void Upload::finish() {
    fan_out_->finish();
    file_->close();
    md5_ = md5_engine_.finish_hex();
    sha256_ = sha256_engine_.finish_hex();
    entry_digests_ = std::make_shared<const KnownDigests>(zip_.finish());
}

}  // namespace paperbag
