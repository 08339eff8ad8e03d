// paperbag stats: issues, pages, articles and characters per title and year of a corpus.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/filter_options.hpp"
#include "cli/frame.hpp"
#include "paperbag/export.hpp"
#include "paperbag/stats.hpp"

namespace paperbag::cli {

namespace {

struct StatsCliOptions {
    std::vector<std::string> inputs;
    bool json = false;
    unsigned jobs = 0;
    FilterCliOptions filter;
};

int run_stats_command(const StatsCliOptions& o) {
    StatsOptions options;
    for (const std::string& input : o.inputs) {
        if (input == "-")
            for (auto& p : read_export_list(std::cin)) options.inputs.push_back(std::move(p));
        else
            options.inputs.emplace_back(input);
    }
    try {
        options.filter = make_filter(o.filter);
    } catch (const Error& e) {
        std::cerr << "paperbag: " << e.diagnostic().format() << '\n';
        return exit_failure;
    }
    options.jobs = o.jobs;
    options.progress = progress_stream();
    options.report = print_diagnostic;
    const CorpusStats stats = collect_stats(options);
    if (o.json)
        std::cout << format_stats_json(stats) << '\n';
    else
        std::cout << format_stats_table(stats);
    if (stats.io_failure) return exit_failure;
    return stats.skipped > 0 ? exit_invalid : exit_ok;
}

}  // namespace

void setup_stats(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<StatsCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "stats",
        "Count issues, pages, articles and characters per title and year of bundles "
        "and issue folders");
    sub->add_option("INPUT", o->inputs,
                    "Bundles, issue folders or folders to search; '-' reads paths from stdin")
        ->required();
    sub->add_flag("--json", o->json, "Print one JSON object instead of a table");
    sub->add_option("-j,--jobs", o->jobs, "Reading threads (default: one per core)");
    add_filter_options(sub, o->filter, "", "");
    add_progress_flag(sub);
    sub->callback([o, &exit_code] { exit_code = run_stats_command(*o); });
}

}  // namespace paperbag::cli
