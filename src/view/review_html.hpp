// The parts of the review document (paperbag/view.hpp): shared lookups, the article list
// entries and the page views. review.cpp puts them into one index.html.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "view/html_out.hpp"
#include "view/review_source.hpp"

namespace paperbag::view {

struct ReviewContext {
    explicit ReviewContext(const ReviewIssue& review, bool corrections);

    const ReviewIssue& review;
    const Issue& issue;
    bool corrections = false;
    std::map<std::string, std::size_t> article_of_block;       // block id -> article index
    std::map<std::string, std::size_t> illustration_of_block;  // block id -> illustration
    std::map<std::string, int> sequence_of_label;              // page label -> sequence
    std::vector<std::string> colours;                          // per article, CSS colour

    // "page-3": the id of a page's section.
    static std::string page_anchor(int sequence);
};

// "message [CODE]", or the message alone when the finding has no code (as read from MODS).
std::string warning_text(const Diagnostic& warning);

// A number for SVG and CSS: shortest round-trip form, classic locale.
std::string svg_number(double value);

// One article as a list entry (<li class="article-entry" data-article=...>).
void write_article_entry(HtmlOut& html, const ReviewContext& context, std::size_t article);

// Article indexes, least confident headline link first (no headline counts as 0), then in
// issue order.
std::vector<std::size_t> review_order(const Issue& issue, const std::vector<std::size_t>& which);

// One page's section: the page view and the list of its articles. `image` is the image file
// name beside index.html, or empty.
void write_page_section(HtmlOut& html, const ReviewContext& context, std::size_t page,
                        const std::string& image);

}  // namespace paperbag::view
