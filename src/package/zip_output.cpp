#include "package/zip_output.hpp"

#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <ctime>
#include <exception>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

zip_int64_t fail(ZipFileTarget& target, int zip_code) {
    zip_error_set(&target.error, zip_code, errno);
    return -1;
}

zip_int64_t target_callback(void* state, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
    auto& target = *static_cast<ZipFileTarget*>(state);
    const int fd = target.file.fd();
    switch (cmd) {
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(
                ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SEEK, ZIP_SOURCE_TELL,
                ZIP_SOURCE_SUPPORTS, ZIP_SOURCE_BEGIN_WRITE, ZIP_SOURCE_COMMIT_WRITE,
                ZIP_SOURCE_ROLLBACK_WRITE, ZIP_SOURCE_WRITE, ZIP_SOURCE_SEEK_WRITE,
                ZIP_SOURCE_TELL_WRITE, ZIP_SOURCE_REMOVE, -1);
        case ZIP_SOURCE_STAT: {
            // The archive starts empty (opened with ZIP_TRUNCATE).
            auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, length, &target.error);
            if (st == nullptr) return -1;
            zip_stat_init(st);
            st->size = 0;
            st->valid = ZIP_STAT_SIZE;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_OPEN:
        case ZIP_SOURCE_CLOSE:
        case ZIP_SOURCE_FREE:
        case ZIP_SOURCE_REMOVE:
        case ZIP_SOURCE_COMMIT_WRITE:    // AtomicFile::commit() follows a successful close
        case ZIP_SOURCE_ROLLBACK_WRITE:  // the AtomicFile removes its temporary file
            return 0;
        case ZIP_SOURCE_READ: return 0;
        case ZIP_SOURCE_SEEK:
        case ZIP_SOURCE_TELL: return 0;
        case ZIP_SOURCE_ERROR: return zip_error_to_data(&target.error, data, length);
        case ZIP_SOURCE_BEGIN_WRITE:
            if (::ftruncate(fd, 0) != 0 || ::lseek(fd, 0, SEEK_SET) != 0)
                return fail(target, ZIP_ER_WRITE);
            return 0;
        case ZIP_SOURCE_WRITE: {
            const char* p = static_cast<const char*>(data);
            zip_uint64_t left = length;
            while (left > 0) {
                const ssize_t n = ::write(fd, p, left);
                if (n < 0) {
                    if (errno == EINTR) continue;
                    return fail(target, ZIP_ER_WRITE);
                }
                p += n;
                left -= static_cast<zip_uint64_t>(n);
            }
            return static_cast<zip_int64_t>(length);
        }
        case ZIP_SOURCE_SEEK_WRITE: {
            auto* args = ZIP_SOURCE_GET_ARGS(zip_source_args_seek_t, data, length, &target.error);
            if (args == nullptr) return -1;
            if (::lseek(fd, static_cast<off_t>(args->offset), args->whence) < 0)
                return fail(target, ZIP_ER_SEEK);
            return 0;
        }
        case ZIP_SOURCE_TELL_WRITE: {
            const off_t at = ::lseek(fd, 0, SEEK_CUR);
            if (at < 0) return fail(target, ZIP_ER_TELL);
            return static_cast<zip_int64_t>(at);
        }
        default: zip_error_set(&target.error, ZIP_ER_OPNOTSUPP, 0); return -1;
    }
}

}  // namespace

ZipPtr open_zip_in(ZipFileTarget& target) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_function_create(target_callback, &target, &error);
    if (source == nullptr) {
        const std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw Error("PB-BAG-ZIP", target.file.target().string(),
                    "cannot create archive: " + message);
    }
    zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
    if (archive == nullptr) {
        zip_source_free(source);
        const std::string message = zip_error_strerror(&error);
        zip_error_fini(&error);
        throw Error("PB-BAG-ZIP", target.file.target().string(),
                    "cannot create archive: " + message);
    }
    zip_error_fini(&error);
    return ZipPtr(archive);
}

std::time_t dos_time_for_utc(std::int64_t seconds) {
    constexpr std::int64_t dos_epoch = 315532800;  // 1980-01-01T00:00:00Z
    constexpr std::int64_t dos_last = 4354819198;  // 2107-12-31T23:59:58Z
    const std::time_t wanted = static_cast<std::time_t>(std::clamp(seconds, dos_epoch, dos_last));
    std::tm fields{};
    gmtime_r(&wanted, &fields);
    // Find the instant whose local broken-down time equals the UTC fields. Time zone
    // offsets lie within +-26 hours and are whole quarter hours.
    std::tm utc = fields;
    const std::time_t base = timegm(&utc);
    for (std::time_t step = 0; step <= 26 * 4; ++step) {
        for (const std::time_t candidate : {base - step * 900, base + step * 900}) {
            std::tm local{};
            if (localtime_r(&candidate, &local) == nullptr) continue;
            if (local.tm_year == fields.tm_year && local.tm_mon == fields.tm_mon &&
                local.tm_mday == fields.tm_mday && local.tm_hour == fields.tm_hour &&
                local.tm_min == fields.tm_min && local.tm_sec == fields.tm_sec)
                return candidate;
        }
    }
    // The UTC wall time does not exist locally (a daylight-saving gap): the nearest local
    // instant is used. docs/bundles.md recommends TZ=UTC for reproducible builds.
    return base;
}

}  // namespace paperbag
