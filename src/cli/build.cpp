// paperbag build: issue folders (or page text files) -> validated BagIt-in-ZIP bundles.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/frame.hpp"
#include "cli/shard_options.hpp"
#include "core/plural.hpp"
#include "job/progress.hpp"
#include "paperbag/build.hpp"
#include "paperbag/ledger.hpp"

namespace paperbag::cli {

namespace {

struct BuildCliOptions {
    std::vector<std::string> inputs;
    std::string output;
    BuildOptions job;
    std::string algorithms = "sha256";
    ShardCliOptions sharding;
    std::string missing = "fail";
    bool json = false;
    std::string ledger;  // --ledger: record every bundle built or kept
};

// --ledger: each bundle built (or kept unchanged) is recorded in the holdings ledger, once
// (record_bundle is idempotent), with depositor "build" and its absolute path. Shards of a
// plan may all record into one ledger at once. A bundle that cannot be recorded is an error
// (exit 2, the shard report says so) and a rerun records it.
class LedgerSink {
public:
    LedgerSink(const std::string& location, const Clock& clock)
        : ledger_(location.empty() ? nullptr : Ledger::open(location, "")),
          received_at_(format_iso8601_utc(clock.now())) {}

    void record(const IssueBuild& issue) {
        if (!ledger_ || issue.bundle.empty()) return;
        if (issue.state != IssueState::built && issue.state != IssueState::unchanged) return;
        try {
            const std::string path =
                std::filesystem::absolute(issue.bundle).lexically_normal().string();
            record_bundle(*ledger_, issue.bundle, path, "build", received_at_, "valid");
        } catch (const Error& e) {
            failed_ = true;
            std::cerr << e.diagnostic().format() << '\n';
        }
    }
    bool failed() const noexcept { return failed_; }

private:
    std::unique_ptr<Ledger> ledger_;
    std::string received_at_;
    bool failed_ = false;
};

std::string result_line(const IssueBuild& issue) {
    switch (issue.state) {
        case IssueState::built:
            return "built      " + issue.bundle.string() + " (" + plural(issue.pages, "page") +
                   ", " + plural(issue.articles, "article") + ", " +
                   plural(issue.illustrations, "illustration") + ", " +
                   plural(issue.bundle_size, "byte") + ")";
        case IssueState::unchanged: return "unchanged  " + issue.bundle.string();
        case IssueState::planned:
            return "would build " + issue.bundle.string() + " (" + issue.reason + ")";
        case IssueState::failed: break;
    }
    return "FAILED     " + issue.input;
}

// "summary: 2 built, 0 unchanged, 0 failed"; a dry run says what it would do.
std::string summary_line(std::size_t built, std::size_t unchanged, std::size_t failed,
                         std::size_t planned, bool dry_run) {
    if (dry_run)
        return "summary (dry run): " + std::to_string(planned) + " would be built, " +
               std::to_string(unchanged) + " unchanged, " + std::to_string(failed) +
               " refused; nothing written";
    return "summary: " + std::to_string(built) + " built, " + std::to_string(unchanged) +
           " unchanged, " + std::to_string(failed) + " failed";
}

// --plan/--shard: the shard's issues, the same lines and summary, and the shard report.
int run_build_shard(const PlanShard& shard, const BuildCliOptions& o, const Clock& clock,
                    const std::function<void(const IssueBuild&)>& on_issue, Progress& progress,
                    const LedgerSink& ledger) {
    ShardReport report = build_shard(shard, o.job, clock, on_issue);
    if (ledger.failed()) report.exit_code = std::max(report.exit_code, int{exit_failure});
    progress.finish(quiet());
    human_out() << summary_line(report.count(ItemOutcome::built),
                                report.count(ItemOutcome::skipped),
                                report.count(ItemOutcome::refused), 0, false)
                << '\n';
    save_shard_report(report, o.sharding);
    return report.exit_code;
}

void check_options(BuildCliOptions& o) {
    BuildOptions& options = o.job;
    if (o.algorithms == "sha256,sha512" || o.algorithms == "sha512,sha256")
        options.sha512 = true;
    else if (o.algorithms != "sha256")
        throw Error("PB-USAGE", "", "--algorithms takes sha256 or sha256,sha512");
    if (is_stdout(o.output))
        throw Error("PB-USAGE", "",
                    "build writes bundles into a folder or FILE.zip; -o - (standard output) is "
                    "not supported");
    if (options.dry_run && !o.sharding.plan.empty())
        throw Error("PB-USAGE", "", "--dry-run works on INPUT..., not with --plan");
}

int run_build_command(BuildCliOptions& o) {
    check_options(o);
    BuildOptions& options = o.job;
    for (const auto& input : o.inputs) options.inputs.emplace_back(input);
    options.output = o.output;
    options.pages.missing_warn = o.missing == "warn";
    const auto clock = clock_from_environment();
    const std::optional<PlanShard> shard = load_shard(o.sharding, !o.inputs.empty());
    if (shard && !options.corrections.empty())
        throw Error("PB-USAGE", "", "--corrections applies to one issue, not to a shard");
    // Results go to stdout, the bar to stderr: on one terminal every line is printed above
    // the bar (Progress::print_above), never glued to it.
    Progress progress(std::cerr, shard ? shard->indices.size() : options.inputs.size(), "issue",
                      progress_wanted());
    progress.show();
    LedgerSink ledger(options.dry_run ? std::string() : o.ledger, *clock);
    auto on_issue = [&](const IssueBuild& issue) {
        for (const Diagnostic& d : issue.diagnostics)
            if (d.severity == Severity::error || !quiet())
                progress.print_above(std::cerr, d.format());
        if (!quiet() && !o.json) progress.print_above(std::cout, result_line(issue));
        ledger.record(issue);
        progress.step();
    };
    if (shard) return run_build_shard(*shard, o, *clock, on_issue, progress, ledger);
    const BuildRun run = run_build(options, *clock, on_issue);
    progress.finish(quiet() || o.json);
    for (const Diagnostic& d : run.messages) print_run_message(d);
    const int exit_code =
        ledger.failed() ? std::max(run.exit_code(), int{exit_failure}) : run.exit_code();
    if (o.json) {
        std::cout << format_build_json(run, options.dry_run) << '\n';
        return exit_code;
    }
    std::size_t counts[4] = {};
    for (const IssueBuild& issue : run.issues) ++counts[static_cast<int>(issue.state)];
    human_out() << summary_line(counts[0], counts[1], counts[2], counts[3], options.dry_run)
                << '\n';
    return exit_code;
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
        ->option_text("DIR|FILE.zip")
        ->required();
    sub->add_flag("--dry-run", o->job.dry_run,
                  "Say what would be built, kept unchanged or refused, and why; write nothing");
    sub->add_flag("--json", o->json,
                  "Print the run as one JSON object on stdout instead of result lines "
                  "(docs/build.md)");
    sub->add_flag("--resegment", o->job.pages.resegment,
                  "Issue folders described by a METS: find the articles anew instead of keeping "
                  "the METS' own article structure");
    choices(sub->add_option("--missing", o->missing,
                            "Files a source METS lists but the folder lacks: fail, or warn "
                            "(package what is there and record each absent file)"),
            {"fail", "warn"}, "fail");
    sub->add_option("--render-images", o->job.render_images_dpi,
                    "Render a page image (PNG, poppler) at DPI for every page read from a PDF "
                    "that has no image in the deposit")
        ->option_text("DPI")
        ->check(CLI::Range(36, 1200));
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
    sub->add_option("--date", o->job.pages.date, "Issue date YYYY-MM-DD (page text files)")
        ->option_text("YYYY-MM-DD");
    sub->add_option("--page", o->job.pages.page, "Label of the page (one page text file)");
    sub->add_option("--first-page", o->job.pages.first_page,
                    "Number of the first page (several page files)")
        ->capture_default_str();
    sub->add_option("--lang", o->job.pages.language, "Language, BCP 47 (page text files)");
    sub->add_option("--issn", o->job.pages.issn, "ISSN of the publication (page text files)");
    sub->add_option("--encoding", o->job.pages.encoding,
                    "Encoding of the page text files (default: detect)");
    size_option(sub, "--max-page-text", o->job.pages.max_page_text,
                "Largest page text file read (default: 16MiB; docs/limits.md)");
    sub->add_option("--ledger", o->ledger,
                    "Record every bundle built or unchanged in this holdings ledger "
                    "(sqlite:FILE or postgresql://user@host:port/db; shards may share one)");
    add_shard_options(sub, o->sharding);
    add_progress_flag(sub);
    sub->callback([o, &exit_code] { exit_code = run_build_command(*o); });
}

}  // namespace paperbag::cli
