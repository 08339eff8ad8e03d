// paperbag verify: fixity and structure of bundles, without extracting them.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "paperbag/verify.hpp"

namespace paperbag::cli {

namespace {

struct VerifyCliOptions {
    std::vector<std::string> bundles;
    std::string format = "text";
    bool strict = false;
};

int run_verify(const VerifyCliOptions& options) {
    VerifyJobOptions job;
    job.strict = options.strict;
    const std::vector<std::filesystem::path> paths(options.bundles.begin(), options.bundles.end());
    const auto results = verify_bundles(paths, job);
    const bool xml_validated = static_cast<bool>(job.verify.validate_xml);
    if (options.format == "json")
        std::cout << format_verify_json(results, xml_validated) << '\n';
    else
        std::cout << format_verify_text(results, xml_validated);
    return verify_exit_code(results);
}

}  // namespace

void setup_verify(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<VerifyCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "verify",
        "Check bundles without extracting them: ZIP structure, hostile entries, BagIt "
        "completeness and fixity (schema validation of the XML inside is added with the "
        "validation engine)");
    sub->add_option("BUNDLE", options->bundles, "Bundle files (.zip)")->required();
    sub->add_option("--format", options->format, "Report format")
        ->check(CLI::IsMember({"text", "json"}));
    sub->add_flag("--strict", options->strict, "Warnings make a bundle invalid");
    sub->callback([options, &exit_code] { exit_code = run_verify(*options); });
}

}  // namespace paperbag::cli
