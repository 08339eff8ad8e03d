// Reading and verifying bundles without extracting them.
//
// BundleReader opens a ZIP read-only and checks every entry before anything reads it:
// names ("..", absolute, backslashes, control characters, not UTF-8, not NFC, duplicates and
// NFC twins), types (symbolic links and other non-regular files), encryption, and the
// limits that stop zip bombs (number of entries, declared sizes, compression ratio, total
// size). Problems are findings (Diagnostics with stable codes PB-BAG-*, path
// "bundle.zip:entry/name"), never crashes, and nothing is ever written to disk. Entry data
// is streamed through a fixed buffer and may never exceed its declared size.
//
// verify_bundle() adds the BagIt checks: one top folder, bagit.txt, bag-info.txt
// (Payload-Oxum), every payload file listed in every manifest with the right checksum, no
// unlisted files, the tag manifests. XML payload files are handed to an optional validator
// (the schema and profile validation engine plugs in there).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

struct BundleLimits {
    std::uint64_t max_entries = 1'000'000;
    std::uint64_t max_entry_size = std::uint64_t{64} << 30;  // declared uncompressed bytes
    std::uint64_t max_total_size = std::uint64_t{1} << 40;   // sum of declared sizes
    // Declared size / compressed size above this (for entries over 1 MiB) is a bomb.
    // Deflate cannot exceed about 1032:1, so honest archives never reach it.
    std::uint64_t max_ratio = 1100;
};

struct BundleEntry {
    std::uint64_t index = 0;  // libzip index, for read calls
    std::string name;         // as stored (checked: safe, UTF-8)
    std::uint64_t size = 0;   // declared uncompressed size
    std::uint64_t compressed_size = 0;
    std::uint16_t method = 0;  // 0 stored, 8 deflated
    std::uint32_t crc = 0;     // CRC-32 of the data, as the central directory states it
    bool directory = false;
    bool usable = false;  // false when a finding makes the entry unsafe to read
};

// The SHA-256 of a ZIP entry's data, already computed from its bytes: by verify's fixity pass
// (VerifyResult::digests), or by the intake server while an upload arrived
// (package/zip_stream_fixity.hpp). It stands for the entry only while the archive's entry
// has the same CRC, sizes and method (`describes`), so a digest never outlives the bytes it
// was computed from.
struct KnownEntryDigest {
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
    std::uint64_t compressed_size = 0;
    std::uint16_t method = 0;
    std::string sha256;  // lower-case hex

    bool describes(const BundleEntry& entry) const noexcept {
        return entry.crc == crc && entry.size == size && entry.compressed_size == compressed_size &&
               entry.method == method;
    }
};
// By full entry name ("bag/data/mets.xml").
using KnownDigests = std::map<std::string, KnownEntryDigest, std::less<>>;

class BundleReader {
public:
    // Opens `bundle` read-only and checks it (findings go to diagnostics()). Throws Error
    // (PB-IO) only when the file cannot be opened at all or is not a regular file (a folder,
    // FIFO or device); a regular file that is not a valid ZIP
    // gives a finding PB-BAG-ZIP and no entries.
    explicit BundleReader(std::filesystem::path bundle, BundleLimits limits = {});
    ~BundleReader();
    BundleReader(const BundleReader&) = delete;
    BundleReader& operator=(const BundleReader&) = delete;

    const std::filesystem::path& path() const noexcept;
    // Every entry in archive order (also the unusable ones, for reporting).
    const std::vector<BundleEntry>& entries() const noexcept;
    // The usable entry with this exact name, or nullptr.
    const BundleEntry* find(std::string_view name) const;
    // Findings about the archive and its entries so far (opening, and every read).
    const Diagnostics& diagnostics() const noexcept;
    // "bundle.zip:name", the path diagnostics use for an entry.
    std::string entry_path(std::string_view name) const;

    // Streams one usable entry through `sink` in pieces of at most 64 KiB. Returns false
    // (and adds a finding) when the entry is unusable, corrupt (CRC, inflate error, bytes
    // beyond or short of the declared size) or unreadable; `sink` may then have seen part of
    // the data.
    bool stream(const BundleEntry& entry, const std::function<void(std::string_view chunk)>& sink);
    // A pull reader over one usable entry, for parsers that ask for bytes (libxml2's input
    // callbacks), with the checks of stream(). Each reader has an archive handle of its own
    // (from a pool), so readers may work on several threads at once, one thread per reader,
    // while nothing else uses this BundleReader.
    class EntryReader {
    public:
        ~EntryReader();
        EntryReader(const EntryReader&) = delete;
        EntryReader& operator=(const EntryReader&) = delete;
        // Reads the next bytes: their number, 0 at the end, -1 after a problem (corrupt data,
        // more or fewer bytes than declared), which problem() then describes.
        std::ptrdiff_t read(char* buffer, std::size_t size);
        const std::optional<Diagnostic>& problem() const noexcept { return problem_; }

    private:
        friend class BundleReader;
        struct Handle;
        EntryReader(const BundleReader& owner, const BundleEntry& entry);
        const BundleReader& owner_;
        const BundleEntry& entry_;
        std::unique_ptr<Handle> handle_;
        std::uint64_t seen_ = 0;
        std::optional<Diagnostic> problem_;
    };
    // Opens a usable entry for reading; Error (PB-IO) when it cannot be opened at all.
    std::unique_ptr<EntryReader> open_entry(const BundleEntry& entry) const;

    // Reads every usable entry once (CRC, inflate and size checks) and returns true when the
    // bundle has no error finding at all: what export, stats and inspect require before
    // they trust anything in it. A hostile or damaged bundle is then skipped whole.
    bool check_all();
    // Entries whose bytes were already checked (their CRC, sizes and SHA-256 computed from the
    // bytes, e.g. by the intake server as they arrived): check_all() does not read an entry
    // again while a digest here describes it.
    void set_checked(std::shared_ptr<const KnownDigests> checked);
    // The whole entry, when it is usable, intact and at most `max_size` bytes.
    std::optional<std::string> read(const BundleEntry& entry,
                                    std::uint64_t max_size = std::uint64_t{256} << 20);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Validates one XML payload file (name relative to the bag, e.g. "data/mets.xml") and
// returns its findings; paths in them should be `display_path`.
using BundleXmlValidator = std::function<Diagnostics(std::string_view name, std::string_view bytes,
                                                     const std::string& display_path)>;

// Writes every payload file of `bundle` (its data/ folder: the XML and the originals) into
// `folder`, each file atomically, streamed, so that every METS FLocat resolves there. Tag
// files stay in the bundle. Returns the number of files written. Throws Error when the
// bundle is damaged or hostile (its first finding) or a file cannot be written (PB-IO).
// The sum of the payload's declared sizes must be at most `max_total` (PB-TOO-LARGE) and fit
// in the free space of the target's file system (PB-IO), both checked before anything is
// written; when a file fails, the files written so far are removed again.
inline constexpr std::uint64_t default_max_unpack = std::uint64_t{8} << 30;  // 8 GiB
std::size_t unpack_bundle_payload(const std::filesystem::path& bundle,
                                  const std::filesystem::path& folder,
                                  std::uint64_t max_total = default_max_unpack);

struct VerifyOptions {
    BundleLimits limits;
    // Entries whose SHA-256 is known are not read again for a sha256 manifest (the other
    // checks of the entry still apply). Null: every entry is read.
    std::shared_ptr<const KnownDigests> known;
    // When set, every payload file ending in ".xml" is read (up to max_xml_size) and given
    // to it. Without it verify checks structure and fixity only.
    BundleXmlValidator validate_xml;
    std::uint64_t max_xml_size = std::uint64_t{256} << 20;
};

struct BundleInfo {
    std::string bag_name;
    std::vector<std::pair<std::string, std::string>> bag_info;  // bag-info.txt in order
    std::vector<BundleEntry> files;  // usable regular entries, names relative to the bag
};

struct VerifyResult {
    Diagnostics diagnostics;
    BundleInfo info;
    std::uint64_t payload_files = 0;
    std::uint64_t payload_octets = 0;
    // The SHA-256 of every entry read intact (or known) during the fixity checks, so that
    // later checks of the same bundle (the METS CHECKSUM rule) need not read them again.
    std::shared_ptr<KnownDigests> digests = std::make_shared<KnownDigests>();
    bool ok() const { return !diagnostics.has_errors(); }
};

// Checks one bundle: ZIP structure and hostile entries, BagIt structure and fixity, and the
// XML through options.validate_xml when given. Never throws for bad content; throws Error
// (PB-IO) only when the bundle cannot be opened.
VerifyResult verify_bundle(const std::filesystem::path& bundle, const VerifyOptions& options = {});

// Reads the bag name, bag-info.txt and the list of files, without checking fixity.
// Findings go to `diagnostics`. Throws Error (PB-IO) when the bundle cannot be opened.
BundleInfo read_bundle_info(const std::filesystem::path& bundle, Diagnostics& diagnostics);

}  // namespace paperbag
