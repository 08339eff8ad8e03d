// Whether an "article" assembled from a page is a notice or advertisement box instead: its
// short body ends no sentence (issue 10, twelfth round: plain pdftotext and -layout).
//
// An article's running text is made of sentences; even a one-sentence short item ends with a
// full stop, or it opens with a dateline or byline, or goes on on another page. The lines of
// a notice box ("本报启事" / "本版欢迎读者投稿" / "请附作者姓名及联系地址" / "稿件恕不退还"), of
// an advertisement ("优质钢材 信誉第一"), a programme ("19:00新闻联播") or a stray title line
// read as body end none (a full stop between digits, "3.5", ends no sentence). Such a body is
// page furniture when it is short; a long text without a sentence end (a table, a list) is
// left as it is.
#pragma once

#include <string_view>
#include <vector>

#include "import/patterns.hpp"

namespace paperbag::text {

// The most characters (code points, white space not counted) of a body read as a box.
inline constexpr std::size_t notice_box_chars = 100;
// The most characters of an advertisement paragraph (below).
inline constexpr std::size_t notice_box_slogan_chars = 80;

// `body`: the text of the article's body paragraphs, in order (intertitles and markers
// excluded). False when the body is empty.
bool body_reads_as_notice(const std::vector<std::string_view>& body);

// A paragraph read as body that is the lines of an advertisement box: at most
// notice_box_slogan_chars characters without any clause or sentence punctuation (a time
// "19:00" or a number "3.5" has none in this sense), and its text, its lines joined, ends with a
// line of page furniture that no single line of it matched (a slogan wrapped across two lines:
// "质量可靠 服务周到 欢迎" / "来函洽谈").
bool paragraph_ends_in_furniture(std::string_view text, const PatternSet& patterns);

}  // namespace paperbag::text
