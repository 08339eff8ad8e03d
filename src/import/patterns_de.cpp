// German newspaper conventions (also for the German pages of bilingual papers such as the
// Luxemburger Zeitung). One row per convention; see patterns.hpp for the kinds.
#include <array>

#include "import/patterns.hpp"

namespace paperbag::text {

namespace {

constexpr std::array de_rows{
    PatternRow{
        PatternKind::dateline,
        R"(\s*(?:\*\s*)?[A-ZÄÖÜ][\p{L}.'\-]{2,30}(?:\s+[a-zäöü]\.\s*[A-ZÄÖÜ][\p{L}]*\.?)?,\s+(?:den\s+)?\d{1,2}(?:\.|ten|ter)?\s+(?:Jan(?:uar)?|Febr?(?:uar)?|März|Apr(?:il)?|Mai|Juni?|Juli?|Aug(?:ust)?|Sept?(?:ember)?|Okt(?:ober)?|Oct(?:ober)?|Nov(?:ember)?|Dez(?:ember)?|Dec(?:ember)?)\.?(?:\s+\d{4})?\.?\s*(?:—|–|-)?)",
        "Berlin, 12. Oktober. / Luxemburg, den 10. Juli — / Frankfurt a. M., 8 Juli."},
    PatternRow{
        PatternKind::byline_line,
        R"(\s*Von\s+(?<names>[A-ZÄÖÜ][\p{L}.'\-]+(?:\s+(?:und\s+)?[A-ZÄÖÜ][\p{L}.'\-]+){0,4})\s*)",
        "Von Karl Meyer"},
    PatternRow{
        PatternKind::continuation_to,
        R"(\(?\s*(?:Fortsetzung|Schluss|Schluß)\s+(?:auf|siehe)\s+(?:Seite|S\.)\s*(?<page>\d{1,3})\.?\s*\)?\s*)",
        "(Fortsetzung auf Seite 3)"},
    PatternRow{
        PatternKind::continuation_from,
        R"(\s*\(?\s*(?:Fortsetzung|Schluss|Schluß)\s+(?:von|aus)\s+(?:Seite|S\.)\s*(?<page>\d{1,3})\.?\s*\)?)",
        "(Fortsetzung von Seite 1)"},
    PatternRow{PatternKind::credit,
               R"((?:^|\s)(?:Foto|Bild|Photo)\s*:\s*(?<names>[A-ZÄÖÜ][^\n]{1,60}?)\s*)",
               "Foto: Anna Weber"},
};

constexpr std::array de_roles{
    RoleRow{"Von", "reporter"},
};

}  // namespace

std::span<const PatternRow> german_patterns() {
    return de_rows;
}
std::span<const RoleRow> german_roles() {
    return de_roles;
}

}  // namespace paperbag::text
