// A stage of assembly: splitting articles at the titles printed away from them.
//
// When a page prints more title units than it has articles, some titles have lost their
// article: its paragraphs were read into the article before it (short items without
// dateline or byline, their headlines collected at the end of the page or printed after
// their bodies). A title's "home" is the paragraph that holds the largest share of its
// character n-grams (`NgramProfile`), when that share is at least `home_share` and beats
// its share in every other paragraph of the page by `home_margin`. An article that is
// home to titles in two or more of its paragraphs is split before each home paragraph but
// its first; an article with a headline of its own (a title right above it, most like one
// of its paragraphs) before each home paragraph but the very first; at most
// (titles - articles) splits per page, strongest first. Two titles of
// one zone that stands right above or right below an article and are home in that article
// are its own title stack (kicker and headline, headline and deck): they count as one home,
// at the first; three or more are the headlines of as many items. Cost: one
// profile per paragraph and one look-up per title n-gram (`ProfileIndex`), linear in the
// page.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace paperbag::text {

inline constexpr double home_share = 0.4;
inline constexpr double home_margin = 0.25;
// A title right above an article is its own headline when it is most like one of its
// paragraphs, with at least this share (the linking threshold).
inline constexpr double own_share = 0.2;

struct TitleUnit {
    std::string text;
    std::size_t zone = 0;  // title units of one zone (run of titles) share it
    int above = -1;        // the article the zone stands right above (-1: none)
    int below = -1;        // the article the zone stands right below (-1: none)
};

// `paragraphs[a]` are the body paragraphs of article a in order (empty for a caption or an
// item that cannot be split); `titles` the page's title units. Returns, per article, the
// sorted paragraph indices before which it is split (never 0). A page with more than
// `max_link_pairs` title-paragraph pairs is not split.
std::vector<std::vector<std::size_t>> split_at_titles(
    const std::vector<TitleUnit>& titles, const std::vector<std::vector<std::string>>& paragraphs,
    std::size_t articles);

// A report filed from a second place inside one article ("本报东京3月24日电…" after the
// article's own dateline and paragraphs): a part that starts with a dateline, got no
// headline, and follows an article directly is that article's second dispatch when at
// least `dispatch_share` of the article's title n-grams (kicker and headline) occur in it,
// or of the title's with its deck (`deck`, empty when it has none): as in headline linking, a
// deck describes the article too (a headline of few words over a deck that names the
// report's subject; twelfth round).
inline constexpr double dispatch_share = 0.25;
bool second_dispatch(const std::string& title, const std::string& part,
                     const std::string& deck = {});

}  // namespace paperbag::text
