// Text repair and measurement: the character rules the segmenter uses, all from ICU
// character properties (East Asian Width, general category); no hand-written tables.
//
// - repair_line: trims a printed line; collapses spaced-out (justified) CJK lines; in body
//   text removes the extractor's spaces between CJK characters and between CJK and digits
//   ("5 月 15 日" -> "5月15日"). Titles keep their deliberate spaces ("老房焕新颜 街巷添温度")
//   except the CJK-digit ones and spaced-out justification.
// - join_lines: re-joins wrapped lines: nothing between CJK, one space between Latin words,
//   a break hyphen ("coun-" + "cil") is undone.
// Full-width and half-width forms are kept as printed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace paperbag::text {

enum class RepairMode { body, title };

// Printed width of a line in CJK character cells: wide letters count 1, wide punctuation
// and everything else 1/2 (CJK punctuation is set half-width at line ends and in runs).
double line_width(std::string_view line);

// True when the line is spaced out by justification ("实 施 服 务 业").
bool spaced_out(std::string_view line);

std::string repair_line(std::string_view line, RepairMode mode);

// Joins already repaired lines of one paragraph.
std::string join_lines(const std::vector<std::string>& lines);

// Joins two texts (e.g. two paragraphs of a caption) with the same rule as line joins.
void append_joined(std::string& out, std::string_view next);

// Last/first code point of a UTF-8 string (U+0000 for empty).
char32_t last_char(std::string_view s);
char32_t first_char(std::string_view s);

// Character classes used by the segmenter.
bool is_wide(char32_t c);                  // East Asian Width W or F
bool is_sentence_end(std::string_view s);  // ends in 。！？；… . ! ? ; after closing quotes
bool has_letters(std::string_view s);      // any letter or ideograph
// Any clause or sentence punctuation inside: a wide mark with the Terminal_Punctuation
// property (，。、；：！？) or ASCII , ; ! ? (titles rarely have them, body lines usually do).
bool has_clause_punct(std::string_view s);
// has_clause_punct, except that one wide colon inside the text (not at its end) is allowed:
// a headline "俊继：全年差盲福挂七千万皮" names its topic before a colon, a lead ends in one.
bool has_clause_punct_for_title(std::string_view s);

// Removes a trailing run of whitespace (ASCII and U+3000).
std::string_view trim(std::string_view s);
// Letters and digits and every non-ASCII character, ASCII lower-cased, the rest dropped:
// "THE DAY BOOK." and "The Day Book" fold alike (a newspaper's title against its masthead).
std::string folded(std::string_view s);

}  // namespace paperbag::text
