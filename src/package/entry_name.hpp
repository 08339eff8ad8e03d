// Entry names in bundles: UTF-8 validity, Unicode NFC normalisation (ICU) and the checks
// that keep a name inside its folder.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace paperbag {

// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or code points above
// U+10FFFF).
bool is_valid_utf8(std::string_view text);

// `text` itself when it is valid UTF-8, else with every invalid byte replaced by U+FFFD: for
// echoing untrusted names and values in messages and JSON.
std::string printable_utf8(std::string_view text);

// The NFC form of valid UTF-8 text; nothing when `text` is not valid UTF-8.
std::optional<std::string> to_nfc(std::string_view text);

// Why `name` is not a safe relative path made of '/'-separated segments, or nothing when it
// is: empty, absolute, a backslash, a drive letter, an empty, "." or ".." segment, a control
// character, or not UTF-8. `allow_trailing_slash` accepts directory names ("a/b/").
std::optional<std::string> unsafe_name_reason(std::string_view name,
                                              bool allow_trailing_slash = false);

}  // namespace paperbag
