#include "write/mods.hpp"

namespace paperbag {

namespace {

void start_mods(XmlOut& xml, const std::string& id) {
    xml.start("mods:mods");  // the mods prefix is declared on mets:mets
    xml.attr("ID", id);
    xml.attr("version", "3.8");
}

void language(XmlOut& xml, const std::string& tag) {
    xml.start("mods:language");
    xml.start("mods:languageTerm");
    xml.attr("type", "code");
    xml.attr("authority", "rfc5646");
    xml.text(tag);
    xml.end();
    xml.end();
}

void text_element(XmlOut& xml, const char* name, const std::string& value) {
    if (!value.empty()) xml.element(name, value);
}

void detail(XmlOut& xml, const char* type, const std::string& number) {
    if (number.empty()) return;
    xml.start("mods:detail");
    xml.attr("type", type);
    xml.element("mods:number", number);
    xml.end();
}

void identifiers(XmlOut& xml, const Issue& issue) {
    for (const Identifier& identifier : issue.identifiers) {
        xml.start("mods:identifier");
        xml.attr("type", identifier.type);
        xml.text(identifier.value);
        xml.end();
    }
}

}  // namespace

const char* marc_relator(const std::string& role) {
    return role == "photographer" ? "pht" : "aut";
}

void write_issue_mods(XmlOut& xml, const WriteContext& context) {
    const Issue& issue = *context.issue;
    start_mods(xml, "MODS_ISSUE");
    xml.start("mods:titleInfo");
    xml.element("mods:title", issue.title);
    xml.end();
    xml.element("mods:typeOfResource", "text");
    xml.start("mods:genre");
    xml.attr("authority", "marcgt");
    xml.text("newspaper");
    xml.end();
    xml.start("mods:originInfo");
    xml.attr("eventType", "publication");
    if (!issue.place.empty()) {
        xml.start("mods:place");
        xml.start("mods:placeTerm");
        xml.attr("type", "text");
        xml.text(issue.place);
        xml.end();
        xml.end();
    }
    text_element(xml, "mods:publisher", issue.publisher);
    xml.start("mods:dateIssued");
    xml.attr("encoding", "iso8601");
    xml.attr("keyDate", "yes");
    xml.text(issue.date.to_string());
    xml.end();
    text_element(xml, "mods:edition", issue.edition);
    xml.element("mods:issuance", "serial");
    xml.end();
    for (const std::string& tag : issue.languages) language(xml, tag);
    if (issue.languages.empty()) language(xml, "und");
    identifiers(xml, issue);
    if (!issue.volume.empty() || !issue.number.empty()) {
        xml.start("mods:part");
        detail(xml, "volume", issue.volume);
        detail(xml, "issue", issue.number);
        xml.end();
    }
    xml.end();
}

void write_article_mods(XmlOut& xml, const WriteContext& context, const Article& article) {
    const Issue& issue = *context.issue;
    start_mods(xml, "MODS_" + article.id);
    if (article.headline) {
        xml.start("mods:titleInfo");
        xml.element("mods:title", *article.headline);
        if (article.subtitle) xml.element("mods:subTitle", *article.subtitle);
        xml.end();
    }
    if (article.kicker) {
        xml.start("mods:titleInfo");
        xml.attr("type", "alternative");
        xml.attr("displayLabel", "kicker");
        xml.element("mods:title", *article.kicker);
        xml.end();
    }
    for (const Byline& byline : article.bylines) {
        if (!has_text(byline.name)) continue;
        xml.start("mods:name");
        xml.attr("type", byline.role == "agency" ? "corporate" : "personal");
        xml.element("mods:namePart", byline.name);
        xml.start("mods:role");
        xml.start("mods:roleTerm");
        xml.attr("type", "code");
        xml.attr("authority", "marcrelator");
        xml.text(marc_relator(byline.role));
        xml.end();
        if (!byline.role.empty()) {
            xml.start("mods:roleTerm");
            xml.attr("type", "text");
            xml.text(byline.role);
            xml.end();
        }
        xml.end();
        xml.end();
    }
    xml.element("mods:typeOfResource", "text");
    xml.element("mods:genre", "article");
    language(xml, article.language.empty() ? issue.language() : article.language);
    if (!article.headline) {
        xml.start("mods:note");
        xml.attr("type", "paperbag");
        xml.text("the page prints no headline for this article");
        xml.end();
    }
    if (article.dateline) {
        xml.start("mods:note");
        xml.attr("type", "dateline");
        xml.text(*article.dateline);
        xml.end();
    }
    for (const Diagnostic& warning : article.warnings) {
        xml.start("mods:note");
        xml.attr("type", "paperbag warning");
        xml.text(warning.message);
        xml.end();
    }
    xml.start("mods:relatedItem");
    xml.attr("type", "host");
    xml.start("mods:titleInfo");
    xml.element("mods:title", issue.title);
    xml.end();
    xml.start("mods:originInfo");
    xml.start("mods:dateIssued");
    xml.attr("encoding", "iso8601");
    xml.text(issue.date.to_string());
    xml.end();
    xml.end();
    identifiers(xml, issue);
    xml.end();
    xml.start("mods:identifier");
    xml.attr("type", "local");
    xml.text(article.id);
    xml.end();
    xml.start("mods:part");
    xml.start("mods:extent");
    xml.attr("unit", "pages");
    xml.element("mods:start", article.pages.front());
    xml.element("mods:end", article.pages.back());
    xml.end();
    xml.end();
    xml.end();
}

}  // namespace paperbag
