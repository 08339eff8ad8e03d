// Atomic output files: everything paperbag writes goes to a temporary file in the target's
// folder and is renamed over the target only on commit(), after fsync. A failed or
// interrupted run leaves either the old file or nothing, never a partial file.
//
// The temporary file is ".<name>.tmp-<pid>-<n>", created with O_CREAT|O_EXCL and mode 0666
// (the kernel applies the umask; no process-wide state changes). It is removed on failure,
// by the destructor, and by SIGINT/SIGTERM/SIGHUP (temp_cleanup.hpp); leftovers of killed
// processes are removed by the next AtomicFile for the same target. A target that exists and
// is not a regular file (/dev/null, /dev/stdout, a FIFO) is written to directly instead.
#pragma once

#include <filesystem>
#include <string_view>

#include "io/temp_cleanup.hpp"
#include "io/unique_fd.hpp"

namespace paperbag {

class AtomicFile {
public:
    // Creates the temporary file next to `target`. Throws Error (PB-IO) naming the target
    // when the folder does not exist or is not writable.
    explicit AtomicFile(std::filesystem::path target);
    // Removes the temporary file unless commit() succeeded. Never throws.
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void write(std::string_view data);
    // The descriptor of the temporary file, for code that writes through its own calls.
    int fd() const noexcept { return fd_.get(); }
    const std::filesystem::path& target() const noexcept { return target_; }
    const std::filesystem::path& temp_path() const noexcept { return temp_; }

    // fsync, close, rename over the target, fsync the folder. Throws Error on failure (and
    // the temporary file is then removed by the destructor).
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    UniqueFd fd_;
    TempRegistration registration_;  // removed by SIGINT/SIGTERM while it exists
    bool committed_ = false;
    bool direct_ = false;  // the target is a device, FIFO or socket: written in place
};

// Writes `data` to `target` atomically.
void write_file_atomic(const std::filesystem::path& target, std::string_view data);

}  // namespace paperbag
