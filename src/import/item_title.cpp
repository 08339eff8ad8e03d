#include "import/item_title.hpp"

#include <algorithm>
#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "import/headline_link.hpp"

namespace paperbag::text {

namespace {

bool has_lower_case(std::string_view text) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), 1 << 20));
    for (std::int32_t i = 0; i < n;) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c >= 0 && u_islower(c)) return true;
    }
    return false;
}

}  // namespace

bool title_starts_item(std::string_view title, double width, std::string_view before,
                       std::string_view after, double measure) {
    if (has_lower_case(title) || width > measure - item_title_narrower) return false;
    const NgramProfile profile(title);
    if (profile.size() < 2) return false;
    const double share_after = overlap(profile, NgramProfile(after));
    const double share_before = overlap(profile, NgramProfile(before));
    if (share_before == 0 && share_after >= item_title_after_unshared) return true;
    return share_after >= item_title_after && share_after >= share_before + item_title_margin;
}

}  // namespace paperbag::text
