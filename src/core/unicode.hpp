// UTF-8 validity and Unicode NFC normalisation (ICU): one normalised form for every name
// paperbag writes (page files, bundle entries, METS hrefs, manifests).
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

// The NFC form of `text` when it is valid UTF-8, else `text` unchanged.
std::string nfc_or_same(std::string_view text);

// The form two texts are compared in when case and width must not matter (ICU's
// NFKC_Casefold: "The Riverton COURIER" and "the riverton courier" fold alike, so do
// full-width and half-width Latin letters). Invalid UTF-8 is made printable first.
std::string fold_for_matching(std::string_view text);

}  // namespace paperbag
