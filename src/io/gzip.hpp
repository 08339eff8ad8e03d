// gzip (RFC 1952) compression as a stream of pieces, with zlib. The header is deterministic:
// no file name, modification time 0, so the same bytes in give the same bytes out.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace paperbag {

class GzipEncoder {
public:
    // `level`: zlib level 1..9. Throws Error (PB-GZIP) when zlib cannot start.
    explicit GzipEncoder(int level = 6);
    ~GzipEncoder();
    GzipEncoder(const GzipEncoder&) = delete;
    GzipEncoder& operator=(const GzipEncoder&) = delete;

    // Compresses `data`; returns the compressed bytes ready so far (often none).
    std::string add(std::string_view data);
    // Ends the stream: the remaining bytes and the trailer (CRC-32, size). Call once.
    std::string finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace paperbag
