#include "view/png.hpp"

#include <zlib.h>

#include "paperbag/diagnostic.hpp"

namespace paperbag::view {

namespace {

void put32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<char>((value >> shift) & 0xff));
}

void chunk(std::string& out, const char* type, std::string_view data) {
    put32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out.append(type, 4);
    out.append(data);
    const auto* bytes = reinterpret_cast<const Bytef*>(out.data() + start);
    const uLong crc = crc32(0L, bytes, static_cast<uInt>(out.size() - start));
    put32(out, static_cast<std::uint32_t>(crc));
}

}  // namespace

std::string encode_png(std::string_view rgb, std::uint32_t width, std::uint32_t height) {
    const std::size_t row = std::size_t{width} * 3;
    if (rgb.size() != row * height)
        throw Error("PB-INTERNAL", "", "encode_png: pixel buffer does not match the size");
    std::string raw;  // every row starts with filter type 0 (none)
    raw.reserve((row + 1) * height);
    for (std::uint32_t y = 0; y < height; ++y) {
        raw.push_back('\0');
        raw.append(rgb.substr(y * row, row));
    }
    uLongf size = compressBound(static_cast<uLong>(raw.size()));
    std::string packed(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                  reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()),
                  6) != Z_OK)
        throw Error("PB-INTERNAL", "", "encode_png: zlib failed");
    packed.resize(size);

    std::string out("\x89PNG\r\n\x1a\n", 8);
    std::string header;
    put32(header, width);
    put32(header, height);
    header += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bit, RGB, deflate, filter, no interlace
    chunk(out, "IHDR", header);
    chunk(out, "IDAT", packed);
    chunk(out, "IEND", {});
    return out;
}

}  // namespace paperbag::view
