// The bundle file a build writes: who may write it, whether the one on disk can be kept,
// and whether it may be replaced.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "io/temp_cleanup.hpp"
#include "io/unique_fd.hpp"

namespace paperbag {

// An advisory lock (flock) on one bundle name in its folder, held from before the staging
// file is made until the bundle is renamed into place: two builds of the same bundle (two
// processes writing into one folder) take turns instead of deleting each other's files.
// The lock file ".<bundle>.lock" is removed on release; a waiter that finds its file gone
// takes the new one.
class BundleLock {
public:
    // Blocks until the lock is held. Throws Error (PB-IO) when the lock file cannot be made.
    explicit BundleLock(const std::filesystem::path& bundle);
    ~BundleLock();
    BundleLock(const BundleLock&) = delete;
    BundleLock& operator=(const BundleLock&) = delete;

private:
    std::filesystem::path path_;
    UniqueFd fd_;
    TempRegistration registration_;  // a signal removes the lock file too
};

// The staging name of this process for `bundle`: ".<bundle>.building-<pid>-<n>". Unique per
// process and call; removed by SIGINT/SIGTERM through the packer's atomic file.
std::filesystem::path staging_path(const std::filesystem::path& bundle);

// With the lock held: removes staging and temporary files of `bundle` left by processes
// that no longer exist (SIGKILL, power loss). Files of live processes stay.
void remove_stale_staging(const std::filesystem::path& bundle);

// What a bundle on disk must show to be kept as "unchanged".
struct BundleIdentity {
    std::string key;           // bag-info External-Identifier (the issue key)
    std::string issue;         // bag-info Paperbag-Issue ("<title> <date>")
    std::string input_digest;  // bag-info Paperbag-Input-Digest
};

// The bag-info label that names the issue a bundle holds.
inline constexpr const char* issue_identity_label = "Paperbag-Issue";

// Why the bundle on disk cannot be kept (damaged ZIP structure or entries, a CRC error, a
// missing METS, Payload-Oxum not matching the entries, another issue or other inputs), or
// nothing when it is intact and built from the same inputs. Reads every entry.
std::optional<std::string> why_not_current(const std::filesystem::path& bundle,
                                           const BundleIdentity& wanted);

// The issue another bundle on disk holds when it is not `wanted` (bag-info Paperbag-Issue,
// or External-Identifier for bundles of earlier versions); nothing when there is no bundle,
// it holds the same issue, or it records no readable identity.
std::optional<std::string> other_issue(const std::filesystem::path& bundle,
                                       const BundleIdentity& wanted);

}  // namespace paperbag
