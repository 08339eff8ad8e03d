// Hostile OCR input: every reader refuses or repairs it with a diagnostic naming the file and
// line, never crashes, hangs, loads a DTD or an entity, or reads beyond its limits.
#include <doctest/doctest.h>

#include <string>

#include "ocr/ocr_page.hpp"

using namespace paperbag;

namespace {

std::string alto_page(const std::string& blocks,
                      const std::string& page_attrs = "WIDTH=\"100\" HEIGHT=\"100\"") {
    return "<alto xmlns=\"http://www.loc.gov/standards/alto/ns-v3#\"><Layout><Page ID=\"P\" " +
           page_attrs + "><PrintSpace>" + blocks + "</PrintSpace></Page></Layout></alto>";
}

std::string block(const std::string& string_attrs) {
    return "<TextBlock ID=\"B\"><TextLine><String CONTENT=\"w\" " + string_attrs +
           "/></TextLine></TextBlock>";
}

bool has_code(const Diagnostics& d, const std::string& code) {
    for (const Diagnostic& x : d)
        if (x.code == code) return true;
    return false;
}

}  // namespace

TEST_CASE("ocr hostile: deep nesting is refused with a line, or ignored below a limit") {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<ComposedBlock>";
    for (int i = 0; i < 5000; ++i) deep += "</ComposedBlock>";
    CHECK_THROWS_WITH_AS(ocr::read_ocr(alto_page(deep), {"deep.xml", 1}),
                         doctest::Contains("deep.xml:1"), Error);
    std::string divs = "<html><body><div class='ocr_page' title='bbox 0 0 10 10'>";
    for (int i = 0; i < 5000; ++i) divs += "<div>";
    divs += "<span class='ocr_line' title='bbox 0 0 5 5'><span class='ocrx_word'>x</span></span>";
    for (int i = 0; i < 5000; ++i) divs += "</div>";
    divs += "</div></body></html>";
    // Either libxml2's depth limit refuses it or the reader ignores what is too deep.
    try {
        const ocr::OcrPage page = ocr::read_ocr(divs, {"deep.hocr", 1});
        CHECK(page.layout.regions.empty());
    } catch (const Error& e) {
        CHECK(e.diagnostic().path == "deep.hocr");
    }
}

TEST_CASE("ocr hostile: huge, negative and non-numeric coordinates are dropped with a warning") {
    const std::string bad = block("HPOS=\"1e300\" VPOS=\"1\" WIDTH=\"1\" HEIGHT=\"1\"") +
                            block("HPOS=\"1\" VPOS=\"1\" WIDTH=\"-5\" HEIGHT=\"1\"") +
                            block("HPOS=\"nan\" VPOS=\"1\" WIDTH=\"5\" HEIGHT=\"1\"") +
                            block("HPOS=\"1\" VPOS=\"1\" WIDTH=\"inf\" HEIGHT=\"1\"") +
                            block("HPOS=\"0x10\" VPOS=\"1\" WIDTH=\"5\" HEIGHT=\"1\"");
    const ocr::OcrPage page = ocr::read_ocr(alto_page(bad), {"coords.xml", 1});
    REQUIRE(page.layout.regions.size() == 5);
    for (const layout::Region& r : page.layout.regions) CHECK_FALSE(r.lines[0].words[0].box);
    CHECK(has_code(page.warnings, "PB-OCR-GEOMETRY"));
    // A huge or negative page size: taken from the content instead.
    const ocr::OcrPage sized =
        ocr::read_ocr(alto_page(block("HPOS=\"1\" VPOS=\"1\" WIDTH=\"5\" HEIGHT=\"5\""),
                                "WIDTH=\"-100\" HEIGHT=\"1e308\""),
                      {"size.xml", 1});
    CHECK(sized.layout.width == 6);
    CHECK(sized.layout.height == 6);
    CHECK(has_code(sized.warnings, "PB-OCR-GEOMETRY"));
}

TEST_CASE("ocr hostile: repeated IDs are read, each region kept") {
    const ocr::OcrPage page =
        ocr::read_ocr(alto_page(block("ID=\"S\" HPOS=\"1\" VPOS=\"1\" WIDTH=\"5\" HEIGHT=\"5\"") +
                                block("ID=\"S\" HPOS=\"1\" VPOS=\"10\" WIDTH=\"5\" HEIGHT=\"5\"")),
                      {"ids.xml", 1});
    CHECK(page.layout.regions.size() == 2);
    CHECK(page.word_ids.size() == 2);
}

TEST_CASE("ocr hostile: DOCTYPE, internal entities and external entities are never expanded") {
    const std::string bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE alto [<!ENTITY a \"aaaaaaaaaa\">"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>" +
        alto_page("<TextBlock><TextLine><String CONTENT=\"&c;\"/></TextLine></TextBlock>");
    CHECK_THROWS_WITH_AS(ocr::read_ocr(bomb, {"bomb.xml", 1}), doctest::Contains("DOCTYPE"), Error);
    const std::string page_xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE PcGts [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<PcGts><Page imageWidth=\"10\" imageHeight=\"10\"><TextRegion id=\"r\"><TextEquiv>"
        "<Unicode>&x;</Unicode></TextEquiv></TextRegion></Page></PcGts>";
    CHECK_THROWS_WITH_AS(ocr::read_ocr(page_xxe, {"xxe.xml", 1}), doctest::Contains("DOCTYPE"),
                         Error);
    // hOCR's XHTML DOCTYPE is tolerated, but an entity in it is still not loaded.
    const std::string hocr_xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        "<html><body><div class='ocr_page' title='bbox 0 0 10 10'><span class='ocr_line' "
        "title='bbox 0 0 5 5'><span class='ocrx_word' title='bbox 0 0 5 5'>a&x;b</span></span>"
        "</div></body></html>";
    try {
        const ocr::OcrPage page = ocr::read_ocr(hocr_xxe, {"xxe.hocr", 1});
        for (const auto& text : ocr::region_texts(page.layout))
            CHECK(text.find("root:") == std::string::npos);
    } catch (const Error& e) {
        CHECK(e.diagnostic().path == "xxe.hocr");
    }
}

TEST_CASE("ocr hostile: empty, truncated and non-OCR files give errors with file and line") {
    CHECK_THROWS_WITH_AS(ocr::read_ocr("", ocr::Format::alto, {"empty.xml", 1}),
                         doctest::Contains("empty.xml"), Error);
    CHECK_THROWS_WITH_AS(ocr::read_ocr("<alto>\n<Layout><Page>", {"cut.xml", 1}),
                         doctest::Contains("cut.xml:"), Error);
    CHECK_THROWS_WITH_AS(ocr::read_ocr("<notalto/>", ocr::Format::alto, {"root.xml", 1}),
                         doctest::Contains("not 'alto'"), Error);
    CHECK_THROWS_WITH_AS(ocr::read_ocr("<PcGts/>", {"nopage.xml", 1}), doctest::Contains("no Page"),
                         Error);
    CHECK_THROWS_WITH_AS(
        ocr::read_ocr("<html><body>x</body></html>", ocr::Format::hocr, {"plain.html", 1}),
        doctest::Contains("ocr_page"), Error);
    // Invalid UTF-8 in ALTO is a syntax error, not a crash.
    CHECK_THROWS_AS(ocr::read_ocr(alto_page("<TextBlock><TextLine><String CONTENT=\"\xC3\x28\"/>"
                                            "</TextLine></TextBlock>"),
                                  {"utf8.xml", 1}),
                    Error);
}

TEST_CASE("ocr hostile: more words than the limit are refused, not read into memory") {
    std::string many;
    for (int i = 0; i < 200; ++i) many += "<String CONTENT=\"w\"/>";
    ocr::ReadOptions options{"many.xml", 1, 100};
    CHECK_THROWS_WITH_AS(
        ocr::read_ocr(alto_page("<TextBlock><TextLine>" + many + "</TextLine></TextBlock>"),
                      options),
        doctest::Contains("more than 100 words"), Error);
}

namespace {

std::string page_xml(const std::string& regions,
                     const std::string& page_attrs = "imageWidth=\"100\" imageHeight=\"100\"") {
    return "<PcGts xmlns=\"http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15\">"
           "<Page imageFilename=\"p.png\" " +
           page_attrs + ">" + regions + "</Page></PcGts>";
}

std::string page_region(const std::string& id, const std::string& points) {
    return "<TextRegion id=\"" + id + "\"><TextLine id=\"" + id + "l\"><Word id=\"" + id +
           "w\"><Coords points=\"" + points +
           "\"/><TextEquiv><Unicode>w</Unicode></TextEquiv></Word></TextLine></TextRegion>";
}

std::string hocr_page(const std::string& body, const std::string& bbox = "0 0 100 100") {
    return "<html><body><div class='ocr_page' title='bbox " + bbox + "'>" + body +
           "</div></body></html>";
}

std::string hocr_par(const std::string& id, const std::string& bbox) {
    return "<p class='ocr_par' id='" + id + "'><span class='ocr_line' title='bbox " + bbox +
           "'><span class='ocrx_word' id='" + id + "w' title='bbox " + bbox +
           "'>w</span></span></p>";
}

}  // namespace

TEST_CASE("ocr hostile: PAGE deep nesting is refused with a line, or ignored below a limit") {
    std::string deep;
    for (int i = 0; i < 5000; ++i) deep += "<TableRegion id=\"t\">";
    deep += page_region("r", "1,1 5,1 5,5 1,5");
    for (int i = 0; i < 5000; ++i) deep += "</TableRegion>";
    try {
        const ocr::OcrPage page = ocr::read_ocr(page_xml(deep), {"deep.page.xml", 1});
        CHECK(page.layout.regions.empty());
    } catch (const Error& e) {
        CHECK(e.diagnostic().path == "deep.page.xml");
        CHECK(e.diagnostic().line == 1);
    }
    // Nested TextRegions below the limit are read (the empty outer ones leave no region).
    std::string nested;
    for (int i = 0; i < 50; ++i) nested += "<TextRegion id=\"n" + std::to_string(i) + "\">";
    nested += page_region("in", "1,1 5,1 5,5 1,5");
    for (int i = 0; i < 50; ++i) nested += "</TextRegion>";
    const ocr::OcrPage page = ocr::read_ocr(page_xml(nested), {"nested.page.xml", 1});
    REQUIRE(page.layout.regions.size() == 1);
    CHECK(page.layout.regions[0].source_id == "in");
}

TEST_CASE("ocr hostile: PAGE and hOCR huge, negative and non-numeric coordinates are dropped") {
    const std::string bad_page = page_region("a", "1e300,1 5,1 5,5 1,5") +
                                 page_region("b", "nan,1 5,1 5,5 1,5") +
                                 page_region("c", "1,1 inf,1 5,5 1,5") +
                                 page_region("d", "1;1 5;5") + page_region("e", "1,1 -5,-5");
    const ocr::OcrPage page = ocr::read_ocr(page_xml(bad_page), {"coords.page.xml", 1});
    REQUIRE(page.layout.regions.size() == 5);
    CHECK(has_code(page.warnings, "PB-OCR-GEOMETRY"));
    for (const layout::Region& r : page.layout.regions)
        for (const auto& l : r.lines)
            for (const Word& w : l.words)
                if (w.box) {  // a box that survived lies inside the page
                    CHECK(w.box->hpos >= 0);
                    CHECK(w.box->vpos >= 0);
                    CHECK(w.box->hpos + w.box->width <= page.layout.width);
                    CHECK(w.box->vpos + w.box->height <= page.layout.height);
                }
    const ocr::OcrPage sized = ocr::read_ocr(
        page_xml(page_region("a", "1,1 5,1 5,5 1,5"), "imageWidth=\"-1\" imageHeight=\"1e308\""),
        {"size.page.xml", 1});
    CHECK(sized.layout.width > 0);
    CHECK(sized.layout.width < 1e7);
    CHECK(sized.layout.height < 1e7);

    const std::string bad_hocr = hocr_par("a", "1e300 1 5 5") + hocr_par("b", "1 1 -5 5") +
                                 hocr_par("c", "x 1 5 5") + hocr_par("d", "5 5 1 1");
    const ocr::OcrPage hocr = ocr::read_ocr(hocr_page(bad_hocr), {"coords.hocr", 1});
    CHECK(has_code(hocr.warnings, "PB-OCR-GEOMETRY"));
    for (const layout::Region& r : hocr.layout.regions)
        for (const auto& l : r.lines)
            for (const Word& w : l.words)
                if (w.box) {
                    CHECK(w.box->hpos + w.box->width <= hocr.layout.width);
                    CHECK(w.box->vpos + w.box->height <= hocr.layout.height);
                }
    const ocr::OcrPage huge_page =
        ocr::read_ocr(hocr_page(hocr_par("a", "1 1 5 5"), "0 0 1e300 -4"), {"page.hocr", 1});
    CHECK(huge_page.layout.width < 1e7);
    CHECK(huge_page.layout.height < 1e7);
}

TEST_CASE("ocr hostile: PAGE and hOCR repeated IDs are read, each region kept") {
    const ocr::OcrPage page = ocr::read_ocr(
        page_xml(page_region("r", "1,1 5,1 5,5 1,5") + page_region("r", "1,10 5,10 5,15 1,15")),
        {"ids.page.xml", 1});
    CHECK(page.layout.regions.size() == 2);
    const ocr::OcrPage hocr = ocr::read_ocr(
        hocr_page(hocr_par("p", "1 1 5 5") + hocr_par("p", "1 10 5 15")), {"ids.hocr", 1});
    CHECK(hocr.layout.regions.size() == 2);
}
