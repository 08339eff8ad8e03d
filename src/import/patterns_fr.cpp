// French newspaper conventions. One row per convention; see patterns.hpp for the kinds.
#include <array>

#include "import/patterns.hpp"

namespace paperbag::text {

namespace {

constexpr std::array fr_rows{
    PatternRow{
        PatternKind::dateline,
        R"(\s*[A-ZÀÂÉÈÎÔ][\p{L}.'\-]{2,30}(?:[\s\-][a-zà-ÿ\-]+[\s\-][A-ZÀÂÉÈÎÔ][\p{L}\-]+)?,\s+(?:le\s+)?\d{1,2}(?:er)?\s+(?:janv(?:ier)?|févr(?:ier)?|fevr(?:ier)?|mars|avr(?:il)?|mai|juin|juil(?:let)?|août|aout|sept(?:embre)?|oct(?:obre)?|nov(?:embre)?|déc(?:embre)?|dec(?:embre)?)\.?(?:\s+\d{4})?\.?\s*(?:—|–|-)?)",
        "Paris, 8 juillet 1858. / Anvers, 6 juillet. / Bruxelles, le 1er mai —"},
    PatternRow{
        PatternKind::byline_line,
        R"(\s*Par\s+(?<names>[A-ZÀÂÉÈÎÔ][\p{L}.'\-]+(?:\s+(?:et\s+)?[A-ZÀÂÉÈÎÔ][\p{L}.'\-]+){0,4})\s*)",
        "Par Jean Dupont"},
    PatternRow{
        PatternKind::continuation_to,
        R"(\(?\s*(?:Suite|Lire la suite)\s+(?:en\s+)?(?:page|p\.)\s*(?<page>\d{1,3})\.?\s*\)?\s*)",
        "(Suite page 3), Lire la suite en page 4"},
    PatternRow{
        PatternKind::continuation_from,
        R"(\s*\(?\s*Suite\s+de\s+(?:la\s+)?(?:page|p\.)\s*(?<page>\d{1,3})(?:re|ère)?\.?\s*\)?)",
        "(Suite de la page 1)"},
    PatternRow{PatternKind::credit,
               R"((?:^|\s)(?:Photo|Cliché)\s*:\s*(?<names>[A-ZÀÂÉÈÎÔ][^\n]{1,60}?)\s*)",
               "Photo : Marie Martin"},
};

constexpr std::array fr_roles{
    RoleRow{"Par", "reporter"},
};

}  // namespace

std::span<const PatternRow> french_patterns() {
    return fr_rows;
}
std::span<const RoleRow> french_roles() {
    return fr_roles;
}

}  // namespace paperbag::text
