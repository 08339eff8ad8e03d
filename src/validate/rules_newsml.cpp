// NewsML-G2 profile rules (PB-NEWSML-*): package references resolve across the inputs, and
// inline content the power schema only checks laxly is checked here: XHTML by element
// names, NITF against its own schema.
#include <algorithm>
#include <iterator>

#include "validate/rules.hpp"

namespace paperbag {

namespace {

constexpr const char* nar_ns = "http://iptc.org/std/nar/2006-10-01/";
constexpr const char* xhtml_ns = "http://www.w3.org/1999/xhtml";
constexpr const char* nitf_ns = "http://iptc.org/std/NITF/2006-10-18/";
constexpr const char* nitf_schema = "http://www.iptc.org/std/NITF/3.6/specification/nitf-3-6.xsd";

// XHTML 1.1 element names (sorted), the vocabulary NewsML-G2 inlineXML uses for text.
constexpr std::string_view xhtml_elements[] = {
    "a",      "abbr",       "acronym",  "address", "area",   "b",       "base",  "bdo",
    "big",    "blockquote", "body",     "br",      "button", "caption", "cite",  "code",
    "col",    "colgroup",   "dd",       "del",     "dfn",    "div",     "dl",    "dt",
    "em",     "fieldset",   "form",     "h1",      "h2",     "h3",      "h4",    "h5",
    "h6",     "head",       "hr",       "html",    "i",      "img",     "input", "ins",
    "kbd",    "label",      "legend",   "li",      "link",   "map",     "meta",  "noscript",
    "object", "ol",         "optgroup", "option",  "p",      "param",   "pre",   "q",
    "rb",     "rbc",        "rp",       "rt",      "rtc",    "ruby",    "samp",  "select",
    "small",  "span",       "strong",   "style",   "sub",    "sup",     "table", "tbody",
    "td",     "textarea",   "tfoot",    "th",      "thead",  "title",   "tr",    "tt",
    "ul",     "var"};

bool known_xhtml(std::string_view name) {
    return std::binary_search(std::begin(xhtml_elements), std::end(xhtml_elements), name);
}

void check_nitf(RuleContext& context, xmlNode* nitf) {
    const auto compiled = context.registry.get(nitf_schema);
    if (!compiled->schema) {
        context.sink.add(Severity::warning, "PB-NEWSML-003", line_of(nitf),
                         "embedded NITF not validated: " + compiled->failure);
        return;
    }
    // Validate the NITF subtree on its own: copy it into a document of its own (line
    // numbers are kept by the copy).
    XmlDocPtr copy(xmlNewDoc(BAD_CAST "1.0"));
    xmlNode* node = xmlDocCopyNode(nitf, copy.get(), 1);
    if (!copy || !node) throw Error("PB-XSD", context.sink.path(), "out of memory");
    xmlDocSetRootElement(copy.get(), node);
    XmlSchemaValidCtxtPtr ctxt(xmlSchemaNewValidCtxt(compiled->schema->handle()));
    xmlSchemaSetValidStructuredErrors(ctxt.get(), &FindingSink::on_libxml_error, &context.sink);
    context.sink.set_libxml_code("PB-NEWSML-003");
    const std::size_t before = context.sink.errors();
    if (xmlSchemaValidateDoc(ctxt.get(), copy.get()) > 0 && context.sink.errors() == before)
        context.sink.add(Severity::error, "PB-NEWSML-003", line_of(nitf),
                         "embedded NITF is not valid against NITF 3.6");
}

}  // namespace

void check_newsml_rules(RuleContext& context) {
    xmlNode* root = xmlDocGetRootElement(context.doc);
    const std::string guid = attr(root, "guid");
    if (!guid.empty()) context.cross.guids.push_back(guid);
    for_each_element(root, [&](xmlNode* n) {
        if (is(n, nar_ns, "itemRef")) {
            const std::string residref = attr(n, "residref");
            if (!residref.empty()) context.cross.item_refs.push_back({residref, line_of(n)});
            return;
        }
        if (!is(n, nar_ns, "inlineXML")) return;
        for (xmlNode* child = n->children; child; child = child->next) {
            if (child->type != XML_ELEMENT_NODE) continue;
            if (child->ns && xmlStrEqual(child->ns->href, BAD_CAST nitf_ns)) {
                check_nitf(context, child);
                continue;
            }
            if (!child->ns || !xmlStrEqual(child->ns->href, BAD_CAST xhtml_ns)) continue;
            for_each_element(child, [&](xmlNode* e) {
                const bool in_xhtml = e->ns && xmlStrEqual(e->ns->href, BAD_CAST xhtml_ns);
                const std::string name = reinterpret_cast<const char*>(e->name);
                if (in_xhtml && !known_xhtml(name))
                    context.sink.add(Severity::error, "PB-NEWSML-002", line_of(e),
                                     "'" + name + "' is not an XHTML element");
            });
        }
    });
}

}  // namespace paperbag
