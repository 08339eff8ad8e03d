// URI references for file names (RFC 3986): what METS FLocat xlink:href holds.
//
// A bag path such as "text/space name#1.txt" is written as the relative reference
// "text/space%20name%231.txt" and read back to the same name, so '%', '#', '?', spaces and
// non-ASCII names survive the trip. Unreserved characters, sub-delimiters that are safe in
// a path segment, ':' and '@' (not in the first segment) and '/' are kept; every other byte
// of the UTF-8 name is percent-encoded.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace paperbag {

// The relative URI reference of a '/'-separated path.
std::string uri_from_path(std::string_view path);

// The path a relative URI reference names: the query ("?...") and fragment ("#...") are
// dropped and %XX escapes decoded. Nothing when an escape is malformed ("%", "%4", "%zz")
// or decodes to a NUL byte.
std::optional<std::string> path_from_uri(std::string_view uri);

}  // namespace paperbag
