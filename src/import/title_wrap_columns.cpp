#include "import/title_wrap_columns.hpp"

#include <cstddef>

#include "import/text_repair.hpp"
#include "import/title_wrap.hpp"

namespace paperbag::text {

namespace {

constexpr double full_slack = 1.5;  // characters a full first line may fall short of the column

// The piece's text starts with white space on its line (a centred or indented line).
bool indented(std::string_view text, const Piece& piece) {
    return piece.begin < text.size() && (text[piece.begin] == ' ' || text[piece.begin] == '\t');
}

bool one_line_title(const Piece& piece) {
    return piece.kind == PieceKind::title && piece.stack == 0 &&
           piece.first_line == piece.last_line;
}

bool opens_text(PieceKind kind) {
    return kind == PieceKind::body || kind == PieceKind::dateline || kind == PieceKind::byline;
}

}  // namespace

void join_wrapped_column_titles(std::vector<Piece>& pieces, std::string_view text) {
    std::vector<Piece> out;
    out.reserve(pieces.size());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        Piece& first = pieces[i];
        if (i + 2 < pieces.size() && one_line_title(first) && one_line_title(pieces[i + 1]) &&
            opens_text(pieces[i + 2].kind) && (out.empty() || !one_line_title(out.back()))) {
            const Piece& second = pieces[i + 1];
            const Piece& after = pieces[i + 2];
            const bool tight = second.first_line == first.last_line + 1 &&
                               after.first_line == second.last_line + 1;
            const bool shape =
                !indented(text, first) && indented(text, second) && second.width < first.width;
            const std::string_view a = text.substr(first.begin, first.end - first.begin);
            const std::string_view b = text.substr(second.begin, second.end - second.begin);
            const bool full = first.width + full_slack >= after.width;
            if (tight && shape && (full || wrapped_inside_word(text, a, b))) {
                first.end = second.end;
                first.last_line = second.last_line;
                append_joined(first.text, second.text);
                first.width += second.width;
                out.push_back(std::move(first));
                ++i;
                continue;
            }
        }
        out.push_back(std::move(pieces[i]));
    }
    pieces = std::move(out);
}

}  // namespace paperbag::text
