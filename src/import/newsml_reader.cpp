#include "import/newsml_reader.hpp"

#include "io/xml_parse.hpp"
#include "io/xml_tree.hpp"

namespace paperbag {

namespace {

namespace x = xml_tree;

constexpr const char* nar_ns = "http://iptc.org/std/nar/2006-10-01/";
constexpr const char* xhtml_ns = "http://www.w3.org/1999/xhtml";

// The parsed newsItem root, or nullptr (with an error) when it is not one.
const xmlNode* news_item(const XmlDocPtr& doc, const std::string& path, Diagnostics& diagnostics) {
    if (!doc) return nullptr;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!x::is(root, nar_ns, "newsItem")) {
        diagnostics.add(make_error("PB-EXPORT-NEWSML", path, root ? x::line(root) : 0,
                                   "not a NewsML-G2 newsItem"));
        return nullptr;
    }
    return root;
}

}  // namespace

bool read_newsml_article(std::string_view bytes, const std::string& path, Article& article,
                         Diagnostics& diagnostics) {
    const XmlDocPtr doc = parse_xml(bytes, path, diagnostics);
    const xmlNode* root = news_item(doc, path, diagnostics);
    if (root == nullptr) return false;
    const xmlNode* inline_xml = x::child(x::child(root, nar_ns, "contentSet"), nar_ns, "inlineXML");
    const xmlNode* body = x::child(x::child(inline_xml, xhtml_ns, "html"), xhtml_ns, "body");
    for (const xmlNode* n : x::elements(body)) {
        if (x::is(n, xhtml_ns, "p") && x::attr(n, "class") == "signature") {
            article.signature = x::text(n);
        } else if (x::is(n, xhtml_ns, "p")) {
            article.body.push_back({Paragraph::Kind::text, x::text(n), {}});
        } else if (x::is(n, xhtml_ns, "h2")) {
            article.body.push_back({Paragraph::Kind::intertitle, x::text(n), {}});
        }
    }
    return true;
}

bool read_newsml_picture(std::string_view bytes, const std::string& path,
                         Illustration& illustration, Diagnostics& diagnostics) {
    const XmlDocPtr doc = parse_xml(bytes, path, diagnostics);
    const xmlNode* root = news_item(doc, path, diagnostics);
    if (root == nullptr) return false;
    for (const xmlNode* note : x::children(x::child(root, nar_ns, "itemMeta"), nar_ns, "edNote")) {
        Diagnostic warning;
        warning.severity = Severity::warning;
        warning.message = x::text(note);
        illustration.warnings.push_back(std::move(warning));
    }
    const xmlNode* meta = x::child(root, nar_ns, "contentMeta");
    for (const xmlNode* n : x::elements(meta)) {
        if (x::is(n, nar_ns, "headline") && x::attr(n, "role") == "pbhl:main")
            illustration.headline = x::text(n);
        else if (x::is(n, nar_ns, "creditline"))
            illustration.credit = x::text(n);
        else if (x::is(n, nar_ns, "description") && x::attr(n, "role") == "drol:caption")
            illustration.caption = x::text(n);
    }
    return true;
}

}  // namespace paperbag
