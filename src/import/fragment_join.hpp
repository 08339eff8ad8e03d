// A stage of assembly: a block printed out of reading order joins the article it continues.
//
// Extractors that read a page block by block (pdftotext's default mode, mutool) may print a
// column of one article, then a piece of another article (its headline, its lead, a column
// of it), then the rest of the first article as a block of its own. The first article stops
// inside a sentence ("…粗劲撤"), and the block that goes on with it starts inside one
// ("湖第二。著外，…"). Such an article is "open": its last piece stops mid-sentence and the
// text after it is not its own. A block that starts a new paragraph group joins the open
// article that it continues best, judged by evidence that holds on any page:
//  * the junction: the character bigram formed by the article's last character and the
//    block's first one ("撤" + "湖") occurs elsewhere in the article or the block (a word
//    of the article's subject cut by the column break), or, in Latin text, the article ends
//    with a hyphen or the block starts with a lower-case word;
//  * cohesion: the share of the block's character n-grams (headline_link's NgramProfile)
//    found in the article;
//  * measure: pieces of one column share its width, so an article set to another measure
//    (more than `fragment_measure` cells apart) is not asked.
// An "article" without a title above it and without any clause punctuation (title lines
// read as body) is never asked.
// The score is cohesion plus `junction_bonus` for a junction; the block joins the best
// candidate when it beats the article the block would otherwise join (`here`, which may be
// none). Callers pass a bounded number of candidates (the last few items), so the cost per
// block does not grow with the page.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace paperbag::text {

inline constexpr double junction_bonus = 0.3;
inline constexpr double fragment_measure = 2.0;
// A block right after a title stack joins an open article only with this score: a new
// article's body starts there unless the evidence says otherwise.
inline constexpr double after_title_score = 0.1;
// When the article the block would join stops inside a sentence too, the block most likely
// goes on with it (reading order): another article must beat it by this much.
inline constexpr double open_here_margin = 0.15;

struct OpenArticle {
    std::string text;     // its text so far (pieces joined)
    std::string tail;     // its last piece, which stops inside a sentence
    double measure = 0;   // widest line of its last piece (cells); 0 when unknown
    bool headed = false;  // a title stands right above it
};

struct Fragment {
    std::string text;    // the block's body text
    double measure = 0;  // widest line of the block (cells); 0 when unknown
};

// True when the bigram of `tail`'s last character and `block`'s first character looks like
// one word cut by a column break (see above); `context` is the text it is looked up in.
bool junction_joins(std::string_view tail, std::string_view block, std::string_view context);

// A paragraph that starts inside a sentence: a lower-case Latin word, or an ideograph on a
// first line set to the paragraph's full measure (`first_width` against its widest line
// `width`, cells; a new paragraph's first line is indented), on a paragraph of several lines.
bool starts_inside_sentence(std::string_view text, double first_width, double width,
                            bool several_lines);

// The score of `fragment` continuing `article` (cohesion plus junction bonus), or a negative
// value when the measures differ.
double continuation_score(const Fragment& fragment, const OpenArticle& article);

// Index into `candidates` of the open article the fragment continues, or -1. `here` is the
// article the fragment joins otherwise (null: a new article); a candidate must beat its
// score by `margin`. `floor` is the least score a candidate needs.
int continued_article(const Fragment& fragment, const std::vector<OpenArticle>& candidates,
                      const OpenArticle* here, double floor = 0.0, double margin = 0.0);

}  // namespace paperbag::text
