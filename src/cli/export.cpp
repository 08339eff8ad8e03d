// paperbag export: articles of bundles, issue folders or page text files as research records.
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/filter_options.hpp"
#include "cli/frame.hpp"
#include "cli/shard_options.hpp"
#include "paperbag/export.hpp"

namespace paperbag::cli {

namespace {

struct ExportCliOptions {
    std::vector<std::string> inputs;
    std::string from_list;
    std::string format = "jsonl";
    std::string output;
    bool gzip = false;
    std::vector<std::string> fields;
    FilterCliOptions filter;
    unsigned jobs = 0;
    std::uint64_t max_output = ExportOptions{}.max_output;
    PageFilesOptions pages;
    ShardCliOptions sharding;
    std::string missing = "fail";
};

int run_export_command(const ExportCliOptions& o) {
    ExportOptions options;
    try {
        for (const auto& input : o.inputs) {
            if (input == "-") {
                for (auto& p : read_export_list(std::cin)) options.inputs.push_back(std::move(p));
            } else {
                options.inputs.emplace_back(input);
            }
        }
        if (!o.from_list.empty()) {
            std::ifstream list(o.from_list);
            if (!list) throw_system_error("cannot open", o.from_list);
            for (auto& p : read_export_list(list, o.from_list))
                options.inputs.push_back(std::move(p));
        }
        options.filter = make_filter(o.filter);
    } catch (const Error& e) {
        std::cerr << "paperbag: " << e.diagnostic().format() << '\n';
        return exit_failure;
    }
    options.format = o.format;
    if (!o.output.empty() && !is_stdout(o.output)) options.output = o.output;
    options.gzip = o.gzip;
    options.fields = o.fields;
    options.jobs = o.jobs;
    options.max_output = o.max_output;
    options.pages = o.pages;
    // --title and --lang are also the metadata of page text files (one title only).
    if (o.filter.titles.size() == 1) options.pages.title = o.filter.titles.front();
    options.pages.language = o.filter.language;
    options.pages.missing_warn = o.missing == "warn";
    options.progress = progress_stream(/*stdout_busy=*/!options.output.has_value());
    options.report = print_diagnostic;
    Diagnostics diagnostics;
    if (const auto shard = load_shard(o.sharding, !options.inputs.empty())) {
        const ShardReport report = export_shard(*shard, options, std::cout, diagnostics);
        for (const Diagnostic& d : diagnostics) std::cerr << d.format() << '\n';
        save_shard_report(report, o.sharding);
        return report.exit_code;
    }
    const ExportStatus status = run_export(options, std::cout, diagnostics);
    for (const Diagnostic& d : diagnostics) std::cerr << d.format() << '\n';
    return static_cast<int>(status);
}

}  // namespace

void setup_export(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<ExportCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "export",
        "Export the articles of bundles, issue folders or page text files for research "
        "(JSON Lines, CSV, text files, XML)");
    sub->add_option("INPUT", o->inputs,
                    "Bundles (*.zip), issue folders, folders to search, or page text or PDF "
                    "files of one issue; '-' reads paths from stdin, one per line");
    sub->add_option("--from-list", o->from_list, "Read input paths from this file, one per line");
    choices(sub->add_option("--format", o->format, "Output format"), {"jsonl", "csv", "txt", "xml"},
            "jsonl");
    sub->add_option("-o,--output", o->output,
                    "jsonl/csv: write to this file (atomically; '-': stdout, the default); "
                    "txt/xml: the output folder");
    sub->add_flag("--gzip", o->gzip, "Compress jsonl/csv output with gzip (also for -o *.gz)");
    sub->add_option("--fields", o->fields,
                    "Only these fields, in this order (comma-separated: \"id, headline\")")
        ->delimiter(',')
        ->allow_extra_args(false);
    add_filter_options(sub, o->filter, " (also the title of page text files)",
                       " (also the language of page text files; default: guessed from the text)");
    sub->add_option("-j,--jobs", o->jobs, "Reading threads (default: one per core)");
    sub->add_option("--date", o->pages.date, "Issue date YYYY-MM-DD (page text files)");
    sub->add_option("--page", o->pages.page, "Label of the page (one page text or PDF file)");
    sub->add_option("--first-page", o->pages.first_page,
                    "Number of the first page (several files, or a PDF of several pages)");
    sub->add_option("--issn", o->pages.issn, "ISSN of the publication");
    sub->add_option("--encoding", o->pages.encoding,
                    "Encoding of the page text files (default: detect; e.g. GB18030, Big5)");
    add_shard_options(sub, o->sharding);
    size_option(sub, "--max-output", o->max_output,
                "--format xml: the most one bundle may unpack to (default: 8GiB; "
                "docs/limits.md)");
    size_option(sub, "--max-page-text", o->pages.max_page_text,
                "Largest page text file read (default: 16MiB; docs/limits.md)");
    sub->add_flag("--resegment", o->pages.resegment,
                  "Issue folders described by a METS: find the articles anew instead of keeping "
                  "the METS' own article structure");
    choices(sub->add_option("--missing", o->missing,
                            "Files a source METS lists but the folder lacks: fail or warn"),
            {"fail", "warn"}, "fail");
    add_progress_flag(sub);
    sub->callback([o, &exit_code] { exit_code = run_export_command(*o); });
}

}  // namespace paperbag::cli
