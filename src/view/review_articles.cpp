// The article list entries of the review: what a reviewer checks first.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "paperbag/corrections.hpp"
#include "view/review_html.hpp"

namespace paperbag::view {

namespace {

constexpr double low_confidence = 0.5;  // as inspect and the segmenter's review list

std::string confidence_text(double value) {
    char buffer[16];
    const auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 2);
    return ec == std::errc() ? std::string(buffer, end) : "?";
}

// Golden-angle hues: neighbouring articles get clearly different colours.
std::string colour(std::size_t index) {
    const double hue = std::fmod(static_cast<double>(index) * 137.508 + 20.0, 360.0);
    return "hsl(" + svg_number(std::round(hue)) + ", 70%, " + (index % 2 ? "38%" : "46%") + ")";
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const std::string& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

}  // namespace

std::string warning_text(const Diagnostic& warning) {
    return warning.code.empty() ? warning.message : warning.message + " [" + warning.code + "]";
}

std::string svg_number(double value) {
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc() ? std::string(buffer, end) : "0";
}

ReviewContext::ReviewContext(const ReviewIssue& r, bool with_corrections)
    : review(r), issue(r.issue), corrections(with_corrections) {
    for (std::size_t a = 0; a < issue.articles.size(); ++a) {
        for (const std::string& id : issue.articles[a].block_ids) article_of_block.emplace(id, a);
        colours.push_back(colour(a));
    }
    for (std::size_t i = 0; i < issue.illustrations.size(); ++i)
        for (const std::string& id : issue.illustrations[i].block_ids)
            illustration_of_block.emplace(id, i);
    for (const Page& page : issue.pages) sequence_of_label.emplace(page.label, page.sequence);
}

std::string ReviewContext::page_anchor(int sequence) {
    return "page-" + std::to_string(sequence);
}

std::vector<std::size_t> review_order(const Issue& issue, const std::vector<std::size_t>& which) {
    std::vector<std::size_t> order = which;
    auto score = [&](std::size_t a) {
        const Article& article = issue.articles[a];
        return article.headline ? article.headline_confidence : 0.0;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return score(x) < score(y); });
    return order;
}

void write_article_entry(HtmlOut& html, const ReviewContext& context, std::size_t index) {
    const Article& article = context.issue.articles[index];
    const std::string title = article.headline.value_or("(no headline)");
    html.open("li", {{"class", "article-entry"},
                     {"data-article", article_div_id(article)},
                     {"tabindex", "0"},
                     {"role", "button"},
                     {"aria-pressed", "false"},
                     {"aria-label", "Article " + article.id + ": " + title},
                     {"style", "--c:" + context.colours[index]}});
    if (article.kicker) html.element("span", *article.kicker, {{"class", "kicker"}});
    html.element("span", title,
                 {{"class", article.headline ? "headline" : "headline no-headline"}});
    if (article.subtitle) html.element("span", *article.subtitle, {{"class", "subtitle"}});
    std::vector<std::string> meta = {
        article.id, (article.pages.size() > 1 ? "pages " : "page ") + join(article.pages, ", ")};
    std::vector<std::string> people;
    for (const Byline& byline : article.bylines)
        people.push_back(byline.text.empty() ? byline.name : byline.text);
    if (!people.empty()) meta.push_back(join(people, "; "));
    if (article.dateline) meta.push_back(*article.dateline);
    html.element("span", join(meta, " · "), {{"class", "meta"}});

    const bool low = !article.headline || article.headline_confidence < low_confidence;
    html.open("span", {{"class", "meta"}});
    html.text("headline link ");
    html.element("span", article.headline ? confidence_text(article.headline_confidence) : "none",
                 {{"class", low ? "confidence low" : "confidence"}});
    html.close();

    std::vector<std::string> warnings;
    for (const Diagnostic& d : article.warnings) warnings.push_back(warning_text(d));
    if (article.headline && article.headline_confidence < low_confidence)
        warnings.push_back("low-confidence headline link");
    if (!warnings.empty()) {
        html.open("ul", {{"class", "warnings"}});
        for (const std::string& w : warnings) html.element("li", w);
        html.close();
    }
    html.close();
}

}  // namespace paperbag::view
