// `paperbag view`: the review document (paperbag/view.hpp) from its parts.
#include "paperbag/view.hpp"

#include "io/output_tree.hpp"
#include "paperbag/ids.hpp"
#include "view/assets.hpp"
#include "view/review_html.hpp"

namespace paperbag {

namespace view {

std::string_view asset(std::string_view name) {
    for (const EmbeddedFile& file : view_assets::embedded_files())
        if (file.name == name) return file.bytes;
    throw Error("PB-INTERNAL", std::string(name), "the review asset is not built in");
}

namespace {

void write_head(HtmlOut& html, const Issue& issue) {
    html.open("head");
    html.empty("meta", {{"charset", "utf-8"}});
    html.empty("meta", {{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
    html.empty("meta", {{"name", "generator"}, {"content", "paperbag view"}});
    html.element("title", "Review: " + issue.title + " " + issue.date.to_string());
    html.open("style");
    html.raw(asset("review.css"));
    html.close();
    html.close();
}

void write_header(HtmlOut& html, const ReviewContext& context, const ViewOptions& options) {
    const Issue& issue = context.issue;
    html.open("header", {{"class", "review"}});
    html.element("h1", issue.title + " · " + issue.date.to_string());
    std::string line = context.review.source + " · " + std::to_string(issue.pages.size()) +
                       " page(s) · " + std::to_string(issue.articles.size()) + " article(s) · " +
                       std::to_string(issue.illustrations.size()) + " illustration(s)";
    if (!options.note.empty()) line += " · " + options.note;
    html.element("p", line);
    html.element("p",
                 "Select an article (click, or Tab then Enter) to highlight its blocks; arrow "
                 "keys move within a list or a page, Escape clears, n / p jump between pages.");
    html.open("nav", {{"class", "pages"}, {"aria-label", "Pages"}});
    html.open("ol");
    html.open("li");
    html.element("a", "Articles", {{"href", "#index"}});
    html.close();
    for (const Page& page : issue.pages) {
        html.open("li");
        html.element("a", "Page " + page.label,
                     {{"href", "#" + ReviewContext::page_anchor(page.sequence)}});
        html.close();
    }
    html.close();
    html.close();
    html.close();
}

void write_index(HtmlOut& html, const ReviewContext& context) {
    html.open("section", {{"id", "index"}, {"aria-labelledby", "index-h"}});
    html.element("h2",
                 "Articles (" + std::to_string(context.issue.articles.size()) +
                     "), least confident headline link first",
                 {{"id", "index-h"}, {"tabindex", "-1"}});
    std::vector<std::size_t> all(context.issue.articles.size());
    for (std::size_t a = 0; a < all.size(); ++a) all[a] = a;
    html.open("ol", {{"class", "articles"}});
    for (std::size_t a : review_order(context.issue, all)) write_article_entry(html, context, a);
    html.close();
    html.close();
}

void write_tools(HtmlOut& html) {
    html.open("aside", {{"id", "tools"}, {"aria-label", "Corrections"}});
    html.open("span", {{"class", "state"}, {"aria-live", "polite"}});
    html.text("block ");
    html.element("b", "none", {{"id", "state-block"}});
    html.text(" · article ");
    html.element("b", "none", {{"id", "state-article"}});
    html.close();
    const std::pair<const char*, const char*> buttons[] = {
        {"reassign", "Move block to article"},
        {"link-headline", "Link block as headline"},
        {"furniture", "Mark block as furniture"},
        {"split", "Split article at block"},
        {"merge", "Merge block's article into article"},
        {"undo", "Undo"},
    };
    for (const auto& [action, label] : buttons)
        html.element("button", label, {{"type", "button"}, {"data-action", action}});
    html.element("label", "Reviewer", {{"for", "reviewer"}});
    html.empty("input", {{"id", "reviewer"}, {"type", "text"}, {"autocomplete", "name"}});
    html.open("button", {{"type", "button"}, {"data-action", "download"}});
    html.text("Download corrections (");
    html.element("span", "0", {{"id", "count"}});
    html.text(")");
    html.close();
    html.element("span", "", {{"id", "tool-message"}, {"role", "status"}});
    html.open("ol", {{"id", "pending"}, {"aria-label", "Corrections made"}});
    html.close();
    html.close();
}

}  // namespace

}  // namespace view

Review make_review(const std::filesystem::path& input, const ViewOptions& options,
                   Diagnostics& diagnostics) {
    const view::ReviewIssue source = view::load_review_issue(input, options.pages, diagnostics);
    const view::ReviewContext context(source, options.corrections);
    Review review;
    review.pages = source.issue.pages.size();
    review.articles = source.issue.articles.size();

    view::HtmlOut html;
    html.open("html", {{"lang", source.issue.language()}});
    view::write_head(html, source.issue);
    html.open("body", {{"data-issue", issue_key(source.issue)},
                       {"data-corrections", options.corrections ? "on" : "off"}});
    view::write_header(html, context, options);
    html.open("main");
    view::write_index(html, context);
    for (std::size_t p = 0; p < source.issue.pages.size(); ++p) {
        const auto& image = source.images[p];
        if (image) {
            review.files[image->name] = image->bytes;
            ++review.images;
        }
        view::write_page_section(html, context, p, image ? image->name : std::string());
    }
    html.close();
    if (options.corrections) view::write_tools(html);
    html.open("script");
    html.raw(view::asset("review.js"));
    html.close();
    html.close();
    html.close();
    review.files["index.html"] = html.finish();
    return review;
}

void write_review(const Review& review, const std::filesystem::path& folder) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) throw Error("PB-IO", folder.string(), "cannot create folder: " + ec.message());
    FolderTree tree(folder);
    for (const auto& [name, bytes] : review.files) tree.put(name, bytes);
}

}  // namespace paperbag
