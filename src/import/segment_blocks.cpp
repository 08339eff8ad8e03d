#include "import/segment_blocks.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>

#include "import/english_heads.hpp"
#include "import/segment_classify.hpp"
#include "import/text_repair.hpp"
#include "import/title_glue.hpp"
#include "import/title_kicker.hpp"

namespace paperbag::text {

namespace {

struct LineFacts {
    std::size_t index = 0;  // into lines
    double width = 0;
    std::size_t blanks_before = 0;
    bool starts_marker = false;  // dateline, byline, continuation-from, subtitle
    bool ends_marker = false;    // continuation-to, credit, signature
    bool byline = false;
    bool byline_title = false;
    bool ends_digit = false;
    bool unclosed = false;  // an opening bracket without its closing one
    bool indented = false;
    bool terminal = false;   // ends a sentence
    bool title_ish = false;  // could be a title line: no sentence or clause punctuation at its end
    bool spaced = false;     // spaced out by justification
    bool clause = false;     // has clause or sentence punctuation anywhere
    bool subtitle = false;   // starts with a subtitle dash
    bool dateline_only = false;  // the start marker is a dateline (no byline, jump, dash)
    bool open_latin = false;     // ends in a Latin letter: the phrase goes on in the next line
    bool caption_lead = false;   // starts like a caption: 图为, Pictured:
    bool furniture = false;      // running head, page label, masthead, ad label
    bool separator = false;      // "o o" between items
    bool wrapped_lead = false;  // a dateline that goes on in the next line ("…5 月 15" / "日电")
    // A continuation line or a photo credit that ends in the next line ("（下转第五" / "版）",
    // "本报记者 宗领练" / "摄").
    bool wrapped_jump = false;
    // Could be a kicker although it holds clause punctuation: an enumeration or a colon
    // ("北京塞颜、塞麦援存值", "坚旧零洲：", title_kicker).
    bool kicker = false;
};

// A title line this narrow (cells) right under a wider title line is that line's end,
// wrapped (as max_wrapped_cells of segment_classify).
constexpr double max_wrapped_title_cells = 3;

// The most lines a tight stack of title lines holds in double-spaced text: kicker,
// headline and deck (12 of the development set's rendered stacks).
constexpr std::size_t max_stack_lines = 3;

// How many lines the tight stack that line k would join holds already: line k - 1 and the
// lines stacked onto it above.
std::size_t stack_run(const std::vector<bool>& stacked, std::size_t k) {
    std::size_t n = 1;
    while (n < k && stacked[k - n]) ++n;
    return n;
}

bool ends_with_clause_punct(std::string_view s) {
    const char32_t c = last_char(trim(s));
    return c != 0 && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_TERMINAL_PUNCTUATION);
}

bool has_unclosed_bracket(std::string_view s) {
    const auto wide = s.rfind("\xEF\xBC\x88");  // （
    const auto narrow = s.rfind('(');
    if (wide == std::string_view::npos && narrow == std::string_view::npos) return false;
    const auto open = wide == std::string_view::npos     ? narrow
                      : narrow == std::string_view::npos ? wide
                                                         : std::max(wide, narrow);
    const auto rest = s.substr(open);
    return rest.find("\xEF\xBC\x89") == std::string_view::npos &&
           rest.find(')') == std::string_view::npos;
}

LineFacts facts_of(const Line& line, const PatternSet& p, const std::string& title) {
    LineFacts f;
    const std::string_view s = line.content;
    f.separator = p.whole(PatternKind::separator, s).has_value();
    f.furniture = f.separator || p.whole(PatternKind::furniture, s).has_value() ||
                  (!title.empty() && text::folded(s) == title);
    f.width = line_width(repair_line(s, RepairMode::body));
    f.spaced = spaced_out(s);
    // "新华社记者 股贷玻摄" is a photo credit, not a byline, indented or not (a column reader
    // keeps a credit's indent under its caption).
    f.byline = p.whole(PatternKind::byline_line, s).has_value() &&
               !p.whole(PatternKind::credit, trim(s)).has_value();
    f.byline_title = p.whole(PatternKind::byline_title, s).has_value();
    const bool dateline = p.at_start(PatternKind::dateline, s).has_value();
    const bool other_start = f.byline || p.at_start(PatternKind::continuation_from, s) ||
                             p.at_start(PatternKind::subtitle, s);
    f.starts_marker = dateline || other_start;
    f.dateline_only = dateline && !other_start;
    f.ends_marker = p.at_end(PatternKind::continuation_to, s) || p.at_end(PatternKind::credit, s) ||
                    p.at_end(PatternKind::end_mark, s) || p.whole(PatternKind::signature, s) ||
                    trailing_signature(p, s).has_value();
    const std::string_view t = trim(s);
    f.ends_digit = !t.empty() && t.back() >= '0' && t.back() <= '9';
    f.open_latin = !t.empty() &&
                   ((t.back() >= 'a' && t.back() <= 'z') || (t.back() >= 'A' && t.back() <= 'Z'));
    f.unclosed = has_unclosed_bracket(t);
    f.indented = s.starts_with("  ") || s.starts_with("\t") || s.starts_with("\xE3\x80\x80");
    f.terminal = is_sentence_end(t);
    // A caption's first line ("图为…") is not a title line even without punctuation.
    f.caption_lead = p.at_start(PatternKind::caption_lead, s).has_value();
    f.title_ish = !f.terminal && !ends_with_clause_punct(t) && !f.starts_marker && !f.ends_marker &&
                  !f.caption_lead && !f.furniture;
    f.clause = has_clause_punct_for_title(t);
    // An English line that starts in lower case goes on with a sentence: never a title line
    // ("pulled the trigger of the weapon in"), however short.
    if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') f.title_ish = false;
    f.subtitle = p.at_start(PatternKind::subtitle, s).has_value();
    f.kicker = !f.starts_marker && !f.ends_marker && !f.caption_lead && !f.furniture && !f.spaced &&
               punctuated_kicker(t);
    return f;
}

// An English advertisement box: a label in capitals (1-3 lines) and 1-4 slogan lines in title
// case with no sentence end ("GROCERIES AND MEATS" / "Fresh Every Morning" / "We Deliver";
// "THE PEOPLE'S BANK" / "Four Per Cent Paid on Savings"), in one paragraph or in two
// neighbouring ones. A headline's deck ends with a full stop and the body has sentences, so
// neither is taken; a label alone ("LAUNDRY WORK CALLED FOR") is left as it is.
void mark_advertisements(const std::vector<Line>& lines, const PatternSet& patterns,
                         std::vector<Paragraph>& paragraphs) {
    struct Shape {
        std::size_t caps = 0;  // leading lines in capitals
        std::size_t rest = 0;  // lines after them
        bool slogan = false;   // the rest is 1-4 title-case lines without a sentence end
        bool marker = false;   // the rest starts with a byline or a dateline
    };
    std::string text;
    const auto shape_of = [&](const Paragraph& p) {
        Shape shape;
        text.clear();
        bool ended = false;
        for (std::size_t m = p.first; m <= p.last; ++m) {
            if (lines[m].blank) continue;
            const std::string_view t = trim(lines[m].content);
            if (shape.rest == 0 && all_caps(t)) {
                ++shape.caps;
                continue;
            }
            // A byline or a dateline under a headline is no slogan ("By Mark Ellison").
            if (shape.rest == 0 && (patterns.whole(PatternKind::byline_line, t) ||
                                    patterns.at_start(PatternKind::dateline, t)))
                shape.marker = true;
            ++shape.rest;
            if (!text.empty()) text += ' ';
            text.append(t);
            ended = ended || is_sentence_end(t);
        }
        shape.slogan = shape.rest >= 1 && shape.rest <= 4 && !ended && !shape.marker &&
                       title_case_sentence(text);
        return shape;
    };
    for (std::size_t i = 0; i < paragraphs.size(); ++i) {
        Paragraph& p = paragraphs[i];
        if (p.furniture) continue;
        const Shape label = shape_of(p);
        if (label.caps == 0 || label.caps > 3) continue;
        if (label.slogan) {
            p.furniture = true;  // label and slogan in one paragraph
            continue;
        }
        if (label.rest > 0 || i + 1 >= paragraphs.size() || paragraphs[i + 1].furniture) continue;
        const Shape next = shape_of(paragraphs[i + 1]);
        if (next.caps == 0 && next.slogan) {
            p.furniture = true;
            paragraphs[i + 1].furniture = true;
            ++i;
        }
    }
}

double percentile(std::vector<double> values, double q) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(q * static_cast<double>(values.size() - 1));
    return values[at];
}

}  // namespace

Layout find_paragraphs(const std::vector<Line>& lines, const PatternSet& patterns,
                       std::string_view title) {
    Layout layout;
    const std::string title_key = text::folded(title);
    std::vector<LineFacts> f;
    std::size_t blanks = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].blank) {
            ++blanks;
            continue;
        }
        LineFacts facts = facts_of(lines[i], patterns, title_key);
        facts.index = i;
        facts.blanks_before = f.empty() ? 0 : blanks;
        f.push_back(facts);
        blanks = 0;
    }
    if (f.empty()) return layout;
    // A dateline wrapped at the end of its line ("本报长沙 5 月 15" / "日电 …") starts a
    // paragraph too: tried on the line joined with the next one, only where a paragraph can
    // start (at the page start or after a finished sentence, a marker or a title line).
    std::string joined;
    for (std::size_t k = 0; k + 1 < f.size(); ++k) {
        LineFacts& x = f[k];
        if (x.starts_marker || x.terminal || x.furniture || x.clause) continue;
        if (k > 0 && !f[k - 1].terminal && !f[k - 1].ends_marker && !f[k - 1].title_ish) continue;
        joined.assign(lines[x.index].content);
        joined += '\n';
        joined += lines[f[k + 1].index].content;
        if (auto m = patterns.at_start(PatternKind::dateline, joined);
            m && m->end > lines[x.index].content.size()) {
            x.starts_marker = true;
            x.title_ish = false;
            x.wrapped_lead = true;
        }
    }
    // A continuation line wrapped inside its marker ("…。（下转第五" / "版）") or a photo credit
    // wrapped before its last word ("…国馆。 本报记者 宗领练" / "摄"): the short next line is the
    // marker's end, not a page label or a line of what follows.
    const auto wrapped_marker = [&](const LineFacts& x, std::string_view joined_text) {
        const std::size_t first_size = lines[x.index].content.size();
        const auto m =
            x.unclosed ? patterns.at_end(PatternKind::continuation_to, joined_text) : std::nullopt;
        if (m && m->begin < first_size) return true;
        const auto credit = patterns.at_end(PatternKind::credit, joined_text);
        return credit && credit->begin < first_size;
    };
    for (std::size_t k = 0; k + 1 < f.size(); ++k) {
        LineFacts& x = f[k];
        LineFacts& y = f[k + 1];
        if (x.ends_marker || y.ends_marker || y.blanks_before > 1 || y.width > 6) continue;
        joined.assign(lines[x.index].content);
        joined += '\n';
        joined += lines[y.index].content;
        if (wrapped_marker(x, joined)) {
            x.wrapped_jump = true;
            x.title_ish = false;
            y.ends_marker = true;
            y.furniture = false;
            y.title_ish = false;
        }
    }

    std::size_t followed_by_one_blank = 0;
    for (std::size_t k = 1; k < f.size(); ++k) followed_by_one_blank += f[k].blanks_before == 1;
    layout.double_spaced = f.size() > 2 && followed_by_one_blank * 10 >= (f.size() - 1) * 6;
    const bool dbl = layout.double_spaced;
    // Dense text: the extractor wrote no blank lines and no indents, so only the line
    // rhythm (a short sentence-final line, a narrower next line) can end a paragraph.
    std::size_t gaps_with_blank = 0;
    std::size_t indented = 0;
    for (std::size_t k = 1; k < f.size(); ++k) gaps_with_blank += f[k].blanks_before > 0;
    for (const LineFacts& x : f) indented += x.indented;
    const bool dense =
        !dbl && f.size() >= 12 && gaps_with_blank * 20 < f.size() && indented * 20 < f.size();
    const bool rhythm = dbl || dense;

    // Stretches between hard boundaries, each with its own column width.
    std::vector<std::size_t> stretch(f.size(), 0);
    for (std::size_t k = 1; k < f.size(); ++k) {
        const bool boundary = f[k].starts_marker || f[k - 1].ends_marker || f[k].furniture ||
                              f[k - 1].furniture || (!rhythm && f[k].blanks_before > 0);
        stretch[k] = stretch[k - 1] + (boundary ? 1 : 0);
    }
    // Column width per line: the upper quartile of the widths of the nearby lines of the
    // same stretch (a window of 8 lines either side), so a stretch whose column changes
    // (a wide article under a narrow one) follows the change. Linear in the page size.
    // Only lines that could be body text count: a headline is set wider or narrower than
    // the column, and in a short article (fewer than 4 lines) it would decide the estimate.
    // A stretch of title-like lines only is measured by all its lines.
    std::vector<double> column(f.size(), 0);
    std::vector<bool> titles_only(f.size(), false);  // column measured by title lines only
    std::vector<double> widths;
    std::vector<double> title_widths;
    for (std::size_t k = 0; k < f.size(); ++k) {
        widths.clear();
        title_widths.clear();
        const std::size_t from = k >= 8 ? k - 8 : 0;
        const std::size_t to = std::min(f.size(), k + 9);
        for (std::size_t j = from; j < to; ++j) {
            if (stretch[j] != stretch[k]) continue;
            const double w = f[j].spaced ? 0 : f[j].width;
            (f[j].title_ish && !f[j].clause ? title_widths : widths).push_back(w);
        }
        titles_only[k] = widths.empty();
        if (widths.empty()) widths.swap(title_widths);
        column[k] = widths.size() >= 4 ? percentile(widths, 0.75)
                                       : *std::max_element(widths.begin(), widths.end());
    }

    // Decide, between every two neighbouring lines, whether a paragraph ends.
    std::vector<bool> breaks(f.size(), true);  // breaks[k]: a paragraph starts at f[k]
    std::vector<bool> stacked(f.size(), false);
    // A paragraph ends with a sentence on a short line, or on a full line when the next
    // line starts narrower (the dropped indent). A first line is itself narrower, so
    // shortness alone ends nothing -- except for a clearly short title-like line.
    // Spaced-out lines are justified, hence full.
    // `open`: in double-spaced text, the paragraph has begun a sentence (clause punctuation
    // in a line of it) that line a does not end (twelfth round).
    const auto rhythm_break = [&](const LineFacts& a, const LineFacts& b, double col, bool open) {
        const double aw = a.spaced ? col : a.width;
        const double bw = b.spaced ? col : b.width;
        const bool short_line = aw < col - 0.75;
        // A line wider than the column ends its paragraph, unless it stops inside a
        // sentence (no sentence end) that it has begun (clause punctuation) or that the next
        // line ends with a credit or marker: a caption set to the picture's width goes on in
        // its next line ("…麦田亩街锐西悉隆忠，束昨紧鹿合禹理十清"
        // / "琦让渝。 本报记者 裸网贾摄", -raw). Nor does a line wider than the column start
        // a paragraph inside an open sentence: in double-spaced text the column of a short
        // caption is measured by its lines with punctuation, and a wrapped line without any
        // ("十二月八日，中昆昆稳最" / "钟到犯银促刻淡昆昆稳最旁见" / "昆稳律且踏佩。") is wider.
        const bool wide_goes_on =
            (a.clause || open || b.ends_marker) && !a.terminal && !a.unclosed && !a.ends_marker;
        const bool over = (aw > col + 2 && !wide_goes_on) || (bw > col + 2 && !open);
        const bool narrow_next = bw <= col - 1.5;
        const bool lone_title = a.title_ish && !a.clause && aw < col - 3;
        return over || lone_title || (a.terminal && (short_line || narrow_next));
    };
    const auto title_pair = [](const LineFacts& a, const LineFacts& b) {
        return a.title_ish && !a.clause && b.title_ish && !b.clause;
    };
    // An English title stack printed without a blank line under it ("FARES SLUG TAXI DRIVER,
    // TAKE" / "CAR" / "Chauffeur Hit in Jaw…"; "…Tablets in" / "the Washington Monument." /
    // "Late Justice Brown…"): the 1-3 lines that open a paragraph end the title when they
    // are all in capitals or make a title-case sentence that has ended, and a deck follows.
    std::string run;
    std::string deck;
    std::size_t deck_last = 0;
    const auto latin_title_ends = [&](std::size_t from, std::size_t k) {
        if (k - from > 3 || (from > 0 && f[from].blanks_before == 0)) return false;
        bool caps = true;
        run.clear();
        for (std::size_t j = from; j < k; ++j) {
            const std::string_view line = trim(lines[f[j].index].content);
            caps = caps && all_caps(line);
            if (!run.empty()) run += ' ';
            run.append(line);
        }
        if (!caps && !(f[k - 1].terminal && !ends_with_initial(run) && title_case_sentence(run)))
            return false;
        // What follows is a deck: a title-case sentence of 1-3 lines that ends with a full
        // stop ("Chauffeur Hit in Jaw With Hammer by Men, Who Flee With" / "Machine."), not
        // an advertisement's lines ("Made to Your Measure") or the body.
        deck.clear();
        for (std::size_t j = k; j < f.size() && j < k + 3; ++j) {
            if (j > k && f[j].blanks_before > 0) break;
            const std::string_view line = trim(lines[f[j].index].content);
            if (all_caps(line)) return false;
            if (!deck.empty()) deck += ' ';
            deck.append(line);
            if (f[j].terminal && !ends_with_initial(line)) {
                if (!title_case_sentence(deck)) return false;
                deck_last = j;  // the deck is a paragraph of its own
                return true;
            }
        }
        return false;
    };
    // An English headline in capitals right above its body, no blank line between
    // (english_heads): the paragraph's 1-3 opening lines in capitals, then a line that is
    // not, in a run that ends a sentence or holds a line of running text within 8 lines.
    const auto caps_title_over_body = [&](std::size_t from, std::size_t k) {
        if (k - from > 3 || (from > 0 && f[from].blanks_before == 0)) return false;
        run.clear();
        for (std::size_t j = from; j < k; ++j) {
            const std::string_view line = trim(lines[f[j].index].content);
            if (!latin_caps_line(line) || f[j].furniture) return false;
            if (!run.empty()) run += ' ';
            run.append(line);
        }
        if (!caps_title_over_line(run, lines[f[k].index].content)) return false;
        for (std::size_t j = k; j < f.size() && j < k + 8; ++j) {
            if (j > k && f[j].blanks_before > 0) break;
            if (f[j].terminal || sentence_case_line(lines[f[j].index].content)) return true;
        }
        return false;
    };
    // A CJK title printed with no blank line above its body (pdftotext's default mode, which
    // writes no indents): the first line of a block (or the first under a line of furniture,
    // a column label), without any punctuation, or such a line with its last characters
    // wrapped onto a short line of their own, above its body's first line (title_glue).
    std::string glued_text;
    const auto glued_title = [&](std::size_t k) {
        if (indented * 20 >= f.size()) return false;  // the extractor writes indents
        std::size_t top = k - 1;                      // the title's first line
        if (k >= 2 && stacked[k - 1] && f[k - 1].width <= max_wrapped_title_cells &&
            f[k - 1].blanks_before == 0 && title_pair(f[k - 2], f[k - 1]))
            top = k - 2;
        const LineFacts& a = f[top];
        const LineFacts& b = f[k];
        if (top > 0 && a.blanks_before == 0 && !f[top - 1].furniture) return false;
        if (!a.title_ish || a.clause || a.spaced || b.blanks_before > 0 ||
            !is_wide(first_char(trim(lines[a.index].content))))
            return false;
        glued_text.clear();
        for (std::size_t j = top; j < k; ++j) glued_text += lines[f[j].index].content;
        std::string following;
        for (std::size_t j = k; j < f.size() && j < k + 4 && (j == k || f[j].blanks_before == 0);
             ++j)
            following.append(lines[f[j].index].content).push_back('\n');
        const auto glued_line = [&](std::size_t j) {
            GluedLine g;
            g.present = j < f.size() && (j == k || f[j].blanks_before == 0);
            if (!g.present) return g;
            g.width = f[j].width;
            g.spaced = f[j].spaced;
            g.clause = f[j].clause;
            return g;
        };
        return body_glued_under_title(glued_text, a.width, glued_line(k), glued_line(k + 1),
                                      column[k], following);
    };
    std::size_t start = 0;  // first line of the paragraph being built
    // A line of that paragraph has clause punctuation, other than a line that could be a
    // kicker (an enumeration or a colon begins no sentence).
    bool begun = f[0].clause && !f[0].kicker;
    for (std::size_t k = 1; k < f.size(); ++k) {
        const LineFacts& a = f[k - 1];
        const LineFacts& b = f[k];
        const double col = column[k - 1];
        bool brk = false;
        if (a.furniture || b.furniture) {
            brk = true;  // furniture stands alone
        } else if (b.dateline_only && b.blanks_before == 0 && a.open_latin && !a.ends_marker) {
            // "…Inquest at Camp" / "Humphreys—Miss Powell Improves.": an English line that
            // stops inside a phrase goes on in the next one, which is then no dateline.
            brk = false;
        } else if (b.starts_marker || a.ends_marker || (b.caption_lead && a.terminal)) {
            brk = true;  // a caption ("图为…") after a finished sentence starts anew
        } else if (a.wrapped_lead || a.wrapped_jump) {
            brk = false;  // the dateline or the continuation line goes on in this line
        } else if (a.byline) {
            brk = !b.byline_title;
        } else if (rhythm && b.blanks_before == 0 && a.width > 0 && a.width <= 1 && b.width > 0 &&
                   b.width <= 1 && title_pair(a, b)) {
            // A vertical (竖排) headline, one character (or digit) a line: one stack, however
            // tall (segment_classify reads it as one title).
            brk = false;
            stacked[k] = true;
        } else if (dbl && !a.subtitle && stacked[k - 1] && b.blanks_before == 0 &&
                   title_pair(a, b) && stack_run(stacked, k) < max_stack_lines) {
            // Kicker, headline and deck printed tight under each other between
            // double-spaced bodies: one stack of three lines.
            brk = false;
            stacked[k] = true;
        } else if (rhythm && (a.subtitle || stacked[k - 1])) {
            brk = true;  // a deck, or a tight stack of title lines, ends at its last line
        } else if (dense) {
            // Two title-like lines stack when the column comes from titles only or neither
            // line is full (a body line without punctuation fills the column).
            // A title line's last characters wrapped onto a line of their own ("…贾旁破" /
            // "于", -raw) stack with it even when the title line fills the column.
            const bool full = std::abs(a.width - col) <= 1 || std::abs(b.width - col) <= 1;
            const bool wrapped_end =
                b.width <= max_wrapped_title_cells && a.width > max_wrapped_title_cells;
            if (title_pair(a, b) && (titles_only[k - 1] || !full || wrapped_end)) {
                brk = false;
                stacked[k] = true;
            } else {
                brk = rhythm_break(a, b, col, false);
            }
        } else if (dbl) {
            if (b.blanks_before == 0) {
                if (a.ends_digit || a.unclosed) {
                    brk = false;
                } else if (title_pair(a, b) || (a.kicker && b.title_ish && !b.clause)) {
                    // A kicker may hold an enumeration or a colon (title_kicker): body lines
                    // are printed tight only after a digit, so over a title line it is one.
                    brk = false;
                    stacked[k] = true;
                } else {
                    brk = true;
                }
            } else if (b.blanks_before == 1) {
                brk = rhythm_break(a, b, col, begun && !a.terminal && !a.ends_marker);
            } else {
                brk = true;
            }
        } else if (b.blanks_before == 0 && b.width <= max_wrapped_title_cells &&
                   a.width > max_wrapped_title_cells && title_pair(a, b) && !a.furniture &&
                   !b.furniture) {
            // The last characters of a title line wrapped onto a line of their own (a
            // layout-preserving extractor centres them: "段替旦巡枪麦援珍莫纤循氛" / "     竟"):
            // one title with the line above, whatever the indent.
            brk = false;
            stacked[k] = true;
        } else {
            // A deck ("——…") is a line of its own: what follows is a byline or the body.
            brk = b.blanks_before > 0 || b.indented || (a.subtitle && !a.terminal) ||
                  (deck_last > 0 && k == deck_last + 1) || latin_title_ends(start, k) ||
                  caps_title_over_body(start, k) || glued_title(k);
        }
        breaks[k] = brk;
        if (brk) start = k;
        begun = (!brk && begun) || (b.clause && !b.kicker);
    }

    // Build paragraphs; a double-spaced run that never ends a sentence and is made only of
    // title-like lines is a column of titles, not a paragraph: split it into lines.
    std::size_t group = 0;
    for (std::size_t k = 0; k < f.size();) {
        std::size_t end = k + 1;
        bool is_stack = false;
        while (end < f.size() && !breaks[end]) {
            is_stack = is_stack || stacked[end];
            ++end;
        }
        if (k > 0 && !rhythm && f[k].blanks_before > 0) ++group;
        const bool all_titles = std::all_of(
            f.begin() + static_cast<std::ptrdiff_t>(k),
            f.begin() + static_cast<std::ptrdiff_t>(end),
            [](const LineFacts& x) { return x.title_ish && !x.clause && x.width <= 30; });
        const bool split = rhythm && !is_stack && end - k > 1 && all_titles;
        const std::size_t step = split ? 1 : end - k;
        for (std::size_t j = k; j < end; j += step) {
            Paragraph p;
            p.first = f[j].index;
            p.last = f[std::min(j + step, end) - 1].index;
            p.group = rhythm ? stretch[j] : group;
            // In single-spaced text, a block of 2-3 lines, none with punctuation, between
            // blank lines is a stack of title lines too (kicker, headline, deck); so is such a
            // block right above a dateline or byline (pdftotext prints no blank line there).
            const bool blank_after = j + step >= f.size() || f[j + step].blanks_before > 0;
            const bool marker_after = !blank_after && f[j + step].starts_marker;
            const bool title_block = !rhythm && step > 1 && step <= 3 && all_titles &&
                                     (blank_after || marker_after) &&
                                     (j == 0 || f[j].blanks_before > 0);
            // Two such lines glued to the dateline, the second narrower: one headline set
            // in the body's block, wrapped (a kicker or deck would be a block of its own).
            p.wrapped_title = title_block && marker_after && step == 2 &&
                              f[j + 1].width < f[j].width && !f[j + 1].subtitle;
            p.stacked = ((is_stack && !split) || title_block) && !p.wrapped_title;
            p.furniture = f[j].furniture;
            p.separator = f[j].separator;
            p.column = column[j];
            for (std::size_t m = j; m < std::min(j + step, end); ++m)
                p.width = std::max(p.width, f[m].width);
            layout.paragraphs.push_back(p);
        }
        k = end;
    }
    mark_advertisements(lines, patterns, layout.paragraphs);
    return layout;
}

}  // namespace paperbag::text
