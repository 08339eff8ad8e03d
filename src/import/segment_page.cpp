#include "import/segment_page.hpp"

#include <algorithm>
#include <cmath>

#include <unicode/uchar.h>

#include "import/caption_title.hpp"
#include "import/english_heads.hpp"
#include "import/fragment_join.hpp"
#include "import/headline_link.hpp"
#include "import/item_title.hpp"
#include "import/notice_box.hpp"
#include "import/patterns.hpp"
#include "import/segment_blocks.hpp"
#include "import/segment_classify.hpp"
#include "import/segment_split.hpp"
#include "import/text_columns.hpp"
#include "import/text_lines.hpp"
#include "import/text_repair.hpp"
#include "import/title_deck_spacing.hpp"
#include "import/title_deck_wrap.hpp"
#include "import/title_wrap_columns.hpp"
#include "paperbag/ids.hpp"

namespace paperbag::text {

namespace {

// Scores of headline linking (see docs/segmentation.md).
constexpr double link_threshold = 0.2;
constexpr double bonus_above_article = 0.25;  // the title stands right above an article
constexpr double bonus_above_caption = 0.1;   // ... right above a caption
constexpr double bonus_after_body = 0.1;      // ... right after the end of an article
// ... right after the end of an article, over a caption, with no article after it on the
// page: a title that heads nothing below it closes the article above, even one that shares
// no word with it (a headline printed after its article, then a photo's caption).
constexpr double bonus_after_last_body = 0.2;
// A caption's first line is narrower than its column by its indent, at most this (cells).
constexpr double caption_indent = 2.5;
// A caption is at most this many printed lines (line numbers span twice that when the
// text is double-spaced).
constexpr std::size_t caption_lines = 6;
// Paragraphs whose widest lines differ by this many cells are set to different measures.
constexpr double measure_change = 2.0;

// A paragraph that stops inside a sentence: no sentence end, and no closing bracket or
// quote (a bracketed signature or note, "（机价）", closes what it follows).
bool stops_mid_sentence(std::string_view text) {
    const std::string_view t = trim(text);
    if (t.empty() || is_sentence_end(t)) return false;
    const char32_t c = last_char(t);
    const auto type = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(c)));
    return type != U_END_PUNCTUATION && type != U_FINAL_PUNCTUATION;
}

struct Item {
    bool illustration = false;
    std::vector<std::size_t> pieces;
    bool open = true;
    bool has_body = false;
    bool has_dateline = false;
};

struct Zone {
    std::vector<std::size_t> pieces;  // title and subtitle pieces
    int prev = -1;                    // item that ends right before the zone
    int next = -1;                    // item that starts right after it
};

struct Cluster {
    std::vector<std::size_t> titles;     // title pieces in order
    std::vector<std::size_t> subtitles;  // subtitle pieces
    int zone = 0;
    bool first_in_zone = false;
    bool last_in_zone = false;
    std::string text;
};

class Assembler {
public:
    Assembler(std::vector<Piece>& pieces, const PageContext& context)
        : p_(pieces), context_(context) {}

    void run() {
        // A title piece that a lower-case body goes on with is that body's first part
        // (english_heads).
        for (std::size_t i = 0; i + 1 < p_.size(); ++i)
            if (p_[i].kind == PieceKind::title && p_[i].stack == 0 &&
                p_[i + 1].kind == PieceKind::body &&
                title_runs_into_body(p_[i].text, p_[i + 1].text))
                p_[i].kind = PieceKind::body;
        mark_captions();
        for (std::size_t i = 0; i < p_.size();) i = step(i);
        if (!columns_read) split_articles();
        link_headlines();
        if (!columns_read) join_dispatches();
        drop_notice_boxes();
    }

    std::vector<Item> items;
    std::vector<Zone> zones;
    std::vector<int> owner;                            // piece -> item (or -1)
    std::vector<BlockKind> kinds;                      // piece -> block kind
    std::vector<std::optional<std::size_t>> assigned;  // item -> cluster
    std::vector<Cluster> clusters;
    std::vector<double> confidence;  // item -> headline confidence
    std::vector<Diagnostic> warnings;
    // The text was read column by column out of a layout grid: a line cut at a column's foot
    // (a paragraph's first line) looks like a title there, so no inline item headline is
    // read from it; and its paragraph order is rebuilt and says little about where an item
    // starts, so articles are neither split at titles printed away from them nor joined as
    // second dispatches.
    bool columns_read = false;

private:
    // A credit ends a caption; the caption reaches back over body pieces of the same
    // paragraph group, up to a title, a marker or another group. Without a credit, a short
    // paragraph with a picture marker ("图为…", "…（图）", "Pictured:") is a caption when it
    // stands alone: after a title, a closed item or the page start, and not followed by
    // more body text (which would make it the first paragraph of an article).
    void mark_captions() {
        for (std::size_t c = 0; c < p_.size(); ++c) {
            if (!p_[c].picture_marker || p_[c].kind != PieceKind::body) continue;
            const bool alone_before =
                c == 0 || p_[c - 1].kind == PieceKind::title ||
                p_[c - 1].kind == PieceKind::subtitle || p_[c - 1].kind == PieceKind::credit ||
                p_[c - 1].kind == PieceKind::signature ||
                p_[c - 1].kind == PieceKind::continuation_to || p_[c - 1].caption;
            const bool alone_after =
                c + 1 == p_.size() || p_[c + 1].kind != PieceKind::body || p_[c + 1].picture_marker;
            if (alone_before && alone_after) p_[c].caption = true;
        }
        for (std::size_t c = 0; c < p_.size(); ++c) {
            if (p_[c].kind != PieceKind::credit) continue;
            p_[c].caption = true;
            std::size_t i = c;
            while (i > 0) {
                const Piece& prev = p_[i - 1];
                if (prev.kind != PieceKind::body || prev.group != p_[c].group || prev.caption)
                    break;
                --i;
            }
            // A run right after a byline or dateline is an article's body: the caption is
            // only its last paragraphs from a picture marker ("图为…"), else the credit's
            // own paragraph.
            const bool after_article_start =
                i > 0 &&
                (p_[i - 1].kind == PieceKind::byline || p_[i - 1].kind == PieceKind::dateline ||
                 p_[i - 1].kind == PieceKind::continuation_from);
            if (after_article_start) {
                std::size_t from = c;
                for (std::size_t k = c; k > i; --k) {
                    if (p_[k - 1].caption_lead) {
                        from = k - 1;
                        break;
                    }
                }
                // Never the article's whole body (c - 1 == i): that stays the article's.
                if (from == c && c > i + 1 && p_[c - 1].paragraph == p_[c].paragraph) from = c - 1;
                // A credit printed as a paragraph of its own: the short paragraph above it
                // is the caption, unless it is all the article's body (single-spaced text
                // where the caption's lines run on from the body's).
                if (from == c && c > i + 1 && p_[c - 1].kind == PieceKind::body &&
                    p_[c - 1].last_line - p_[c - 1].first_line < 2 * caption_lines)
                    from = c - 1;
                i = from;
            }
            // Lines of the caption without punctuation read as title lines: a lone title line
            // one blank line above the caption (its rhythm), set to the caption's measure (no
            // wider, at most the first-line indent narrower), is the caption's first line.
            if (!after_article_start) {
                while (i > 0) {
                    const Piece& prev = p_[i - 1];
                    const double next = p_[i].width;
                    if (prev.kind != PieceKind::title || prev.stack != 0 || prev.caption ||
                        prev.last_line != prev.first_line ||
                        p_[i].first_line != prev.last_line + 2 || prev.width > next + 0.5 ||
                        prev.width < next - caption_indent || closes_article(i - 1, c))
                        break;
                    --i;
                }
            }
            for (std::size_t k = i; k < c; ++k) p_[k].caption = true;
        }
    }

    // The title piece `t` right above the caption that ends with piece `credit` is the
    // headline of the article before it (printed after its article), not the caption's
    // first line: its words are those of the body text before it (caption_title).
    bool closes_article(std::size_t t, std::size_t credit) const {
        std::string caption;
        for (std::size_t k = t + 1; k <= credit; ++k) caption += p_[k].text;
        return title_closes_article(p_[t].text, text_before(p_, t), caption);
    }

    int new_item(bool illustration) {
        items.push_back({});
        items.back().illustration = illustration;
        const int id = static_cast<int>(items.size()) - 1;
        if (!zones.empty() && zones.back().next < 0 && pending_zone_) zones.back().next = id;
        // A title zone whose next text went on with an earlier article (fragment_join)
        // stands above the next item too.
        if (held_zone_ >= 0 && !illustration &&
            zones[static_cast<std::size_t>(held_zone_)].next < 0)
            zones[static_cast<std::size_t>(held_zone_)].next = id;
        held_zone_ = -1;
        pending_zone_ = false;
        return id;
    }

    void add(int item, std::size_t piece) {
        if (owner.size() < p_.size()) owner.assign(p_.size(), -1);
        items[static_cast<std::size_t>(item)].pieces.push_back(piece);
        owner[piece] = item;
    }

    void close_current() {
        if (current_ >= 0) items[static_cast<std::size_t>(current_)].open = false;
        current_ = -1;
    }

    std::size_t step(std::size_t i) {
        if (owner.size() < p_.size()) owner.assign(p_.size(), -1);
        if (kinds.size() < p_.size()) kinds.assign(p_.size(), BlockKind::unknown);
        const Piece& piece = p_[i];
        if (piece.caption) {
            if (current_ < 0 || !items[static_cast<std::size_t>(current_)].illustration) {
                close_current();
                current_ = new_item(true);
            }
            add(current_, i);
            kinds[i] = piece.kind == PieceKind::credit ? BlockKind::credit : BlockKind::caption;
            if (piece.kind == PieceKind::credit) close_current();
            return i + 1;
        }
        if (current_ >= 0 && items[static_cast<std::size_t>(current_)].illustration)
            close_current();
        switch (piece.kind) {
            case PieceKind::furniture: kinds[i] = BlockKind::furniture; return i + 1;
            case PieceKind::separator:
                kinds[i] = BlockKind::furniture;
                if (current_ >= 0) last_article_ = current_;
                close_current();
                return i + 1;
            case PieceKind::title:
            case PieceKind::subtitle: return title_run(i);
            case PieceKind::dateline:
            case PieceKind::byline:
            case PieceKind::continuation_from: {
                // A byline with no text after it (the page ends, or a title, furniture or
                // the next item follows) was printed under its article: it closes the
                // article just before it, as a signature does.
                const bool nothing_after = i + 1 == p_.size() || p_[i + 1].caption ||
                                           p_[i + 1].kind == PieceKind::title ||
                                           p_[i + 1].kind == PieceKind::subtitle ||
                                           p_[i + 1].kind == PieceKind::furniture ||
                                           p_[i + 1].kind == PieceKind::separator;
                if (piece.kind == PieceKind::byline && current_ < 0 && nothing_after &&
                    last_article_ >= 0 && last_piece_was(i, last_article_)) {
                    add(last_article_, i);
                    kinds[i] = BlockKind::byline;
                    return i + 1;
                }
                if (piece.kind == PieceKind::dateline && dispatch_goes_on(i)) {
                    p_[i].kind = PieceKind::body;
                    add(current_, i);
                    kinds[i] = BlockKind::body;
                    return i + 1;
                }
                if (current_ >= 0) {
                    const Item& it = items[static_cast<std::size_t>(current_)];
                    if (it.has_body || (piece.kind == PieceKind::dateline && it.has_dateline) ||
                        piece.kind == PieceKind::continuation_from)
                        close_current();
                }
                if (current_ < 0) current_ = new_item(false);
                add(current_, i);
                if (piece.kind == PieceKind::dateline)
                    items[static_cast<std::size_t>(current_)].has_dateline = true;
                kinds[i] = piece.kind == PieceKind::dateline ? BlockKind::dateline
                           : piece.kind == PieceKind::byline ? BlockKind::byline
                                                             : BlockKind::continuation;
                return i + 1;
            }
            case PieceKind::body:
                if (const int to = continued_column(i); to >= 0) {
                    add(to, i);
                    kinds[i] = BlockKind::body;
                    diverted_ = to;
                    if (pending_zone_ && held_zone_ < 0)
                        held_zone_ = static_cast<int>(zones.size()) - 1;
                    return i + 1;
                }
                diverted_ = -1;
                if (current_ < 0) current_ = new_item(false);
                add(current_, i);
                items[static_cast<std::size_t>(current_)].has_body = true;
                kinds[i] = BlockKind::body;
                return i + 1;
            case PieceKind::continuation_to:
            case PieceKind::signature:
            case PieceKind::credit:
                // The end of a block that went on with an earlier article is that article's.
                if (diverted_ >= 0 && piece.kind != PieceKind::credit &&
                    last_piece_was(i, diverted_)) {
                    add(diverted_, i);
                    kinds[i] = piece.kind == PieceKind::signature ? BlockKind::signature
                                                                  : BlockKind::continuation;
                    last_article_ = diverted_;
                    diverted_ = -1;
                    return i + 1;
                }
                if (current_ < 0)
                    current_ = last_article_ >= 0 && last_piece_was(i, last_article_)
                                   ? last_article_
                                   : new_item(false);
                add(current_, i);
                kinds[i] = piece.kind == PieceKind::signature ? BlockKind::signature
                           : piece.kind == PieceKind::credit  ? BlockKind::credit
                                                              : BlockKind::continuation;
                last_article_ = current_;
                close_current();
                return i + 1;
        }
        return i + 1;
    }

    // A run of dispatches printed as one item without a headline (an older English paper's
    // "Lisbon, Sept. 28.—…" / "Cerbere, Sept. 28.—…"): a Latin dateline right after a body
    // paragraph of the open item, which itself opened with a dateline and has no title
    // above it, goes on with that item (english_heads). Items are told apart by a title, a
    // rule or a jump line; Chinese short items (简明新闻) each open with a dateline.
    bool dispatch_goes_on(std::size_t i) const {
        if (current_ < 0 || i == 0 || owner[i - 1] != current_ ||
            p_[i - 1].kind != PieceKind::body || p_[i - 1].caption)
            return false;
        const Item& it = items[static_cast<std::size_t>(current_)];
        if (!it.has_dateline || !it.has_body || it.pieces.empty()) return false;
        const std::size_t first = it.pieces.front();
        if (p_[first].kind != PieceKind::dateline) return false;
        if (first > 0 &&
            (p_[first - 1].kind == PieceKind::title || p_[first - 1].kind == PieceKind::subtitle))
            return false;
        return latin_dispatch(p_[first].text) && latin_dispatch(p_[i].text);
    }

    bool last_piece_was(std::size_t i, int item) const { return i > 0 && owner[i - 1] == item; }

    // The earlier article that body piece i goes on with: a block of body text printed out
    // of reading order (fragment_join). The pieces of the block that follow go with it. -1
    // when there is none.
    int continued_column(std::size_t i) const {
        if (i == 0 || p_[i].caption) return -1;
        if (diverted_ >= 0 && p_[i].group == p_[i - 1].group && owner[i - 1] == diverted_)
            return diverted_;
        if (p_[i].group == p_[i - 1].group) return -1;
        // Right after a title zone (over page furniture), or after a block already diverted.
        std::size_t b = i;
        while (b > 0 && p_[b - 1].kind == PieceKind::furniture && !p_[b - 1].caption) --b;
        const bool after_title =
            pending_zone_ && b > 0 &&
            (p_[b - 1].kind == PieceKind::title || p_[b - 1].kind == PieceKind::subtitle);
        if (pending_zone_ && !after_title && held_zone_ < 0) return -1;
        return fragment_target(i, i, after_title, current_);
    }

    // The open article that the block starting with body piece i continues (fragment_join),
    // or -1. The block is looked back from piece `from` (i, or the start of a title box that
    // stands before it), over page furniture and, with `after_title`, over title lines. The
    // piece before must end its item (a finished sentence, a jump line, a signature) or stop
    // inside a sentence; the candidates are the articles whose last piece stops inside a
    // sentence with something else printed after it. Only the last few items are asked (the
    // intruding text sits right after the article it cut), so a long page costs no more per
    // block than a short one. `here`: the item the block joins otherwise (-1: a new one).
    int fragment_target(std::size_t i, std::size_t from, bool after_title, int here) const {
        if (i >= p_.size() || p_[i].kind != PieceKind::body || p_[i].caption) return -1;
        std::size_t b = from;
        while (b > 0 && !p_[b - 1].caption &&
               (p_[b - 1].kind == PieceKind::furniture ||
                (after_title &&
                 (p_[b - 1].kind == PieceKind::title || p_[b - 1].kind == PieceKind::subtitle))))
            --b;
        if (b == 0) return -1;
        const Piece& before = p_[b - 1];
        if (before.caption) return -1;
        const bool ended = before.kind == PieceKind::continuation_to ||
                           before.kind == PieceKind::signature ||
                           (before.kind == PieceKind::body && !stops_mid_sentence(before.text));
        const bool open = before.kind == PieceKind::body && stops_mid_sentence(before.text);
        if (!ended && !open) return -1;
        // After a title stack a new article's body starts, unless the block starts at its
        // full measure (no paragraph indent): it goes on with a sentence.
        if (after_title && !starts_inside_sentence(p_[i].text, p_[i].first_width, p_[i].width,
                                                   p_[i].last_line > p_[i].first_line))
            return -1;
        if (!after_title && here < 0) here = owner[b - 1];
        Fragment fragment;
        bool several_lines = false;
        for (std::size_t k = i; k < p_.size() && p_[k].group == p_[i].group; ++k) {
            if (p_[k].kind != PieceKind::body || p_[k].caption) continue;
            fragment.text += p_[k].text;
            fragment.measure = std::max(fragment.measure, p_[k].width);
            several_lines = several_lines || k > i || p_[k].last_line > p_[k].first_line;
        }
        if (!several_lines) fragment.measure = 0;
        constexpr std::size_t lookback = 8;
        std::vector<OpenArticle> open_articles;
        std::vector<int> ids;
        for (std::size_t k = items.size(), asked = 0; k-- > 0 && asked < lookback; ++asked) {
            const Item& it = items[k];
            if (static_cast<int>(k) == here || it.illustration || it.pieces.empty()) continue;
            const std::size_t last = it.pieces.back();
            if (p_[last].kind != PieceKind::body || !stops_mid_sentence(p_[last].text) ||
                last + 1 >= i)
                continue;
            open_articles.push_back(open_article(static_cast<int>(k)));
            ids.push_back(static_cast<int>(k));
        }
        if (open_articles.empty()) return -1;
        std::optional<OpenArticle> at_here;
        if (here >= 0) at_here = open_article(here);
        const int chosen = continued_article(fragment, open_articles, at_here ? &*at_here : nullptr,
                                             after_title ? after_title_score : 0.0,
                                             open && !after_title ? open_here_margin : 0.0);
        return chosen < 0 ? -1 : ids[static_cast<std::size_t>(chosen)];
    }

    OpenArticle open_article(int id) const {
        const Item& item = items[static_cast<std::size_t>(id)];
        OpenArticle a;
        a.text = item_text(item);
        // The titles printed right above it say what it is about too (the last few zones).
        for (std::size_t z = zones.size(), n = 0; z-- > 0 && n < 8; ++n)
            if (zones[z].next == id) {
                a.headed = true;
                for (std::size_t k : zones[z].pieces) a.text += p_[k].text + '\n';
            }
        const std::size_t last = item.pieces.back();
        a.tail = p_[last].text;
        // The measure of its last lines: the widest of its last (up to 3) body pieces.
        std::size_t lines = 0;
        for (std::size_t n = item.pieces.size(), seen = 0; n-- > 0 && seen < 3;) {
            const Piece& piece = p_[item.pieces[n]];
            if (piece.kind != PieceKind::body) continue;
            ++seen;
            a.measure = std::max(a.measure, piece.width);
            lines += piece.last_line - piece.first_line + 1;
        }
        if (lines < 2) a.measure = 0;
        return a;
    }

    // A title run that interrupts a sentence of the open article (the body before it stops
    // inside a sentence, body follows): an ad or box the extractor read into the column,
    // not a new article's headline.
    // The run may hold lines of page furniture (an ad's slogan, a notice's lines: the box
    // printed between the titles), and furniture may stand before it.
    bool interrupts_sentence(std::size_t i, std::size_t end) const {
        std::size_t b = i;
        while (b > 0 && p_[b - 1].kind == PieceKind::furniture && !p_[b - 1].caption) --b;
        if (current_ < 0 || b == 0 || end >= p_.size()) return false;
        const Piece& before = p_[b - 1];
        const Piece& after = p_[end];
        if (owner[b - 1] != current_ || before.kind != PieceKind::body || before.caption ||
            !stops_mid_sentence(before.text) || after.kind != PieceKind::body || after.caption)
            return false;
        // Unless the text after the box goes on with another open article.
        return !continues_elsewhere(i, end);
    }

    // The body after the title run [i, end) goes on with an open article other than the
    // current one (fragment_join): the run is a title printed between two fragments out of
    // reading order, neither an intertitle nor a box inside the current article's sentence.
    bool continues_elsewhere(std::size_t i, std::size_t end) const {
        const int target = fragment_target(end, i, true, current_);
        return target >= 0 && target != current_;
    }

    // The end of the box that starts with the title run [i, end): further titles and lines
    // of page furniture up to the next other piece.
    std::size_t box_end(std::size_t end) const {
        while (end < p_.size() && !p_[end].caption &&
               (p_[end].kind == PieceKind::title || p_[end].kind == PieceKind::subtitle ||
                p_[end].kind == PieceKind::furniture))
            ++end;
        return end;
    }

    std::size_t title_run(std::size_t i) {
        std::size_t end = i;
        while (end < p_.size() && !p_[end].caption &&
               (p_[end].kind == PieceKind::title || p_[end].kind == PieceKind::subtitle))
            ++end;
        // An intertitle: one title between two body paragraphs of the same open article.
        const bool next_is_body =
            end < p_.size() && p_[end].kind == PieceKind::body && !p_[end].caption;
        // A printed stack of title lines counts as one title; it is an intertitle only when
        // the paragraphs around it are set to the same measure (a new article's headline
        // stack sits between two articles, which rarely share their column width).
        bool one_stack = end - i > 1 && p_[i].stack != 0;
        for (std::size_t k = i; k < end && one_stack; ++k) one_stack = p_[k].stack == p_[i].stack;
        const bool same_measure =
            end - i == 1 || std::abs(measure_before(i) - measure_after(end)) < measure_change;
        // A single title that names what the paragraphs after it say opens a short item
        // (item_title): neither an intertitle nor a box inside the open article's sentence.
        const bool opens = end - i == 1 && current_ >= 0 && next_is_body &&
                           p_[i].kind == PieceKind::title && opens_item(i, end);
        if (current_ >= 0 && items[static_cast<std::size_t>(current_)].has_body && next_is_body &&
            (end - i == 1 || one_stack) && same_measure && p_[i].kind == PieceKind::title &&
            line_width(p_[i].text) <= 30 && !opens &&
            !(p_[i - 1].kind == PieceKind::body &&
              caps_headline_after_item(title_text(i, end), p_[i - 1].text)) &&
            !continues_elsewhere(i, end)) {
            for (std::size_t k = i; k < end; ++k) {
                add(current_, k);
                kinds[k] = BlockKind::intertitle;
            }
            return end;
        }
        if (const std::size_t box = box_end(end); !opens && interrupts_sentence(i, box)) {
            for (std::size_t k = i; k < box; ++k) kinds[k] = BlockKind::furniture;
            return box;
        }
        Zone zone;
        if (i > 0 && owner[i - 1] >= 0) zone.prev = owner[i - 1];
        for (std::size_t k = i; k < end; ++k) {
            zone.pieces.push_back(k);
            kinds[k] =
                p_[k].kind == PieceKind::subtitle ? BlockKind::subtitle : BlockKind::headline;
        }
        if (current_ >= 0) last_article_ = current_;
        close_current();
        zones.push_back(zone);
        pending_zone_ = true;
        return end;
    }

    std::string title_text(std::size_t i, std::size_t end) const {
        std::string text;
        for (std::size_t k = i; k < end; ++k) text += p_[k].text + " ";
        return text;
    }

    // A single title between two body paragraphs of the open article that names what the
    // paragraphs after it say, not what the article said: a short item's inline headline
    // (item_title). Up to 6 body pieces either side are read, so the cost per title does not
    // grow with the page.
    bool opens_item(std::size_t i, std::size_t end) const {
        if (columns_read) return false;
        constexpr std::size_t reach = 6;
        std::string before, after;
        for (std::size_t k = i, n = 0; k > 0 && n < reach && owner[k - 1] == current_; --k, ++n)
            if (p_[k - 1].kind == PieceKind::body) before.insert(0, p_[k - 1].text + "\n");
        for (std::size_t k = end;
             k < p_.size() && k < end + reach && p_[k].kind == PieceKind::body && !p_[k].caption;
             ++k)
            after += p_[k].text + "\n";
        // A title wrapped onto a second line is as wide as its column: only its n-grams count.
        const double width = p_[i].last_line > p_[i].first_line ? 0 : p_[i].width;
        return title_starts_item(p_[i].text, width, before, after, measure_after(end));
    }

    // Latin titles only: on the rendered Chinese pages titles printed after a jump line are
    // often the ended article's (measured: 3 of 129 pages lose a headline with the rule).
    // A caption follows the zone, and no article starts after it on the page.
    bool ends_articles(const Zone& zone) const {
        if (zone.next < 0) return false;
        for (auto it = static_cast<std::size_t>(zone.prev + 1); it < items.size(); ++it)
            if (!items[it].illustration) return false;
        return true;
    }

    bool after_jump_line(const Zone& zone) const {
        const std::size_t first = zone.pieces.front();
        const std::string& text = p_[first].text;
        return first > 0 && p_[first - 1].kind == PieceKind::continuation_to && !text.empty() &&
               static_cast<unsigned char>(text[0]) < 0x80;
    }

    // The widest line of the (up to 3) body paragraphs before piece i / from piece i on:
    // the measure of the text there.
    double measure_before(std::size_t i) const {
        double w = 0;
        for (std::size_t k = i, n = 0; k > 0 && n < 3 && p_[k - 1].kind == PieceKind::body;
             --k, ++n)
            w = std::max(w, p_[k - 1].width);
        return w;
    }
    double measure_after(std::size_t i) const {
        double w = 0;
        for (std::size_t k = i; k < p_.size() && k < i + 3 && p_[k].kind == PieceKind::body; ++k)
            w = std::max(w, p_[k].width);
        return w;
    }

    std::string item_text(const Item& item) const {
        std::string text;
        for (std::size_t k : item.pieces) {
            text += p_[k].text;
            text += '\n';
        }
        return text;
    }

    // Articles that hold the paragraphs of titles printed away from them are split there
    // (segment_split). An intertitle's text counts with the paragraph after it, and goes
    // with it.
    void split_articles() {
        std::vector<TitleUnit> titles;
        for (std::size_t z = 0; z < zones.size(); ++z) {
            // One unit per title, or per printed stack of title lines (one stack, or lines
            // printed with no blank line between them).
            std::size_t stack = 0;
            std::size_t last_line = 0;
            for (std::size_t k : zones[z].pieces) {
                if (p_[k].kind != PieceKind::title) continue;
                if (last_line != 0 &&
                    ((stack != 0 && p_[k].stack == stack) || p_[k].first_line == last_line + 1))
                    titles.back().text += p_[k].text;
                else
                    titles.push_back({p_[k].text, z, zones[z].next, zones[z].prev});
                stack = p_[k].stack;
                last_line = p_[k].last_line;
            }
        }
        std::size_t articles = 0;
        std::vector<std::vector<std::string>> paragraphs(items.size());
        std::vector<std::vector<std::size_t>> starts(items.size());  // paragraph -> position
        for (std::size_t a = 0; a < items.size(); ++a) {
            if (items[a].illustration) continue;
            ++articles;
            std::string pending;
            std::size_t from = 0;
            bool have_from = false;
            const auto& pieces = items[a].pieces;
            for (std::size_t pos = 0; pos < pieces.size(); ++pos) {
                const Piece& piece = p_[pieces[pos]];
                if (kinds[pieces[pos]] == BlockKind::intertitle) {
                    if (!have_from) from = pos;
                    have_from = true;
                    pending += piece.text;
                    continue;
                }
                if (piece.kind != PieceKind::body || piece.caption) {
                    pending.clear();
                    have_from = false;
                    continue;
                }
                paragraphs[a].push_back(pending + piece.text);
                starts[a].push_back(have_from ? from : pos);
                pending.clear();
                have_from = false;
            }
        }
        const auto splits = split_at_titles(titles, paragraphs, articles);
        std::vector<Item> out;
        std::vector<int> head(items.size(), -1);  // old item -> its first part
        for (std::size_t a = 0; a < items.size(); ++a) {
            head[a] = static_cast<int>(out.size());
            std::vector<std::size_t> cuts;
            for (std::size_t k : splits[a]) cuts.push_back(starts[a][k]);
            if (cuts.empty()) {
                out.push_back(items[a]);
                continue;
            }
            const Item& item = items[a];
            std::size_t begin = 0;
            cuts.push_back(item.pieces.size());
            for (std::size_t cut : cuts) {
                Item part = item;
                part.pieces.assign(item.pieces.begin() + static_cast<std::ptrdiff_t>(begin),
                                   item.pieces.begin() + static_cast<std::ptrdiff_t>(cut));
                part.has_dateline = false;
                out.push_back(part);
                begin = cut;
            }
        }
        if (out.size() == items.size()) return;
        items = std::move(out);
        for (std::size_t a = 0; a < items.size(); ++a)
            for (std::size_t k : items[a].pieces) owner[k] = static_cast<int>(a);
        for (Zone& zone : zones) {
            if (zone.next >= 0) zone.next = head[static_cast<std::size_t>(zone.next)];
            const std::size_t first = zone.pieces.front();
            zone.prev = first > 0 ? owner[first - 1] : -1;
        }
    }

    // A headless part that starts with a dateline right after an article whose title it
    // shares (segment_split: second_dispatch) is that article's second dispatch: its
    // dateline and byline are body text of the article.
    void join_dispatches() {
        for (std::size_t it = items.size(); it-- > 1;) {
            Item& part = items[it];
            const Item& before = items[it - 1];
            if (part.illustration || before.illustration || assigned[it] || !assigned[it - 1] ||
                part.pieces.empty() || before.pieces.empty())
                continue;
            const std::size_t first = part.pieces.front();
            if (p_[first].kind != PieceKind::dateline || first == 0 ||
                owner[first - 1] != static_cast<int>(it - 1))
                continue;
            const Cluster& title = clusters[*assigned[it - 1]];
            std::string deck;
            for (std::size_t k : title.subtitles) deck += p_[k].text;
            if (!second_dispatch(title.text, item_text(part), deck)) continue;
            for (std::size_t k : part.pieces) {
                if (p_[k].kind == PieceKind::dateline || p_[k].kind == PieceKind::byline) {
                    p_[k].kind = PieceKind::body;
                    kinds[k] = BlockKind::body;
                }
                items[it - 1].pieces.push_back(k);
                owner[k] = static_cast<int>(it - 1);
            }
            items.erase(items.begin() + static_cast<std::ptrdiff_t>(it));
            assigned.erase(assigned.begin() + static_cast<std::ptrdiff_t>(it));
            confidence.erase(confidence.begin() + static_cast<std::ptrdiff_t>(it));
        }
    }

    // An item whose body is short and ends no sentence, and nothing else (no dateline,
    // byline, marker or intertitle), is a notice or advertisement box (notice_box): its
    // pieces and the titles linked to it are page furniture.
    void drop_notice_boxes() {
        std::vector<std::string_view> body;
        std::size_t kept = 0;
        for (std::size_t it = 0; it < items.size(); ++it) {
            const Item& item = items[it];
            body.clear();
            bool only_body = !item.illustration;
            for (std::size_t k : item.pieces) {
                only_body = only_body && p_[k].kind == PieceKind::body;
                body.push_back(p_[k].text);
            }
            if (only_body && body_reads_as_notice(body)) {
                for (std::size_t k : item.pieces) {
                    kinds[k] = BlockKind::furniture;
                    owner[k] = -1;
                }
                if (const auto c = assigned[it]) {
                    for (std::size_t k : clusters[*c].titles) kinds[k] = BlockKind::furniture;
                    for (std::size_t k : clusters[*c].subtitles) kinds[k] = BlockKind::furniture;
                }
                continue;
            }
            for (std::size_t k : item.pieces) owner[k] = static_cast<int>(kept);
            if (kept != it) {
                items[kept] = std::move(items[it]);
                assigned[kept] = assigned[it];
                confidence[kept] = confidence[it];
            }
            ++kept;
        }
        items.resize(kept);
        assigned.resize(kept);
        confidence.resize(kept);
    }

    void link_headlines() {
        assigned.assign(items.size(), std::nullopt);
        confidence.assign(items.size(), 0);
        std::vector<NgramProfile> profiles;
        for (const Item& item : items) profiles.emplace_back(item_text(item));
        const ProfileIndex index(profiles);
        // Past the pair budget titles are linked by position alone (link_by_position).
        std::size_t title_pieces = 0;
        for (const Zone& zone : zones) title_pieces += zone.pieces.size();
        const bool by_position = !items.empty() && title_pieces > max_link_pairs / items.size();
        // Title units: each title piece, with the subtitles that follow it.
        for (std::size_t z = 0; z < zones.size(); ++z) {
            std::vector<Cluster> units;
            for (std::size_t k : zones[z].pieces) {
                if (p_[k].kind == PieceKind::subtitle && !units.empty()) {
                    units.back().subtitles.push_back(k);
                    continue;
                }
                Cluster unit;
                unit.zone = static_cast<int>(z);
                (p_[k].kind == PieceKind::subtitle ? unit.subtitles : unit.titles).push_back(k);
                units.push_back(unit);
            }
            // Neighbouring units that best match the same item form one cluster
            // (kicker + headline); at most two titles per cluster.
            std::vector<Cluster> merged;
            int merged_best = -1;
            for (Cluster& unit : units) {
                std::string text;
                for (std::size_t k : unit.titles) text += p_[k].text;
                const std::vector<double> shares =
                    by_position ? std::vector<double>() : index.overlaps(NgramProfile(text));
                int best = -1;
                double best_score = link_threshold;
                for (std::size_t it = 0; it < shares.size(); ++it) {
                    const double s = shares[it];
                    if (s >= best_score) {
                        best_score = s;
                        best = static_cast<int>(it);
                    }
                }
                // Lines of one printed stack are one cluster whatever they match.
                const bool same_stack =
                    !merged.empty() && !unit.titles.empty() && !merged.back().titles.empty() &&
                    p_[unit.titles.front()].stack != 0 &&
                    p_[unit.titles.front()].stack == p_[merged.back().titles.back()].stack;
                if (same_stack || (!merged.empty() && best >= 0 && best == merged_best &&
                                   merged.back().subtitles.empty() &&
                                   merged.back().titles.size() == 1 && unit.titles.size() == 1)) {
                    // A headline wrapped over its column's width, then a one-line title: the
                    // deck printed under it, not the headline under a kicker (a kicker is one
                    // short line; title_deck_wrap).
                    if (!same_stack && deck_under_wrapped_title(p_[merged.back().titles.front()],
                                                                p_[unit.titles.front()])) {
                        merged.back().subtitles.push_back(unit.titles.front());
                        kinds[unit.titles.front()] = BlockKind::subtitle;
                        merged.back().subtitles.insert(merged.back().subtitles.end(),
                                                       unit.subtitles.begin(),
                                                       unit.subtitles.end());
                        continue;
                    }
                    merged.back().titles.push_back(unit.titles.front());
                    merged.back().subtitles = unit.subtitles;
                } else {
                    merged.push_back(unit);
                    merged_best = best;
                }
            }
            for (std::size_t u = 0; u < merged.size(); ++u) {
                merged[u].first_in_zone = u == 0;
                merged[u].last_in_zone = u + 1 == merged.size();
                for (std::size_t k : merged[u].titles) merged[u].text += p_[k].text;
                clusters.push_back(merged[u]);
            }
        }
        if (by_position) {
            link_by_position();
            return;
        }
        std::vector<std::vector<double>> scores(clusters.size(),
                                                std::vector<double>(items.size(), 0));
        std::vector<std::vector<double>> overlaps = scores;
        for (std::size_t c = 0; c < clusters.size(); ++c) {
            std::vector<double> shares = index.overlaps(NgramProfile(clusters[c].text));
            // A kicker names the topic of a series or a page, not always the article: the
            // headline alone may match better (a kicker ending in a colon over a short
            // headline; twelfth round).
            if (clusters[c].titles.size() > 1) {
                const std::vector<double> alone =
                    index.overlaps(NgramProfile(p_[clusters[c].titles.back()].text));
                for (std::size_t it = 0; it < shares.size(); ++it)
                    shares[it] = std::max(shares[it], alone[it]);
            }
            // A deck describes the article too: the title with its deck may match better
            // (a headline of names, a deck that names the subject).
            if (!clusters[c].subtitles.empty()) {
                std::string with_deck = clusters[c].text;
                for (std::size_t k : clusters[c].subtitles) with_deck += p_[k].text;
                const std::vector<double> deck = index.overlaps(NgramProfile(with_deck));
                for (std::size_t it = 0; it < shares.size(); ++it)
                    shares[it] = std::max(shares[it], deck[it]);
            }
            const Zone& zone = zones[static_cast<std::size_t>(clusters[c].zone)];
            for (std::size_t it = 0; it < items.size(); ++it) {
                double s = shares[it];
                overlaps[c][it] = s;
                if (clusters[c].last_in_zone && zone.next == static_cast<int>(it))
                    s += items[it].illustration ? bonus_above_caption : bonus_above_article;
                // A jump line ends the article's part on this page: a title printed after
                // it (an ad box at the page foot) is not placed as that article's.
                if (clusters[c].first_in_zone && zone.prev == static_cast<int>(it) &&
                    zone.next != static_cast<int>(it) && !after_jump_line(zone))
                    s += ends_articles(zone) ? bonus_after_last_body : bonus_after_body;
                scores[c][it] = s;
            }
        }
        const std::vector<int> choice = assign(scores, link_threshold);
        for (std::size_t c = 0; c < clusters.size(); ++c) {
            const Piece& first = p_[clusters[c].titles.empty() ? clusters[c].subtitles.front()
                                                               : clusters[c].titles.front()];
            if (choice[c] < 0) {
                warnings.push_back(
                    make_warning("PB-SEG-ORPHAN-HEADLINE", context_.path, first.first_line,
                                 "headline block has no article; kept as orphan headline"));
                continue;
            }
            const auto it = static_cast<std::size_t>(choice[c]);
            assigned[it] = c;
            double second = 0;
            for (std::size_t o = 0; o < items.size(); ++o)
                if (o != it) second = std::max(second, overlaps[c][o]);
            const Zone& zone = zones[static_cast<std::size_t>(clusters[c].zone)];
            const bool above = clusters[c].last_in_zone && zone.next == choice[c];
            const double conf = overlaps[c][it] - 0.5 * second + (above ? 0.5 : 0.0);
            confidence[it] = std::round(std::clamp(conf, 0.05, 1.0) * 100) / 100;
            // Kickers: every title of the cluster before the last.
            for (std::size_t t = 0; t + 1 < clusters[c].titles.size(); ++t)
                kinds[clusters[c].titles[t]] = BlockKind::kicker;
        }
    }

    // A page past the pair budget: a title stack takes the item printed right under it, or
    // the one it follows, if that item has no headline yet; confidence stays at its floor.
    void link_by_position() {
        std::vector<bool> taken(items.size(), false);
        const auto link = [&](std::size_t c, int target) {
            if (target < 0 || taken[static_cast<std::size_t>(target)]) return false;
            const auto it = static_cast<std::size_t>(target);
            taken[it] = true;
            assigned[it] = c;
            confidence[it] = 0.05;
            for (std::size_t t = 0; t + 1 < clusters[c].titles.size(); ++t)
                kinds[clusters[c].titles[t]] = BlockKind::kicker;
            return true;
        };
        std::size_t orphans = 0;
        for (std::size_t c = 0; c < clusters.size(); ++c) {
            const Zone& zone = zones[static_cast<std::size_t>(clusters[c].zone)];
            if (!(clusters[c].last_in_zone && link(c, zone.next)) &&
                !(clusters[c].first_in_zone && link(c, zone.prev)))
                ++orphans;
        }
        const Cluster& head = clusters.front();
        const std::size_t line =
            p_[head.titles.empty() ? head.subtitles.front() : head.titles.front()].first_line;
        warnings.push_back(make_warning(
            "PB-SEG-LOW-CONFIDENCE", context_.path, line,
            std::to_string(clusters.size()) + " title blocks and " + std::to_string(items.size()) +
                " items are past the page's linking budget; headlines were linked by position "
                "only (" +
                std::to_string(orphans) + " left without an item)"));
    }

    std::vector<Piece>& p_;
    const PageContext& context_;
    int current_ = -1;
    int last_article_ = -1;
    bool pending_zone_ = false;
    int diverted_ = -1;
    int held_zone_ = -1;  // a zone whose next text was diverted (see new_item)  // the earlier
                          // article a block of body pieces goes on with
};

std::string join_texts(const std::vector<std::string>& texts) {
    std::string out;
    for (const std::string& t : texts) append_joined(out, t);
    return out;
}

}  // namespace

PageSegments segment_page(const DecodedText& input, const PageContext& context) {
    PageSegments out;
    // Columns printed side by side (pdftotext -layout) are read one after the other first.
    const ColumnReading columns = read_columns(input);
    const DecodedText& decoded = columns.applied ? columns.text : input;
    const std::string_view text = decoded.text;
    const auto lines = split_lines(text);
    const PatternSet& patterns = patterns_for(context.language);
    const Layout layout = find_paragraphs(lines, patterns, context.title);
    std::vector<Piece> pieces = classify(text, lines, layout, patterns);
    // An advertisement's lines read as a paragraph, its slogan wrapped (notice_box).
    for (Piece& piece : pieces)
        if (piece.kind == PieceKind::body && paragraph_ends_in_furniture(piece.text, patterns))
            piece.kind = PieceKind::furniture;
    // Blank lines of a text read column by column are partly the reader's (between leaves).
    if (!columns.applied) {
        mark_spaced_decks(pieces, lines, layout.double_spaced);
        split_closing_titles(pieces, text, lines, patterns);
    }
    if (columns.applied) join_wrapped_column_titles(pieces, text);
    if (columns.applied) {
        // Line numbers of the page file, not of the text read column by column.
        const auto origin = [&](std::size_t n) {
            return n >= 1 && n <= columns.line_origin.size() ? columns.line_origin[n - 1] : n;
        };
        for (Piece& piece : pieces) {
            piece.first_line = origin(piece.first_line);
            piece.last_line = std::max(piece.first_line, origin(piece.last_line));
        }
    }
    if (pieces.empty() && !text.empty()) {
        Piece all;
        all.kind = PieceKind::body;
        all.end = text.size();
        all.first_line = 1;
        all.last_line = lines.empty() ? 1 : lines.back().number;
        pieces.push_back(all);
    }
    Assembler a(pieces, context);
    a.columns_read = columns.applied;
    a.run();

    // Blocks: one per piece, covering the text.
    const std::string prefix = "p" + std::to_string(context.sequence) + "-b";
    std::vector<std::string> block_ids;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        Block b;
        b.id = sequence_id(prefix, i + 1, 4);
        b.kind = pieces.size() == 1 && pieces[i].text.empty() ? BlockKind::unknown : a.kinds[i];
        if (pieces.size() == 1 && !text.empty() && a.items.empty()) b.kind = BlockKind::unknown;
        b.text = pieces[i].text;
        if (columns.applied) {
            // Several ranges of the page file, in file order.
            auto ranges = decoded.map.ranges(pieces[i].begin, pieces[i].end);
            std::sort(ranges.begin(), ranges.end());
            for (const auto& [offset, length] : ranges) {
                if (!b.source.empty() && b.source.back().end() == offset)
                    b.source.back().length += length;
                else
                    b.source.push_back({offset, length});
            }
            if (b.source.empty()) b.source.push_back({decoded.map.original(pieces[i].begin), 0});
        } else {
            const std::uint64_t from = decoded.map.original(pieces[i].begin);
            const std::uint64_t to = decoded.map.original(pieces[i].end);
            b.source.push_back({from, to - from});
        }
        b.first_line = pieces[i].first_line;
        b.last_line = pieces[i].last_line;
        block_ids.push_back(b.id);
        out.blocks.push_back(std::move(b));
    }
    if (columns.applied && !out.blocks.empty()) {
        // The block that holds the first byte of the text also holds a BOM.
        auto first = std::min_element(out.blocks.begin(), out.blocks.end(),
                                      [](const Block& x, const Block& y) {
                                          return x.source.front().offset < y.source.front().offset;
                                      });
        const std::uint64_t start = first->source.front().offset;
        first->source.front().offset = 0;
        first->source.front().length += start;
    } else if (!out.blocks.empty()) {
        // The first block also holds a BOM, when there was one.
        const std::uint64_t start = out.blocks.front().source.front().offset;
        out.blocks.front().source.front().offset = 0;
        out.blocks.front().source.front().length += start;
    }

    std::size_t article_no = 0;
    std::size_t illustration_no = 0;
    for (std::size_t it = 0; it < a.items.size(); ++it) {
        const Item& item = a.items[it];
        const auto cluster = a.assigned[it];
        if (item.illustration) {
            Illustration ill;
            ill.id = sequence_id("ill-", ++illustration_no);
            std::vector<std::string> caption;
            for (std::size_t k : item.pieces) {
                ill.block_ids.push_back(block_ids[k]);
                if (pieces[k].kind == PieceKind::credit)
                    ill.credit = pieces[k].name;
                else
                    caption.push_back(pieces[k].text);
            }
            ill.caption = join_texts(caption);
            ill.pages.push_back(context.label);
            if (cluster) {
                const Cluster& c = a.clusters[*cluster];
                ill.headline =
                    pieces[c.titles.empty() ? c.subtitles.front() : c.titles.back()].text;
                for (std::size_t k : c.titles) ill.block_ids.push_back(block_ids[k]);
            }
            out.illustrations.push_back(std::move(ill));
            continue;
        }
        Article art;
        art.id = sequence_id("art-", ++article_no);
        art.pages.push_back(context.label);
        Jump jump;
        std::vector<std::string> block_list;
        if (cluster) {
            const Cluster& c = a.clusters[*cluster];
            std::vector<std::string> kicker;
            for (std::size_t t = 0; t < c.titles.size(); ++t) {
                if (t + 1 < c.titles.size())
                    kicker.push_back(pieces[c.titles[t]].text);
                else
                    art.headline = pieces[c.titles[t]].text;
                block_list.push_back(block_ids[c.titles[t]]);
            }
            if (!kicker.empty()) art.kicker = join_texts(kicker);
            std::vector<std::string> sub;
            for (std::size_t k : c.subtitles) {
                std::string_view s = pieces[k].text;
                while (s.starts_with("\xE2\x80\x94") || s.starts_with("-") ||
                       s.starts_with("\xE2\x94\x80") || s.starts_with("\xEF\xBC\x8D"))
                    s.remove_prefix(s.starts_with("-") ? 1 : 3);
                sub.emplace_back(trim(s));
                block_list.push_back(block_ids[k]);
            }
            if (!sub.empty()) {
                if (!art.headline) {
                    art.headline = join_texts(sub);
                } else {
                    art.subtitle = join_texts(sub);
                }
            }
            art.headline_confidence = a.confidence[it];
        }
        for (std::size_t k : item.pieces) {
            const Piece& piece = pieces[k];
            block_list.push_back(block_ids[k]);
            switch (piece.kind) {
                case PieceKind::dateline: art.dateline = piece.text; [[fallthrough]];
                case PieceKind::byline:
                    art.bylines.insert(art.bylines.end(), piece.bylines.begin(),
                                       piece.bylines.end());
                    break;
                case PieceKind::continuation_to:
                    art.continued_on = piece.page;
                    jump.key = piece.key;
                    jump.to_line = piece.first_line;
                    break;
                case PieceKind::continuation_from:
                    art.continued_from = piece.page;
                    if (jump.key.empty()) jump.key = piece.key;
                    jump.from_line = piece.first_line;
                    break;
                case PieceKind::signature:
                    if (!piece.name.empty()) art.signature = piece.name;
                    break;
                case PieceKind::title:
                case PieceKind::subtitle:
                    // Intertitle lines of one printed stack are one intertitle.
                    if (k > 0 && piece.stack != 0 && pieces[k - 1].stack == piece.stack &&
                        !art.body.empty() &&
                        art.body.back().kind == paperbag::Paragraph::Kind::intertitle)
                        append_joined(art.body.back().text, piece.text);
                    else
                        art.body.push_back(
                            {paperbag::Paragraph::Kind::intertitle, piece.text, block_ids[k]});
                    break;
                default:
                    art.body.push_back({paperbag::Paragraph::Kind::text, piece.text, block_ids[k]});
                    break;
            }
        }
        // Block ids in page order.
        std::sort(block_list.begin(), block_list.end());
        art.block_ids = block_list;
        const std::size_t first_line = pieces[item.pieces.front()].first_line;
        art.source_path = context.path;
        art.first_line = first_line;
        if (!art.headline) {
            art.warnings.push_back(
                make_warning("PB-SEG-NO-HEADLINE", context.path, first_line,
                             "no headline found for this article; headline left empty"));
        } else if (art.headline_confidence < 0.5) {
            art.warnings.push_back(make_warning("PB-SEG-LOW-CONFIDENCE", context.path, first_line,
                                                "headline linked with low confidence; check it"));
        }
        if (art.body.empty())
            art.warnings.push_back(make_warning("PB-SEG-NO-BODY", context.path, first_line,
                                                "article has no body text"));
        out.jumps.push_back(std::move(jump));
        out.articles.push_back(std::move(art));
    }
    out.warnings = std::move(a.warnings);
    return out;
}

}  // namespace paperbag::text
