// Headline + deck, not kicker + headline, when the first title wrapped (issue 10, twelfth
// round). Two neighbouring title units that best match the same article form one cluster, and
// every title of a cluster before the last was read as its kicker. A kicker (引题) is one short
// line set above the headline in smaller type; the headline is the line that fills its column
// and wraps ("撤湖规经粗害中昆铄八韵八" / "做"). So when the first unit is a title paragraph
// of two or more lines (not a tight stack of parts) and the unit after it is a single line,
// that line is the deck printed under the headline. See docs/segmentation.md ("Twelfth round:
// -layout").
#pragma once

#include "import/segment_classify.hpp"

namespace paperbag::text {

// True when `next`, a title piece linked in one cluster right after the title piece `title`,
// is the deck under a wrapped headline: `title` spans two or more lines, `next` one, and
// neither is a line of a tight stack.
bool deck_under_wrapped_title(const Piece& title, const Piece& next);

}  // namespace paperbag::text
