// paperbag inspect: what is in an issue folder (and, once bundles exist, a bundle).
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "paperbag/inspect.hpp"
#include "paperbag/manifest.hpp"

namespace paperbag::cli {

namespace {

struct InspectOptions {
    std::string input;
    bool json = false;
};

int run_inspect(const InspectOptions& options) {
    Diagnostics diagnostics;
    const auto issue = read_manifest(options.input, diagnostics);
    for (const Diagnostic& d : diagnostics) std::cerr << d.format() << '\n';
    if (!issue) {
        const bool io_error = std::any_of(diagnostics.begin(), diagnostics.end(),
                                          [](const Diagnostic& d) { return d.code == "PB-IO"; });
        return io_error ? exit_failure : exit_invalid;
    }
    if (options.json)
        std::cout << describe_issue_json(*issue) << '\n';
    else
        std::cout << describe_issue(*issue);
    return exit_ok;
}

}  // namespace

void setup_inspect(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<InspectOptions>();
    CLI::App* sub = app.add_subcommand(
        "inspect", "Show what an issue folder (issue.xml and its pages) contains");
    sub->add_option("INPUT", options->input, "Issue folder or its issue.xml")->required();
    sub->add_flag("--json", options->json, "Print one JSON object instead of text");
    sub->callback([options, &exit_code] { exit_code = run_inspect(*options); });
}

}  // namespace paperbag::cli
