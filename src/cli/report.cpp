// paperbag report: shard reports merged into one summary and one exit code.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/report_options.hpp"
#include "io/atomic_file.hpp"
#include "paperbag/shard_report.hpp"

namespace paperbag::cli {

namespace {

struct ReportCliOptions {
    std::vector<std::string> reports;
    ReportOutput output;
};

int run_report(const ReportCliOptions& o) {
    std::vector<ShardReport> reports;
    for (const std::string& file : o.reports) reports.push_back(read_shard_report(file));
    const MergedReport merged = merge_shard_reports(reports, o.reports);
    if (o.output.file.empty()) {
        std::cout << format_merged_report(merged, o.output.format);
    } else {
        write_file_atomic(o.output.file, format_merged_report(merged, o.output.format));
        std::cout << format_merged_report(merged, ReportFormat::text);
    }
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
    const std::map<std::string, ReportFormat> formats{{"text", ReportFormat::text},
                                                      {"json", ReportFormat::json},
                                                      {"junit", ReportFormat::junit},
                                                      {"sarif", ReportFormat::sarif}};
    sub->add_option("--format", o->output.format, "text, json, junit or sarif")
        ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
    sub->add_option("-o,--output", o->output.file,
                    "Write the report here (atomically); the text summary still goes to stdout");
    sub->callback([o, &exit_code] { exit_code = run_report(*o); });
}

}  // namespace paperbag::cli
