// paperbag plan: every issue under the inputs, one JSON line each, for sharded runs.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/frame.hpp"
#include "core/plural.hpp"
#include "paperbag/plan.hpp"

namespace paperbag::cli {

namespace {

struct PlanCliOptions {
    std::vector<std::string> inputs;
    std::string output;
    unsigned jobs = 0;
};

int run_plan(const PlanCliOptions& o) {
    PlanOptions options;
    for (const std::string& input : o.inputs) options.inputs.emplace_back(input);
    options.jobs = o.jobs;
    const PlanRun run = make_plan(options);
    for (const Diagnostic& d : run.diagnostics) print_diagnostic(d);
    // A plan that misses an input would let a whole collection run without it.
    if (run.exit_code() != 0) {
        std::cerr << "paperbag: error: no plan written [PB-PLAN-INPUT]\n";
        return run.exit_code();
    }
    std::uint64_t bytes = 0;
    for (const PlanItem& item : run.items) bytes += item.size;
    if (o.output.empty() || o.output == "-") {
        for (const PlanItem& item : run.items) std::cout << plan_line(item) << '\n';
    } else {
        write_plan(run.items, o.output);
        if (!quiet())
            std::cerr << "plan: " << plural(run.items.size(), "issue") << ", "
                      << plural(bytes, "byte") << " -> " << o.output << '\n';
    }
    return exit_ok;
}

}  // namespace

void setup_plan(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<PlanCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "plan",
        "List every issue under the inputs (issue folders, METS issue folders, PDFs, bundles) "
        "as JSON lines with key, size and digest, for --plan/--shard runs (docs/scale.md)");
    sub->add_option("INPUT", o->inputs, "Folders to search, issue folders, PDFs or bundles")
        ->required();
    sub->add_option("-o,--output", o->output,
                    "Write the plan to FILE (atomically; '-': stdout, the default)");
    sub->add_option("-j,--jobs", o->jobs, "Digest threads (default: one per core)");
    sub->callback([o, &exit_code] { exit_code = run_plan(*o); });
}

}  // namespace paperbag::cli
