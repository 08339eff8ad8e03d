#include "deposit/sword_xml.hpp"

#include <libxml/tree.h>

#include <cstring>

#include "io/xml_parse.hpp"
#include "write/xml_out.hpp"

namespace paperbag::sword {

namespace {

constexpr const char* atom_ns = "http://www.w3.org/2005/Atom";
constexpr const char* app_ns = "http://www.w3.org/2007/app";
constexpr const char* terms_ns = "http://purl.org/net/sword/terms/";

std::string finish(XmlOut& xml) {
    Diagnostics ignored;  // text comes from the ledger and our own messages
    return xml.finish(ignored);
}

void link(XmlOut& xml, const char* rel, const std::string& href, const char* type = nullptr) {
    xml.start("link");
    xml.attr("rel", rel);
    if (type != nullptr) xml.attr("type", type);
    xml.attr("href", href);
    xml.end();
}

void entry_body(XmlOut& xml, const std::string& base, const HeldIssue& i) {
    const std::string name = i.path.substr(i.path.rfind('/') + 1);
    xml.element("title", name);
    xml.element("id", "urn:x-paperbag:deposit:" + i.id);
    xml.element("updated", i.received_at);
    xml.start("author");
    xml.element("name", i.depositor);
    xml.end();
    xml.start("summary");
    xml.attr("type", "text");
    xml.text(i.title_key + " " + i.date.to_string() +
             (i.edition.empty() ? std::string() : " " + i.edition) + ", version " +
             std::to_string(i.version) + ", " + std::to_string(i.pages) + " pages, " +
             std::to_string(i.articles) + " articles, sha256 " + i.sha256);
    xml.end();
    xml.start("content");
    xml.attr("type", "application/zip");
    xml.attr("src", base + "/sword/media/" + i.id);
    xml.end();
    link(xml, "edit-media", base + "/sword/media/" + i.id, "application/zip");
    link(xml, "edit", base + "/sword/edit/" + i.id);
    link(xml, "http://purl.org/net/sword/terms/statement", base + "/sword/statement/" + i.id,
         "application/atom+xml;type=feed");
    link(xml, "http://purl.org/net/sword/terms/originalDeposit", base + "/sword/media/" + i.id,
         "application/zip");
    xml.element("sword:packaging", bagit_packaging);
    xml.element("sword:treatment",
                "Verified (BagIt structure and fixity, schemas, profile) and stored as " + i.path);
}

const xmlNode* child(const xmlNode* parent, const char* ns, const char* name) {
    for (const xmlNode* n = parent ? parent->children : nullptr; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && n->ns &&
            std::strcmp(reinterpret_cast<const char*>(n->ns->href), ns) == 0 &&
            std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0)
            return n;
    return nullptr;
}

std::string content(const xmlNode* node) {
    if (node == nullptr) return {};
    xmlChar* text = xmlNodeGetContent(node);
    std::string out = text ? reinterpret_cast<const char*>(text) : "";
    xmlFree(text);
    return out;
}

std::string attribute(const xmlNode* node, const char* name) {
    xmlChar* value = xmlGetProp(node, BAD_CAST name);
    std::string out = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    return out;
}

}  // namespace

std::string service_document(const std::string& base, const std::string& depositor,
                             std::uint64_t max_upload) {
    XmlOut xml("servicedocument");
    xml.start("service");
    xml.attr("xmlns", app_ns);
    xml.attr("xmlns:atom", atom_ns);
    xml.attr("xmlns:sword", terms_ns);
    xml.element("sword:version", "2.0");
    xml.element("sword:maxUploadSize", decimal(max_upload / 1024));  // kilobytes
    xml.start("workspace");
    xml.element("atom:title", "paperbag intake");
    xml.start("collection");
    xml.attr("href", base + "/sword/collection/" + depositor);
    xml.element("atom:title", "Deposits of " + depositor);
    xml.element("accept", "application/zip");
    xml.element("sword:collectionPolicy",
                "Newspaper issues as paperbag bundles (BagIt in ZIP). Every bundle is verified "
                "before it is stored; invalid bundles are refused with the report.");
    xml.element("sword:mediation", "false");
    xml.element("sword:acceptPackaging", bagit_packaging);
    xml.end();
    xml.end();
    xml.end();
    return finish(xml);
}

std::string deposit_receipt(const std::string& base, const HeldIssue& issue) {
    XmlOut xml("receipt");
    xml.start("entry");
    xml.attr("xmlns", atom_ns);
    xml.attr("xmlns:sword", terms_ns);
    entry_body(xml, base, issue);
    xml.end();
    return finish(xml);
}

std::string statement(const std::string& base, const HeldIssue& issue,
                      const std::string& report_json) {
    XmlOut xml("statement");
    xml.start("feed");
    xml.attr("xmlns", atom_ns);
    xml.attr("xmlns:sword", terms_ns);
    xml.element("id", "urn:x-paperbag:statement:" + issue.id);
    xml.element("title", "Statement of deposit " + issue.id);
    xml.element("updated", issue.received_at);
    xml.start("author");
    xml.element("name", "paperbag intake");
    xml.end();
    link(xml, "self", base + "/sword/statement/" + issue.id);
    xml.start("category");
    xml.attr("scheme", "http://purl.org/net/sword/terms/state");
    xml.attr("term", "http://purl.org/net/sword/terms/state/archived");
    xml.attr("label", "State");
    xml.text("Verified and stored (" + issue.verdict + ")");
    xml.end();
    xml.start("entry");
    entry_body(xml, base, issue);
    xml.start("sword:verboseDescription");
    xml.text(report_json);
    xml.end();
    xml.end();
    xml.end();
    return finish(xml);
}

std::string error_document(std::string_view href, const std::string& summary,
                           const std::string& verbose, const std::string& when) {
    XmlOut xml("error");
    xml.start("sword:error");
    xml.attr("xmlns", atom_ns);
    xml.attr("xmlns:sword", "http://purl.org/net/sword/");
    xml.attr("href", href);
    xml.element("title", "ERROR");
    xml.element("updated", when);
    xml.start("generator");
    xml.attr("uri", "https://paperbag.invalid/");
    xml.attr("version", "1");
    xml.text("paperbag serve");
    xml.end();
    xml.element("summary", summary);
    if (!verbose.empty()) xml.element("sword:verboseDescription", verbose);
    xml.end();
    return finish(xml);
}

std::optional<std::string> collection_href(std::string_view service_document) {
    Diagnostics findings;
    const XmlDocPtr doc = parse_xml(service_document, "service document", findings);
    if (!doc) return std::nullopt;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (root == nullptr || std::strcmp(reinterpret_cast<const char*>(root->name), "service") != 0)
        return std::nullopt;
    const xmlNode* collection = child(child(root, app_ns, "workspace"), app_ns, "collection");
    if (collection == nullptr) return std::nullopt;
    std::string href = attribute(collection, "href");
    if (href.empty()) return std::nullopt;
    return href;
}

std::optional<ErrorInfo> parse_error(std::string_view body) {
    Diagnostics findings;
    const XmlDocPtr doc = parse_xml(body, "error document", findings);
    if (!doc) return std::nullopt;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (root == nullptr || std::strcmp(reinterpret_cast<const char*>(root->name), "error") != 0)
        return std::nullopt;
    return ErrorInfo{attribute(root, "href"), content(child(root, atom_ns, "summary")),
                     content(child(root, "http://purl.org/net/sword/", "verboseDescription"))};
}

}  // namespace paperbag::sword
