// Writing bundles: BagIt 1.0 (RFC 8493) bags serialized as one reproducible ZIP.
//
//     <bag-name>/bagit.txt
//     <bag-name>/data/...                 the payload, from files on disk or bytes in memory
//     <bag-name>/bag-info.txt             Source-Organization, External-Identifier, Bagging-Date,
//                                         Payload-Oxum, Bag-Size, then the caller's fields
//     <bag-name>/manifest-sha256.txt      (and manifest-sha512.txt)
//     <bag-name>/tagmanifest-sha256.txt   (and tagmanifest-sha512.txt)
//
// Every byte is read once. Payload files go through SHA-256 (and SHA-512), CRC-32 and deflate
// in one pass: worker threads pack the entries up to BundleOptions::pack_ahead_limit into
// memory, a bounded window ahead of libzip, which copies them; larger ones are streamed by
// the writing thread while libzip writes them. The manifests and bag-info.txt are produced
// from those digests after the payload, and a "generated" payload entry (the METS file, which
// must carry the size and checksum of the other payload files) is produced by a callback that
// receives the records of everything packed before it. Memory does not grow with the
// payload or with the size of an entry.
//
// Reproducible: the same entries, options and clock give the same ZIP bytes. Entries appear
// in a fixed order (bagit.txt; the payload sorted by name, generated entries after the
// others; bag-info.txt; manifests; tag manifests), carry the clock's time (UTC, DOS
// resolution, clamped to 1980), Unix mode 0644, no extra fields, and use ZIP64 only for
// sizes that need it. Names are NFC-normalised; two names equal after normalisation are
// refused. Already-compressed formats (JPEG, JPEG 2000, PNG, PDF, ZIP, ...) are stored,
// everything else is deflated. No directory entries are written.
//
// write() is atomic: the ZIP is written to a hidden temporary file next to the target,
// synced and renamed into place; on failure the temporary file is removed and nothing
// exists under the target name.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "paperbag/clock.hpp"

namespace paperbag {

// One file of a bag with its size and checksums (lower-case hex).
struct BagFileRecord {
    std::string path;  // relative to the bag folder, e.g. "data/mets.xml" (NFC)
    std::uint64_t size = 0;
    std::string sha256;
    std::string sha512;  // empty unless SHA-512 was asked for

    friend bool operator==(const BagFileRecord&, const BagFileRecord&) = default;
};

struct BundleOptions {
    // The bag's top folder inside the ZIP: one path segment (no '/', '\\', "." or "..").
    std::string bag_name;
    // SHA-256 manifests are always written; this adds manifest-sha512.txt and
    // tagmanifest-sha512.txt.
    bool sha512 = false;
    // bag-info.txt fields written before the computed ones when not empty.
    std::string source_organization;
    std::string external_identifier;
    // Further bag-info.txt fields, in this order, after the computed ones (for example
    // {"Paperbag-Input-Digest", "sha256:..."} so a rebuild can tell whether inputs changed).
    // Labels and values must be one line each.
    std::vector<std::pair<std::string, std::string>> bag_info;
    // zlib level for deflated entries, 1 (fastest) to 9. Level 1 is the default: on
    // newspaper XML it costs a few percent of size and saves most of the time (see
    // docs/bundles.md for measurements).
    int deflate_level = 1;
    // Worker threads that read, checksum and deflate payload entries ahead of the ZIP writer,
    // which then copies their bytes; 0 means one per core. The archive's bytes do not depend
    // on it.
    unsigned threads = 0;
    // Payload entries up to this size are packed ahead by the workers, in memory, and at most
    // twice this many bytes are held at a time. Larger entries are streamed, checksummed and
    // deflated by the writing thread through a fixed buffer, so memory stays bounded whatever
    // their size. 0 streams every entry (one thread). The archive's bytes do not depend on it.
    std::uint64_t pack_ahead_limit = std::uint64_t{32} << 20;
};

// What write() produced: the records of every payload file (in manifest order, sorted by
// path) and of every tag file, the Payload-Oxum and the archive's size.
struct BundleResult {
    std::vector<BagFileRecord> payload;
    std::vector<BagFileRecord> tag_files;
    std::uint64_t payload_octets = 0;
    std::uint64_t payload_streams = 0;
    std::uint64_t archive_size = 0;
};

// Produces the bytes of a generated payload entry from the records of every payload entry
// that is not generated (sorted by path). May throw paperbag::Error; write() then fails.
using BundleGenerator = std::function<std::string(const std::vector<BagFileRecord>& streamed)>;

class BundleWriter {
public:
    // Throws Error (PB-BAG-NAME) when the bag name is not one safe path segment, and
    // (PB-BAG-OPTION) when the deflate level is out of range. The clock gives Bagging-Date
    // and the entry times; it must outlive the writer.
    BundleWriter(BundleOptions options, const Clock& clock);
    ~BundleWriter();
    BundleWriter(const BundleWriter&) = delete;
    BundleWriter& operator=(const BundleWriter&) = delete;

    // Adds a payload entry at `bag_path` (which must start with "data/") whose bytes are
    // streamed from `source` when the archive is written. The file's size is taken now;
    // a file that changes size before it is read fails write() (PB-BAG-CHANGED).
    // Throws Error (PB-BAG-NAME) for an unsafe or duplicate path (also after NFC
    // normalisation: PB-BAG-NAME-COLLISION), (PB-IO) when the file cannot be read.
    void add_file(std::string bag_path, const std::filesystem::path& source);
    // Adds a payload entry with these bytes.
    void add_bytes(std::string bag_path, std::string bytes);
    // Adds a payload entry produced, while writing, from the records of the other entries.
    void add_generated(std::string bag_path, BundleGenerator generate);

    // Writes the bundle to `target` atomically and returns what was written. Throws Error:
    // PB-IO when a file cannot be read or the target written, PB-BAG-CHANGED when a source
    // file changed size, PB-BAG-ZIP when libzip fails; nothing is left at `target` then
    // (an existing file there is kept). A writer writes once.
    BundleResult write(const std::filesystem::path& target);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Size and checksums of one file, streamed through a fixed buffer (for callers that need
// checksums without writing a bundle). Throws Error (PB-IO).
BagFileRecord checksum_file(const std::filesystem::path& file, std::string bag_path, bool sha512);

}  // namespace paperbag
