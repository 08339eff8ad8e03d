#include "core/unicode.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>

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

std::string nfc_or_same(std::string_view text) {
    auto nfc = to_nfc(text);
    return nfc ? std::move(*nfc) : std::string(text);
}

std::string fold_for_matching(std::string_view text) {
    const std::string valid = printable_utf8(text);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) return valid;
    const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
        icu::StringPiece(valid.data(), static_cast<int32_t>(valid.size())));
    const icu::UnicodeString folded = fold->normalize(source, status);
    if (U_FAILURE(status)) return valid;
    std::string out;
    folded.toUTF8String(out);
    return out;
}

}  // namespace paperbag
