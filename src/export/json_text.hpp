// A small JSON string writer: escapes '"', '\\' and every control character, and never
// writes invalid UTF-8 (ill-formed bytes become U+FFFD).
#pragma once

#include <string>
#include <string_view>

namespace paperbag::exporting {

// Appends `text` as a JSON string literal (with quotes) to `out`.
void append_json_string(std::string& out, std::string_view text);

}  // namespace paperbag::exporting
