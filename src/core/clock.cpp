#include "paperbag/clock.hpp"

#include <charconv>
#include <chrono>
#include <cstdlib>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

std::int64_t SystemClock::now() const {
    using namespace std::chrono;
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::optional<std::int64_t> parse_source_date_epoch(std::string_view text) {
    if (text.empty() || text.size() > 18) return std::nullopt;
    for (char c : text)
        if (c < '0' || c > '9') return std::nullopt;
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    // Years beyond 9999 cannot be written as ISO 8601 dates of four digits.
    if (value > 253402300799) return std::nullopt;
    return value;
}

std::unique_ptr<Clock> clock_from_environment() {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (value == nullptr) return std::make_unique<SystemClock>();
    auto seconds = parse_source_date_epoch(value);
    if (!seconds)
        throw Error("PB-SOURCE-DATE-EPOCH", "",
                    std::string("SOURCE_DATE_EPOCH is not a number of seconds: '") + value + "'");
    return std::make_unique<FixedClock>(*seconds);
}

namespace {

struct Civil {
    std::int64_t year;
    unsigned month, day, hour, minute, second;
};

// Howard Hinnant's days_from_civil inverse, exact for the whole proleptic Gregorian range.
Civil to_civil(std::int64_t seconds) {
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto doe = static_cast<unsigned>(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
    const auto r = static_cast<unsigned>(rest);
    return {year, month, day, r / 3600, r % 3600 / 60, r % 60};
}

std::string pad(std::int64_t value, std::size_t width) {
    std::string out = std::to_string(value);
    while (out.size() < width) out.insert(out.begin(), '0');
    return out;
}

}  // namespace

std::string format_date_utc(std::int64_t seconds) {
    const Civil c = to_civil(seconds);
    return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2);
}

std::string format_iso8601_utc(std::int64_t seconds) {
    const Civil c = to_civil(seconds);
    return format_date_utc(seconds) + "T" + pad(c.hour, 2) + ":" + pad(c.minute, 2) + ":" +
           pad(c.second, 2) + "Z";
}

}  // namespace paperbag
