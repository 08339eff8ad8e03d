#include "io/gzip.hpp"

#include <zlib.h>

#include <algorithm>
#include <climits>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

struct GzipEncoder::Impl {
    z_stream stream{};
    bool finished = false;

    std::string run(std::string_view data, int flush) {
        std::string out;
        char buffer[64 * 1024];
        stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
        stream.avail_in = static_cast<uInt>(data.size());
        int rc = Z_OK;
        do {
            stream.next_out = reinterpret_cast<Bytef*>(buffer);
            stream.avail_out = sizeof buffer;
            rc = deflate(&stream, flush);
            if (rc == Z_STREAM_ERROR) throw Error("PB-GZIP", "", "zlib deflate failed");
            out.append(buffer, sizeof buffer - stream.avail_out);
        } while (stream.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
        return out;
    }
};

GzipEncoder::GzipEncoder(int level) : impl_(std::make_unique<Impl>()) {
    // windowBits 15 + 16: a gzip wrapper with zlib's default header (no name, mtime 0).
    if (deflateInit2(&impl_->stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error("PB-GZIP", "", "cannot start zlib");
}

GzipEncoder::~GzipEncoder() {
    deflateEnd(&impl_->stream);
}

std::string GzipEncoder::add(std::string_view data) {
    std::string out;
    // zlib counts input in uInt; feed large pieces in slices.
    constexpr std::size_t slice = UINT_MAX / 2;
    while (!data.empty()) {
        const std::size_t n = std::min(data.size(), slice);
        out += impl_->run(data.substr(0, n), Z_NO_FLUSH);
        data.remove_prefix(n);
    }
    return out;
}

std::string GzipEncoder::finish() {
    if (impl_->finished) return {};
    impl_->finished = true;
    return impl_->run({}, Z_FINISH);
}

}  // namespace paperbag
