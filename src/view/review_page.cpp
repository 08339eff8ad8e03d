// One page of the review: the page (image, or drawn from geometry, or its text) with the
// blocks in their articles' colours, and the list of the page's articles.
#include <algorithm>
#include <set>

#include "paperbag/corrections.hpp"
#include "view/review_html.hpp"

namespace paperbag::view {

namespace {

struct Extent {
    double width = 0;
    double height = 0;
};

// The page's size, or the extent of its boxes when the input did not state one.
Extent page_extent(const Page& page) {
    Extent e{page.width, page.height};
    if (e.width > 0 && e.height > 0) return e;
    for (const Block& b : page.blocks)
        if (b.box) {
            e.width = std::max(e.width, b.box->hpos + b.box->width);
            e.height = std::max(e.height, b.box->vpos + b.box->height);
        }
    return e;
}

bool has_geometry(const Page& page) {
    return std::any_of(page.blocks.begin(), page.blocks.end(),
                       [](const Block& b) { return b.box.has_value(); });
}

std::string shortened(const std::string& text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "…";
}

// Attributes shared by a block's region in the SVG and in the text view.
Attributes region_attributes(const ReviewContext& context, const Block& block, std::size_t order) {
    std::string owner = "no article";
    Attributes out = {{"class", "region kind-" + std::string(to_string(block.kind))},
                      {"data-block", block.id}};
    if (const auto a = context.article_of_block.find(block.id);
        a != context.article_of_block.end()) {
        const Article& article = context.issue.articles[a->second];
        out.emplace_back("data-article", article_div_id(article));
        out.emplace_back("style", "--c:" + context.colours[a->second]);
        owner = "article " + article.id + " (" + article.headline.value_or("no headline") + ")";
    } else if (const auto i = context.illustration_of_block.find(block.id);
               i != context.illustration_of_block.end()) {
        owner = "illustration " + context.issue.illustrations[i->second].id;
        out.emplace_back("data-illustration", "LOG_" + context.issue.illustrations[i->second].id);
    }
    out.emplace_back("tabindex", "0");
    out.emplace_back("role", "button");
    out.emplace_back("aria-label", std::to_string(order) + ". " +
                                       std::string(to_string(block.kind)) + " block " + block.id +
                                       " of " + owner + ": " + shortened(block.text, 120));
    return out;
}

// Continuation jumps of the article that `block` is the first or last block of, on this page.
struct Jumps {
    std::string from;  // page label it comes from
    std::string to;    // page label it goes on to
};

Jumps jumps_at(const ReviewContext& context, const Page& page, const Block& block) {
    const auto a = context.article_of_block.find(block.id);
    if (a == context.article_of_block.end()) return {};
    const Article& article = context.issue.articles[a->second];
    const auto here = std::find(article.pages.begin(), article.pages.end(), page.label);
    if (article.pages.size() < 2 || here == article.pages.end()) return {};
    std::vector<const Block*> on_page;
    for (const Block& b : page.blocks)
        if (context.article_of_block.contains(b.id) &&
            context.article_of_block.at(b.id) == a->second)
            on_page.push_back(&b);
    Jumps jumps;
    if (here != article.pages.begin() && on_page.front() == &block) jumps.from = *(here - 1);
    if (here + 1 != article.pages.end() && on_page.back() == &block) jumps.to = *(here + 1);
    return jumps;
}

void write_jump_svg(HtmlOut& html, const ReviewContext& context, const Box& box,
                    const std::string& label, bool onward, const std::string& article,
                    double unit) {
    const auto target = context.sequence_of_label.find(label);
    if (target == context.sequence_of_label.end()) return;
    const double y = onward ? box.vpos + box.height - unit : box.vpos + unit;
    const double x0 = onward ? box.hpos + box.width - 4 * unit : box.hpos - 3 * unit;
    const double x1 = x0 + 3 * unit;
    html.open("a",
              {{"class", "jump"},
               {"href", "#" + ReviewContext::page_anchor(target->second)},
               {"data-jump", article},
               {"aria-label", (onward ? "continued on page " : "continued from page ") + label}});
    html.empty("path", {{"d", "M" + svg_number(x0) + " " + svg_number(y) + " H" + svg_number(x1) +
                                  " m" + svg_number(-unit) + " " + svg_number(-unit) + " l" +
                                  svg_number(unit) + " " + svg_number(unit) + " l" +
                                  svg_number(-unit) + " " + svg_number(unit)}});
    html.element("text", (onward ? "→ p. " : "from p. ") + label,
                 {{"x", svg_number(onward ? x0 - 4 * unit : x0)},
                  {"y", svg_number(y - unit * 1.2)},
                  {"font-size", svg_number(unit * 1.6)}});
    html.close();
}

void write_svg_page(HtmlOut& html, const ReviewContext& context, const Page& page,
                    const std::string& image) {
    const Extent e = page_extent(page);
    const double unit = std::max(e.width, e.height) / 120;  // marker size in page units
    html.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                      {"viewBox", "0 0 " + svg_number(e.width) + " " + svg_number(e.height)},
                      {"role", "group"},
                      {"aria-label", "Page " + page.label + ": " +
                                         std::to_string(page.blocks.size()) + " blocks"}});
    if (!image.empty()) {
        html.empty("image", {{"href", image},
                             {"x", "0"},
                             {"y", "0"},
                             {"width", svg_number(e.width)},
                             {"height", svg_number(e.height)},
                             {"preserveAspectRatio", "none"}});
    } else {
        // No picture: the page drawn from its geometry (lines of text, photos, rules).
        html.empty("rect", {{"class", "page-blank"},
                            {"width", svg_number(e.width)},
                            {"height", svg_number(e.height)}});
        for (const Block& b : page.blocks)
            for (const TextLine& line : b.lines)
                if (line.box)
                    html.empty("rect", {{"class", "textline"},
                                        {"x", svg_number(line.box->hpos)},
                                        {"y", svg_number(line.box->vpos + line.box->height * 0.2)},
                                        {"width", svg_number(line.box->width)},
                                        {"height", svg_number(line.box->height * 0.6)}});
    }
    for (const Graphic& g : page.graphics) {
        html.open("rect", {{"class", g.kind == Graphic::Kind::rule ? "rule" : "photo"},
                           {"x", svg_number(g.box.hpos)},
                           {"y", svg_number(g.box.vpos)},
                           {"width", svg_number(g.box.width)},
                           {"height", svg_number(g.box.height)},
                           {"fill-opacity", image.empty() ? "1" : "0"}});
        html.element("title", g.kind == Graphic::Kind::rule ? "rule " + g.id : "photo " + g.id);
        html.close();
    }
    std::size_t order = 0;
    for (const Block& block : page.blocks) {
        ++order;
        if (!block.box) continue;
        const Box& b = *block.box;
        html.open("g", region_attributes(context, block, order));
        html.empty("rect", {{"x", svg_number(b.hpos)},
                            {"y", svg_number(b.vpos)},
                            {"width", svg_number(b.width)},
                            {"height", svg_number(b.height)}});
        html.empty("rect", {{"class", "order-bg"},
                            {"x", svg_number(b.hpos)},
                            {"y", svg_number(b.vpos)},
                            {"width", svg_number(unit * 2.2)},
                            {"height", svg_number(unit * 1.6)}});
        html.element("text", std::to_string(order),
                     {{"class", "order"},
                      {"x", svg_number(b.hpos + unit * 0.2)},
                      {"y", svg_number(b.vpos + unit * 1.3)},
                      {"font-size", svg_number(unit * 1.3)},
                      {"aria-hidden", "true"}});
        html.close();
        const Jumps jumps = jumps_at(context, page, block);
        const auto owner = context.article_of_block.find(block.id);
        const std::string article = owner == context.article_of_block.end()
                                        ? std::string()
                                        : article_div_id(context.issue.articles[owner->second]);
        if (!jumps.from.empty()) write_jump_svg(html, context, b, jumps.from, false, article, unit);
        if (!jumps.to.empty()) write_jump_svg(html, context, b, jumps.to, true, article, unit);
    }
    html.close();
}

void write_jump_text(HtmlOut& html, const ReviewContext& context, const std::string& label,
                     bool onward) {
    const auto target = context.sequence_of_label.find(label);
    if (target == context.sequence_of_label.end()) return;
    html.element("a",
                 onward ? "continued on page " + label + " →" : "← continued from page " + label,
                 {{"class", "jump"}, {"href", "#" + ReviewContext::page_anchor(target->second)}});
}

void write_text_page(HtmlOut& html, const ReviewContext& context, const Page& page,
                     const std::string& image) {
    // The deposited image, when there is one, above the text: without geometry the blocks
    // cannot be placed on it.
    if (!image.empty())
        html.empty("img", {{"class", "page-image"},
                           {"src", image},
                           {"alt", "Image of page " + page.label +
                                       " (the page text below has no coordinates on it)"}});
    html.open("div", {{"class", "page-text"},
                      {"role", "group"},
                      {"aria-label", "Page " + page.label + " as text: " +
                                         std::to_string(page.blocks.size()) + " blocks"}});
    std::size_t order = 0;
    for (const Block& block : page.blocks) {
        ++order;
        const Jumps jumps = jumps_at(context, page, block);
        if (!jumps.from.empty()) write_jump_text(html, context, jumps.from, false);
        html.open("div", region_attributes(context, block, order));
        html.element("span", std::to_string(order), {{"class", "order"}, {"aria-hidden", "true"}});
        html.text(block.text);
        html.close();
        if (!jumps.to.empty()) write_jump_text(html, context, jumps.to, true);
    }
    html.close();
}

// The page's own findings, and what a bundle does not record but its blocks show: headline
// blocks in no article (orphan headlines) and continuation lines whose article has no other
// page (unmatched continuations).
std::vector<std::string> page_warnings(const ReviewContext& context, const Page& page) {
    std::vector<std::string> out;
    for (const Diagnostic& d : page.warnings) out.push_back(warning_text(d));
    if (!page.warnings.empty()) return out;  // read from the input: already complete
    for (const Block& block : page.blocks) {
        const auto a = context.article_of_block.find(block.id);
        const bool owned =
            a != context.article_of_block.end() || context.illustration_of_block.contains(block.id);
        if (block.kind == BlockKind::headline && !owned)
            out.push_back("orphan headline " + block.id + ": " + shortened(block.text, 80));
        if (block.kind == BlockKind::continuation && a != context.article_of_block.end() &&
            context.issue.articles[a->second].pages.size() < 2)
            out.push_back("unmatched continuation " + block.id + ": " + shortened(block.text, 80));
    }
    return out;
}

}  // namespace

void write_page_section(HtmlOut& html, const ReviewContext& context, std::size_t index,
                        const std::string& image) {
    const Page& page = context.issue.pages[index];
    const std::string anchor = ReviewContext::page_anchor(page.sequence);
    html.open("section", {{"class", "page"}, {"id", anchor}, {"aria-labelledby", anchor + "-h"}});
    html.element("h2", "Page " + page.label + (page.section.empty() ? "" : " · " + page.section),
                 {{"id", anchor + "-h"}, {"tabindex", "-1"}});
    html.open("div", {{"class", "page-layout"}});
    html.open("figure", {{"class", "page-view"}});
    const bool geometry = has_geometry(page);
    if (geometry)
        write_svg_page(html, context, page, image);
    else
        write_text_page(html, context, page, image);
    html.element("figcaption", !geometry
                                   ? "Page text (no geometry): blocks coloured by article and role"
                               : image.empty() ? "Page drawn from its ALTO geometry (no page image)"
                                               : "Page image with the blocks of every article");
    html.close();

    html.open("aside",
              {{"class", "article-list"}, {"aria-label", "Articles on page " + page.label}});
    std::vector<std::size_t> here;
    for (std::size_t a = 0; a < context.issue.articles.size(); ++a) {
        const auto& pages = context.issue.articles[a].pages;
        if (std::find(pages.begin(), pages.end(), page.label) != pages.end()) here.push_back(a);
    }
    html.element("h3", "Articles on this page (" + std::to_string(here.size()) + ")");
    const std::vector<std::string> warnings = page_warnings(context, page);
    if (!warnings.empty()) {
        html.open("ul", {{"class", "page-warnings"}, {"aria-label", "Warnings of this page"}});
        for (const std::string& w : warnings) html.element("li", w);
        html.close();
    }
    html.open("ol", {{"class", "articles"}});
    for (std::size_t a : review_order(context.issue, here)) write_article_entry(html, context, a);
    html.close();
    html.close();
    html.close();
    html.close();
}

}  // namespace paperbag::view
