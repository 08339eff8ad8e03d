// paperbag build: issue folders (or page text files) -> validated BagIt-in-ZIP bundles.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/shard_options.hpp"
#include "job/progress.hpp"
#include "paperbag/build.hpp"

namespace paperbag::cli {

namespace {

struct BuildCliOptions {
    std::vector<std::string> inputs;
    std::string output;
    BuildOptions job;
    std::string algorithms = "sha256";
    ShardCliOptions sharding;
    std::string missing = "fail";
};

std::string result_line(const IssueBuild& issue) {
    switch (issue.state) {
        case IssueState::built:
            return "built      " + issue.bundle.string() + " (" + std::to_string(issue.pages) +
                   " pages, " + std::to_string(issue.articles) + " articles, " +
                   std::to_string(issue.illustrations) + " illustrations, " +
                   std::to_string(issue.bundle_size) + " bytes)";
        case IssueState::unchanged: return "unchanged  " + issue.bundle.string();
        case IssueState::failed: break;
    }
    return "FAILED     " + issue.input;
}

// --plan/--shard: the shard's issues, the same lines and summary, and the shard report.
int run_build_shard(const PlanShard& shard, const BuildCliOptions& o, const Clock& clock,
                    const std::function<void(const IssueBuild&)>& on_issue, Progress& progress) {
    const ShardReport report = build_shard(shard, o.job, clock, on_issue);
    progress.finish();
    std::cout << "summary: " << report.count(ItemOutcome::built) << " built, "
              << report.count(ItemOutcome::skipped) << " unchanged, "
              << report.count(ItemOutcome::refused) << " failed\n";
    save_shard_report(report, o.sharding);
    return report.exit_code;
}

int run_build_command(BuildCliOptions& o) {
    BuildOptions& options = o.job;
    for (const auto& input : o.inputs) options.inputs.emplace_back(input);
    options.output = o.output;
    options.pages.missing_warn = o.missing == "warn";
    if (o.algorithms == "sha256,sha512" || o.algorithms == "sha512,sha256")
        options.sha512 = true;
    else if (o.algorithms != "sha256") {
        std::cerr << "paperbag build: error: --algorithms takes sha256 or sha256,sha512\n";
        return exit_failure;
    }
    const auto clock = clock_from_environment();
    const std::optional<PlanShard> shard = load_shard(o.sharding, !o.inputs.empty());
    if (shard && !options.corrections.empty()) {
        std::cerr << "paperbag build: error: --corrections applies to one issue, not to a shard\n";
        return exit_failure;
    }
    Progress progress(std::cerr, shard ? shard->indices.size() : options.inputs.size(), "issues",
                      ::isatty(STDERR_FILENO) != 0);
    auto on_issue = [&](const IssueBuild& issue) {
        for (const Diagnostic& d : issue.diagnostics) std::cerr << d.format() << '\n';
        std::cout << result_line(issue) << std::endl;
        progress.item_done("");
    };
    if (shard) return run_build_shard(*shard, o, *clock, on_issue, progress);
    const BuildRun run = run_build(options, *clock, on_issue);
    for (const Diagnostic& d : run.messages)
        if (d.severity != Severity::info) std::cerr << d.format() << '\n';
    std::size_t built = 0, unchanged = 0, failed = 0;
    for (const IssueBuild& issue : run.issues) {
        built += issue.state == IssueState::built;
        unchanged += issue.state == IssueState::unchanged;
        failed += issue.state == IssueState::failed;
    }
    progress.finish();
    std::cout << "summary: " << built << " built, " << unchanged << " unchanged, " << failed
              << " failed\n";
    return run.exit_code();
}

}  // namespace

void setup_build(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<BuildCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "build",
        "Import issues, find their articles, write METS/ALTO/NewsML-G2, validate them and pack "
        "each issue into a reproducible BagIt-in-ZIP bundle");
    sub->add_option("INPUT", o->inputs,
                    "Issue folders (with issue.xml), or page text files (or --plan FILE)");
    sub->add_option("-o,--output", o->output,
                    "Output folder (one <issue>.zip per issue), or FILE.zip for one issue")
        ->required();
    sub->add_option("--max-page-text", o->job.pages.max_page_text,
                    "Largest page text file read, in bytes (units allowed: 32MiB; default: 16MiB)")
        ->transform(CLI::AsSizeValue(false));
    sub->add_flag("--resegment", o->job.pages.resegment,
                  "Issue folders described by a METS: find the articles anew instead of keeping "
                  "the METS' own article structure");
    sub->add_option("--missing", o->missing,
                    "Files a source METS lists but the folder lacks: 'fail' (default) or 'warn' "
                    "(package what is there and record each absent file)")
        ->check(CLI::IsMember({"fail", "warn"}));
    sub->add_option("-j,--jobs", o->job.jobs, "Issues built at once (default: all cores)");
    sub->add_flag("--force", o->job.force, "Rebuild bundles whose inputs are unchanged");
    sub->add_option("--algorithms", o->algorithms, "Manifests: sha256 or sha256,sha512")
        ->capture_default_str();
    sub->add_option("--source-organization", o->job.source_organization,
                    "bag-info.txt Source-Organization (default: the publisher)");
    sub->add_option("--catalog", o->job.catalogs,
                    "OASIS XML catalog for the official schemas (repeatable)")
        ->check(CLI::ExistingFile)
        ->allow_extra_args(false);
    sub->add_flag("--strict", o->job.strict, "Validation warnings fail the issue");
    sub->add_option("--corrections", o->job.corrections,
                    "A reviewer's corrections file from 'paperbag view' (one issue; "
                    "docs/review.md)")
        ->check(CLI::ExistingFile);
    sub->add_option("--title", o->job.pages.title, "Publication title (page text files)");
    sub->add_option("--date", o->job.pages.date, "Issue date YYYY-MM-DD (page text files)");
    sub->add_option("--page", o->job.pages.page, "Label of the page (one page text file)");
    sub->add_option("--first-page", o->job.pages.first_page,
                    "Number of the first page (several page files)");
    sub->add_option("--lang", o->job.pages.language, "Language, BCP 47 (page text files)");
    sub->add_option("--issn", o->job.pages.issn, "ISSN of the publication (page text files)");
    sub->add_option("--encoding", o->job.pages.encoding,
                    "Encoding of the page text files (default: detect)");
    add_shard_options(sub, o->sharding);
    sub->callback([o, &exit_code] { exit_code = run_build_command(*o); });
}

}  // namespace paperbag::cli
