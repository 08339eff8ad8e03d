#include "cli/filter_options.hpp"

namespace paperbag::cli {

namespace {

std::optional<Date> bound(const std::string& text, const char* option, bool end) {
    if (text.empty()) return std::nullopt;
    auto date = parse_date_bound(text, end);
    if (!date)
        throw Error(
            "PB-USAGE", "",
            std::string(option) + " '" + text + "' is not a date: YYYY, YYYY-MM or YYYY-MM-DD");
    return date;
}

}  // namespace

void add_filter_options(CLI::App* sub, FilterCliOptions& options, const std::string& title_help,
                        const std::string& lang_help) {
    sub->add_option("--from", options.from,
                    "Only issues dated on or after YYYY, YYYY-MM or YYYY-MM-DD (the first day)");
    sub->add_option("--to", options.to,
                    "Only issues dated on or before YYYY, YYYY-MM or YYYY-MM-DD (the last day)");
    sub->add_option("--title", options.titles,
                    "Only issues of this publication title, ignoring case; repeatable" + title_help)
        ->allow_extra_args(false);  // one value per --title: "--title T DIR" reads DIR
    sub->add_option("--title-contains", options.title_contains,
                    "Only issues whose publication title contains this text, ignoring case; "
                    "repeatable")
        ->allow_extra_args(false);
    sub->add_option("--lang", options.language,
                    "Only records in this language, BCP 47 prefix (zh takes zh-Hans)" + lang_help);
    sub->add_option("--type", options.type, "Only records of this type: article or illustration");
}

ExportFilter make_filter(const FilterCliOptions& options) {
    ExportFilter filter;
    filter.from = bound(options.from, "--from", false);
    filter.to = bound(options.to, "--to", true);
    filter.titles = options.titles;
    filter.title_contains = options.title_contains;
    filter.language = options.language;
    filter.type = options.type;
    filter.check();
    return filter;
}

}  // namespace paperbag::cli
