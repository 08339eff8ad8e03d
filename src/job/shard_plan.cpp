// Selecting a shard of a plan, and the names shards write under.
#include <cstdio>

#include "paperbag/shard.hpp"

namespace paperbag {

namespace {

std::string padded(std::size_t value, std::size_t count) {
    std::string digits = std::to_string(value);
    const std::size_t width = std::max<std::size_t>(4, std::to_string(count).size());
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return digits;
}

std::string shard_suffix(ShardSpec shard) {
    return padded(shard.index, shard.count) + "-of-" + padded(shard.count, shard.count);
}

}  // namespace

std::vector<std::filesystem::path> PlanShard::paths() const {
    std::vector<std::filesystem::path> out;
    out.reserve(indices.size());
    for (std::size_t i : indices) out.push_back(plan.items[i].path);
    return out;
}

ShardReport PlanShard::report(const std::string& command) const {
    ShardReport report;
    report.command = command;
    report.plan = plan.digest;
    report.plan_items = plan.items.size();
    report.shard = shard;
    return report;
}

PlanShard load_plan_shard(const std::filesystem::path& plan_file, ShardSpec shard) {
    PlanShard out;
    out.plan = read_plan(plan_file);
    out.shard = shard;
    out.indices = shard_of_items(out.plan.items, shard);
    return out;
}

std::filesystem::path part_file(const std::filesystem::path& output, ShardSpec shard) {
    std::filesystem::path out = output;
    out.replace_filename(output.stem().string() + ".part-" + shard_suffix(shard) +
                         output.extension().string());
    return out;
}

std::filesystem::path default_shard_report(const std::string& command, ShardSpec shard) {
    return command + "-shard-" + shard_suffix(shard) + ".json";
}

}  // namespace paperbag
