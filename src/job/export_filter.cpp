#include "paperbag/export_filter.hpp"

#include <algorithm>
#include <array>

#include "core/unicode.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/ids.hpp"

namespace paperbag {

namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// A value as it would be typed after its option: quoted when the shell needs it.
std::string shell_word(const std::string& value) {
    const bool plain =
        !value.empty() && value.find_first_of(" \t\n'\"\\$`*?[]#;&|<>()") == std::string::npos;
    if (plain) return value;
    std::string out = "'";
    for (char c : value) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

bool title_matches(const ExportFilter& filter, const std::string& title) {
    if (filter.titles.empty() && filter.title_contains.empty()) return true;
    const std::string folded = fold_for_matching(title);
    for (const std::string& wanted : filter.titles)
        if (folded == fold_for_matching(wanted)) return true;
    for (const std::string& part : filter.title_contains)
        if (folded.find(fold_for_matching(part)) != std::string::npos) return true;
    return false;
}

}  // namespace

std::optional<Date> parse_date_bound(std::string_view text, bool end) {
    if (text.size() == 10) return Date::parse(text);
    std::string day_text(text);
    if (text.size() == 4)
        day_text += end ? "-12" : "-01";
    else if (text.size() != 7)
        return std::nullopt;
    if (!end) return Date::parse(day_text + "-01");
    // The last day of the month: the largest day that makes a real date.
    for (const char* last : {"-31", "-30", "-29", "-28"})
        if (auto date = Date::parse(day_text + last)) return date;
    return std::nullopt;
}

bool ExportFilter::active() const {
    return from || to || !titles.empty() || !title_contains.empty() || filters_records();
}

bool ExportFilter::filters_records() const {
    return !language.empty() || !type.empty();
}

void ExportFilter::check() const {
    if (from && to && *to < *from)
        throw Error("PB-USAGE", "",
                    "--from " + from->to_string() + " is after --to " + to->to_string() +
                        ": the date range is reversed");
    if (!type.empty() && type != "article" && type != "illustration")
        throw Error("PB-USAGE", "", "--type must be 'article' or 'illustration'");
    if (!language.empty() && !is_language_tag(language))
        throw Error("PB-USAGE", "",
                    "--lang '" + language + "' is not a language tag (BCP 47, e.g. zh-Hans)");
}

bool ExportFilter::issue_wanted(const Issue& issue) const {
    if ((from || to) && !issue.date.valid()) return false;
    if (from && issue.date < *from) return false;
    if (to && *to < issue.date) return false;
    return title_matches(*this, issue.title);
}

bool ExportFilter::record_wanted(std::string_view record_type,
                                 std::string_view record_language) const {
    if (!type.empty() && record_type != type) return false;
    if (language.empty()) return true;
    const std::string r = lower_ascii(record_language);
    const std::string w = lower_ascii(language);
    return r == w || r.starts_with(w + "-");
}

std::size_t ExportFilter::wanted_articles(const Issue& issue) const {
    if (!filters_records()) return issue.articles.size();
    const std::string issue_language = issue.language();
    return static_cast<std::size_t>(
        std::count_if(issue.articles.begin(), issue.articles.end(), [&](const Article& a) {
            return record_wanted("article", a.language.empty() ? issue_language : a.language);
        }));
}

std::size_t ExportFilter::wanted_illustrations(const Issue& issue) const {
    if (!filters_records()) return issue.illustrations.size();
    return record_wanted("illustration", issue.language()) ? issue.illustrations.size() : 0;
}

std::string ExportFilter::describe() const {
    std::string out;
    auto add = [&out](const char* option, const std::string& value) {
        out += (out.empty() ? "" : " ") + std::string(option) + " " + shell_word(value);
    };
    if (from) add("--from", from->to_string());
    if (to) add("--to", to->to_string());
    for (const std::string& t : titles) add("--title", t);
    for (const std::string& t : title_contains) add("--title-contains", t);
    if (!language.empty()) add("--lang", language);
    if (!type.empty()) add("--type", type);
    return out;
}

Diagnostic ExportFilter::nothing_matched(std::size_t read, std::string_view outcome) const {
    return make_warning("PB-EXPORT-NO-MATCH", "", 0,
                        "no records match the filters (" + describe() + ") in the " +
                            std::to_string(read) + (read == 1 ? " input" : " inputs") + " read; " +
                            std::string(outcome));
}

}  // namespace paperbag
