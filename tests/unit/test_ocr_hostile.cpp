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
