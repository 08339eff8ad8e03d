// English newspaper conventions. One row per convention; see patterns.hpp for the kinds and
// docs/segmentation.md for how to add rows.
#include "import/patterns.hpp"

#include <array>

namespace paperbag::text {

namespace {

constexpr std::array en_rows{
    PatternRow{
        PatternKind::dateline,
        R"(\s*[A-Z][A-Z.'\- ]{1,30}(?:,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?))?(?:\s+\([^)\n]{2,40}\))?\s+(?:—|--|–))",
        "GENEVA, March 17 (Meridian Wire) —, RIVERTON —"},
    PatternRow{
        PatternKind::dateline,
        R"(\s*[A-Z][A-Za-z]+(?:\s+[A-Z][a-z]+){0,2}(?:,\s+[A-Z][a-z]{1,4}\.)?(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\.?\s*(?:—|--))",
        "Lisbon, Sept. 28.—, Evanston, Ill.—, Antwerp.—: an older paper's dateline"},
    PatternRow{
        PatternKind::byline_line,
        R"(\s*By\s+(?<names>[A-Z][\p{L}.'\-]+(?:\s+(?:and\s+)?[A-Z][\p{L}.'\-]+){0,5}(?:,\s+[A-Z][\p{L}.'\-]+(?:\s+[A-Z][\p{L}.'\-]+){0,3}){0,3})\s*)",
        "By Dana Whitfield, By ROBERT OKAFOR"},
    PatternRow{
        PatternKind::byline_title,
        R"(\s*(?<title>(?:[A-Z][\p{L}.'\-]*\s+){0,3}(?:Staff Writer|Staff Reporter|Correspondent|Senior Writer|Contributing Writer|Associated Press|Reuters|Special to the [A-Z][\p{L}]+))\s*)",
        "Courier Staff Writer"},
    PatternRow{
        PatternKind::continuation_to,
        R"((?:Continued|Cont\.|Please see)\s+on\s+(?:(?:Page|P\.)\s*(?=[A-Z]?\d)|(?=[A-Z]\d))(?<page>[A-Z]?\d{1,3})\s*)",
        "Continued on Page A2, Continued on A6"},
    PatternRow{PatternKind::continuation_to,
               R"(See\s+(?<key>[A-Z][A-Z\-]{1,30}),\s+(?:Page|P\.)\s*(?<page>[A-Z]?\d{1,3})\s*)",
               "See BUDGET, Page A2"},
    PatternRow{PatternKind::continuation_from,
               R"(\s*\(?Continued\s+from\s+(?:Page|P\.)\s*(?<page>[A-Z]?\d{1,3})\)?)",
               "Continued from Page A1, (Continued from Page 7)"},
    PatternRow{PatternKind::continuation_from,
               R"(\s*(?<key>[A-Z][A-Z\-]{1,30}),?\s+from\s+(?:Page|P\.)\s*(?<page>[A-Z]?\d{1,3}))",
               "BUDGET, from Page A1"},
    PatternRow{
        PatternKind::signature,
        R"(\s*(?:—|--|–)\s*(?<names>(?:Staff|Wire|From)\s+(?:and\s+wire\s+)?reports?|[A-Z][\p{L}.'\-]+(?:\s+[A-Z][\p{L}.'\-]+){0,3})\s*)",
        "— Staff report"},
    PatternRow{PatternKind::credit, R"(\(\s*Photo\s+by\s+(?<names>[^)\n]{2,60})\)\s*)",
               "(Photo by Ana Ruiz)"},
    PatternRow{PatternKind::credit,
               R"((?:^|\s)(?:Photo|Photograph|Photos)\s*:\s*(?<names>[A-Z][^\n]{1,60}?)\s*)",
               "Photo: Luis Moreno"},
    PatternRow{
        PatternKind::credit,
        R"((?:^|\s)(?<names>[A-Z][\p{L}.'\-]+(?:\s+[A-Z][\p{L}.'\-]+){1,3})\s*/\s*(?:Staff Photographer|The [A-Z][\p{L}]+(?:\s+[A-Z][\p{L}]+)?)\s*)",
        "Ana Ruiz / Staff Photographer"},
    PatternRow{
        PatternKind::caption_lead,
        R"(\s*(?:Pictured|PICTURED|Above|ABOVE|Below|BELOW|Left|LEFT|Right|RIGHT|Top|TOP|Inset|INSET)\s*:)",
        "Pictured: children feed ducks, ABOVE: …"},
    PatternRow{PatternKind::caption_tail,
               R"(\((?:Photo|Photograph|File photo|Courtesy photo|AP Photo)\)\s*)",
               "… on Sunday. (File photo)"},
    PatternRow{
        PatternKind::furniture,
        R"(\s*(?:\d{1,3}\s+)?[A-Z][A-Z.'&\- ]{2,40}(?:—|--|,)\s*[A-Z][A-Z.'\- ]{2,20},(?:\s*[A-Z][A-Z.'\- ]{1,10},)?\s+(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY),?\s+[A-Z]{3,9}\.?\s+\d{1,2},?\s+\d{4}(?:\s+\d{1,3})?\s*)",
        "THE DAY BOOK—CHICAGO, TUESDAY, MARCH 3, 1914, EVENING STAR—WASHINGTON, D. C., MONDAY, "
        "APRIL 17, 1922: a running head (place, state, weekday, date)"},
    PatternRow{
        PatternKind::furniture,
        R"(\s*(?:(?:Page|PAGE)\s+\d{1,3}\s*)?(?:(?:MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|January|February|March|April|May|June|July|August|September|October|November|December)\.?\s+\d{1,2},?\s+\d{4}(?:\.)?(?:\s+(?:Page|PAGE)\s+\d{1,3})?\s*)",
        "TUESDAY, MARCH 3, 1914, Page 2: date line of a running head"},
    PatternRow{
        PatternKind::furniture,
        R"(\s*(?:PRICE|Price)\s+(?:ONE|TWO|THREE|FIVE|One|Two|Three|Five|\d)\s+(?:CENTS?|Cents?)[^\n]{0,40})",
        "PRICE ONE CENT: masthead price line"},
    PatternRow{PatternKind::furniture, R"(\s*(?:Page|PAGE)\s+[A-Z]?\d{1,3}\s*)",
               "PAGE 1: a page label set on its own line"},
    PatternRow{PatternKind::furniture, R"(\s*\d{1,3}\s*)",
               "8: a folio (page number) set on a line of its own"},
    PatternRow{PatternKind::separator,
               R"(\s*(?:[oO0°]\s*[oO0°]|\*\s*\*(?:\s*\*)?|-{3,}|—{2,}|_{3,})\s*)",
               "o o, * * *: a rule between two items"},
};

constexpr std::array en_roles{
    RoleRow{"By", "reporter"},
};

}  // namespace

std::span<const PatternRow> english_patterns() {
    return en_rows;
}
std::span<const RoleRow> english_roles() {
    return en_roles;
}

}  // namespace paperbag::text
