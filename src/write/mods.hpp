// MODS 3.8 records embedded in METS dmdSecs: one for the issue, one per article.
#pragma once

#include <string_view>

#include "write/layout.hpp"
#include "write/xml_out.hpp"

namespace paperbag {

inline constexpr const char* mods_ns = "http://www.loc.gov/mods/v3";

// <mods:mods> for the issue: title, identifiers, publisher, place, date, edition, language,
// genre, volume/issue number.
void write_issue_mods(XmlOut& xml, const WriteContext& context);

// <mods:mods> for an article: headline as title (kicker as alternative title), subtitle,
// names with MARC relator roles, genre "article", language, pages, host issue.
void write_article_mods(XmlOut& xml, const WriteContext& context, const Article& article);

// True for the identifier types MODS users know (issn, lccn, oclc, uri, doi, local, ...).
// Other manifest types ("cn": the Chinese domestic serial number) are written as
// type="local" with the manifest's type as displayLabel, which the METS reader maps back.
bool is_mods_identifier_type(std::string_view type);

// The MARC relator code for a byline role: "photographer" -> "pht", anything else -> "aut".
const char* marc_relator(const std::string& role);

}  // namespace paperbag
