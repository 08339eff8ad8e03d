// Counts in human output: "1 page", "2 pages", "0 entries". Machine formats (JSON, CSV,
// reports read by tools) keep their fixed keys and never go through this.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace paperbag {

// "<n> <noun>" with the noun in the singular for exactly one, else the plural: `plural_form`
// when given, else the noun with "s" appended ("entry" needs "entries").
inline std::string plural(std::uint64_t n, std::string_view noun,
                          std::string_view plural_form = {}) {
    std::string out = std::to_string(n) + " ";
    if (n == 1) return out.append(noun);
    if (!plural_form.empty()) return out.append(plural_form);
    return out.append(noun).append("s");
}

}  // namespace paperbag
