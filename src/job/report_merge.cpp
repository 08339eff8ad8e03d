// `paperbag report`: shard reports of one plan merged into one summary and one exit code.
#include <algorithm>
#include <map>

#include "paperbag/shard_report.hpp"

namespace paperbag {

std::size_t MergedReport::count(ItemOutcome outcome) const {
    return static_cast<std::size_t>(std::count_if(
        items.begin(), items.end(), [&](const ShardItem& i) { return i.outcome == outcome; }));
}

MergedReport merge_shard_reports(const std::vector<ShardReport>& reports,
                                 const std::vector<std::string>& names) {
    MergedReport merged;
    if (reports.empty()) throw Error("PB-USAGE", "", "no shard report given");
    const ShardReport& first = reports.front();
    merged.command = first.command;
    merged.plan = first.plan;
    merged.shards = first.shard.count;
    merged.plan_items = first.plan_items;
    std::map<std::size_t, std::string> seen;  // shard index -> report file
    int worst = 0;
    for (std::size_t r = 0; r < reports.size(); ++r) {
        const ShardReport& report = reports[r];
        const std::string name = r < names.size() ? names[r] : std::string();
        std::string mismatch;
        if (report.command != merged.command)
            mismatch =
                "is a '" + report.command + "' report, the first is '" + merged.command + "'";
        else if (report.plan != merged.plan)
            mismatch =
                "was made from another plan (" + report.plan + ", the first: " + merged.plan + ")";
        else if (report.shard.count != merged.shards)
            mismatch = "is shard " + report.shard.to_string() + ", the first has " +
                       std::to_string(merged.shards) + " shards";
        if (!mismatch.empty()) {
            merged.problems.add(
                make_error("PB-REPORT-MISMATCH", name, 0, "this report " + mismatch));
            continue;
        }
        const auto [it, fresh] = seen.emplace(report.shard.index, name);
        if (!fresh) {
            merged.problems.add(make_error("PB-REPORT-MISMATCH", name, 0,
                                           "shard " + report.shard.to_string() +
                                               " is reported twice (also by " + it->second + ")"));
            continue;
        }
        worst = std::max(worst, report.exit_code);
        merged.items.insert(merged.items.end(), report.items.begin(), report.items.end());
    }
    for (std::size_t k = 0; k < merged.shards; ++k)
        if (!seen.count(k)) {
            merged.missing.push_back(k);
            merged.problems.add(
                make_error("PB-REPORT-MISSING", "", 0,
                           "shard " + std::to_string(k) + "/" + std::to_string(merged.shards) +
                               " has no report (not started, still running, or killed)"));
        }
    std::stable_sort(merged.items.begin(), merged.items.end(),
                     [](const ShardItem& a, const ShardItem& b) { return a.index < b.index; });
    merged.exit_code = merged.problems.empty() ? worst : 2;
    return merged;
}

}  // namespace paperbag
