// Whether a two-line CJK title stack is one headline wrapped across the line break rather
// than kicker + headline or headline + deck. A typeset headline in large type over a narrow
// column wraps, and a text extractor gives each printed line a line of its own
// (`雷端读子诺特藤` / `原建条余铮憾`). The evidence: the two characters either side of the break
// are printed together elsewhere near the stack (in the article's body, which repeats the
// headline's words), so the break falls inside a word. Used only where the text is not
// double-spaced: a rendering with the seed page's artefacts prints every title part on a
// line of its own and does not wrap headlines.
#pragma once

#include <cstddef>
#include <string_view>

namespace paperbag::text {

// How far (bytes) either side of the stack the pair is looked for: the article's opening
// paragraphs when the headline is above them, its last ones when it is printed after.
inline constexpr std::size_t wrap_search_reach = 3000;

// `page`: the page text; `first`, `second`: the two lines (views into `page`, trimmed or
// not). True when the last character of `first` and the first character of `second` are
// both CJK ideographs and occur side by side in `page` within wrap_search_reach bytes of
// the stack (the stack's own lines excluded).
bool wrapped_inside_word(std::string_view page, std::string_view first, std::string_view second);

}  // namespace paperbag::text
