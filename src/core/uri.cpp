#include "core/uri.hpp"

namespace paperbag {

namespace {

bool kept(char c, bool first_segment) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    switch (c) {
        case '-':
        case '.':
        case '_':
        case '~':  // unreserved
        case '!':
        case '$':
        case '&':
        case '\'':
        case '(':
        case ')':  // sub-delims
        case '*':
        case '+':
        case ',':
        case ';':
        case '=':
        case '/': return true;
        case ':':
        case '@': return !first_segment;  // "a:b" would read as a scheme
        default: return false;
    }
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string uri_from_path(std::string_view path) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(path.size());
    bool first_segment = true;
    for (char c : path) {
        if (kept(c, first_segment)) {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += digits[byte >> 4];
            out += digits[byte & 0x0f];
        }
        if (c == '/') first_segment = false;
    }
    return out;
}

std::optional<std::string> path_from_uri(std::string_view uri) {
    uri = uri.substr(0, uri.find_first_of("?#"));
    std::string out;
    out.reserve(uri.size());
    for (std::size_t i = 0; i < uri.size(); ++i) {
        if (uri[i] != '%') {
            out += uri[i];
            continue;
        }
        const int high = i + 1 < uri.size() ? hex_value(uri[i + 1]) : -1;
        const int low = i + 2 < uri.size() ? hex_value(uri[i + 2]) : -1;
        if (high < 0 || low < 0) return std::nullopt;
        const char decoded = static_cast<char>(high * 16 + low);
        if (decoded == '\0') return std::nullopt;
        out += decoded;
        i += 2;
    }
    return out;
}

}  // namespace paperbag
