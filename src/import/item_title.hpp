// Whether a title printed between two body paragraphs of an open article starts a new item
// (a short item of a 短讯 column, whose headline stands inline over its first paragraph) or
// is an intertitle of the article (a crosshead).
//
// Evidence: a short item's headline names what its first paragraph says, and little of what
// the item before it said; an intertitle belongs to the article around it. Measured with the
// headline-linking profile (CJK character bigrams, Latin words): the title starts an item
// when a good share of its n-grams is in the paragraphs right after it and clearly more than
// in the article before it, it is set narrower than those paragraphs (a body line read as a
// title fills the column), and it has no lower-case letters (English crossheads are set in
// sentence case, "Car Found Near Beach.", headlines of short items in capitals).
#pragma once

#include <string_view>

namespace paperbag::text {

// A title's n-grams in the paragraphs after it: at least this share ...
inline constexpr double item_title_after = 0.4;
// ... and this much more than in the text of the article before it.
inline constexpr double item_title_margin = 0.2;
// A title that shares no n-gram at all with the article before it (a crosshead is made of
// its article's words) needs only this share in the paragraphs after it.
inline constexpr double item_title_after_unshared = 0.25;

// A title at least this much narrower (cells) than the widest line of the paragraphs after it.
inline constexpr double item_title_narrower = 2.0;

// `width`: the title's widest printed line (cells); `before`: the open article's text (its
// last paragraphs); `after`: the body paragraphs that follow the title, up to the next
// non-body piece; `measure`: the widest line of `after`.
bool title_starts_item(std::string_view title, double width, std::string_view before,
                       std::string_view after, double measure);

}  // namespace paperbag::text
