// NewsML-G2 2.35, power conformance: a newsItem (ninat:text) per article, a newsItem
// (ninat:picture) per photo caption, and a packageItem for the issue that references every
// item in page order. QCodes use IPTC NewsCodes through the IPTC catalog (ninat, stat, drol,
// pgrmod, genre) and, where IPTC has no vocabulary for what a newspaper page shows (headline
// roles, package group roles), paperbag's own schemes declared in an inline catalog with
// "urn:x-paperbag:cv:" URIs. docs/profile.md lists every element.
#include <map>

#include "paperbag/clock.hpp"
#include "paperbag/ids.hpp"
#include "write/layout.hpp"
#include "write/xml_out.hpp"

namespace paperbag {

namespace {

constexpr const char* nar_ns = "http://iptc.org/std/nar/2006-10-01/";
constexpr const char* xhtml_ns = "http://www.w3.org/1999/xhtml";
constexpr const char* iptc_catalog =
    "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml";
constexpr const char* newsitem_type = "application/vnd.iptc.g2.newsitem+xml";

// The root element's attributes and the catalogs, common to every item.
void start_item(XmlOut& xml, const char* element, const std::string& guid,
                const std::string& language) {
    xml.start(element);
    xml.attr("xmlns", nar_ns);
    xml.attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    xml.attr("xsi:schemaLocation", std::string(nar_ns) +
                                       " http://www.iptc.org/std/NewsML-G2/2.35/specification/"
                                       "NewsML-G2_2.35-spec-All-Power.xsd");
    xml.attr("guid", guid);
    xml.attr("version", "1");
    xml.attr("standard", "NewsML-G2");
    xml.attr("standardversion", "2.35");
    xml.attr("conformance", "power");
    xml.attr("xml:lang", language);
    xml.start("catalogRef");
    xml.attr("href", iptc_catalog);
    xml.end();
    xml.start("catalog");
    for (const auto& [alias, uri] : {std::pair{"pbhl", "urn:x-paperbag:cv:headline-role:"},
                                     std::pair{"pbgrp", "urn:x-paperbag:cv:group-role:"}}) {
        xml.start("scheme");
        xml.attr("alias", alias);
        xml.attr("uri", uri);
        xml.end();
    }
    xml.end();
}

void qcode_element(XmlOut& xml, const char* element, const char* qcode) {
    xml.start(element);
    xml.attr("qcode", qcode);
    xml.end();
}

void write_item_meta(XmlOut& xml, const WriteContext& context, const char* item_class,
                     const std::string& title, const std::vector<Diagnostic>& notes) {
    const Issue& issue = *context.issue;
    xml.start("itemMeta");
    qcode_element(xml, "itemClass", item_class);
    xml.start("provider");
    xml.attr("literal", has_text(issue.publisher) ? issue.publisher
                        : has_text(issue.title)   ? issue.title
                                                  : "unknown");
    xml.end();
    xml.element("versionCreated", context.created);
    qcode_element(xml, "pubStatus", "stat:usable");
    xml.start("generator");
    xml.attr("versioninfo", context.tool_version);
    xml.text("paperbag");
    xml.end();
    if (has_text(title)) xml.element("title", title);
    for (const Diagnostic& note : notes) xml.element("edNote", warning_text(note));
    xml.end();
}

void write_headline(XmlOut& xml, const char* role, const std::string& text) {
    xml.start("headline");
    xml.attr("role", role);
    xml.text(text);
    xml.end();
}

void write_genre(XmlOut& xml, const char* qcode, const char* name) {
    xml.start("genre");
    xml.attr("qcode", qcode);
    xml.element("name", name);
    xml.end();
}

void write_creator(XmlOut& xml, const std::string& name) {
    if (!has_text(name)) return;
    xml.start("creator");
    xml.element("name", name);
    xml.end();
}

void write_language(XmlOut& xml, const std::string& tag) {
    xml.start("language");
    xml.attr("tag", tag);
    xml.end();
}

void write_located(XmlOut& xml, const Issue& issue) {
    if (issue.place.empty()) return;
    xml.start("located");
    xml.element("name", issue.place);
    xml.end();
}

std::string joined_bylines(const std::vector<Byline>& bylines) {
    std::string by;
    for (const Byline& byline : bylines)
        if (has_text(byline.name)) by += (by.empty() ? "" : ", ") + byline.name;
    return by;
}

void write_xhtml(XmlOut& xml, const Article& article, const std::string& language) {
    xml.start("contentSet");
    xml.start("inlineXML");
    xml.attr("contenttype", "application/xhtml+xml");
    xml.start("html");
    xml.attr("xmlns", xhtml_ns);
    xml.attr("xml:lang", language);
    xml.start("head");
    xml.element("title", article.headline.value_or(""));
    xml.end();
    xml.start("body");
    for (const Paragraph& paragraph : article.body)
        xml.element(paragraph.kind == Paragraph::Kind::intertitle ? "h2" : "p", paragraph.text);
    if (article.signature) {
        xml.start("p");
        xml.attr("class", "signature");
        xml.text(*article.signature);
        xml.end();
    }
    xml.end();
    xml.end();
    xml.end();
    xml.end();
}

// A photo item may print a headline of its own (a headline block among its blocks).
std::string picture_headline(const WriteContext& context, const Illustration& illustration) {
    for (const std::string& id : illustration.block_ids)
        if (const Block& block = *context.blocks.at(id).block; block.kind == BlockKind::headline)
            return block.text;
    return {};
}

// The item's title (itemMeta and the package's itemRef): its headline, else its caption.
std::string picture_title(const WriteContext& context, const Illustration& illustration) {
    const std::string headline = picture_headline(context, illustration);
    return has_text(headline) ? headline : illustration.caption;
}

}  // namespace

std::string write_newsml_article(const WriteContext& context, const Article& article,
                                 Diagnostics& warnings) {
    const Issue& issue = *context.issue;
    const std::string language = article.language.empty() ? issue.language() : article.language;
    XmlOut xml(newsml_path(article.id));
    start_item(xml, "newsItem", newsml_guid(context, article.id), language);
    write_item_meta(xml, context, "ninat:text", article.headline.value_or(""), article.warnings);
    xml.start("contentMeta");
    xml.element("contentCreated", issue.date.to_string());
    write_located(xml, issue);
    for (const Byline& byline : article.bylines) write_creator(xml, byline.name);
    write_language(xml, language);
    // IPTC genre NewsCodes: a newspaper article reports on current events.
    write_genre(xml, "genre:Current", "Current Events");
    if (article.headline) write_headline(xml, "pbhl:main", *article.headline);
    if (article.kicker) write_headline(xml, "pbhl:kicker", *article.kicker);
    if (article.subtitle) write_headline(xml, "pbhl:subtitle", *article.subtitle);
    if (article.dateline) xml.element("dateline", *article.dateline);
    if (const std::string by = joined_bylines(article.bylines); has_text(by)) xml.element("by", by);
    xml.end();
    write_xhtml(xml, article, language);
    xml.end();
    return xml.finish(warnings);
}

std::string write_newsml_picture(const WriteContext& context, const Illustration& illustration,
                                 Diagnostics& warnings) {
    const Issue& issue = *context.issue;
    const std::string headline = picture_headline(context, illustration);
    XmlOut xml(newsml_path(illustration.id));
    start_item(xml, "newsItem", newsml_guid(context, illustration.id), issue.language());
    write_item_meta(xml, context, "ninat:picture", picture_title(context, illustration),
                    illustration.warnings);
    xml.start("contentMeta");
    xml.element("contentCreated", issue.date.to_string());
    write_located(xml, issue);
    if (illustration.credit) write_creator(xml, *illustration.credit);
    write_language(xml, issue.language());
    // IPTC genre NewsCodes: a news photo is the recording of an event.
    write_genre(xml, "genre:Actuality", "Actuality");
    if (has_text(headline)) write_headline(xml, "pbhl:main", headline);
    if (illustration.credit && has_text(*illustration.credit))
        xml.element("creditline", *illustration.credit);
    xml.start("description");
    xml.attr("role", "drol:caption");
    xml.text(illustration.caption);
    xml.end();
    xml.end();
    xml.end();
    return xml.finish(warnings);
}

namespace {

void write_item_ref(XmlOut& xml, const WriteContext& context, const std::string& id,
                    const char* item_class, const std::string& title) {
    xml.start("itemRef");
    xml.attr("residref", newsml_guid(context, id));
    xml.attr("version", "1");
    xml.attr("contenttype", newsitem_type);
    // Relative to package.xml, which sits next to the items.
    xml.attr("href", id + ".xml");
    qcode_element(xml, "itemClass", item_class);
    if (has_text(title)) xml.element("title", title);
    xml.end();
}

std::string page_group_id(const Page& page) {
    return "G_PAGE_" + sequence_id("", static_cast<std::size_t>(page.sequence), 4);
}

}  // namespace

std::string write_newsml_package(const WriteContext& context, Diagnostics& warnings) {
    const Issue& issue = *context.issue;
    XmlOut xml(newsml_package_path);
    start_item(xml, "packageItem", newsml_package_guid(context), issue.language());
    write_item_meta(xml, context, "ninat:composite", issue.title + " " + issue.date.to_string(),
                    {});
    // Items go to the group of the first page they are on; a caption follows its article.
    std::map<std::string, std::vector<const Illustration*>> by_article;
    std::map<std::string, std::vector<const Illustration*>> orphans_by_page;
    std::map<std::string, std::vector<const Article*>> articles_by_page;
    for (const Article& article : issue.articles)
        articles_by_page[article.pages.front()].push_back(&article);
    for (const Illustration& illustration : issue.illustrations) {
        if (!illustration.article_id.empty())
            by_article[illustration.article_id].push_back(&illustration);
        else
            orphans_by_page[illustration.pages.empty() ? "" : illustration.pages.front()].push_back(
                &illustration);
    }
    xml.start("groupSet");
    xml.attr("root", "G_ISSUE");
    xml.start("group");
    xml.attr("id", "G_ISSUE");
    xml.attr("role", "pbgrp:issue");
    xml.attr("mode", "pgrmod:seq");
    for (const Page& page : issue.pages) {
        xml.start("groupRef");
        xml.attr("idref", page_group_id(page));
        xml.end();
    }
    xml.end();
    for (const Page& page : issue.pages) {
        xml.start("group");
        xml.attr("id", page_group_id(page));
        xml.attr("role", "pbgrp:page");
        xml.attr("mode", "pgrmod:seq");
        xml.element("title", page.label);
        for (const Article* article : articles_by_page[page.label]) {
            write_item_ref(xml, context, article->id, "ninat:text", article->headline.value_or(""));
            for (const Illustration* illustration : by_article[article->id])
                write_item_ref(xml, context, illustration->id, "ninat:picture",
                               picture_title(context, *illustration));
        }
        for (const Illustration* illustration : orphans_by_page[page.label])
            write_item_ref(xml, context, illustration->id, "ninat:picture",
                           picture_title(context, *illustration));
        xml.end();
    }
    xml.end();
    xml.end();
    return xml.finish(warnings);
}

}  // namespace paperbag
