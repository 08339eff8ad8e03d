// The intake store: receives uploads into STORE/.incoming, verifies them with the engine of
// `paperbag verify`, moves valid bundles to STORE/<title-key>/<year>/ and records them in
// the ledger in one transaction, quarantines the rest. No HTTP here (server.cpp speaks it),
// so the store's rules are tested on their own.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "core/digest.hpp"
#include "deposit/md5.hpp"
#include "io/fan_out.hpp"
#include "io/temp_cleanup.hpp"
#include "io/unique_fd.hpp"
#include "package/zip_stream_fixity.hpp"
#include "paperbag/ledger.hpp"

namespace paperbag {

// 24 random hex digits (OpenSSL's RAND_bytes), for names in the store.
std::string random_name();

// One upload being received: a new folder STORE/.incoming/<random>/ holding the bytes under
// the (already checked) file name. Every piece is received once and handed to four consumers
// working at the same time (io/fan_out.hpp): the file on disk (written with O_DIRECT where
// the file system has it, so that a large upload neither costs a copy into the page cache
// nor waits for writeback at the fsync), MD5 (for Content-MD5), SHA-256 (the store's key)
// and the ZIP walk (package/zip_stream_fixity.hpp) that computes each entry's CRC and SHA-256
// so that verification need not read the entries back. The folder is removed by the
// destructor unless the file was moved away.
class Upload {
public:
    Upload(const std::filesystem::path& incoming, const std::string& filename);
    ~Upload();
    Upload(const Upload&) = delete;
    Upload& operator=(const Upload&) = delete;

    // Appends bytes (Throws Error PB-IO when the disk is full).
    void write(const char* data, std::size_t size);
    // Or, without a copy: where the next bytes go (never empty), then how many were put there.
    std::span<char> space() { return fan_out_->space(); }
    void commit(std::size_t size);
    // Waits for the consumers, fsync and close; the size and digests are final afterwards.
    void finish();

    const std::filesystem::path& path() const noexcept { return path_; }
    const std::filesystem::path& folder() const noexcept { return folder_; }
    const std::string& filename() const noexcept { return filename_; }
    std::uint64_t size() const noexcept { return size_; }
    const std::string& md5_hex() const noexcept { return md5_; }
    const std::string& sha256_hex() const noexcept { return sha256_; }
    // The SHA-256 of the ZIP's entries, computed as they arrived (empty unless the upload is
    // a canonical ZIP, see zip_stream_fixity.hpp).
    const std::shared_ptr<const KnownDigests>& entry_digests() const noexcept {
        return entry_digests_;
    }

private:
    class File;
    std::filesystem::path folder_, path_;
    std::string filename_;
    TempRegistration registration_;
    std::unique_ptr<File> file_;
    Md5 md5_engine_;
    Digest sha256_engine_{DigestAlgorithm::sha256};
    ZipStreamFixity zip_;
    std::uint64_t size_ = 0;
    std::string md5_, sha256_;
    std::shared_ptr<const KnownDigests> entry_digests_;
    std::unique_ptr<FanOut> fan_out_;  // last: its threads use the members above
};

// What became of a deposit: 201 (stored), 200 (these bytes were already held: the first
// receipt), or a refusal with its SWORD error.
struct Outcome {
    int status = 0;
    std::optional<HeldIssue> issue;
    std::string error_href;  // SWORD error URI
    std::string summary;     // one paragraph
    std::string verbose;     // the verification report (JSON) for invalid bundles
};

// True when `name` is a plain bundle file name: 1-200 characters of [A-Za-z0-9._-], ending
// in ".zip", not starting with '.'. No folders, no "..", nothing the store would have to
// interpret.
bool safe_upload_name(const std::string& name);

class Intake {
public:
    Intake(std::filesystem::path store, std::unique_ptr<Ledger> ledger, unsigned quarantine_days);

    // On start: undoes moves the ledger never recorded, removes unfinished uploads and
    // purges old quarantined files.
    void recover();

    std::unique_ptr<Upload> begin(const std::string& filename);

    // Checks `upload` (finished) against the client's Content-MD5 (hex or base64), verifies
    // it and stores or refuses it. Never throws for bad content.
    Outcome accept(Upload& upload, const std::string& depositor, const std::string& content_md5);

    // Records a refusal that happened before any bytes were judged (auth, headers, size).
    void refuse(const std::string& depositor, const std::string& filename, int status,
                const std::string& reason);

    Ledger& ledger() { return *ledger_; }
    const std::filesystem::path& store() const noexcept { return store_; }
    // The verification report kept for an accepted deposit ("" when there is none).
    std::string report(const std::string& id) const;
    std::string now() const;

private:
    Outcome refuse_bundle(Upload& upload, const std::string& depositor, int status,
                          std::string_view href, const std::string& summary,
                          const std::string& verbose);

    std::filesystem::path store_;
    std::unique_ptr<Ledger> ledger_;
    unsigned quarantine_days_;
    std::atomic<std::uint64_t> counter_{0};
};

}  // namespace paperbag
