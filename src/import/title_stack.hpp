// Which line of a two-line CJK title stack is the headline: kicker + headline (引题 over
// 主题) or headline + deck (主题 over 副题). The stack is printed without blank lines and
// without the type sizes that tell them apart on paper, so only the words and the widths are
// left. Conventions checked first, the widths last:
// - a first line ending in a colon ("…：") or in a series number ("…第三场", "…之二") is
//   a kicker: a running title over the headline of one part of a series;
// - a first line with clause punctuation over a second line without any is a kicker: a
//   headline has none (an enumeration "…、…" is a kicker's, twelfth round);
// - a second line wholly in brackets ("（2002年第3号）") is a deck: it numbers or
//   qualifies the headline above it;
// - otherwise a second line at least as wide as the first is the deck (on the development
//   set 14 of 21 headline + deck stacks, 9 of 21 kicker + headline stacks).
// A second line starting with a deck dash ("——") is decided by the caller's pattern table.
#pragma once

#include <string_view>

namespace paperbag::text {

// `first`, `second`: the two lines, trimmed; `first_width`, `second_width`: their printed
// widths (cells, line_width). True when the second line is the deck (the first line is the
// headline), false when the first line is the kicker (the second line is the headline).
bool stack_second_is_deck(std::string_view first, std::string_view second, double first_width,
                          double second_width);

// The first line names one part of a series: it ends in 第 + numeral + one counter
// ("第三场", "第6站") or in 之 + numeral ("系列报道之二").
bool ends_in_series_number(std::string_view line);

// The whole line is one bracketed phrase: "（…）", "(…)", "【…】".
bool wholly_bracketed(std::string_view line);

// A three-line stack whose last two lines are one deck wrapped over two lines, under its
// headline (tenth round): a deck set in smaller type runs longer than the headline and wraps,
// and the lines of a wrapped text fill one measure. Both lines are at least
// `wrapped_deck_ratio` times as wide as the first and within `wrapped_deck_equal` cells of
// each other. A kicker, headline and deck are each one short phrase of their own width (on
// the development set: 14/12/14, 10/10/12, 11/12/13 cells; the headline + two-line decks:
// 9/16/15, 15/26/26).
inline constexpr double wrapped_deck_ratio = 1.5;
inline constexpr double wrapped_deck_equal = 1.5;
bool last_two_are_wrapped_deck(double first_width, double second_width, double third_width);

}  // namespace paperbag::text
