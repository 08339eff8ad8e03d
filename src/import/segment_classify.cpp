#include "import/segment_classify.hpp"

#include <unicode/uchar.h>

#include <algorithm>

#include "import/title_kicker.hpp"
#include "import/title_run_on.hpp"
#include "import/title_stack.hpp"
#include "import/title_wrap.hpp"

namespace paperbag::text {

namespace {

bool is_cjk_text(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i)
        if (static_cast<unsigned char>(s[i]) >= 0xE3) return true;
    return false;
}

std::vector<std::string_view> split_raw(std::string_view raw) {
    std::vector<std::string_view> out;
    std::size_t pos = 0;
    while (pos <= raw.size()) {
        const auto stop = raw.find('\n', pos);
        const auto line = raw.substr(pos, stop == std::string_view::npos ? raw.npos : stop - pos);
        if (!trim(line).empty()) out.push_back(line);
        if (stop == std::string_view::npos) break;
        pos = stop + 1;
    }
    return out;
}

std::vector<std::string> split_names(std::string_view names) {
    std::vector<std::string> out;
    std::string current;
    for (std::size_t i = 0; i <= names.size(); ++i) {
        // Names are separated by white space or an enumeration comma ("、", "，").
        std::size_t sep = 0;
        if (i == names.size() || names[i] == ' ' || names[i] == '\t' || names[i] == '\n' ||
            names[i] == '\r')
            sep = 1;
        else if (names.substr(i).starts_with("\xE3\x80\x81") ||
                 names.substr(i).starts_with("\xEF\xBC\x8C"))
            sep = 3;
        if (sep == 0) {
            current += names[i];
            continue;
        }
        if (!current.empty()) {
            out.push_back(current);
            current.clear();
        }
        i += sep - 1;
    }
    return out;
}

}  // namespace

// Letters present and none of them lower case: "RAIL SAFETY BILL".
bool ends_with_initial(std::string_view s) {
    const std::string_view t = trim(s);
    return t.size() >= 3 && t.back() == '.' && t[t.size() - 2] >= 'A' && t[t.size() - 2] <= 'Z' &&
           (t.size() == 2 || t[t.size() - 3] == ' ');
}

bool all_caps(std::string_view s) {
    bool letters = false;
    for (const char c : s) {
        if (c >= 'a' && c <= 'z') return false;
        letters = letters || (c >= 'A' && c <= 'Z');
    }
    return letters;
}

// Every word of four letters or more capitalised, at least two of them, and no sentence
// end before the last character: "Only Strong Counter Attack Can Save Reds From / Crushing
// Defeat." Older English papers end headlines and decks with a full stop; a body sentence
// in title case is rare (none of the short body paragraphs of the development set).
bool inner_sentence_end(std::string_view t) {
    const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
    // A word of three lower-case letters or more before the mark: not "Mr.", "Mrs.", "W.".
    for (std::size_t i = 3; i + 2 < t.size(); ++i)
        if ((t[i] == '.' || t[i] == '!' || t[i] == '?') && t[i + 1] == ' ' && t[i + 2] >= 'A' &&
            t[i + 2] <= 'Z' && lower(t[i - 1]) && lower(t[i - 2]) && lower(t[i - 3]))
            return true;
    return false;
}

bool title_case_sentence(std::string_view raw) {
    const std::string_view t = trim(raw);
    if (t.size() > 160 || is_cjk_text(t)) return false;
    std::size_t long_words = 0;
    for (std::size_t i = 0; i < t.size();) {
        const char c = t[i];
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter) {
            // A sentence end inside: two sentences are body text.
            if ((c == '.' || c == '!' || c == '?') && i + 1 < t.size() && t[i + 1] == ' ' &&
                i + 2 < t.size() && t[i + 2] >= 'A' && t[i + 2] <= 'Z' && i >= 2 &&
                t[i - 2] != ' ' && t[i - 2] != '.')
                return false;
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < t.size() && ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z') ||
                                t[j] == '\'' || t[j] == '-'))
            ++j;
        if (j - i >= 4) {
            if (!(c >= 'A' && c <= 'Z')) return false;
            ++long_words;
        }
        i = j;
    }
    return long_words >= 2;
}

std::optional<PatternMatch> trailing_signature(const PatternSet& patterns, std::string_view text) {
    // Cheap first: a bracketed signature ends in a closing bracket.
    if (u_charType(static_cast<UChar32>(last_char(trim(text)))) != U_END_PUNCTUATION)
        return std::nullopt;
    auto m = patterns.at_end(PatternKind::signature, text);
    if (!m || m->begin == 0) return std::nullopt;
    // Only a bracketed signature: "… May 10. — Mr." goes on in the next line.
    const std::string_view sig = trim(text.substr(m->begin, m->end - m->begin));
    if (!sig.starts_with("(") && !sig.starts_with("\xEF\xBC\x88")) return std::nullopt;  // （
    const std::string_view before = trim(text.substr(0, m->begin));
    if (before.empty() || !is_sentence_end(before)) return std::nullopt;
    return m;
}

std::vector<Byline> parse_bylines(std::string_view names, std::string_view title,
                                  const PatternSet& patterns) {
    std::vector<Byline> out;
    const std::string joined = repair_text(names, RepairMode::title);
    if (!is_cjk_text(joined)) {
        // Latin names: "A and B", "A, B".
        std::string rest = joined;
        std::vector<std::string> people;
        std::size_t pos = 0;
        while (pos <= rest.size()) {
            std::size_t stop = rest.find(" and ", pos);
            std::size_t comma = rest.find(", ", pos);
            std::size_t next = std::min(stop, comma);
            people.push_back(rest.substr(pos, next == std::string::npos ? rest.npos : next - pos));
            if (next == std::string::npos) break;
            pos = next + (next == stop ? 5 : 2);
        }
        for (const std::string& person : people) {
            if (person.empty()) continue;
            Byline b;
            b.name = person;
            b.role = "reporter";
            b.text = title.empty() ? person : person + ", " + std::string(title);
            out.push_back(b);
        }
        return out;
    }
    for (const auto& part : patterns.split_roles(joined)) {
        for (const std::string& name : split_names(part.names)) {
            Byline b;
            b.name = name;
            b.role = part.role;
            b.text = part.word.empty() ? name : part.word + " " + name;
            out.push_back(b);
        }
    }
    return out;
}

namespace {

// A caption without credit is short: longer marked paragraphs stay body text.
constexpr std::size_t max_caption_lines = 6;
// A title line this narrow (cells) is the wrapped end of the title line above it.
constexpr double max_wrapped_cells = 3;

class Classifier {
public:
    Classifier(std::string_view text, const std::vector<Line>& lines, const PatternSet& patterns,
               bool double_spaced)
        : text_(text), lines_(lines), patterns_(patterns), double_spaced_(double_spaced) {}

    void paragraph(std::size_t index, const Paragraph& p, std::size_t begin, std::size_t end) {
        const std::size_t raw_begin = lines_[p.first].begin;
        const std::size_t raw_end = lines_[p.last].content_end;
        current_ = Piece{};
        current_.paragraph = index;
        current_.group = p.group;
        current_.column = p.column;
        current_.width = p.width;
        std::string_view raw = text_.substr(raw_begin, raw_end - raw_begin);
        const auto lines = split_raw(raw);
        if (!lines.empty() && !spaced_out(lines[0]))
            current_.first_width = line_width(repair_line(lines[0], RepairMode::body));

        if (p.furniture) {
            emit(p.separator ? PieceKind::separator : PieceKind::furniture, begin, end, {});
            return;
        }
        // "（下转第二版）" has the shape of a signature too: a jump line is not one.
        if (auto m = patterns_.whole(PatternKind::signature, raw);
            m && !patterns_.whole(PatternKind::continuation_to, raw) &&
            !patterns_.whole(PatternKind::continuation_from, raw)) {
            emit(PieceKind::signature, begin, end, [&](Piece& x) { x.name = trim(m->names); });
            return;
        }
        if (lines.size() == 2) {
            auto by = patterns_.whole(PatternKind::byline_line, lines[0]);
            auto title = patterns_.whole(PatternKind::byline_title, lines[1]);
            if (by && title) {
                emit(PieceKind::byline, begin, end, [&](Piece& x) {
                    x.bylines = parse_bylines(by->names, trim(title->title), patterns_);
                });
                return;
            }
        }
        if (auto m = patterns_.whole(PatternKind::byline_line, raw);
            m && !patterns_.whole(PatternKind::credit, trim(raw))) {
            emit(PieceKind::byline, begin, end,
                 [&](Piece& x) { x.bylines = parse_bylines(m->names, "", patterns_); });
            return;
        }
        if (patterns_.at_start(PatternKind::subtitle, raw) && lines.size() <= 3) {
            emit(PieceKind::subtitle, begin, end, {});
            return;
        }

        // Prefixes: continuation-from, dateline, bracketed byline.
        std::size_t cut = raw_begin;
        std::size_t piece_begin = begin;
        if (auto m = patterns_.at_start(PatternKind::continuation_from, raw)) {
            const std::size_t stop = raw_begin + m->end;
            emit(PieceKind::continuation_from, piece_begin, stop, [&](Piece& x) {
                x.page = page_label(m->page);
                x.key = m->key;
            });
            piece_begin = cut = stop;
        }
        if (auto m = patterns_.at_start(PatternKind::dateline, tail(cut, raw_end))) {
            const std::size_t stop = cut + m->end;
            emit(PieceKind::dateline, piece_begin, stop, [&](Piece& x) {
                if (!m->names.empty()) x.bylines = parse_bylines(m->names, "", patterns_);
            });
            piece_begin = cut = stop;
            if (auto b = patterns_.at_start(PatternKind::byline_bracket, tail(cut, raw_end))) {
                const std::size_t bstop = cut + b->end;
                emit(PieceKind::byline, piece_begin, bstop,
                     [&](Piece& x) { x.bylines = parse_bylines(b->names, "", patterns_); });
                piece_begin = cut = bstop;
            }
        }
        // Suffixes: continuation-to, credit.
        std::size_t body_end = raw_end;
        std::optional<PatternMatch> to;
        std::optional<PatternMatch> credit;
        std::optional<PatternMatch> end_mark;
        std::optional<PatternMatch> signature;
        if ((to = patterns_.at_end(PatternKind::continuation_to, tail(cut, raw_end))))
            body_end = cut + to->begin;
        else if ((end_mark = patterns_.at_end(PatternKind::end_mark, tail(cut, raw_end))))
            body_end = cut + end_mark->begin;
        else if ((signature = trailing_signature(patterns_, tail(cut, raw_end))))
            body_end = cut + signature->begin;
        else if ((credit = patterns_.at_end(PatternKind::credit, tail(cut, raw_end)))) {
            // A credit row may match from the sentence mark before the name ("…。续尘川摄"):
            // the mark stays with the text it ends.
            body_end = cut + credit->begin;
            while (body_end < raw_end) {
                const auto lead = static_cast<unsigned char>(text_[body_end]);
                const std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
                const char32_t c = first_char(text_.substr(body_end, n));
                const auto c32 = static_cast<UChar32>(c);
                if (c == 0 || (!u_hasBinaryProperty(c32, UCHAR_S_TERM) &&
                               u_charType(c32) != U_FINAL_PUNCTUATION))
                    break;
                body_end += n;
            }
        }
        const bool split = piece_begin != begin || body_end != raw_end;
        const std::size_t rest_end = body_end == raw_end ? end : body_end;
        if (body_end > cut && !trim(text_.substr(cut, body_end - cut)).empty()) {
            const auto body_raw = text_.substr(cut, body_end - cut);
            const bool title = !split && is_title(body_raw, p, lines.size());
            if (title && lines.size() > 1 && lines.size() <= 4 && is_cjk_text(body_raw) &&
                !p.wrapped_title)
                emit_stack(index, lines, piece_begin, rest_end);
            else
                emit_text(title ? PieceKind::title : PieceKind::body, piece_begin, rest_end,
                          body_raw);
            if (!title && patterns_.at_start(PatternKind::caption_lead, body_raw))
                pieces_.back().caption_lead = true;
            if (!title && !split && lines.size() <= max_caption_lines &&
                (patterns_.at_start(PatternKind::caption_lead, body_raw) ||
                 patterns_.at_end(PatternKind::caption_tail, body_raw)))
                pieces_.back().picture_marker = true;
            piece_begin = rest_end;
        }
        if (to) {
            emit(PieceKind::continuation_to, piece_begin, end, [&](Piece& x) {
                x.page = page_label(to->page);
                x.key = to->key;
            });
        } else if (end_mark) {
            emit(PieceKind::signature, piece_begin, end, {});
        } else if (signature) {
            emit(PieceKind::signature, piece_begin, end,
                 [&](Piece& x) { x.name = trim(signature->names); });
        } else if (credit) {
            emit(PieceKind::credit, piece_begin, end,
                 [&](Piece& x) { x.name = repair_text(trim(credit->names), RepairMode::title); });
        } else if (piece_begin < end) {
            // Trailing blank lines after a prefix-only paragraph belong to its last piece.
            if (!pieces_.empty()) pieces_.back().end = end;
        }
    }

    std::vector<Piece> take() { return std::move(pieces_); }

private:
    std::string_view tail(std::size_t from, std::size_t to) const {
        return text_.substr(from, to - from);
    }

    bool is_title(std::string_view raw, const Paragraph& p, std::size_t line_count) const {
        if (is_sentence_end(raw)) return line_count <= 3 && title_case_sentence(raw);
        // Four lines are a title only as a stack (a title line over a kicker, headline and
        // deck, or a headline over a deck of two lines).
        if (line_count > 3 && (!p.stacked || line_count > 4 || vertical(raw, line_count)))
            return vertical(raw, line_count);
        const std::string repaired = repair_text(raw, RepairMode::title);
        if (is_cjk_text(repaired)) {
            // A stack is measured line by line: each line is a title of its own.
            const double width =
                p.stacked && line_count > 2 ? widest_line(raw) : line_width(repaired);
            if (width > 40 || (has_clause_punct_for_title(repaired) && !kicker_stack(raw, p)))
                return false;
            // In double-spaced text a title is one line or a tight stack of lines.
            return line_count == 1 || p.stacked || p.wrapped_title || p.last == p.first;
        }
        // An English title starts with a capital (or a digit, a quote) and holds no sentence
        // end: "an effort to shoot himself. The pistol" is a wrapped body line.
        const std::string_view t = trim(repaired);
        if (t.empty() || (t[0] >= 'a' && t[0] <= 'z') || inner_sentence_end(t)) return false;
        return repaired.size() <= 160;
    }

    // A tight stack whose first line is a kicker with clause punctuation (title_kicker) over
    // title lines without any.
    static bool kicker_stack(std::string_view raw, const Paragraph& p) {
        if (!p.stacked) return false;
        const auto lines = split_raw(raw);
        if (lines.size() < 2 || !punctuated_kicker(lines.front())) return false;
        for (std::size_t i = 1; i < lines.size(); ++i)
            if (has_clause_punct_for_title(repair_line(lines[i], RepairMode::title))) return false;
        return true;
    }

    static double widest_line(std::string_view raw) {
        double w = 0;
        for (std::string_view line : split_raw(raw))
            w = std::max(w, line_width(repair_line(line, RepairMode::title)));
        return w;
    }

    // A headline set vertically (竖排) comes out of an extractor one character per line: a
    // run of 3 to 40 lines of one wide character each (a digit or two of a number, "3" /
    // "0" / "0" / "年", may stand on lines of their own), no punctuation, is one title.
    static bool vertical(std::string_view raw, std::size_t line_count) {
        if (line_count < 3 || line_count > 40) return false;
        std::size_t wide = 0;
        for (std::string_view line : split_raw(raw)) {
            const std::string repaired = repair_line(line, RepairMode::title);
            const double w = line_width(repaired);
            if (w <= 0 || w > 1 || has_clause_punct(repaired)) return false;
            if (w == 1 && is_cjk_text(repaired))
                ++wide;
            else if (!std::all_of(repaired.begin(), repaired.end(),
                                  [](char c) { return c >= '0' && c <= '9'; }))
                return false;
        }
        return wide * 2 > line_count;
    }

    // A stack of CJK title lines printed one under the other: each line is a title unit of
    // its own, linked as one (Piece::stack). Three or four lines are kicker, headline, deck; of
    // two, a line starting with a deck dash is the subtitle, else stack_second_is_deck
    // (title_stack.hpp: colon and series-number kickers, bracketed decks, widths) decides.
    void emit_stack(std::size_t index, const std::vector<std::string_view>& lines,
                    std::size_t begin, std::size_t end) {
        const auto width = [&](std::string_view line) {
            return line_width(repair_line(line, RepairMode::title));
        };
        // A line of at most 3 cells under a title line is the end of that line, wrapped
        // ("段替旦巡枪麦援珍莫纤循氛" / "竟"), not a title of its own.
        std::vector<std::size_t> at{begin};
        std::vector<double> widths{width(lines[0])};
        for (std::size_t i = 1; i < lines.size(); ++i) {
            const double w = width(lines[i]);
            if (w <= max_wrapped_cells) {
                widths.back() += w;
                continue;
            }
            at.push_back(static_cast<std::size_t>(lines[i].data() - text_.data()));
            widths.push_back(w);
        }
        at.push_back(end);
        // Lines of one headline wrapped inside a word (title_wrap.hpp) are one title unit,
        // outside double-spaced text.
        std::vector<bool> wrapped(widths.size(), false);
        for (std::size_t i = 1; !double_spaced_ && i + 1 < at.size();) {
            const std::string_view line = text_.substr(at[i], at[i + 1] - at[i]);
            if (patterns_.at_start(PatternKind::subtitle, line) ||
                !wrapped_inside_word(text_, text_.substr(at[i - 1], at[i] - at[i - 1]), line)) {
                ++i;
                continue;
            }
            widths[i - 1] += widths[i];
            wrapped[i - 1] = true;
            widths.erase(widths.begin() + static_cast<std::ptrdiff_t>(i));
            wrapped.erase(wrapped.begin() + static_cast<std::ptrdiff_t>(i));
            at.erase(at.begin() + static_cast<std::ptrdiff_t>(i));
        }
        const std::size_t n = widths.size();
        if (n == 1) {
            emit_text(PieceKind::title, begin, end, text_.substr(begin, end - begin));
            return;
        }
        std::vector<PieceKind> kinds(n, PieceKind::title);
        const std::string_view first = trim(text_.substr(at[0], at[1] - at[0]));
        if (n == 3 && last_two_are_wrapped_deck(widths[0], widths[1], widths[2])) {
            // A headline over a deck wrapped over two lines.
            kinds[1] = kinds[2] = PieceKind::subtitle;
        } else if (n >= 3) {
            // Kicker, headline, then a deck of one or two lines.
            for (std::size_t i = 2; i < n; ++i) kinds[i] = PieceKind::subtitle;
        } else if (patterns_.at_start(PatternKind::subtitle, text_.substr(at[1], at[2] - at[1]))) {
            kinds[1] = PieceKind::subtitle;
        } else if (wrapped[0] != wrapped[1]) {
            // The part set large enough to wrap is the headline.
            if (wrapped[0]) kinds[1] = PieceKind::subtitle;
        } else if (stack_second_is_deck(first, text_.substr(at[1], at[2] - at[1]), widths[0],
                                        widths[1])) {
            kinds[1] = PieceKind::subtitle;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const std::string_view raw = text_.substr(at[i], at[i + 1] - at[i]);
            emit(kinds[i], at[i], at[i + 1], [&](Piece& x) {
                x.text = repair_text(raw, RepairMode::title);
                x.stack = index + 1;
            });
        }
    }

    void emit_text(PieceKind kind, std::size_t begin, std::size_t end, std::string_view raw) {
        // A Latin title line ending in a word that cannot end a title ("…Save Reds From") goes
        // on in the title line printed right under it (title_run_on.hpp): one title unit.
        // Only a title of a few lines takes more: a run of such lines is no headline, and the
        // merge, which re-reads the joined title, stays linear in the page.
        if (kind == PieceKind::title && !is_cjk_text(raw) && !pieces_.empty() &&
            pieces_.back().kind == PieceKind::title && pieces_.back().end == begin &&
            pieces_.back().stack == 0 &&
            pieces_.back().last_line - pieces_.back().first_line + 1 < max_run_on_title_lines &&
            !is_cjk_text(pieces_.back().text) && latin_title_runs_on(pieces_.back().text)) {
            const std::size_t from = pieces_.back().begin;
            const auto raw_end = static_cast<std::size_t>(raw.data() - text_.data()) + raw.size();
            pieces_.pop_back();
            emit_text(kind, from, end, text_.substr(from, raw_end - from));
            return;
        }
        // English title stacks: a line that starts with a capital after a line that does not
        // end in a comma or hyphen starts the deck ("Council weighs $412 million budget" /
        // "Transit routes, library hours on the table" / "as $18 million gap looms").
        if (kind == PieceKind::title && !is_cjk_text(raw)) {
            const auto lines = split_raw(raw);
            const bool title_case = title_case_sentence(raw);
            for (std::size_t i = 1; i < lines.size(); ++i) {
                const std::string_view prev = trim(lines[i - 1]);
                const std::string_view line = trim(lines[i]);
                const bool capital = !line.empty() && line[0] >= 'A' && line[0] <= 'Z';
                // In a title set in title case every line starts with a capital: a line goes
                // on while the title has not ended ("…Inquest at Camp" / "Humphreys—Miss…").
                const bool title_cased =
                    title_case && (!is_sentence_end(prev) || ends_with_initial(prev));
                const bool continues = prev.ends_with(',') || prev.ends_with('-') ||
                                       prev.ends_with(':') || (all_caps(prev) && all_caps(line)) ||
                                       title_cased || latin_title_runs_on(prev);
                if (!capital || continues) continue;
                const auto at = static_cast<std::size_t>(lines[i].data() - text_.data());
                emit(PieceKind::title, begin, at, [&](Piece& x) {
                    x.text = repair_text(text_.substr(begin, at - begin), RepairMode::title);
                });
                emit(PieceKind::subtitle, at, end, [&](Piece& x) {
                    x.text = repair_text(
                        raw.substr(at - static_cast<std::size_t>(raw.data() - text_.data())),
                        RepairMode::title);
                });
                return;
            }
        }
        // A sentence-case title paragraph right after an ALL-CAPS headline is its deck, and
        // so is a title paragraph after a headline that ended with a full stop ("…Crushing
        // Defeat." / "Appeal to Russ to Dethrone Oppressors…").
        if (kind == PieceKind::title && !is_cjk_text(raw) && !pieces_.empty() &&
            pieces_.back().kind == PieceKind::title && pieces_.back().end == begin &&
            !is_cjk_text(pieces_.back().text) &&
            ((!all_caps(raw) && all_caps(pieces_.back().text)) ||
             is_sentence_end(pieces_.back().text)))
            kind = PieceKind::subtitle;
        emit(kind, begin, end, [&](Piece& x) {
            x.text =
                repair_text(raw, kind == PieceKind::body ? RepairMode::body : RepairMode::title);
        });
    }

    template <typename F>
    void emit(PieceKind kind, std::size_t begin, std::size_t end, F&& fill) {
        Piece piece = current_;
        piece.kind = kind;
        piece.begin = begin;
        piece.end = end;
        piece.first_line = line_at(begin);
        const std::size_t content_end = end > begin ? end - 1 : begin;
        piece.last_line = std::max(piece.first_line, last_nonblank_line(begin, content_end));
        piece.text = repair_text(trim(text_.substr(begin, end - begin)), RepairMode::body);
        if constexpr (!std::is_same_v<std::decay_t<F>, std::nullptr_t>) fill(piece);
        pieces_.push_back(std::move(piece));
    }
    void emit(PieceKind kind, std::size_t begin, std::size_t end, std::initializer_list<int>) {
        emit(kind, begin, end, nullptr);
    }

    std::size_t line_at(std::size_t offset) const {
        auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                                   [](std::size_t o, const Line& l) { return o < l.begin; });
        return it == lines_.begin() ? 1 : std::prev(it)->number;
    }
    std::size_t last_nonblank_line(std::size_t begin, std::size_t last) const {
        std::size_t n = line_at(last);
        while (n > 1 && lines_[n - 1].blank && lines_[n - 1].begin > begin) --n;
        return n;
    }

    std::string_view text_;
    const std::vector<Line>& lines_;
    const PatternSet& patterns_;
    bool double_spaced_ = false;  // Layout::double_spaced: title lines never wrap there
    Piece current_;
    std::vector<Piece> pieces_;
};

}  // namespace

std::string repair_text(std::string_view raw, RepairMode mode) {
    std::vector<std::string> repaired;
    for (std::string_view line : split_raw(raw)) repaired.push_back(repair_line(line, mode));
    return join_lines(repaired);
}

std::vector<Piece> classify(std::string_view text, const std::vector<Line>& lines,
                            const Layout& layout, const PatternSet& patterns) {
    Classifier classifier(text, lines, patterns, layout.double_spaced);
    const auto& ps = layout.paragraphs;
    for (std::size_t i = 0; i < ps.size(); ++i) {
        const std::size_t begin = i == 0 ? 0 : lines[ps[i].first].begin;
        const std::size_t end = i + 1 < ps.size() ? lines[ps[i + 1].first].begin : text.size();
        classifier.paragraph(i, ps[i], begin, end);
    }
    return classifier.take();
}

}  // namespace paperbag::text
