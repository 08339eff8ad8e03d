// Splitting a plan into shards without coordination: every shard computes the same split.
#include "paperbag/plan.hpp"

#include <charconv>

namespace paperbag {

namespace {

// Sizes summed over a whole collection, times the shard count, need more than 64 bits; the
// arithmetic stays integral so that every machine computes the same split.
__extension__ using Wide = unsigned __int128;

std::optional<std::size_t> number(std::string_view text) {
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

}  // namespace

ShardSpec ShardSpec::parse(std::string_view text) {
    const std::size_t slash = text.find('/');
    const auto k = number(text.substr(0, slash));
    const auto n = slash == std::string_view::npos ? std::nullopt : number(text.substr(slash + 1));
    if (!k || !n || *n == 0 || *k >= *n)
        throw Error(
            "PB-USAGE", "",
            "--shard takes K/N with 0 <= K < N (e.g. 0/4), not '" + std::string(text) + "'");
    return ShardSpec{*k, *n};
}

std::string ShardSpec::to_string() const {
    return std::to_string(index) + "/" + std::to_string(count);
}

std::vector<std::size_t> shard_of_items(const std::vector<PlanItem>& items, ShardSpec shard) {
    Wide total = 0;
    for (const PlanItem& item : items) total += item.size;
    std::vector<std::size_t> mine;
    Wide before = 0;  // size of the items before item i
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::size_t owner = 0;
        if (total == 0) {
            owner = i * shard.count / items.size();
        } else {
            // The middle of item i, (before + size/2), scaled to [0, count): twice both
            // sides keeps it in integers.
            const Wide middle = 2 * before + items[i].size;
            owner = static_cast<std::size_t>(middle * shard.count / (2 * total));
            if (owner >= shard.count) owner = shard.count - 1;
        }
        if (owner == shard.index) mine.push_back(i);
        before += items[i].size;
    }
    return mine;
}

}  // namespace paperbag
