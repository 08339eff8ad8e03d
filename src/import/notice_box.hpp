// Notice and advertisement boxes that assembly took for articles (issue 10, twelfth round).
//
// A box printed among the articles ("新书预告" / "《世界知识年鉴》即将出版", "天气预报" /
// "北京晴偏北风二三级", "中央电视台第一套节目" / "19:00新闻联播…") has a few short lines with
// no sentence in them; only some of its lines match a furniture row of the pattern tables
// ("各地新华书店有售"), so the rest was read as the body of an article of its own. An
// article's text states something: its body ends a sentence somewhere, or it opens with a
// dateline or byline, or it goes on on another page (a jump line). A short body with none of
// these is the text of a box, page furniture. See docs/segmentation.md ("Twelfth round:
// -layout").
#pragma once

#include <cstddef>
#include <string_view>

namespace paperbag::text {

// Longest body text (code points, white space not counted) still read as a box's text.
inline constexpr std::size_t max_notice_chars = 100;

// True when `body` (the body text of an article with no dateline, byline, jump line,
// signature or credit) is a notice or advertisement box's text: fewer than
// max_notice_chars printed characters and no sentence-ending mark (。！？.!? and the like)
// among them.
bool reads_as_notice(std::string_view body);

}  // namespace paperbag::text
