#include "io/xml_guard.hpp"

#include <doctest/doctest.h>

#include <string>

#include "io/xml_parse.hpp"

using namespace paperbag;

TEST_CASE("the XML guard passes ordinary documents, whatever their markup") {
    const std::string doc =
        "<?xml version=\"1.0\"?>\n<!-- a comment with > and = and -- inside? no: - - -->\n"
        "<a x=\"1\" y='a>b=c'><![CDATA[ <not> = a tag ]]><b/>text &amp; more<?pi a=b?></a>\n";
    CHECK_FALSE(check_xml_limits(doc).has_value());
    // The same bytes fed one at a time: delimiters split across reads are still recognised.
    XmlGuard guard(XmlLimits{12, 2, false});
    bool hit = false;
    for (char c : std::string("<a x='1' y=\"2\"><![CDATA[12345]]>1<b/>12<!--1234-->"))
        hit = hit || guard.feed(std::string_view(&c, 1)).has_value();
    CHECK_FALSE(hit);
}

TEST_CASE("the XML guard stops a run of character data over the limit") {
    const XmlLimits limits{1000, 100, false};
    SUBCASE("text inside an element") {
        const auto hit = check_xml_limits("<a>\n" + std::string(2000, 'x') + "</a>", limits);
        REQUIRE(hit);
        CHECK(hit->line == 1);  // where the run starts: right after <a>
        CHECK(hit->column == 4);
        CHECK(hit->message.find("character data") != std::string::npos);
    }
    SUBCASE("whitespace before the root element") {
        CHECK(check_xml_limits(std::string(2000, ' ') + "<a/>", limits));
    }
    SUBCASE("text split by CDATA sections and comments is one run") {
        std::string doc = "<a>";
        for (int i = 0; i < 40; ++i) doc += std::string(20, 'x') + "<![CDATA[yyyy]]><!--z-->";
        doc += "</a>";
        CHECK(check_xml_limits(doc, limits));
    }
    SUBCASE("many short texts between tags are fine") {
        std::string doc = "<a>";
        for (int i = 0; i < 1000; ++i) doc += "<b>" + std::string(500, 'x') + "</b>";
        doc += "</a>";
        CHECK_FALSE(check_xml_limits(doc, limits));
    }
}

TEST_CASE("the XML guard stops an element with too many attributes") {
    std::string doc = "<a";
    for (int i = 0; i < 150; ++i) doc += " a" + std::to_string(i) + "='v=w'";
    doc += "/>";
    const auto hit = check_xml_limits(doc, XmlLimits{1000, 100, false});
    REQUIRE(hit);
    CHECK(hit->message.find("attributes") != std::string::npos);
    CHECK_FALSE(check_xml_limits(doc, XmlLimits{1000, 150, false}));
}

TEST_CASE("parse_xml refuses a document over the limits with PB-XML-LIMIT") {
    std::string doc = "<a";
    for (int i = 0; i < 20000; ++i) doc += " a" + std::to_string(i) + "='1'";
    doc += "/>";
    Diagnostics out;
    CHECK_FALSE(parse_xml(doc, "many.xml", out));
    REQUIRE(out.size() == 1);
    CHECK(out.begin()->code == "PB-XML-LIMIT");
    CHECK(out.begin()->path == "many.xml");
}

TEST_CASE("the XML guard refuses a DOCTYPE before libxml2 reads it, unless allowed") {
    const std::string doc =
        "<?xml version=\"1.0\"?>\n<!-- x -->\n<!DOCTYPE a [<!ENTITY e \"&e;\">]>\n<a>&e;</a>";
    const auto hit = check_xml_limits(doc);
    REQUIRE(hit);
    CHECK(hit->code == "PB-XML-DTD");
    CHECK(hit->line == 3);
    CHECK(hit->column == 1);
    XmlLimits allowed;
    allowed.allow_doctype = true;
    CHECK_FALSE(check_xml_limits(doc, allowed));
    Diagnostics out;
    CHECK_FALSE(parse_xml(doc, "laughs.xml", out));
    REQUIRE(out.size() == 1);  // one finding, not libxml2's entity errors
    CHECK(out.begin()->code == "PB-XML-DTD");
}

TEST_CASE("a finding prints on one line, control characters escaped") {
    Diagnostic d =
        make_error("PB-X", "b.zip:evil\x1b[31mname  x", 3, "value 'a\n   b'\tis wrong\x07");
    CHECK(d.format() == "b.zip:evil\\x1b[31mname  x:3: error: value 'a b' is wrong\\x07 [PB-X]");
}
