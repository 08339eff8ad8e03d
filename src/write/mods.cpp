#include "write/mods.hpp"

#include <charconv>

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

void note(XmlOut& xml, const char* type, const std::string& text) {
    xml.start("mods:note");
    xml.attr("type", type);
    xml.text(text);
    xml.end();
}

// The shortest text that reads back as the same double (std::to_chars round-trips).
std::string shortest(double value) {
    char buffer[32];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, ec == std::errc() ? end : buffer);
}

void identifiers(XmlOut& xml, const Issue& issue) {
    for (const Identifier& identifier : issue.identifiers) {
        xml.start("mods:identifier");
        const bool standard = is_mods_identifier_type(identifier.type);
        xml.attr("type", standard ? identifier.type : "local");
        if (!standard && has_text(identifier.type)) xml.attr("displayLabel", identifier.type);
        xml.text(identifier.value);
        xml.end();
    }
}

}  // namespace

bool is_mods_identifier_type(std::string_view type) {
    // The identifier types the Library of Congress lists for MODS (Standard Identifier Source
    // Codes used as MODS types), plus oclc, which LoC's MODS examples use.
    static constexpr std::string_view types[] = {"doi",
                                                 "hdl",
                                                 "isbn",
                                                 "ismn",
                                                 "isrc",
                                                 "issn",
                                                 "issue number",
                                                 "istc",
                                                 "lccn",
                                                 "local",
                                                 "matrix number",
                                                 "music plate",
                                                 "music publisher",
                                                 "oclc",
                                                 "sici",
                                                 "stock number",
                                                 "upc",
                                                 "uri",
                                                 "urn",
                                                 "videorecording identifier"};
    for (std::string_view known : types)
        if (type == known) return true;
    return false;
}

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
        // The byline as printed ("本报记者 罗丽"), so an export can give it back.
        if (has_text(byline.text)) xml.element("mods:displayForm", byline.text);
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
    if (!article.headline) note(xml, "paperbag", "the page prints no headline for this article");
    if (article.dateline) note(xml, "dateline", *article.dateline);
    if (article.continued_on) note(xml, "continued on", *article.continued_on);
    if (article.continued_from) note(xml, "continued from", *article.continued_from);
    note(xml, "headline confidence", shortest(article.headline_confidence));
    for (const Diagnostic& warning : article.warnings)
        note(xml, "paperbag warning", warning_text(warning));
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
