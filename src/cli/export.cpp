// paperbag export: articles of issue folders or page text files as research records.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "paperbag/export.hpp"

namespace paperbag::cli {

namespace {

struct ExportCliOptions {
    std::vector<std::string> inputs;
    std::string format = "jsonl";
    std::string output;
    PageFilesOptions pages;
};

int run_export_command(const ExportCliOptions& o) {
    ExportOptions options;
    for (const auto& input : o.inputs) options.inputs.emplace_back(input);
    options.format = o.format;
    if (!o.output.empty()) options.output = o.output;
    options.pages = o.pages;
    Diagnostics diagnostics;
    const ExportStatus status = run_export(options, std::cout, diagnostics);
    for (const Diagnostic& d : diagnostics) std::cerr << d.format() << '\n';
    return static_cast<int>(status);
}

}  // namespace

void setup_export(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<ExportCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "export", "Export the articles of issue folders or page text files (JSON Lines)");
    sub->add_option("INPUT", o->inputs, "Issue folders, or page text files of one issue")
        ->required();
    sub->add_option("--format", o->format, "Output format: jsonl")->capture_default_str();
    sub->add_option("-o,--output", o->output, "Write to this file (atomically) instead of stdout");
    sub->add_option("--title", o->pages.title, "Publication title (page text files)");
    sub->add_option("--date", o->pages.date, "Issue date YYYY-MM-DD (page text files)");
    sub->add_option("--page", o->pages.page, "Label of the page (one page text file)");
    sub->add_option("--first-page", o->pages.first_page,
                    "Number of the first page (several files)");
    sub->add_option("--lang", o->pages.language,
                    "Language, BCP 47 (default: guessed from the text)");
    sub->add_option("--issn", o->pages.issn, "ISSN of the publication");
    sub->add_option("--encoding", o->pages.encoding,
                    "Encoding of the page text files (default: detect; e.g. GB18030, Big5)");
    sub->callback([o, &exit_code] { exit_code = run_export_command(*o); });
}

}  // namespace paperbag::cli
