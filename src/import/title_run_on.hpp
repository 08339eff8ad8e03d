// English headlines wrapped in a text without blank lines (issue 10, eleventh round: -raw
// headlines).
//
// `pdftotext -raw` prints a title stack with no blank line between its lines, and a headline
// too long for its measure comes out as two title lines ("Only Strong Counter Attack Can Save
// Reds From" / "Crushing Defeat."). Each line became a title unit of its own, and the first
// was read as the kicker over the second. A headline or kicker never ends on a preposition,
// an article or a conjunction: a Latin title line whose last word is one of those goes on in
// the title line printed right under it.
#pragma once

#include <cstddef>
#include <string_view>

namespace paperbag::text {

// A title of this many lines takes no further line (a headline wraps onto two or three
// lines; a longer run of lines ending in "of" is not one title, and merging it line by line
// would cost time quadratic in its length).
inline constexpr std::size_t max_run_on_title_lines = 4;

// True when the Latin `title` ends in an English word that cannot end a title (a
// preposition, an article or a conjunction: "…Save Reds From", "…Place Tablets in"), in any
// letter case, with no punctuation after it.
bool latin_title_runs_on(std::string_view title);

}  // namespace paperbag::text
