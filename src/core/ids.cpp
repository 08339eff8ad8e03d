#include "paperbag/ids.hpp"

#include <array>

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
    if (base.empty()) base = slug(issue.title);
    if (base.empty()) base = "issue";
    return base + "-" + issue.date.to_string();
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
