// English headlines against intertitles (issue 10, tenth round: English pages).
//
// Older American papers set an item's headline in capitals ("CHICAGO BRIEFS", "BIG BROTHER
// TO EVANSTON") and the subheads inside an item in mixed case, ending with a full stop
// ("Car Found Near Beach.", "Want Hebb Site."). A short title line between two body
// paragraphs reads as an intertitle; in Latin text it is a new item's headline instead when
//  * it is set in capitals: two words of letters or more and no lower-case letter, and
//  * the paragraph before it is complete: it ends a sentence (the item before is finished;
//    a subhead may interrupt a story anywhere, a new item starts after a full stop).
// A caller also has the measure test of intertitles (same column width before and after).
//
// The other way round, a line of body text read as a title: an extractor breaks a paragraph
// at a column foot or box edge with a blank line, and its first part, without a full stop,
// looks like a title ("Pit ponies of one of the English / mines were brought to the
// surface when the miners stopped work some" / "weeks ago. Not one ..."). When the body
// right after it starts with a lower-case word and the title is not set in capitals and
// does not end a sentence, the two are one paragraph: a headline is never followed by a
// sentence's middle.
#pragma once

#include <string_view>

namespace paperbag::text {

// True when `title` (one title line or stack, Latin) between two body paragraphs starts a
// new item after `before` (the body paragraph right above it) rather than being its
// intertitle (see above).
bool caps_headline_after_item(std::string_view title, std::string_view before);

// A headline in capitals printed with no blank line under it, right above its body
// ("COLLECTING OLD PHONOGRAPH" / "RECORDS FOR SOLDIERS" / "Well known in eastern society"):
// a paragraph that opens with 1-3 lines in capitals (plain Latin text, two words or more in
// all) and goes on in a line that is not, in a run that ends a sentence (body text, not an
// advertisement's slogan lines), ends its title there. True for a line of that title.
bool latin_caps_line(std::string_view line);
// A line of running English text: three words of four letters or more in lower case
// ("one of the birdmen who will try this"); an advertisement's slogans are in title case.
bool sentence_case_line(std::string_view line);
// `title_lines` in capitals over `next` (not in capitals, starting like a sentence): the
// caller checks the rest (a sentence end follows, the lines open a paragraph).
bool caps_title_over_line(std::string_view title_lines, std::string_view next);

// A dateline of plain Latin text ("Lisbon, Sept. 28.—"): one that opens a dispatch which a
// run of dispatches printed as one item may go on with (segment_page: dispatch_goes_on).
bool latin_dispatch(std::string_view dateline);

// True when the Latin `title` piece is the first part of the paragraph `next_body` goes
// on with (see above).
bool title_runs_into_body(std::string_view title, std::string_view next_body);

}  // namespace paperbag::text
