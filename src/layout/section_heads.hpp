// Section labels over the first item of a section, across pages.
//
// Older papers head a section with a label ("Zeitungsnachrichten." / "Nouvelles des
// journaux.") and each of its items with a heading of its own, smaller, in one style
// ("Kölnische Zeitung.", then "Frankfurter Postzeitung.", "Dagbladet." on the next page). The
// first item's stack holds both, and segment_layout() sees only one page: when the other
// items are on the next pages it takes the larger label for the headline. This pass, over the
// whole issue, gives that item the heading set like the later items' own.
#pragma once

#include <vector>

#include "paperbag/model.hpp"

namespace paperbag::layout {

// `articles` in page order, their blocks in `pages`. An article whose title stack is in the
// old style (every title closed by a full stop) and whose last title is set like the single
// heading of a later article on the same or the next two pages (same font family and size,
// from the input's styles) gets that title as its headline; the titles above it become the
// kicker. The blocks' kinds follow.
void relabel_section_heads(std::vector<Article>& articles, std::vector<Page>& pages);

}  // namespace paperbag::layout
