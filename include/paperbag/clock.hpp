// Time, injected. No wall clock reaches an output except through a Clock, so that with
// SOURCE_DATE_EPOCH set (https://reproducible-builds.org/specs/source-date-epoch/) the
// same input gives the same bytes.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace paperbag {

class Clock {
public:
    virtual ~Clock() = default;
    // Seconds since 1970-01-01T00:00:00Z.
    virtual std::int64_t now() const = 0;
};

// The system's real-time clock.
class SystemClock final : public Clock {
public:
    std::int64_t now() const override;
};

// Always the same instant.
class FixedClock final : public Clock {
public:
    explicit FixedClock(std::int64_t seconds) : seconds_(seconds) {}
    std::int64_t now() const override { return seconds_; }

private:
    std::int64_t seconds_;
};

// Parses a SOURCE_DATE_EPOCH value: a non-negative decimal integer of seconds, nothing else.
std::optional<std::int64_t> parse_source_date_epoch(std::string_view text);

// A FixedClock when SOURCE_DATE_EPOCH is set, else a SystemClock. Throws paperbag::Error
// (code PB-SOURCE-DATE-EPOCH) when the variable is set but is not a valid value.
std::unique_ptr<Clock> clock_from_environment();

// "2024-03-18T06:05:04Z" (UTC, no fraction).
std::string format_iso8601_utc(std::int64_t seconds);

// The date part of an instant, "2024-03-18" (UTC).
std::string format_date_utc(std::int64_t seconds);

}  // namespace paperbag
