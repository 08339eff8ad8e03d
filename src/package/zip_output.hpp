// libzip plumbing for the bundle writer: an archive that writes into an AtomicFile (so the
// bundle appears only when complete, after fsync), and reproducible entry times.
#pragma once

#include <zip.h>

#include <cstdint>
#include <ctime>

#include "io/atomic_file.hpp"
#include "io/zip_handles.hpp"

namespace paperbag {

// The libzip write source behind an archive opened by open_zip_in(): it owns nothing and
// must outlive the archive. After a successful zip_close(), call file.commit().
struct ZipFileTarget {
    explicit ZipFileTarget(AtomicFile& target) : file(target) { zip_error_init(&error); }
    ~ZipFileTarget() { zip_error_fini(&error); }
    ZipFileTarget(const ZipFileTarget&) = delete;
    ZipFileTarget& operator=(const ZipFileTarget&) = delete;

    AtomicFile& file;
    zip_error_t error;
};

// A new, empty archive whose zip_close() writes into target.file. Throws Error (PB-BAG-ZIP).
ZipPtr open_zip_in(ZipFileTarget& target);

// The instant to give zip_file_set_mtime() so that the entry's DOS date and time read as
// `seconds` in UTC, whatever the process's time zone: libzip converts with localtime().
// Instants before 1980-01-01 (the DOS epoch) and after 2107 are clamped.
std::time_t dos_time_for_utc(std::int64_t seconds);

}  // namespace paperbag
