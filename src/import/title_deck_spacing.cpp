#include "import/title_deck_spacing.hpp"

#include <algorithm>
#include <cstdint>

#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace paperbag::text {

namespace {

bool has_han(std::string_view s) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto n = static_cast<std::int32_t>(std::min<std::size_t>(s.size(), 1 << 16));
    for (std::int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        UErrorCode status = U_ZERO_ERROR;
        if (c >= 0 && uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status))
            return true;
    }
    return false;
}

// Line `number` (1-based) is blank.
bool blank(const std::vector<Line>& lines, std::size_t number) {
    return number >= 1 && number <= lines.size() && lines[number - 1].blank;
}

bool opens_text(PieceKind kind) {
    return kind == PieceKind::body || kind == PieceKind::dateline || kind == PieceKind::byline;
}

}  // namespace

void mark_spaced_decks(std::vector<Piece>& pieces, const std::vector<Line>& lines,
                       bool double_spaced) {
    if (double_spaced) return;
    for (std::size_t i = 1; i + 1 < pieces.size(); ++i) {
        const Piece& before = pieces[i - 1];
        Piece& deck = pieces[i];
        const Piece& after = pieces[i + 1];
        if (before.kind != PieceKind::title || deck.kind != PieceKind::title || deck.stack != 0 ||
            deck.first_line != deck.last_line || !opens_text(after.kind) || !has_han(deck.text))
            continue;
        // Exactly one blank line between the title and the deck, at least one after the deck.
        const bool set_apart =
            deck.first_line == before.last_line + 2 && blank(lines, before.last_line + 1) &&
            after.first_line >= deck.last_line + 2 && blank(lines, deck.last_line + 1);
        // The title is the group's first: no other title unit above it (a page's title
        // blocks printed one under the other are several items' titles).
        std::size_t top = i - 1;
        while (top > 0 && before.stack != 0 && pieces[top - 1].stack == before.stack) --top;
        const bool first = top == 0 || (pieces[top - 1].kind != PieceKind::title &&
                                        pieces[top - 1].kind != PieceKind::subtitle);
        if (set_apart && first) deck.kind = PieceKind::subtitle;
    }
}

}  // namespace paperbag::text
