// Titles printed after their article, right above a photo caption (issue 10, tenth round).
//
// A headline printed under its article's last paragraph stands just as close to a caption
// that follows as the caption's own first line does, and a caption's first lines often carry
// no punctuation either: the paragraph finder reads the headline (or a kicker and headline)
// as the first lines of the caption's paragraph, or the caption reaches back over it. The
// words tell them apart: a headline repeats words of its article (its character bigrams are
// in the article's text before it), while a caption's first line goes on with the caption's
// own sentence and names the picture, not the article above. Measured with the
// headline-linking profile (CJK character bigrams, Latin words).
#pragma once

#include <string_view>
#include <vector>

#include "import/patterns.hpp"
#include "import/segment_classify.hpp"
#include "import/text_lines.hpp"

namespace paperbag::text {

// A title's n-grams in the text before it: at least this share ...
inline constexpr double caption_title_before = 0.4;
// ... and this much more than in the caption's own text.
inline constexpr double caption_title_margin = 0.25;
// At most this many title lines (kicker, headline, deck) open a caption's paragraph.
inline constexpr std::size_t caption_title_lines = 3;
// The caption keeps at least this many printed lines below the title lines.
inline constexpr std::size_t caption_kept_lines = 2;
// The title is compared with this much body text before it (bytes), read from at most this
// many pieces back (so that a page of captions without body text stays linear).
inline constexpr std::size_t caption_title_context = 3000;
inline constexpr std::size_t caption_title_reach = 200;

// `title`: the title lines; `before`: the body text printed before them (the article they
// would close); `caption`: the caption's text below them, no shorter than the title.
bool title_closes_article(std::string_view title, std::string_view before,
                          std::string_view caption);

// The body text of the pieces before `piece` (not captions), at most caption_title_context
// bytes and caption_title_reach pieces back, in page order.
std::string text_before(const std::vector<Piece>& pieces, std::size_t piece);

// For every credit whose caption paragraph (the body pieces of its group before it) opens
// with 1-3 CJK lines without clause punctuation and before any line that starts like a
// caption ("图为…"), that close the article before it (title_closes_article) and leave the
// caption at least caption_kept_lines lines, cuts those lines off as title pieces (two or
// three lines: one printed stack, roles as title_stack decides). Not after a dateline,
// byline or title: there the paragraph is an article's body. `text`: the decoded page;
// `lines`: its lines.
void split_closing_titles(std::vector<Piece>& pieces, std::string_view text,
                          const std::vector<Line>& lines, const PatternSet& patterns);

}  // namespace paperbag::text
