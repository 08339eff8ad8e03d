#include "import/title_glue.hpp"

#include "import/headline_link.hpp"

namespace paperbag::text {

bool body_glued_under_title(std::string_view title, double title_width, const GluedLine& first,
                            const GluedLine& second, double column, std::string_view following) {
    if (!first.present) return false;
    if (!first.spaced) {
        const bool indent = first.width <= column - 1.5 && first.width >= column - 3;
        const bool next_wider =
            second.present && !second.spaced && second.width >= first.width + 1.5;
        return indent && (first.clause || next_wider);
    }
    if (title_width > column - glued_title_narrower) return false;
    const NgramProfile profile(title);
    if (profile.size() < 2) return false;
    return overlap(profile, NgramProfile(following)) >= glued_title_named;
}

}  // namespace paperbag::text
