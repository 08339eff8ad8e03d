// Text helpers of the exporters. A small JSON string writer: escapes '"', '\\' and every control
// character, and never writes invalid UTF-8 (ill-formed bytes become U+FFFD).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace paperbag::exporting {

// Appends `text` as a JSON string literal (with quotes) to `out`.
void append_json_string(std::string& out, std::string_view text);

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD (CSV and text files).
std::string valid_utf8(std::string_view text);

// The number of Unicode code points in `text` (an ill-formed sequence counts as one).
std::uint64_t code_points(std::string_view text);

}  // namespace paperbag::exporting
