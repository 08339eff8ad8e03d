#include "package/entry_name.hpp"

namespace paperbag {

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
