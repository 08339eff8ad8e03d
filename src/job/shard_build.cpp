// `paperbag build --plan FILE --shard K/N`: the shard's issues through run_build.
#include <algorithm>

#include "paperbag/shard.hpp"

namespace paperbag {

namespace {

constexpr std::size_t max_messages = 20;  // per item: a report stays small for huge runs

ShardItem item_from(const PlanShard& shard, std::size_t index, const IssueBuild& issue) {
    const PlanItem& planned = shard.plan.items[index];
    ShardItem item;
    item.index = index;
    item.key = planned.key;
    item.input = planned.path.string();
    item.output = issue.bundle.string();
    switch (issue.state) {
        case IssueState::built:
            item.state = "built";
            item.outcome = ItemOutcome::built;
            break;
        case IssueState::planned:  // a dry run is refused with --plan; counted as skipped
        case IssueState::unchanged:
            item.state = issue.state == IssueState::planned ? "planned" : "unchanged";
            item.outcome = ItemOutcome::skipped;
            break;
        case IssueState::failed:
            item.state = "failed";
            item.outcome = ItemOutcome::refused;
            item.output.clear();
            break;
    }
    for (const Diagnostic& d : issue.diagnostics) {
        if (d.severity != Severity::error || item.messages.size() >= max_messages) continue;
        item.messages.push_back(d.format());
        item.codes.push_back(d.code);
    }
    return item;
}

}  // namespace

ShardReport build_shard(const PlanShard& shard, BuildOptions options, const Clock& clock,
                        const std::function<void(const IssueBuild&)>& on_issue) {
    ShardReport report = shard.report("build");
    report.output = options.output.string();
    // Folders each form their own issue in one run (schemas compiled once); a file item
    // (PDF, bundle) runs alone, so that run_build never groups files into one issue.
    std::vector<std::size_t> folders, files;
    for (std::size_t i : shard.indices) {
        const PlanKind kind = shard.plan.items[i].kind;
        (kind == PlanKind::issue_folder || kind == PlanKind::mets_folder ? folders : files)
            .push_back(i);
    }
    std::vector<ShardItem> items;
    int exit_code = 0;
    auto run = [&](const std::vector<std::size_t>& indices) {
        options.inputs.clear();
        for (std::size_t i : indices) options.inputs.push_back(shard.plan.items[i].path);
        std::size_t next = 0;
        const BuildRun done = run_build(options, clock, [&](const IssueBuild& issue) {
            items.push_back(item_from(shard, indices.at(next++), issue));
            if (on_issue) on_issue(issue);
        });
        exit_code = std::max(exit_code, done.exit_code());
    };
    if (!folders.empty()) run(folders);
    for (std::size_t i : files) {
        try {
            run({i});
        } catch (const Error& e) {
            // The item cannot be built as it is (e.g. a bundle, or a PDF while the PDF
            // importer needs options): refused, the shard goes on.
            IssueBuild failed;
            failed.input = shard.plan.items[i].path.string();
            failed.diagnostics.add(e.diagnostic());
            items.push_back(item_from(shard, i, failed));
            if (on_issue) on_issue(failed);
            exit_code = std::max(exit_code, 1);
        }
    }
    std::sort(items.begin(), items.end(),
              [](const ShardItem& a, const ShardItem& b) { return a.index < b.index; });
    report.items = std::move(items);
    report.exit_code = exit_code;
    return report;
}

}  // namespace paperbag
