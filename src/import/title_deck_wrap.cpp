#include "import/title_deck_wrap.hpp"

namespace paperbag::text {

bool deck_under_wrapped_title(const Piece& title, const Piece& next) {
    const bool wrapped = title.last_line > title.first_line;
    const bool one_line = next.first_line == next.last_line;
    return title.stack == 0 && next.stack == 0 && wrapped && one_line;
}

}  // namespace paperbag::text
