// `paperbag validate|verify --plan FILE --shard K/N`: the files of the run assigned back to
// the plan items they came from.
#include "paperbag/shard.hpp"

namespace paperbag {

namespace {

constexpr std::size_t max_messages = 20;

// A file belongs to an item when it is the item or lies inside it (folder/..., bundle!/...).
bool belongs(const std::string& file, const std::string& item) {
    if (!file.starts_with(item)) return false;
    if (file.size() == item.size()) return true;
    const char next = file[item.size()];
    return next == '/' || next == '!' || item.ends_with("/");
}

}  // namespace

ShardReport validation_shard_report(const PlanShard& shard, const ValidationRun& run,
                                    const std::string& command) {
    ShardReport report = shard.report(command);
    for (std::size_t i : shard.indices) {
        ShardItem item;
        item.index = i;
        item.key = shard.plan.items[i].key;
        item.input = shard.plan.items[i].path.string();
        item.state = "valid";
        report.items.push_back(std::move(item));
    }
    // Files come in input order: walk the items alongside.
    std::size_t current = 0;
    for (const FileResult& file : run.files) {
        std::size_t probe = current;
        while (probe < report.items.size() && !belongs(file.path, report.items[probe].input))
            ++probe;
        if (probe < report.items.size()) current = probe;
        if (current >= report.items.size()) break;
        ShardItem& item = report.items[current];
        if (file.verdict == Verdict::valid || file.verdict == Verdict::skipped) continue;
        item.outcome = ItemOutcome::refused;
        if (file.verdict == Verdict::not_validated || item.state == "valid")
            item.state = std::string(to_string(file.verdict));
        for (const Diagnostic& d : file.findings) {
            if (d.severity != Severity::error || item.messages.size() >= max_messages) continue;
            item.messages.push_back(d.format());
            item.codes.push_back(d.code);
        }
    }
    report.exit_code = run.exit_code();
    return report;
}

}  // namespace paperbag
