// paperbag inspect: what is in an issue folder or a bundle.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/frame.hpp"
#include "paperbag/bundle_issue.hpp"
#include "paperbag/error_codes.hpp"
#include "paperbag/inspect.hpp"
#include "paperbag/manifest.hpp"

namespace paperbag::cli {

namespace {

struct InspectOptions {
    std::string input;
    bool json = false;
};

bool is_bundle(const std::string& input) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(input, ec)) return false;
    std::ifstream in(input, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K';
}

int run_inspect_bundle(const InspectOptions& options) {
    Diagnostics findings;
    const BundleInfo info = read_bundle_info(options.input, findings);
    // The issue as the METS describes it (headings only: the NewsML-G2 items are not read).
    std::optional<Issue> issue;
    Diagnostics issue_findings;
    if (!findings.has_errors()) {
        BundleReader reader(options.input);
        issue = read_bundle_issue(reader, issue_findings, [](const Issue&) { return false; });
    }
    for (const Diagnostic& d : issue_findings) print_diagnostic(d);
    // Damaged entries found while reading (a CRC error in the METS) are structure findings
    // too: the bundle is not "structure: ok" and inspect exits 1.
    for (const Diagnostic& d : issue_findings)
        if (d.severity == Severity::error && d.code.starts_with("PB-BAG-")) findings.add(d);
    const Issue* shown = issue ? &*issue : nullptr;
    if (options.json)
        std::cout << describe_bundle_json(options.input, info, findings, shown) << '\n';
    else
        std::cout << describe_bundle(options.input, info, findings, shown);
    return findings.has_errors() ? exit_invalid : exit_ok;
}

int run_inspect(const InspectOptions& options) {
    if (is_bundle(options.input) || options.input.ends_with(".zip"))
        return run_inspect_bundle(options);
    Diagnostics diagnostics;
    const auto issue = read_manifest(options.input, diagnostics);
    for (const Diagnostic& d : diagnostics) print_diagnostic(d);
    if (!issue) {
        const bool io_error =
            std::any_of(diagnostics.begin(), diagnostics.end(), is_failure_to_run);
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
        "inspect",
        "Show what an issue folder (issue.xml and its pages) or a bundle (.zip) contains");
    sub->add_option("INPUT", options->input, "Issue folder, its issue.xml, or a bundle")
        ->required();
    sub->add_flag("--json", options->json, "Print one JSON object instead of text");
    sub->callback([options, &exit_code] { exit_code = run_inspect(*options); });
}

}  // namespace paperbag::cli
