// MIME types by file name, for files the manifest does not give a type for.
#pragma once

#include <string>
#include <string_view>

namespace paperbag {

// "image/jpeg" for "p1.JPG", "text/plain" for ".txt", "application/octet-stream" when unknown.
std::string mime_type_for(std::string_view file_name);

// True for formats that are already compressed (JPEG, JPEG 2000, PNG, GIF, WebP, PDF, ZIP,
// gzip): the packager stores them instead of deflating them again.
bool is_compressed_mime_type(std::string_view mime_type);

}  // namespace paperbag
