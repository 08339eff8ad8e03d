// `paperbag export --plan FILE --shard K/N`: the shard's items into its own part file.
#include "paperbag/shard.hpp"

#include "io/atomic_file.hpp"

namespace paperbag {

ShardReport export_shard(const PlanShard& shard, ExportOptions options, std::ostream& out,
                         Diagnostics& diagnostics) {
    if (options.format != "jsonl" && options.format != "csv")
        throw Error("PB-USAGE", "", "--shard exports jsonl or csv (part files that concatenate)");
    if (!options.output) throw Error("PB-USAGE", "", "--shard needs -o FILE: the parts are FILE's");
    // The whole plan (no --shard, or 1 shard) is the single-machine output itself.
    const std::filesystem::path part =
        shard.shard.count == 1 ? *options.output : part_file(*options.output, shard.shard);
    ShardReport report = shard.report("export");
    report.output = part.string();
    options.output = part;
    // The header goes with the plan's first item (shard 0, unless that shard is empty).
    options.header = !shard.indices.empty() && shard.indices.front() == 0;
    options.inputs = shard.paths();
    for (std::size_t i : shard.indices) {
        ShardItem item;
        item.index = i;
        item.key = shard.plan.items[i].key;
        item.input = shard.plan.items[i].path.string();
        item.state = "exported";
        item.output = part.string();
        report.items.push_back(std::move(item));
    }
    if (options.inputs.empty()) {
        // An empty shard still writes its (empty) part: every part exists once all ran.
        write_file_atomic(part, "");
        return report;
    }
    // Diagnostics name the input they are about; a skipped input refuses its item.
    const auto forward = options.report;
    options.report = [&](const Diagnostic& d) {
        if (d.severity == Severity::error)
            for (ShardItem& item : report.items)
                if (d.path == item.input || d.path.starts_with(item.input + "!") ||
                    d.path.starts_with(item.input + "/")) {
                    item.outcome = ItemOutcome::refused;
                    item.state = "failed";
                    item.output.clear();
                    if (item.messages.size() < 20) {
                        item.messages.push_back(d.format());
                        item.codes.push_back(d.code);
                    }
                    break;
                }
        if (forward)
            forward(d);
        else
            diagnostics.add(d);
    };
    report.exit_code = static_cast<int>(run_export(options, out, diagnostics));
    return report;
}

}  // namespace paperbag
