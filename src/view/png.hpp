// A minimal PNG encoder (8-bit RGB, no interlace) over zlib, for page images the review
// renders itself. Deterministic: the same pixels give the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace paperbag::view {

// `rgb` holds height rows of width*3 bytes. Throws Error (PB-INTERNAL) when zlib fails.
std::string encode_png(std::string_view rgb, std::uint32_t width, std::uint32_t height);

}  // namespace paperbag::view
