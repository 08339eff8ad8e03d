// Stage 4 of segmentation: paragraphs -> classified pieces.
//
// Each paragraph is cut, at pattern matches, into pieces that partition its bytes: a
// dateline, a bracketed byline, a continuation line, a photo credit are split off the
// paragraph they were printed in; whole-paragraph bylines, signatures and subtitles are
// recognised; what is left is a title (short, no sentence end, at most three lines) or
// body text. Every piece carries its repaired text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import/patterns.hpp"
#include "import/segment_blocks.hpp"
#include "import/text_repair.hpp"
#include "paperbag/model.hpp"

namespace paperbag::text {

enum class PieceKind {
    body,
    title,
    subtitle,
    byline,
    dateline,
    continuation_to,
    continuation_from,
    signature,
    credit,
    furniture,  // page furniture: never part of an article
    separator   // a rule between items: furniture that also ends the item before it
};

struct Piece {
    PieceKind kind = PieceKind::body;
    std::size_t begin = 0;  // decoded byte range; pieces partition the text
    std::size_t end = 0;
    std::size_t first_line = 0;  // 1-based
    std::size_t last_line = 0;
    std::string text;             // repaired
    std::vector<Byline> bylines;  // byline pieces
    std::string page;             // continuation pieces: the page label
    std::string key;              // continuation pieces: the jump keyword, if any
    std::string name;             // signature and credit pieces: who
    std::size_t paragraph = 0;    // index into Layout::paragraphs
    std::size_t group = 0;
    double column = 0;
    double width = 0;
    double first_width = 0;       // its paragraph's first line (cells); 0 when spaced out
    std::size_t stack = 0;        // title lines of one printed stack share it (paragraph + 1)
    bool picture_marker = false;  // a short body paragraph that says it is a caption (图为)
    bool caption_lead = false;    // a body piece that starts like a caption ("图为…")
    bool caption = false;         // set by assembly
};

std::vector<Piece> classify(std::string_view text, const std::vector<Line>& lines,
                            const Layout& layout, const PatternSet& patterns);

// Bylines from a byline text: "记者 李雅萍 通讯员 武姝君" or "ROBERT OKAFOR"; `title` is an
// English byline's title line ("Courier Staff Writer"), may be empty.
std::vector<Byline> parse_bylines(std::string_view names, std::string_view title,
                                  const PatternSet& patterns);

// A bracketed signature printed after a paragraph's last sentence ("…驻心你。（新华社）"): the
// match of the signature row that ends `text`, when a finished sentence stands before it.
std::optional<PatternMatch> trailing_signature(const PatternSet& patterns, std::string_view text);

// A sentence ends inside the Latin text ("himself. The pistol"; not "Mr. Orr", "B. Orr").
bool inner_sentence_end(std::string_view t);
// Ends with an initial ("Theodore W."): a full stop that ends no sentence.
bool ends_with_initial(std::string_view s);
// Letters present and none of them lower case: "RAIL SAFETY BILL".
bool all_caps(std::string_view s);
// A Latin title set in title case, which may end with a full stop (older English papers):
// every word of four letters or more capitalised, at least two, no sentence end inside.
bool title_case_sentence(std::string_view raw);

// Repairs a raw multi-line slice: each line repaired, lines re-joined.
std::string repair_text(std::string_view raw, RepairMode mode);

}  // namespace paperbag::text
