// Reading back the METS that paperbag wrote (profile urn:x-paperbag:profile:mets:1, see
// docs/profile.md) into the issue model: the issue MODS (title, identifiers, date, numbering,
// languages), the pages (physical structMap, with their text files), every article's MODS
// (headline, subtitle, kicker, bylines, dateline, continuations, headline confidence,
// warnings, language) and, from the logical structMap, the blocks of every article and
// illustration with their byte ranges in the original page texts. Texts that live only in
// the NewsML-G2 items (article bodies, captions) are read by newsml_reader.hpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

inline constexpr std::string_view paperbag_mets_profile = "urn:x-paperbag:profile:mets:1";

struct MetsIssue {
    Issue issue;  // metadata, pages (text files, blocks with ranges), articles, illustrations
    // Article or illustration id -> its NewsML-G2 item, relative to mets.xml
    // ("newsml/art-001.xml").
    std::map<std::string, std::string> items;
};

// Parses `bytes` (named `path` in diagnostics). Returns nothing, with an error in
// `diagnostics`, when the document is not well-formed (PB-XML-SYNTAX), is not paperbag's
// METS (PB-EXPORT-NOT-PAPERBAG: "not a paperbag bundle") or breaks the profile in a way that
// makes the issue unreadable (PB-EXPORT-METS: a bad number, an area pointing nowhere).
std::optional<MetsIssue> read_paperbag_mets(std::string_view bytes, const std::string& path,
                                            Diagnostics& diagnostics);

}  // namespace paperbag
