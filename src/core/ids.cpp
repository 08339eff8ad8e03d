#include "paperbag/ids.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

#include "core/digest.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

namespace {

bool ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Latin letters for any script, then plain ASCII: "吕梁日报" -> "lu liang ri bao",
// "Genève" -> "Geneve". One transliterator per thread: ICU's are not shared between threads.
std::string to_ascii_latin(std::string_view text) {
    thread_local const std::unique_ptr<icu::Transliterator> latin = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    if (!latin) return std::string(text);
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())));
    latin->transliterate(unicode);
    std::string out;
    unicode.toUTF8String(out);
    return out;
}

}  // namespace

std::string sequence_id(std::string_view prefix, std::size_t number, std::size_t width) {
    std::string digits = std::to_string(number);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return std::string(prefix) + digits;
}

std::string xml_id(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) out += (ascii_alnum(c) || c == '-' || c == '_' || c == '.') ? c : '_';
    if (out.empty() || !(ascii_alnum(out[0]) || out[0] == '_') || (out[0] >= '0' && out[0] <= '9'))
        out.insert(0, "id_");
    return out;
}

std::string slug(std::string_view text) {
    std::string out;
    bool pending_dash = false;
    for (char c : text) {
        if (ascii_alnum(c)) {
            if (pending_dash && !out.empty()) out += '-';
            pending_dash = false;
            out += ascii_lower(c);
        } else {
            pending_dash = true;
        }
    }
    return out;
}

std::string issue_key(const Issue& issue) {
    if (const std::string* local = issue.identifier("local"); local && !slug(*local).empty())
        return slug(*local);
    std::string base;
    for (std::string_view type : {"issn", "lccn", "cn"}) {
        if (const std::string* value = issue.identifier(type); value && !slug(*value).empty()) {
            base = slug(*value);
            break;
        }
    }
    // Titles in any script give a key of their own (two Chinese titles of the same day must
    // not share a bundle name, METS OBJID and guids).
    if (base.empty()) base = slug(to_ascii_latin(issue.title));
    if (base.empty()) base = "issue";
    return base + "-" + issue.date.to_string();
}

bool is_language_tag(std::string_view tag) {
    std::size_t start = 0;
    for (bool first = true;; first = false) {
        std::size_t end = tag.find('-', start);
        if (end == std::string_view::npos) end = tag.size();
        const std::string_view part = tag.substr(start, end - start);
        if (part.empty() || part.size() > 8) return false;
        for (char c : part) {
            const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!alpha && (first || !(c >= '0' && c <= '9'))) return false;
        }
        if (end == tag.size()) return true;
        start = end + 1;
    }
}

std::string name_based_uuid(std::string_view name) {
    // Names are URNs "urn:x-paperbag:<name>" hashed in the RFC 4122 URL namespace
    // (6ba7b811-9dad-11d1-80b4-00c04fd430c8).
    static constexpr std::array<unsigned char, 16> ns{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad,
                                                      0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0,
                                                      0x4f, 0xd4, 0x30, 0xc8};
    Digest sha1(DigestAlgorithm::sha1);
    sha1.update(ns.data(), ns.size());
    sha1.update("urn:x-paperbag:");
    sha1.update(name);
    std::string bytes = sha1.finish_raw().substr(0, 16);
    bytes[6] = static_cast<char>((static_cast<unsigned char>(bytes[6]) & 0x0f) | 0x50);
    bytes[8] = static_cast<char>((static_cast<unsigned char>(bytes[8]) & 0x3f) | 0x80);
    const std::string hex = to_hex(bytes);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

}  // namespace paperbag
