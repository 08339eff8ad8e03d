#include "core/mime.hpp"

#include <array>
#include <utility>

namespace paperbag {

namespace {

// One row per extension; keep sorted by extension for readers.
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> by_extension{{
    {"gif", "image/gif"},
    {"gz", "application/gzip"},
    {"hocr", "text/html"},
    {"htm", "text/html"},
    {"html", "text/html"},
    {"j2k", "image/jp2"},
    {"jp2", "image/jp2"},
    {"jpeg", "image/jpeg"},
    {"jpg", "image/jpeg"},
    {"json", "application/json"},
    {"pdf", "application/pdf"},
    {"png", "image/png"},
    {"tif", "image/tiff"},
    {"tiff", "image/tiff"},
    {"txt", "text/plain"},
    {"webp", "image/webp"},
    {"xml", "text/xml"},
    {"zip", "application/zip"},
}};

constexpr std::array<std::string_view, 8> compressed{
    "application/gzip", "application/pdf", "application/zip", "image/gif",
    "image/jp2",        "image/jpeg",      "image/png",       "image/webp",
};

}  // namespace

std::string mime_type_for(std::string_view file_name) {
    const auto dot = file_name.rfind('.');
    if (dot == std::string_view::npos) return "application/octet-stream";
    std::string ext;
    for (char c : file_name.substr(dot + 1))
        ext += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    for (const auto& [extension, type] : by_extension)
        if (extension == ext) return std::string(type);
    return "application/octet-stream";
}

bool is_compressed_mime_type(std::string_view mime_type) {
    for (std::string_view type : compressed)
        if (type == mime_type) return true;
    return false;
}

}  // namespace paperbag
