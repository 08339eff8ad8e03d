// paperbag report: shard reports merged into one summary and one exit code.
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/frame.hpp"
#include "cli/report_options.hpp"
#include "paperbag/shard_report.hpp"

namespace paperbag::cli {

namespace {

struct ReportCliOptions {
    std::vector<std::string> reports;
    ReportOutput output;
};

// -q: the problems and refused items, without the "shards:" and "summary:" lines.
std::string problems_only(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line(text.data() + start, end - start);
        if (!line.starts_with("shards: ") && !line.starts_with("summary: "))
            out.append(line).append("\n");
        start = end + 1;
    }
    return out;
}

int run_report(const ReportCliOptions& o) {
    std::vector<ShardReport> reports;
    for (const std::string& file : o.reports) reports.push_back(read_shard_report(file));
    const MergedReport merged = merge_shard_reports(reports, o.reports);
    print_report(
        format_merged_report(merged, o.output.format), o.output,
        [&] { return format_merged_report(merged, ReportFormat::text); },
        [&] { return problems_only(format_merged_report(merged, ReportFormat::text)); });
    return merged.exit_code;
}

}  // namespace

void setup_report(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<ReportCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "report",
        "Merge the shard reports of a --plan/--shard run into one summary and one exit code");
    sub->add_option("SHARD_REPORT", o->reports, "Shard reports (JSON), one per shard")
        ->required()
        ->check(CLI::ExistingFile);
    add_report_format_option(sub, o->output.format);
    sub->add_option("-o,--output", o->output.file,
                    "Write the report to FILE (atomically; '-': stdout); stdout then gets only "
                    "the summary line")
        ->option_text("FILE");
    sub->callback([o, &exit_code] { exit_code = run_report(*o); });
}

}  // namespace paperbag::cli
