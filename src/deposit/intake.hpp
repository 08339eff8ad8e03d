// The intake store: receives uploads into STORE/.incoming, verifies them with the engine of
// `paperbag verify`, moves valid bundles to STORE/<title-key>/<year>/ and records them in
// the ledger in one transaction, quarantines the rest. No HTTP here (server.cpp speaks it),
// so the store's rules are tested on their own.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/digest.hpp"
#include "deposit/md5_follower.hpp"
#include "io/temp_cleanup.hpp"
#include "io/unique_fd.hpp"
#include "paperbag/ledger.hpp"

namespace paperbag {

// One upload being received: a new folder STORE/.incoming/<random>/ holding the bytes under
// the (already checked) file name. SHA-256 is computed as the bytes arrive; MD5 (only for
// Content-MD5, and slower) by a thread following the file (md5_follower.hpp), so receiving
// never waits for it. The kernel is asked to start writing each piece to disk at once
// (sync_file_range), so that the fsync of finish() has little left to do. The folder is
// removed by the destructor unless the file was moved away.
class Upload {
public:
    Upload(const std::filesystem::path& incoming, const std::string& filename);
    ~Upload();
    Upload(const Upload&) = delete;
    Upload& operator=(const Upload&) = delete;

    // Appends bytes (Throws Error PB-IO when the disk is full).
    void write(const char* data, std::size_t size);
    // fsync and close; the size and SHA-256 are final afterwards.
    void finish();

    const std::filesystem::path& path() const noexcept { return path_; }
    const std::filesystem::path& folder() const noexcept { return folder_; }
    const std::string& filename() const noexcept { return filename_; }
    std::uint64_t size() const noexcept { return size_; }
    // Waits for the MD5 thread the first time (after finish()).
    const std::string& md5_hex();
    const std::string& sha256_hex() const noexcept { return sha256_; }

private:
    std::filesystem::path folder_, path_;
    std::string filename_;
    UniqueFd fd_;
    TempRegistration registration_;
    Digest sha256_engine_{DigestAlgorithm::sha256};
    std::unique_ptr<Md5Follower> md5_engine_;
    std::uint64_t size_ = 0;
    std::uint64_t flushed_ = 0;  // bytes whose writeback has been started
    std::string md5_, sha256_;
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
