// Deterministic identifiers. Every id paperbag writes is derived from the input (the issue's
// identifiers and date, the position of a page or article), never from a clock, a random
// number or std::hash, so the same input always gives the same ids and guids.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace paperbag {

struct Issue;

// prefix + number, zero-padded to at least `width` digits: sequence_id("art-", 7) == "art-007".
std::string sequence_id(std::string_view prefix, std::size_t number, std::size_t width = 3);

// A valid XML ID (NCName) made from any text: ASCII letters, digits, '-', '_' and '.' are kept,
// anything else becomes '_', and a leading character that cannot start an NCName gets an
// "id_" prefix. Never empty.
std::string xml_id(std::string_view text);

// A file-name-safe slug: lower-case ASCII letters and digits, runs of anything else folded to
// one '-', trimmed. May be empty (e.g. for a title in Chinese).
std::string slug(std::string_view text);

// The stable key of an issue, used for bundle names and guids: the "local" identifier when
// there is one, else slug(ISSN, LCCN, CN or title) + "-" + date. Always a slug. A title in
// another script is first transliterated with ICU "Any-Latin; Latin-ASCII", so 吕梁日报 of
// 2022-05-16 is "lu-liang-ri-bao-2022-05-16" (never the shared "issue-2022-05-16").
std::string issue_key(const Issue& issue);

// True when `tag` is a well-formed language tag as xsd:language allows it:
// [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*.
bool is_language_tag(std::string_view tag);

// A name-based UUID (RFC 4122 version 5, SHA-1) of "urn:x-paperbag:" + name,
// as "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx".
std::string name_based_uuid(std::string_view name);

}  // namespace paperbag
