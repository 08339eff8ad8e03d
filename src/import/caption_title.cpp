#include "import/caption_title.hpp"

#include <algorithm>
#include <iterator>

#include "import/headline_link.hpp"
#include "import/text_repair.hpp"
#include "import/title_stack.hpp"

namespace paperbag::text {

namespace {

bool cjk_title_line(std::string_view line) {
    const std::string repaired = repair_line(line, RepairMode::title);
    const std::string_view t = trim(repaired);
    if (t.empty() || has_clause_punct(t) || is_sentence_end(t)) return false;
    std::size_t wide = 0;
    for (std::size_t i = 0; i < t.size(); ++i) {
        // A lead byte of a 3-byte UTF-8 sequence (CJK ideographs are E3..E9 lead bytes).
        const auto b = static_cast<unsigned char>(t[i]);
        if (b >= 0xE3 && b <= 0xE9) ++wide;
    }
    return wide * 3 * 2 >= t.size();  // at least half of the bytes are wide characters
}

}  // namespace

bool title_closes_article(std::string_view title, std::string_view before,
                          std::string_view caption) {
    // A caption left shorter than the title over it is the title's own last words (a
    // caption's first lines wrapped), not a caption under a title.
    const NgramProfile profile(title);
    if (profile.size() < 2 || caption.size() < title.size()) return false;
    const double share_before = overlap(profile, NgramProfile(before));
    const double share_caption = overlap(profile, NgramProfile(caption));
    return share_before >= caption_title_before &&
           share_before >= share_caption + caption_title_margin;
}

std::string text_before(const std::vector<Piece>& pieces, std::size_t piece) {
    // Collected backwards, joined once: linear in what is read.
    std::vector<const std::string*> parts;
    std::size_t size = 0;
    for (std::size_t k = piece, read = 0;
         k > 0 && size < caption_title_context && read < caption_title_reach; --k, ++read) {
        const Piece& prev = pieces[k - 1];
        if (prev.kind != PieceKind::body || prev.caption) continue;
        parts.push_back(&prev.text);
        size += prev.text.size();
    }
    std::string before;
    before.reserve(size);
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) before += **it;
    return before;
}

void split_closing_titles(std::vector<Piece>& pieces, std::string_view text,
                          const std::vector<Line>& lines, const PatternSet& patterns) {
    // Built anew piece by piece: a split replaces a piece near the end of `out`, so the work
    // per credit is bounded by its caption, not by the page.
    std::vector<Piece> out;
    out.reserve(pieces.size());
    for (Piece& next : pieces) {
        out.push_back(std::move(next));
        const std::size_t c = out.size() - 1;
        if (out[c].kind != PieceKind::credit) continue;
        std::size_t i = c;
        while (i > 0 && out[i - 1].kind == PieceKind::body && out[i - 1].group == out[c].group) --i;
        if (i == c || i == 0) continue;
        const PieceKind before_kind = out[i - 1].kind;
        if (before_kind == PieceKind::dateline || before_kind == PieceKind::byline ||
            before_kind == PieceKind::continuation_from || before_kind == PieceKind::title ||
            before_kind == PieceKind::subtitle)
            continue;
        const Piece& p = out[i];
        // The paragraph's printed lines and how many open it as title lines.
        std::vector<std::size_t> printed;
        for (std::size_t n = p.first_line; n <= p.last_line && n <= lines.size(); ++n)
            if (!lines[n - 1].blank && lines[n - 1].begin >= p.begin && lines[n - 1].begin < p.end)
                printed.push_back(n - 1);
        std::size_t titles = 0;
        while (titles < printed.size() && titles < caption_title_lines &&
               cjk_title_line(lines[printed[titles]].content) &&
               !patterns.at_start(PatternKind::caption_lead, lines[printed[titles]].content))
            ++titles;
        // The caption's lines in its other paragraphs (its credit's line is one).
        std::size_t more = 0;
        for (std::size_t k = i + 1; k <= c; ++k)
            for (std::size_t n = out[k].first_line; n <= out[k].last_line && n <= lines.size(); ++n)
                more += !lines[n - 1].blank && lines[n - 1].begin >= out[k].begin &&
                        lines[n - 1].begin < out[k].end;
        const std::size_t total = printed.size() + more;
        if (total < caption_kept_lines + 1) continue;
        titles = std::min({titles, printed.size() - 1, total - caption_kept_lines});
        if (titles == 0) continue;
        const std::string before = text_before(out, i);
        std::string caption;
        for (std::size_t k = i + 1; k <= c; ++k) caption += out[k].text;
        // The most lines that close the article, the title alone compared with the rest.
        std::size_t take = 0;
        for (std::size_t n = titles; n > 0 && take == 0; --n) {
            const std::size_t cut = lines[printed[n]].begin;
            const std::string title =
                repair_text(text.substr(p.begin, cut - p.begin), RepairMode::title);
            const std::string rest =
                repair_text(text.substr(cut, p.end - cut), RepairMode::body) + caption;
            if (title_closes_article(title, before, rest)) take = n;
        }
        if (take == 0) continue;
        std::vector<Piece> parts;
        std::vector<double> widths;
        std::vector<std::string_view> raw;
        for (std::size_t n = 0; n < take; ++n) {
            const Line& line = lines[printed[n]];
            raw.push_back(line.content);
            widths.push_back(line_width(repair_line(line.content, RepairMode::title)));
        }
        // Two lines: kicker + headline, or headline + deck (title_stack); three: kicker,
        // headline, deck.
        const bool deck =
            take == 3 || (take == 2 && stack_second_is_deck(raw[0], raw[1], widths[0], widths[1]));
        for (std::size_t n = 0; n < take; ++n) {
            Piece t = p;
            t.kind = deck && n + 1 == take ? PieceKind::subtitle : PieceKind::title;
            t.begin = n == 0 ? p.begin : lines[printed[n]].begin;
            t.end = lines[printed[n + 1]].begin;
            t.first_line = t.last_line = printed[n] + 1;
            t.text = repair_text(raw[n], RepairMode::title);
            t.width = t.first_width = widths[n];
            t.stack = take > 1 ? p.paragraph + 1 : 0;
            t.picture_marker = t.caption_lead = false;
            parts.push_back(std::move(t));
        }
        Piece rest = p;
        rest.begin = lines[printed[take]].begin;
        rest.first_line = printed[take] + 1;
        rest.text =
            repair_text(trim(text.substr(rest.begin, p.end - rest.begin)), RepairMode::body);
        rest.first_width = line_width(repair_line(lines[printed[take]].content, RepairMode::body));
        rest.width = 0;
        for (std::size_t n = take; n < printed.size(); ++n)
            rest.width = std::max(
                rest.width, line_width(repair_line(lines[printed[n]].content, RepairMode::body)));
        parts.push_back(std::move(rest));
        const auto at = static_cast<std::ptrdiff_t>(i);
        out.erase(out.begin() + at);
        out.insert(out.begin() + at, std::make_move_iterator(parts.begin()),
                   std::make_move_iterator(parts.end()));
    }
    pieces = std::move(out);
}

}  // namespace paperbag::text
