// Temporary files that must not outlive the process.
//
// AtomicFile registers its temporary file here while it exists. When the process is told
// to stop (SIGINT, SIGTERM, SIGHUP) or ends on an internal error, the handler installed by
// install_cleanup_handlers() removes every registered file and then lets the signal end the
// process as it would have without the handler. The handler only calls async-signal-safe
// functions (unlink, signal, raise): the paths live in fixed slots, never in the heap.
//
// Temporary names carry the creating process's id ("<name>.tmp-<pid>-XXXXXX"), so a later
// run can prove that a leftover belongs to a process that no longer exists (after SIGKILL
// or a power loss) and remove it: see remove_stale_temporaries().
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace paperbag {

// Keeps `path` registered for removal on a signal until destroyed or released. When every
// slot is taken the path is simply not registered (it is still removed on normal failure).
class TempRegistration {
public:
    TempRegistration() = default;
    explicit TempRegistration(const std::filesystem::path& path) noexcept;
    ~TempRegistration();
    TempRegistration(TempRegistration&& other) noexcept;
    TempRegistration& operator=(TempRegistration&& other) noexcept;
    TempRegistration(const TempRegistration&) = delete;
    TempRegistration& operator=(const TempRegistration&) = delete;

    // The file is no longer temporary (renamed into place) or already removed.
    void release() noexcept;

private:
    int slot_ = -1;
};

// SIGINT, SIGTERM and SIGHUP remove the registered files, then end the process with the
// signal's default action. Call once, from main, before any thread starts.
void install_cleanup_handlers();

// Removes every registered file now (for a last-resort exit). Async-signal-safe.
void remove_registered_temporaries() noexcept;

// "<prefix>-<pid>-": the start of the name of a temporary this process creates for
// `prefix` (e.g. ".bundle.zip.tmp").
std::string temporary_prefix(const std::string& prefix);

// Removes the files in `folder` named "<prefix>-<pid>-..." whose process no longer exists
// (kill(pid, 0) says ESRCH). Files of running processes, and names it cannot parse, are
// left alone. Returns the number removed. Never throws.
std::size_t remove_stale_temporaries(const std::filesystem::path& folder,
                                     const std::string& prefix);

// The same for every temporary file name paperbag makes (".<name>.tmp-<pid>-<n>") in
// `folder`, at most once per folder and process: writing thousands of files into one folder
// scans it once, not once per file. Never throws.
void remove_stale_temporaries_once(const std::filesystem::path& folder);

}  // namespace paperbag
