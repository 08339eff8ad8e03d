// Publication calendars: which dates a title is expected on.
#include <algorithm>
#include <array>
#include <chrono>

#include "paperbag/diagnostic.hpp"
#include "paperbag/ledger.hpp"

namespace paperbag {

namespace {

constexpr std::array<std::string_view, 7> day_names{"sunday",   "monday", "tuesday", "wednesday",
                                                    "thursday", "friday", "saturday"};

std::chrono::sys_days to_sys(const Date& date) {
    return std::chrono::sys_days{std::chrono::year{date.year} / std::chrono::month{date.month} /
                                 std::chrono::day{date.day}};
}

}  // namespace

Date next_day(const Date& date) {
    const std::chrono::year_month_day ymd{to_sys(date) + std::chrono::days{1}};
    return Date{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day())};
}

unsigned day_of_week(const Date& date) {
    return std::chrono::weekday{to_sys(date)}.c_encoding();
}

Calendar Calendar::parse_rule(std::string_view rule) {
    Calendar calendar;
    if (rule == "daily") return calendar;
    if (rule == "daily-except-sunday") {
        calendar.frequency = Frequency::daily_except_sunday;
        return calendar;
    }
    if (rule == "weekdays") {
        calendar.frequency = Frequency::weekdays;
        return calendar;
    }
    constexpr std::string_view weekly = "weekly:";
    if (rule.starts_with(weekly)) {
        const auto day = std::find(day_names.begin(), day_names.end(), rule.substr(weekly.size()));
        if (day != day_names.end()) {
            calendar.frequency = Frequency::weekly;
            calendar.weekday = static_cast<unsigned>(day - day_names.begin());
            return calendar;
        }
    }
    throw Error("PB-USAGE", "",
                "unknown publication calendar '" + std::string(rule) +
                    "': expected daily, daily-except-sunday, weekdays or weekly:DAY (e.g. "
                    "weekly:thursday)");
}

std::string Calendar::rule() const {
    switch (frequency) {
        case Frequency::daily: return "daily";
        case Frequency::daily_except_sunday: return "daily-except-sunday";
        case Frequency::weekdays: return "weekdays";
        case Frequency::weekly: return "weekly:" + std::string(day_names.at(weekday % 7));
    }
    return "daily";
}

bool Calendar::regular_on(const Date& date) const {
    if (std::find(skip.begin(), skip.end(), date) != skip.end()) return false;
    const unsigned day = day_of_week(date);
    switch (frequency) {
        case Frequency::daily: return true;
        case Frequency::daily_except_sunday: return day != 0;
        case Frequency::weekdays: return day >= 1 && day <= 5;
        case Frequency::weekly: return day == weekday;
    }
    return false;
}

std::vector<std::string> Calendar::expected_on(const Date& date) const {
    std::vector<std::string> editions;
    if (regular_on(date)) editions.emplace_back();
    for (const ExtraEdition& e : extra)
        if (e.date == date) editions.push_back(e.edition);
    return editions;
}

std::vector<Gap> find_gaps(const Title& title, const Date& from, const Date& to,
                           const std::vector<HeldIssue>& held) {
    std::vector<Gap> gaps;
    if (!from.valid() || !to.valid() || to < from) return gaps;
    const auto is_extra = [&](const Date& date, const std::string& edition) {
        return std::any_of(
            title.calendar.extra.begin(), title.calendar.extra.end(),
            [&](const ExtraEdition& e) { return e.date == date && e.edition == edition; });
    };
    for (Date date = from; date <= to; date = next_day(date)) {
        for (const std::string& edition : title.calendar.expected_on(date)) {
            // The regular issue is there when any issue of the day that is not one of its
            // extra editions was received (publishers name their regular edition freely).
            const bool received = std::any_of(held.begin(), held.end(), [&](const HeldIssue& h) {
                if (h.title_key != title.key || h.date != date) return false;
                return edition.empty() ? !is_extra(date, h.edition) : h.edition == edition;
            });
            if (!received) gaps.push_back(Gap{title.key, date, edition});
        }
        if (date == to) break;
    }
    return gaps;
}

std::vector<std::vector<HeldIssue>> find_duplicates(const std::vector<HeldIssue>& held) {
    std::vector<HeldIssue> sorted = held;
    std::sort(sorted.begin(), sorted.end(), [](const HeldIssue& a, const HeldIssue& b) {
        return std::tie(a.title_key, a.date, a.edition, a.version) <
               std::tie(b.title_key, b.date, b.edition, b.version);
    });
    std::vector<std::vector<HeldIssue>> groups;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i + 1;
        while (j < sorted.size() && sorted[j].title_key == sorted[i].title_key &&
               sorted[j].date == sorted[i].date && sorted[j].edition == sorted[i].edition)
            ++j;
        if (j - i > 1)
            groups.emplace_back(sorted.begin() + static_cast<std::ptrdiff_t>(i),
                                sorted.begin() + static_cast<std::ptrdiff_t>(j));
        i = j;
    }
    return groups;
}

}  // namespace paperbag
