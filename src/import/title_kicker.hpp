// A kicker with clause punctuation (twelfth round). A headline carries no clause
// punctuation: none of the 147 kickers, headlines and decks of the development truth has a
// 、，；。 in its headline. A kicker may: an enumeration of the places or parties it is about
// ("北京塞颜、塞麦援存值") or a colon that introduces the headline ("坚旧零洲："). Such a
// line was read as a line of body text, so in double-spaced text it became a headless
// article of one line and its stack lost its first line. A line that could be that kicker:
// CJK, no sentence end, its only clause punctuation ideographic commas (、) and one colon,
// at least one of them, at most `max_kicker_cells` wide. The caller decides from the line's
// place (printed with no blank line over a title line without any punctuation, in
// double-spaced text, where body lines are never printed tight but after a digit).
#pragma once

#include <string_view>

namespace paperbag::text {

inline constexpr double max_kicker_cells = 30;

bool punctuated_kicker(std::string_view line);

}  // namespace paperbag::text
