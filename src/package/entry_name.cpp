#include "package/entry_name.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace paperbag {

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    while (i < text.size()) {
        const unsigned char c = byte(i);
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        std::uint32_t code = 0;
        if (c >= 0xc2 && c <= 0xdf) {
            length = 2;
            code = c & 0x1fu;
        } else if (c >= 0xe0 && c <= 0xef) {
            length = 3;
            code = c & 0x0fu;
        } else if (c >= 0xf0 && c <= 0xf4) {
            length = 4;
            code = c & 0x07u;
        } else {
            return false;
        }
        if (i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k) {
            if ((byte(i + k) & 0xc0) != 0x80) return false;
            code = (code << 6) | (byte(i + k) & 0x3fu);
        }
        if ((length == 3 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))) ||
            (length == 4 && (code < 0x10000 || code > 0x10ffff)))
            return false;
        i += length;
    }
    return true;
}

std::string printable_utf8(std::string_view text) {
    if (is_valid_utf8(text)) return std::string(text);
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        // Take the longest valid sequence starting here (1 to 4 bytes), else one bad byte.
        std::size_t length = 0;
        for (std::size_t n = 4; n >= 1 && length == 0; --n)
            if (i + n <= text.size() && is_valid_utf8(text.substr(i, n))) length = n;
        if (length == 0) {
            out += "\xef\xbf\xbd";
            ++i;
        } else {
            out.append(text.substr(i, length));
            i += length;
        }
    }
    return out;
}

std::optional<std::string> to_nfc(std::string_view text) {
    if (!is_valid_utf8(text)) return std::nullopt;
    bool ascii = true;
    for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return std::string(text);  // ASCII is always NFC
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return std::nullopt;
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    const icu::UnicodeString normalized = nfc->normalize(source, status);
    if (U_FAILURE(status)) return std::nullopt;
    std::string out;
    normalized.toUTF8String(out);
    return out;
}

std::optional<std::string> unsafe_name_reason(std::string_view name, bool allow_trailing_slash) {
    if (name.empty()) return "empty name";
    if (!is_valid_utf8(name)) return "name is not valid UTF-8";
    if (name.front() == '/') return "absolute path";
    if (name.find('\\') != std::string_view::npos) return "backslash in name";
    if (name.size() >= 2 && name[1] == ':') return "drive letter in name";
    for (char c : name)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return "control character in name";
    if (allow_trailing_slash && name.back() == '/') name.remove_suffix(1);
    std::size_t start = 0;
    while (true) {
        const std::size_t end = name.find('/', start);
        const std::string_view segment = name.substr(
            start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (segment.empty()) return "empty path segment";
        if (segment == "..") return "'..' in path";
        if (segment == ".") return "'.' segment in path";
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return std::nullopt;
}

}  // namespace paperbag
