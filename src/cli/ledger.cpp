// paperbag ledger: titles and calendars, holdings, gaps, duplicates and reports.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/frame.hpp"
#include "core/plural.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/ledger.hpp"

namespace paperbag::cli {

namespace {

struct LedgerCliOptions {
    std::string store;
    std::string ledger;
    std::string format = "text";
    // add-title
    Title title;
    std::string calendar = "daily";
    std::vector<std::string> skip, extra;
    // import
    std::string folder;
    // gaps
    std::string key, from, to;
};

Date parse_date(const std::string& text, const char* what) {
    const auto date = Date::parse(text);
    if (!date)
        throw Error("PB-USAGE", "",
                    std::string(what) + " '" + text + "' is not a date (YYYY-MM-DD)");
    return *date;
}

std::unique_ptr<Ledger> open_ledger(const LedgerCliOptions& o) {
    if (o.store.empty() && o.ledger.empty())
        throw Error("PB-USAGE", "", "ledger: give --store DIR (or --ledger)");
    return Ledger::open(o.ledger, o.store);
}

void common(CLI::App* sub, LedgerCliOptions& o, bool format) {
    sub->add_option("--store", o.store, "The store folder (ledger.sqlite inside)");
    sub->add_option("--ledger", o.ledger, "sqlite:FILE or postgresql://user@host:port/db");
    if (format)
        choices(sub->add_option("--format", o.format, "Output format"), {"text", "csv", "json"},
                "text");
}

int run_add_title(LedgerCliOptions& o) {
    o.title.calendar = Calendar::parse_rule(o.calendar);
    for (const std::string& d : o.skip) o.title.calendar.skip.push_back(parse_date(d, "--skip"));
    for (const std::string& e : o.extra) {
        const auto colon = e.find(':');
        const std::string edition = colon == std::string::npos ? "Supplement" : e.substr(colon + 1);
        if (edition.empty()) throw Error("PB-USAGE", "", "--extra '" + e + "': empty edition name");
        o.title.calendar.extra.push_back(
            ExtraEdition{parse_date(e.substr(0, colon), "--extra"), edition});
    }
    open_ledger(o)->put_title(o.title);
    human_out() << "title " << o.title.key << ": " << o.title.calendar.rule() << ", "
                << plural(o.title.calendar.skip.size(), "non-publication date") << ", "
                << plural(o.title.calendar.extra.size(), "extra edition") << '\n';
    return exit_ok;
}

int run_import(const LedgerCliOptions& o) {
    const auto ledger = open_ledger(o);
    const auto clock = clock_from_environment();
    const ImportSummary s = import_bundles(*ledger, o.folder.empty() ? o.store : o.folder, o.store,
                                           format_iso8601_utc(clock->now()));
    for (const Diagnostic& d : s.problems) print_diagnostic(d);
    human_out() << "imported " << s.added << ", already held " << s.known << ", skipped "
                << s.skipped << '\n';
    return s.skipped > 0 ? exit_invalid : exit_ok;
}

int run_gaps(const LedgerCliOptions& o) {
    const auto ledger = open_ledger(o);
    const auto title = ledger->title(o.key);
    if (!title)
        throw Error("PB-USAGE", "", "no title '" + o.key + "' in the ledger (ledger add-title)");
    const auto gaps = find_gaps(*title, parse_date(o.from, "--from"), parse_date(o.to, "--to"),
                                ledger->issues(o.key));
    std::cout << format_gaps(gaps, parse_ledger_format(o.format));
    return exit_ok;
}

}  // namespace

void setup_ledger(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<LedgerCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "ledger",
        "The holdings ledger: titles and publication calendars, issues received, "
        "gaps, duplicates and reports");
    sub->require_subcommand(1);

    CLI::App* add =
        sub->add_subcommand("add-title", "Add a title or replace its metadata and calendar");
    add->add_option("KEY", o->title.key, "Title key (the store's folder, e.g. riverton-courier)")
        ->required();
    add->add_option("--title", o->title.title, "The title as printed")->required();
    add->add_option("--issn", o->title.issn, "ISSN");
    add->add_option("--publisher", o->title.publisher, "Publisher");
    add->add_option("--calendar", o->calendar, "daily, daily-except-sunday, weekdays or weekly:DAY")
        ->capture_default_str();
    add->add_option("--skip", o->skip, "A date without an issue (holiday); repeatable");
    add->add_option("--extra", o->extra,
                    "DATE[:EDITION] with an extra edition or supplement; repeatable");
    common(add, *o, false);
    add->callback([o, &exit_code] { exit_code = run_add_title(*o); });

    CLI::App* imp = sub->add_subcommand(
        "import", "Index the bundles already held in a folder (default: the store)");
    imp->add_option("FOLDER", o->folder, "Folder searched for *.zip (default: --store)");
    common(imp, *o, false);
    imp->callback([o, &exit_code] { exit_code = run_import(*o); });

    CLI::App* gaps =
        sub->add_subcommand("gaps", "Issues the calendar expects that were not received");
    gaps->add_option("--title", o->key, "Title key")->required();
    gaps->add_option("--from", o->from, "First date (YYYY-MM-DD)")->required();
    gaps->add_option("--to", o->to, "Last date (YYYY-MM-DD)")->required();
    common(gaps, *o, true);
    gaps->callback([o, &exit_code] { exit_code = run_gaps(*o); });

    CLI::App* dups = sub->add_subcommand("duplicates", "Issues held in more than one version");
    common(dups, *o, true);
    dups->callback([o, &exit_code] {
        const auto ledger = open_ledger(*o);
        std::cout << format_duplicates(find_duplicates(ledger->issues()),
                                       parse_ledger_format(o->format));
        exit_code = exit_ok;
    });

    CLI::App* report =
        sub->add_subcommand("report", "Received per depositor and month, missing, refused");
    common(report, *o, true);
    report->callback([o, &exit_code] {
        const auto ledger = open_ledger(*o);
        std::cout << format_ledger_report(*ledger, parse_ledger_format(o->format));
        exit_code = exit_ok;
    });
}

}  // namespace paperbag::cli
