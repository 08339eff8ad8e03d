// RAII owners for libzip handles.
#pragma once

#include <zip.h>

#include <memory>

namespace paperbag {

// Discards an archive opened for reading, or abandons one opened for writing (zip_discard
// writes nothing). Writers call zip_close() explicitly and release() on success.
struct ZipDiscard {
    void operator()(zip_t* p) const noexcept { zip_discard(p); }
};
struct ZipSourceFree {
    void operator()(zip_source_t* p) const noexcept { zip_source_free(p); }
};
struct ZipFileClose {
    void operator()(zip_file_t* p) const noexcept { zip_fclose(p); }
};

using ZipPtr = std::unique_ptr<zip_t, ZipDiscard>;
using ZipSourcePtr = std::unique_ptr<zip_source_t, ZipSourceFree>;
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;

}  // namespace paperbag
