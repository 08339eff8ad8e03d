#include "package/bagit.hpp"

#include <charconv>

#include "package/entry_name.hpp"

namespace paperbag::bagit {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string to_decimal(std::uint64_t value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

bool has_line_break(std::string_view text) {
    return text.find_first_of("\r\n") != std::string_view::npos;
}

// Splits on LF, CRLF or CR, as RFC 8493 allows for tag files.
template <typename F>
void for_each_line(std::string_view text, F&& on_line) {
    std::uint64_t number = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of("\r\n", start);
        ++number;
        if (end == std::string_view::npos) {
            on_line(text.substr(start), number);
            return;
        }
        on_line(text.substr(start, end - start), number);
        start =
            end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
    }
}

}  // namespace

std::string encode_path(std::string_view path) {
    std::string out;
    out.reserve(path.size());
    for (char c : path) {
        if (c == '%')
            out += "%25";
        else if (c == '\n')
            out += "%0A";
        else if (c == '\r')
            out += "%0D";
        else
            out += c;
    }
    return out;
}

std::optional<std::string> decode_path(std::string_view encoded) {
    std::string out;
    out.reserve(encoded.size());
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded[i] != '%') {
            out += encoded[i];
            continue;
        }
        if (i + 2 >= encoded.size()) return std::nullopt;
        const int high = hex_value(encoded[i + 1]);
        const int low = hex_value(encoded[i + 2]);
        if (high < 0 || low < 0) return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

std::string format_manifest(const std::vector<std::pair<std::string, std::string>>& lines) {
    std::string out;
    for (const auto& [path, checksum] : lines) out += checksum + "  " + encode_path(path) + '\n';
    return out;
}

std::vector<ManifestLine> parse_manifest(std::string_view text, std::size_t hex_length,
                                         const std::string& display_path,
                                         Diagnostics& diagnostics) {
    std::vector<ManifestLine> out;
    for_each_line(text, [&](std::string_view line, std::uint64_t number) {
        if (line.empty()) return;
        const std::size_t gap = line.find_first_of(" \t");
        std::string checksum(line.substr(0, std::min(gap, line.size())));
        const std::size_t path_start =
            gap == std::string_view::npos ? line.size() : line.find_first_not_of(" \t", gap);
        bool hex = checksum.size() == hex_length;
        for (char& c : checksum) {
            if (hex_value(c) < 0) hex = false;
            if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
        }
        const auto path = path_start == std::string_view::npos
                              ? std::nullopt
                              : decode_path(line.substr(path_start));
        if (!hex || !path || path->empty()) {
            diagnostics.add(make_error(
                "PB-BAG-MANIFEST-SYNTAX", display_path, number,
                "not a manifest line '<" + std::to_string(hex_length) + " hex digits> <path>'"));
            return;
        }
        out.push_back({std::move(checksum), *path, number});
    });
    return out;
}

std::string format_fields(const Fields& fields) {
    std::string out;
    for (const auto& [label, value] : fields) {
        if (label.empty() || label.find(':') != std::string::npos || has_line_break(label) ||
            has_line_break(value) || label.front() == ' ' || label.front() == '\t')
            throw Error("PB-BAG-OPTION", "bag-info.txt",
                        "bag-info field '" + label + "' must be one line with a label without ':'");
        out += label + ": " + value + '\n';
    }
    return out;
}

Fields parse_fields(std::string_view text, const std::string& display_path,
                    Diagnostics& diagnostics) {
    Fields out;
    for_each_line(text, [&](std::string_view line, std::uint64_t number) {
        if (line.empty()) return;
        if (line.front() == ' ' || line.front() == '\t') {
            if (out.empty()) {
                diagnostics.add(make_error("PB-BAG-INFO-SYNTAX", display_path, number,
                                           "continuation line without a field before it"));
                return;
            }
            const std::size_t start = line.find_first_not_of(" \t");
            if (start != std::string_view::npos)
                out.back().second += " " + std::string(line.substr(start));
            return;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) {
            diagnostics.add(make_error("PB-BAG-INFO-SYNTAX", display_path, number,
                                       "not a 'Label: value' line"));
            return;
        }
        std::string_view label = line.substr(0, colon);
        while (!label.empty() && (label.back() == ' ' || label.back() == '\t'))
            label.remove_suffix(1);
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
            value.remove_prefix(1);
        out.emplace_back(printable_utf8(label), printable_utf8(value));
    });
    return out;
}

std::string payload_oxum(std::uint64_t octets, std::uint64_t streams) {
    return to_decimal(octets) + '.' + to_decimal(streams);
}

std::optional<std::pair<std::uint64_t, std::uint64_t>> parse_payload_oxum(std::string_view text) {
    const std::size_t dot = text.find('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::uint64_t octets = 0;
    std::uint64_t streams = 0;
    const char* end_octets = text.data() + dot;
    const char* end_text = text.data() + text.size();
    const auto a = std::from_chars(text.data(), end_octets, octets);
    const auto b = std::from_chars(end_octets + 1, end_text, streams);
    if (dot == 0 || a.ec != std::errc{} || a.ptr != end_octets || b.ec != std::errc{} ||
        b.ptr != end_text || dot + 1 == text.size())
        return std::nullopt;
    return std::pair{octets, streams};
}

std::string human_size(std::uint64_t octets) {
    static constexpr const char* units[] = {"KB", "MB", "GB", "TB", "PB", "EB"};
    if (octets < 1000) return to_decimal(octets) + (octets == 1 ? " byte" : " bytes");
    // Tenths of the unit, rounded half up, computed in integers.
    std::uint64_t divisor = 1000;
    std::size_t unit = 0;
    while (unit + 1 < std::size(units) && octets / divisor >= 999) {
        divisor *= 1000;
        ++unit;
    }
    const std::uint64_t tenths =
        octets / (divisor / 10) + ((octets % (divisor / 10)) * 2 >= divisor / 10 ? 1 : 0);
    return to_decimal(tenths / 10) + '.' + to_decimal(tenths % 10) + ' ' + units[unit];
}

}  // namespace paperbag::bagit
