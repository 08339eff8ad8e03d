// paperbag view: a bundle or an issue folder -> a static HTML review (docs/review.md).
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "paperbag/view.hpp"

namespace paperbag::cli {

namespace {

struct ViewCliOptions {
    std::string input;
    std::string output;
    ViewOptions job;
    bool read_only = false;
    std::string missing = "fail";
};

int run_view(ViewCliOptions& o) {
    o.job.corrections = !o.read_only;
    o.job.pages.missing_warn = o.missing == "warn";
    Diagnostics diagnostics;
    const Review review = make_review(o.input, o.job, diagnostics);
    for (const Diagnostic& d : diagnostics)
        if (d.severity != Severity::info) std::cerr << d.format() << '\n';
    write_review(review, o.output);
    std::cout << "review     " << (std::filesystem::path(o.output) / "index.html").string() << " ("
              << review.pages << " pages, " << review.articles << " articles, " << review.images
              << " page images)" << std::endl;
    return exit_ok;
}

}  // namespace

void setup_view(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<ViewCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "view",
        "Write a static HTML review of an issue's articles on its pages, with corrections "
        "for 'build --corrections'");
    sub->add_option("INPUT", o->input, "A bundle (.zip) or an issue folder")
        ->required()
        ->check(CLI::ExistingPath);
    sub->add_option("-o,--output", o->output, "Folder for index.html and the page images")
        ->required();
    sub->add_flag("--read-only", o->read_only, "Leave out the correction tools");
    sub->add_flag("--resegment", o->job.pages.resegment,
                  "Issue folders described by a METS: find the articles anew");
    sub->add_option("--missing", o->missing,
                    "Files a source METS lists but the folder lacks: 'fail' or 'warn'")
        ->check(CLI::IsMember({"fail", "warn"}));
    sub->callback([o, &exit_code] { exit_code = run_view(*o); });
}

}  // namespace paperbag::cli
