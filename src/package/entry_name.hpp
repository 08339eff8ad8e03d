// Entry names in bundles: UTF-8 validity, Unicode NFC normalisation (ICU) and the checks
// that keep a name inside its folder.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/unicode.hpp"  // is_valid_utf8, printable_utf8, to_nfc

namespace paperbag {

// Why `name` is not a safe relative path made of '/'-separated segments, or nothing when it
// is: empty, absolute, a backslash, a drive letter, an empty, "." or ".." segment, a control
// character, or not UTF-8. `allow_trailing_slash` accepts directory names ("a/b/").
std::optional<std::string> unsafe_name_reason(std::string_view name,
                                              bool allow_trailing_slash = false);

}  // namespace paperbag
