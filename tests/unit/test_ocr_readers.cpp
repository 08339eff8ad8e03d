// The OCR readers on small files written for these tests (tests/data/ocr/): what each format
// keeps (words, boxes, confidences, styles, hints, graphics, page size and unit, reading order).
#include <doctest/doctest.h>

#include <filesystem>

#include "io/file.hpp"
#include "ocr/ocr_page.hpp"

using namespace paperbag;

namespace {

ocr::OcrPage read(const std::string& name) {
    const auto path = std::filesystem::path(PAPERBAG_SOURCE_DIR) / "tests/data/ocr" / name;
    return ocr::read_ocr(read_file(path), {name, 3});
}

std::vector<std::string> words(const layout::Region& region) {
    std::vector<std::string> out;
    for (const TextLine& line : region.lines)
        for (const Word& w : line.words) out.push_back(w.text);
    return out;
}

}  // namespace

TEST_CASE("ocr sniff: ALTO, PAGE and hOCR by their root element, after a BOM and a DOCTYPE") {
    CHECK(ocr::sniff("\xEF\xBB\xBF<?xml version='1.0'?><alto xmlns='x'>") == ocr::Format::alto);
    CHECK(ocr::sniff("<!-- c --><pc:PcGts xmlns:pc='p'>") == ocr::Format::page);
    CHECK(ocr::sniff("<!DOCTYPE html><html><body><div class='ocr_page'>") == ocr::Format::hocr);
    CHECK_FALSE(ocr::sniff("<html><body>no ocr here</body></html>").has_value());
    CHECK_FALSE(ocr::sniff("<issue xmlns='urn:x-paperbag:issue:1'/>").has_value());
    CHECK_THROWS_WITH_AS(ocr::read_ocr("plain text", {"x.txt", 1}),
                         doctest::Contains("not an OCR file paperbag reads"), Error);
}

TEST_CASE("ocr ALTO 1.x without namespace: hyphenation joined once, styles, groups, graphics") {
    const ocr::OcrPage page = read("alto1-nons-hyphen.xml");
    CHECK(page.version == "ALTO 1.x (no namespace)");
    CHECK(page.layout.unit == "pixel");
    CHECK(page.layout.width == 1000);
    CHECK(page.layout.height == 1400);
    REQUIRE(page.layout.regions.size() == 3);  // the empty TextBlock is dropped
    CHECK(page.layout.regions[0].source_id == "P1_TB00001");
    CHECK(words(page.layout.regions[0]) == std::vector<std::string>{"FIRE", "DOWNTOWN"});
    // SUBS_CONTENT once, HypPart2 dropped; a soft-hyphen HYP without SUBS is a break hyphen.
    CHECK(words(page.layout.regions[1]) ==
          std::vector<std::string>{"The", "council", "met", "yester-", "day."});
    CHECK(page.layout.regions[1].lines.size() == 3);
    // Styles: the headline block's words take the block's 22 pt bold style.
    const Word& fire = page.layout.regions[0].lines[0].words[0];
    REQUIRE(fire.style >= 0);
    CHECK(page.layout.styles[static_cast<std::size_t>(fire.style)].size == 22);
    CHECK(page.layout.styles[static_cast<std::size_t>(fire.style)].bold);
    CHECK(page.layout.regions[0].style == fire.style);
    CHECK(fire.confidence == doctest::Approx(0.9));
    // CC when WC is missing: all zeros is sure.
    CHECK(page.layout.regions[1].lines[0].words[0].confidence == doctest::Approx(1.0));
    CHECK(page.layout.regions[0].confidence == doctest::Approx(0.85));
    // The ComposedBlock's TextBlocks, for METS areas that point at it.
    REQUIRE(page.groups.count("P1_CB00001"));
    CHECK(page.groups.at("P1_CB00001") == std::vector<std::string>{"P1_TB00002", "P1_TB00003"});
    // Word IDs with their regions (the dropped HypPart2 keeps its ID too).
    REQUIRE(page.word_ids.size() == 9);
    CHECK(page.word_ids[2] == std::pair<std::string, std::size_t>{"P1_ST00003", 1});
    // A rule and a photo, ids unique within the issue.
    REQUIRE(page.layout.graphics.size() == 2);
    CHECK(page.layout.graphics[0].kind == Graphic::Kind::rule);
    CHECK(page.layout.graphics[1].kind == Graphic::Kind::illustration);
    CHECK(page.layout.graphics[1].id == "p3-g0002");
    // A word that reaches past the page edge is clipped, with a warning.
    const Word& second = page.layout.regions[2].lines[0].words[0];
    REQUIRE(second.box);
    CHECK(second.box->hpos + second.box->width <= 1000);
    CHECK_FALSE(page.layout.reading_order_given);
}

TEST_CASE("ocr ALTO 4: ReadingOrder naming a block and a line orders the regions; mm10") {
    const ocr::OcrPage page = read("alto4-reading-order.xml");
    CHECK(page.version == "ALTO 4");
    CHECK(page.layout.unit == "mm10");
    CHECK(page.layout.reading_order_given);
    REQUIRE(page.layout.regions.size() == 2);
    CHECK(page.layout.regions[0].source_id == "TB_B");
    CHECK(page.layout.regions[1].source_id == "TB_A");
}

TEST_CASE("ocr hOCR XHTML with a DOCTYPE: read without loading it; hints, confidences, fonts") {
    const ocr::OcrPage page = read("hocr-xhtml-doctype.hocr");
    CHECK(page.version == "hOCR (tesseract 4.1.1)");
    CHECK(page.layout.unit == "pixel");
    CHECK(page.layout.width == 800);
    REQUIRE(page.layout.regions.size() == 2);
    CHECK(page.layout.regions[0].source_id == "par_1_1");
    CHECK(page.layout.regions[0].hint == layout::RegionHint::heading);
    CHECK(page.layout.regions[0].language == "en");
    CHECK(words(page.layout.regions[1]) ==
          std::vector<std::string>{"The", "mayor", "said", "Photo"});
    const Word& mayor = page.layout.regions[1].lines[0].words[1];
    REQUIRE(mayor.style >= 0);
    CHECK(page.layout.styles[static_cast<std::size_t>(mayor.style)].bold);
    CHECK(page.layout.styles[static_cast<std::size_t>(mayor.style)].size == 10);
    CHECK(page.layout.regions[0].lines[0].words[0].confidence == doctest::Approx(0.91));
    REQUIRE(page.layout.graphics.size() == 1);
    CHECK(page.layout.graphics[0].kind == Graphic::Kind::illustration);
}

TEST_CASE("ocr hOCR as HTML5 (kraken): not well-formed XML, read with the HTML parser") {
    const ocr::OcrPage page = read("hocr-html5-kraken.hocr");
    CHECK(page.version == "hOCR (kraken)");
    CHECK(page.layout.width == 924);
    CHECK(page.layout.height == 1624);
    REQUIRE(page.layout.regions.size() == 1);
    CHECK(words(page.layout.regions[0]) == std::vector<std::string>{"Élan", "vital", "fin"});
    REQUIRE(page.layout.regions[0].lines[0].words[0].box);
    CHECK(page.layout.regions[0].lines[0].words[0].box->width == 66);
}

TEST_CASE("ocr hOCR from ocropus 0.4: lines without words, no page size, <p/> between blocks") {
    const ocr::OcrPage page = read("hocr-ocropus-lines.html");
    REQUIRE(page.layout.regions.size() == 2);
    CHECK(words(page.layout.regions[0]) ==
          std::vector<std::string>{"Lorem", "ipsum", "dolor", "sit", "amet"});
    CHECK_FALSE(page.layout.regions[0].lines[0].words[0].box.has_value());
    REQUIRE(page.layout.regions[0].lines[0].box);
    CHECK(page.layout.width == 300);  // from the content
    CHECK(page.layout.height == 540);
}

TEST_CASE("ocr PAGE 2019: ReadingOrder by index, deepest TextEquiv, index 1, region text") {
    const ocr::OcrPage page = read("page2019-indexed.xml");
    CHECK(page.version == "PAGE 2019-07-15");
    CHECK(page.layout.reading_order_given);
    REQUIRE(page.layout.regions.size() == 2);
    CHECK(page.layout.regions[0].source_id == "r2");
    CHECK(page.layout.regions[0].hint == layout::RegionHint::heading);
    CHECK(words(page.layout.regions[0]) ==
          std::vector<std::string>{"Amtlicher", "Theil", "Preußen"});
    CHECK(page.layout.regions[0].lines.size() == 2);
    CHECK(words(page.layout.regions[1]) ==
          std::vector<std::string>{"Berlin,", "den", "12ten", "Oktober"});
    const Word& berlin = page.layout.regions[1].lines[0].words[0];
    REQUIRE(berlin.box);
    CHECK(berlin.box->width == 100);
    CHECK(berlin.confidence == doctest::Approx(0.8));
    CHECK(page.layout.regions[1].lines[1].words[0].confidence == doctest::Approx(0.95));
    REQUIRE(page.layout.graphics.size() == 2);
    CHECK(page.layout.graphics[0].kind == Graphic::Kind::illustration);
    CHECK(page.layout.graphics[1].kind == Graphic::Kind::rule);
}
