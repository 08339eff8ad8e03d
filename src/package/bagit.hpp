// The BagIt 1.0 tag files (RFC 8493) as text: bagit.txt, bag-info.txt, manifests and tag
// manifests. Formatting and parsing only; no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "paperbag/diagnostic.hpp"

namespace paperbag::bagit {

// The exact content of bagit.txt that paperbag writes.
inline constexpr std::string_view declaration =
    "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

// RFC 8493 section 2.1.3: CR, LF and '%' in a manifest path are percent-encoded (and only
// those).
std::string encode_path(std::string_view path);
// The reverse; nothing when a '%' is not followed by two hex digits.
std::optional<std::string> decode_path(std::string_view encoded);

struct ManifestLine {
    std::string checksum;  // lower-cased hex as found
    std::string path;      // decoded
    std::uint64_t line = 0;
};

// "<checksum>  <encoded path>\n" per (path, checksum), in the order given.
std::string format_manifest(const std::vector<std::pair<std::string, std::string>>& lines);

// Parses a manifest. Lines that are not "<hex> <path>" (one or more spaces or a tab
// between) give a finding PB-BAG-MANIFEST-SYNTAX at `display_path`:line.
std::vector<ManifestLine> parse_manifest(std::string_view text, std::size_t hex_length,
                                         const std::string& display_path, Diagnostics& diagnostics);

using Fields = std::vector<std::pair<std::string, std::string>>;

// "Label: value\n" per field. Throws Error (PB-BAG-OPTION) for a label with ':' or a line
// break, or a value with a line break.
std::string format_fields(const Fields& fields);
// Parses "Label: value" lines with continuation lines (leading space or tab) folded in.
Fields parse_fields(std::string_view text, const std::string& display_path,
                    Diagnostics& diagnostics);

// "octets.streams".
std::string payload_oxum(std::uint64_t octets, std::uint64_t streams);
std::optional<std::pair<std::uint64_t, std::uint64_t>> parse_payload_oxum(std::string_view text);

// A human-readable size in decimal units with one decimal: "812 bytes", "1.5 MB".
std::string human_size(std::uint64_t octets);

}  // namespace paperbag::bagit
