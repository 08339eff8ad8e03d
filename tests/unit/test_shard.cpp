// Plans and shards: the split every shard computes on its own, plan lines, report merging.
#include <doctest/doctest.h>

#include <algorithm>

#include "paperbag/plan.hpp"
#include "paperbag/shard.hpp"
#include "paperbag/shard_report.hpp"

using namespace paperbag;

namespace {

std::vector<PlanItem> items_of_sizes(const std::vector<std::uint64_t>& sizes) {
    std::vector<PlanItem> items;
    for (std::size_t i = 0; i < sizes.size(); ++i)
        items.push_back({"k" + std::to_string(i), PlanKind::issue_folder, "p", sizes[i], ""});
    return items;
}

// Every item in exactly one shard, shards contiguous and in order.
void check_partition(const std::vector<PlanItem>& items, std::size_t n) {
    std::vector<std::size_t> all;
    for (std::size_t k = 0; k < n; ++k) {
        const auto mine = shard_of_items(items, {k, n});
        for (std::size_t j = 1; j < mine.size(); ++j) CHECK(mine[j] == mine[j - 1] + 1);
        all.insert(all.end(), mine.begin(), mine.end());
    }
    REQUIRE(all.size() == items.size());
    for (std::size_t i = 0; i < all.size(); ++i) CHECK(all[i] == i);
}

}  // namespace

TEST_CASE("shards partition the plan into contiguous, size-balanced runs") {
    const std::vector<std::uint64_t> sizes{5, 100, 7, 30, 30, 1, 90, 12, 55, 40, 3, 60};
    const auto items = items_of_sizes(sizes);
    const std::uint64_t largest = *std::max_element(sizes.begin(), sizes.end());
    for (std::size_t n : {1u, 2u, 3u, 4u, 7u, 12u, 20u}) {
        check_partition(items, n);
        std::uint64_t total = 0;
        for (auto s : sizes) total += s;
        for (std::size_t k = 0; k < n; ++k) {
            std::uint64_t mine = 0;
            for (std::size_t i : shard_of_items(items, {k, n})) mine += sizes[i];
            // Within one item of the even share.
            CHECK(mine <= total / n + largest);
        }
    }
}

TEST_CASE("shards of items without size are split by count") {
    const auto items = items_of_sizes(std::vector<std::uint64_t>(10, 0));
    check_partition(items, 3);
    CHECK(shard_of_items(items, {0, 3}).size() == 4);
    CHECK(shard_of_items(items, {2, 3}).size() == 3);
    CHECK(shard_of_items({}, {0, 2}).empty());
}

TEST_CASE("--shard K/N is parsed strictly") {
    const ShardSpec spec = ShardSpec::parse("3/16");
    CHECK(spec.index == 3);
    CHECK(spec.count == 16);
    CHECK(spec.to_string() == "3/16");
    for (const char* bad : {"4/4", "1/0", "1", "/2", "a/b", "-1/2", "1/2/3", "1 /2", ""})
        CHECK_THROWS_WITH_AS(ShardSpec::parse(bad),
                             doctest::Contains("--shard takes K/N with 0 <= K < N"), Error);
}

TEST_CASE("plan lines round-trip and bad lines name file and line") {
    const PlanItem item{"t\"i\\tle-2024-01-01", PlanKind::mets_folder, "a dir/日報/x", 123,
                        "sha256:00ff"};
    const std::string line = plan_line(item);
    CHECK(line.find('\n') == std::string::npos);
    const PlanItem back = parse_plan_line(line, "plan.jsonl", 1);
    CHECK(back.key == item.key);
    CHECK(back.kind == item.kind);
    CHECK(back.path == item.path);
    CHECK(back.size == item.size);
    CHECK(back.digest == item.digest);
    CHECK_THROWS_WITH_AS(parse_plan_line("{\"key\":\"a\"}", "plan.jsonl", 7),
                         doctest::Contains("plan.jsonl:7: error: not a plan line"), Error);
    CHECK_THROWS_WITH_AS(
        parse_plan_line(R"({"key":"a","kind":"tape","path":"p","size":1})", "plan.jsonl", 2),
        doctest::Contains("unknown kind 'tape'"), Error);
}

TEST_CASE("part files sort in shard order") {
    CHECK(part_file("out/articles.jsonl", {2, 4}) == "out/articles.part-0002-of-0004.jsonl");
    CHECK(part_file("a.csv", {12, 12000}) == "a.part-00012-of-12000.csv");
    CHECK(default_shard_report("build", {0, 4}) == "build-shard-0000-of-0004.json");
}

TEST_CASE("merging shard reports: worst exit code, missing and foreign shards") {
    auto report = [](std::size_t k, std::size_t n, int code, const std::string& plan) {
        ShardReport r;
        r.command = "build";
        r.plan = plan;
        r.plan_items = 3;
        r.shard = {k, n};
        r.exit_code = code;
        ShardItem item;
        item.index = k;
        item.key = "k" + std::to_string(k);
        item.outcome = code == 0 ? ItemOutcome::built : ItemOutcome::refused;
        r.items.push_back(item);
        return r;
    };
    const MergedReport all = merge_shard_reports(
        {report(2, 3, 0, "p"), report(0, 3, 1, "p"), report(1, 3, 0, "p")}, {"c", "a", "b"});
    CHECK(all.exit_code == 1);
    CHECK(all.problems.empty());
    REQUIRE(all.items.size() == 3);
    CHECK(all.items[0].key == "k0");  // plan order, whatever the order of the reports
    CHECK(all.count(ItemOutcome::refused) == 1);
    CHECK(format_merged_report(all, ReportFormat::text)
              .find("summary: 2 built, 0 skipped, 1 refused") != std::string::npos);

    const MergedReport missing = merge_shard_reports({report(0, 3, 0, "p")}, {"a"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.missing == std::vector<std::size_t>{1, 2});

    const MergedReport foreign =
        merge_shard_reports({report(0, 2, 0, "p"), report(1, 2, 0, "q")}, {"a", "b"});
    CHECK(foreign.exit_code == 2);
    REQUIRE(!foreign.problems.empty());
    CHECK(foreign.problems.begin()->format().find("b: error: this report was made from another "
                                                  "plan") != std::string::npos);
}

TEST_CASE("shard reports round-trip through JSON") {
    ShardReport r;
    r.command = "verify";
    r.plan = "sha256:ab";
    r.plan_items = 9;
    r.shard = {1, 2};
    r.exit_code = 1;
    ShardItem item;
    item.index = 4;
    item.key = "x";
    item.input = "in/x.zip";
    item.state = "invalid";
    item.outcome = ItemOutcome::refused;
    item.messages = {"in/x.zip: error: bad [PB-X]"};
    item.codes = {"PB-X"};
    r.items.push_back(item);
    const std::string json = shard_report_json(r);
    CHECK(json.find("\"refused\": 1") != std::string::npos);
}
