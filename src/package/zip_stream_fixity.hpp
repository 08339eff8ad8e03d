// Fixity of a ZIP while its bytes arrive: the intake server hands every piece of an upload
// to a ZipStreamFixity (on a thread of its own), which walks the archive from its first byte
// -- local headers, entry data (stored or deflated), the central directory, the end records --
// and computes each entry's CRC-32 and SHA-256 on the way. When the upload is complete,
// verify_bundle() takes these digests (VerifyOptions::known) instead of reading the entries
// back from disk, so a large bundle is read once, as it arrives.
//
// The digests are only given for a canonical archive, one whose every byte belongs to exactly
// one structure, so that any ZIP reader (libzip) sees the very entries the walk saw:
//   - local entries back to back from offset 0, without data descriptors or encryption,
//     stored or deflated, each entry's data matching its CRC and sizes;
//   - then the central directory, one record per local entry, each pointing at that entry's
//     local header with the same name, method, CRC and sizes, no name twice;
//   - then (ZIP64 end record and locator and) the end record, whose counts, size and offset
//     are the ones seen, and whose comment ends the stream;
//   - the end record's signature appears once in the last 128 KiB (a reader that searches
//     backwards for it cannot find another one).
// Anything else (a ZIP another tool wrote with data descriptors, damage, tricks) gives no
// digests at all, never an error: verify then reads the entries itself and judges them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/digest.hpp"
#include "paperbag/bundle_reader.hpp"

namespace paperbag {

class ZipStreamFixity {
public:
    ZipStreamFixity();
    ~ZipStreamFixity();
    ZipStreamFixity(const ZipStreamFixity&) = delete;
    ZipStreamFixity& operator=(const ZipStreamFixity&) = delete;

    // The next bytes of the archive, in order.
    void update(std::string_view bytes);
    // After the last byte: the SHA-256 of every entry by name when the archive is canonical
    // (see above), empty otherwise. Once.
    KnownDigests finish();

private:
    struct Local {
        std::uint64_t offset = 0;
        std::string name;
        std::uint16_t method = 0;
        std::uint32_t crc = 0;
        std::uint64_t size = 0;
        std::uint64_t compressed_size = 0;
        std::string sha256;
        bool claimed = false;  // a central record points at it
    };
    enum class State { signature, fixed, variable, data, comment, done, failed };
    enum class Record { local, central, zip64_end, zip64_locator, end };

    void fail() { state_ = State::failed; }
    void on_signature(std::uint32_t signature);
    void on_fixed();
    void on_variable();
    void on_data(std::string_view bytes);
    void end_entry();
    void on_central();
    void on_end();
    // Takes up to `need_` bytes into `header_`; true once it holds them all.
    bool collect(std::string_view& bytes);

    State state_ = State::signature;
    Record record_ = Record::local;
    std::uint64_t position_ = 0;      // stream offset of the next byte
    std::uint64_t record_start_ = 0;  // stream offset of the record being read
    std::string header_;              // the record's bytes so far
    std::size_t need_ = 4;            // bytes header_ must reach
    std::vector<Local> locals_;
    std::map<std::uint64_t, std::size_t> by_offset_;
    std::uint64_t central_start_ = 0, central_records_ = 0;
    bool in_central_ = false, zip64_end_seen_ = false;
    std::uint64_t zip64_entries_ = 0, zip64_cd_size_ = 0, zip64_cd_offset_ = 0;
    std::uint64_t comment_left_ = 0;
    std::string tail_;  // the stream's last bytes, for the end-record search

    // The entry being read.
    std::uint64_t data_left_ = 0, produced_ = 0;
    std::uint32_t running_crc_ = 0;
    std::unique_ptr<Digest> sha256_;
    struct Inflater;
    std::unique_ptr<Inflater> inflater_;
};

}  // namespace paperbag
