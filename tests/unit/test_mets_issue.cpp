// Issue folders described by a METS file: metadata and pages from the METS, files checked
// (absent, wrong size or checksum, dangling FILEID) with the METS' path and line, and the
// source's own article structure kept (BnL block areas, BL structLink word ranges).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "import/mets_issue.hpp"
#include "io/file.hpp"
#include "paperbag/page_import.hpp"
#include "support/temp_dir.hpp"

using namespace paperbag;
namespace fs = std::filesystem;

namespace {

fs::path mets_alto(const std::string& issue) {
    return fs::path(PAPERBAG_SHARED_DIR) / "ocr-dev/mets-alto" / issue;
}

bool has(const Diagnostics& d, const std::string& code, const std::string& text) {
    for (const Diagnostic& x : d)
        if (x.code == code && x.format().find(text) != std::string::npos) return true;
    return false;
}

// A small METS in the BnL style: one page, its ALTO (tests/data/ocr), and one article whose
// heading and body areas name TextBlock and ComposedBlock IDs.
std::string small_mets(const std::string& alto_attrs, const std::string& extra_fptr = "") {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<mets xmlns="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3"
      xmlns:xlink="http://www.w3.org/1999/xlink" LABEL="Test Gazette 1911-03-16">
  <dmdSec ID="MODS_ISSUE"><mdWrap MDTYPE="MODS"><xmlData><mods:mods>
    <mods:titleInfo><mods:title>Test Gazette</mods:title></mods:titleInfo>
    <mods:originInfo><mods:dateIssued keyDate="yes">1911-03-16</mods:dateIssued><mods:edition>Late City</mods:edition></mods:originInfo>
    <mods:language><mods:languageTerm type="code" authority="iso639-2b">eng</mods:languageTerm></mods:language><mods:relatedItem type="host"><mods:identifier type="issn">1234-5679</mods:identifier></mods:relatedItem>
    <mods:part><mods:detail type="volume"><mods:number>7</mods:number></mods:detail><mods:detail type="issue"><mods:number>42</mods:number></mods:detail></mods:part>
  </mods:mods></xmlData></mdWrap></dmdSec>
  <dmdSec ID="MODS_ART1"><mdWrap MDTYPE="MODS"><xmlData><mods:mods>
    <mods:titleInfo><mods:title>Fire downtown</mods:title></mods:titleInfo>
  </mods:mods></xmlData></mdWrap></dmdSec>
  <fileSec>
    <fileGrp USE="Text">
      <file ID="ALTO1" MIMETYPE="text/xml" )" +
           alto_attrs + R"(>
        <FLocat LOCTYPE="URL" xlink:href="file://./text/p1.xml"/>
      </file>
    </fileGrp>
  </fileSec>
  <structMap TYPE="PHYSICAL">
    <div TYPE="Newspaper" DMDID="MODS_ISSUE">
      <div ID="PAGE1" TYPE="PAGE" ORDER="1" ORDERLABEL="1">
        <fptr><area FILEID="ALTO1" BETYPE="IDREF" BEGIN="P1"/></fptr>)" +
           extra_fptr + R"(
      </div>
    </div>
  </structMap>
  <structMap TYPE="LOGICAL">
    <div TYPE="ISSUE" DMDID="MODS_ISSUE">
      <div ID="ART1" TYPE="ARTICLE" DMDID="MODS_ART1">
        <div TYPE="HEADING"><fptr><area FILEID="ALTO1" BETYPE="IDREF" BEGIN="P1_TB00001"/></fptr></div>
        <div TYPE="BODY"><fptr><area FILEID="ALTO1" BETYPE="IDREF" BEGIN="P1_CB00001"/></fptr></div>
      </div>
    </div>
  </structMap>
</mets>
)";
}

void write(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

void small_issue(const test::TempDir& dir, const std::string& alto_attrs,
                 const std::string& extra_fptr = "") {
    fs::create_directories(dir / "text");
    fs::copy_file(fs::path(PAPERBAG_SOURCE_DIR) / "tests/data/ocr/alto1-nons-hyphen.xml",
                  dir / "text/p1.xml");
    write(dir / "issue-mets.xml", small_mets(alto_attrs, extra_fptr));
}

}  // namespace

TEST_CASE("mets issue: metadata, pages and files from a METS; its article structure kept") {
    test::TempDir dir;
    small_issue(dir, "SIZE=\"" +
                         std::to_string(fs::file_size(fs::path(PAPERBAG_SOURCE_DIR) /
                                                      "tests/data/ocr/alto1-nons-hyphen.xml")) +
                         "\"");
    REQUIRE(find_source_mets(dir.path()) == dir / "issue-mets.xml");
    Diagnostics d;
    auto issue = read_mets_issue(dir / "issue-mets.xml", {}, d);
    REQUIRE(issue);
    CHECK_FALSE(d.has_errors());
    CHECK(issue->title == "Test Gazette");
    CHECK(issue->date.to_string() == "1911-03-16");
    CHECK(issue->number == "42");
    CHECK(issue->volume == "7");
    CHECK(issue->edition == "Late City");  // MODS originInfo/edition
    REQUIRE(issue->identifier("issn"));
    CHECK(*issue->identifier("issn") == "1234-5679");  // of the host
    CHECK(issue->languages == std::vector<std::string>{"en"});
    REQUIRE(issue->pages.size() == 1);
    REQUIRE(issue->pages[0].file(FileRole::ocr));
    CHECK(issue->pages[0].file(FileRole::ocr)->href == "text/p1.xml");
    REQUIRE(issue->events.size() == 1);
    CHECK(issue->events[0].type == "migration");

    segment_issue(*issue, d);
    REQUIRE(issue->articles.size() == 1);
    const Article& a = issue->articles[0];
    CHECK(a.headline == "Fire downtown");  // the MODS title
    CHECK(a.body_text() == "The council met yesterday.\nSecond");
    CHECK(a.pages == std::vector<std::string>{"1"});
    CHECK(issue->pages[0].unit == "pixel");
    CHECK(issue->pages[0].graphics.size() == 2);
    REQUIRE(issue->pages[0].blocks.size() == 3);
    CHECK(issue->pages[0].blocks[0].kind == BlockKind::headline);
    CHECK(issue->pages[0].blocks[0].box.has_value());

    // --resegment: the structure is not taken from the METS.
    auto again = read_mets_issue(dir / "issue-mets.xml", {false, true}, d);
    REQUIRE(again);
    segment_issue(*again, d, true);
    CHECK(again->pages[0].blocks.size() == 3);
}

TEST_CASE("mets issue: absent files, wrong checksums and dangling FILEIDs name the METS line") {
    test::TempDir dir;
    small_issue(dir, "CHECKSUMTYPE=\"MD5\" CHECKSUM=\"00000000000000000000000000000000\"",
                "\n        <fptr FILEID=\"NOPE\"/>");
    Diagnostics d;
    CHECK_FALSE(read_mets_issue(dir / "issue-mets.xml", {}, d));
    CHECK(
        has(d, "PB-SOURCE-CHECKSUM", "issue-mets.xml:15: error: file 'ALTO1' (text/p1.xml): MD5"));
    CHECK(has(d, "PB-SOURCE-REF", "issue-mets.xml:24: error: FILEID 'NOPE' names no file"));

    test::TempDir missing;
    write(missing / "mets.xml", small_mets(""));
    Diagnostics m;
    CHECK_FALSE(read_mets_issue(missing / "mets.xml", {}, m));
    CHECK(has(m, "PB-SOURCE-MISSING",
              "mets.xml:15: error: file 'ALTO1' (text/p1.xml) is listed in the METS but absent"));
    // --missing=warn: packaged without it, the absence recorded.
    Diagnostics w;
    const auto issue = read_mets_issue(missing / "mets.xml", {true, false}, w);
    REQUIRE(issue);
    CHECK(has(w, "PB-SOURCE-MISSING", "warning"));
    REQUIRE(issue->events.size() == 1);
    CHECK(issue->events[0].outcome == "warning");
    CHECK(issue->events[0].detail.find("absent files") != std::string::npos);
    CHECK(issue->events[0].detail.find("text/p1.xml") != std::string::npos);
}

TEST_CASE("mets issue: the three ocr-dev issues (BnL blocks, BL structLink word ranges)") {
    if (!fs::exists(mets_alto(""))) {
        MESSAGE("skipped: ../shared/ocr-dev is not beside the repository");
        return;
    }
    struct Case {
        const char* folder;
        const char* title;
        const char* date;
        std::size_t pages;
        std::size_t articles;
    };
    for (const Case& c :
         {Case{"bnl_luxemburger-zeitung_1858-07-10", "Luxemburger Zeitung – Journal de Luxembourg",
               "1858-07-10", 4, 17},
          Case{"bl_the-statesman_1824-02-17", "The Statesman.", "1824-02-17", 4, 26},
          Case{"bl_south-staffordshire-examiner_1874-05-02", "", "1874-05-02", 8, 60}}) {
        CAPTURE(std::string(c.folder));
        const auto mets = find_source_mets(mets_alto(c.folder));
        REQUIRE(mets);
        // The images are not in ocr-dev: without --missing=warn that fails, naming each one.
        Diagnostics strict;
        CHECK_FALSE(read_mets_issue(*mets, {}, strict));
        CHECK(has(strict, "PB-SOURCE-MISSING", "is listed in the METS but absent"));
        Diagnostics d;
        auto issue = read_mets_issue(*mets, {true, false}, d);
        REQUIRE(issue);
        if (*c.title) CHECK(issue->title == c.title);
        CHECK(issue->date.to_string() == c.date);
        CHECK(issue->pages.size() == c.pages);
        for (const Page& p : issue->pages) CHECK(p.file(FileRole::ocr) != nullptr);
        segment_issue(*issue, d);
        CHECK(issue->articles.size() == c.articles);
        for (const Article& a : issue->articles) {
            CHECK_FALSE(a.body.empty());
            CHECK_FALSE(a.pages.empty());
        }
        MESSAGE(std::string(c.folder) << ": " << issue->articles.size() << " articles");
    }
}

TEST_CASE("mets issue: hostile source METS give findings with file and line, never a crash") {
    const auto read = [](const std::string& mets, Diagnostics& d, bool warn = false) {
        test::TempDir dir;
        fs::create_directories(dir / "text");
        fs::copy_file(fs::path(PAPERBAG_SOURCE_DIR) / "tests/data/ocr/alto1-nons-hyphen.xml",
                      dir / "text/p1.xml");
        write(dir / "mets.xml", mets);
        MetsIssueOptions options;
        options.missing_warn = warn;
        return read_mets_issue(dir / "mets.xml", options, d).has_value();
    };
    const std::string good = small_mets("");
    const auto with = [&](const std::string& from, const std::string& to) {
        std::string out = good;
        const auto at = out.find(from);
        REQUIRE(at != std::string::npos);
        return out.replace(at, from.size(), to);
    };
    SUBCASE("a DOCTYPE with entities is refused, never expanded") {
        Diagnostics d;
        CHECK_FALSE(read(with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                              "<?xml version=\"1.0\"?><!DOCTYPE mets [<!ENTITY x SYSTEM "
                              "\"file:///etc/passwd\">]>"),
                         d));
        CHECK(d.has_errors());
        for (const Diagnostic& x : d) CHECK(x.message.find("root:") == std::string::npos);
    }
    SUBCASE("FLocats outside the folder, absolute or remote are refused, nothing fetched") {
        for (const char* href : {"../outside.xml", "/etc/passwd", "http://example.org/p1.xml",
                                 "file:///etc/passwd", "text/../../p1.xml"}) {
            CAPTURE(href);
            Diagnostics d;
            CHECK_FALSE(read(with("file://./text/p1.xml", href), d, true));
            CHECK(has(d, "PB-SOURCE-REF", "mets.xml:15: error: file 'ALTO1'"));
        }
    }
    SUBCASE("a file ID that repeats, a huge ORDER, a date that is not one") {
        Diagnostics ids;
        const std::string twice =
            with("</fileGrp>",
                 "<file ID=\"ALTO1\" MIMETYPE=\"text/xml\"><FLocat LOCTYPE=\"URL\" "
                 "xlink:href=\"text/p1.xml\"/></file></fileGrp>");
        (void)read(twice, ids);  // read or refused, but named and no crash
        Diagnostics order;
        CHECK(read(with("ORDER=\"1\"", "ORDER=\"99999999999999999999999\""), order));
        Diagnostics date;
        CHECK_FALSE(
            read(with("1911-03-16</mods:dateIssued>", "16.3.1911</mods:dateIssued>"), date));
        CHECK(has(date, "PB-SOURCE-METS", "is not a date"));
    }
    SUBCASE("an undefined namespace prefix is an error and no issue (a fuzzing find)") {
        // libxml2 reports the prefix and parses on; an issue was returned beside the error.
        Diagnostics d;
        CHECK_FALSE(read(
            with("xlink:href=\"file://./text/p1.xml\"", "xlinkx:href=\"file://./text/p1.xml\""), d,
            true));
        CHECK(has(d, "PB-XML-SYNTAX", "Namespace prefix xlinkx"));
    }
    SUBCASE("deep nesting is refused by the parser's limit with the file named") {
        std::string deep;
        for (int i = 0; i < 5000; ++i) deep += "<div TYPE=\"x\">";
        for (int i = 0; i < 5000; ++i) deep += "</div>";
        Diagnostics d;
        CHECK_FALSE(read(with("<structMap TYPE=\"LOGICAL\">", "<structMap TYPE=\"X\">" + deep +
                                                                  "</structMap><structMap "
                                                                  "TYPE=\"LOGICAL\">"),
                         d));
        REQUIRE(d.has_errors());
        CHECK(d.items().front().path.find("mets.xml") != std::string::npos);
    }
}
