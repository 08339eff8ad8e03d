#include "paperbag/manifest.hpp"

#include <doctest/doctest.h>

#include "support/temp_dir.hpp"

using namespace paperbag;
using paperbag::test::TempDir;

namespace {

// A valid manifest; line numbers matter to the tests below, so keep one element per line.
const char* const valid_manifest = R"(<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>江河日报</title>
  <identifier type="issn">2049-3630</identifier>
  <identifier type="local">jh-2024-03-18</identifier>
  <publisher>江河日报社</publisher>
  <place>江州</place>
  <language>zh-Hans</language>
  <date>2024-03-18</date>
  <volume>38</volume>
  <number>10521</number>
  <pages>
    <page sequence="2" label="2" section="综合">
      <file role="text" href="page-02.txt"/>
    </page>
    <page sequence="1" label="1" section="要闻">
      <file role="text" href="page-01.txt" encoding="GB18030"/>
      <file role="image" href="img/page-01.jpg"/>
    </page>
  </pages>
</issue>
)";

struct Fixture {
    TempDir dir;
    Fixture() {
        dir.write("page-01.txt", "text");
        dir.write("page-02.txt", "text");
        dir.write("img/page-01.jpg", "jpeg");
    }
    std::optional<Issue> read(const std::string& manifest, Diagnostics& out) {
        dir.write("issue.xml", manifest);
        return read_manifest(dir.path(), out);
    }
    std::string path() const { return (dir / "issue.xml").string(); }
};

std::string replace(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("A valid manifest becomes an issue with pages in sequence order") {
    Fixture f;
    Diagnostics out;
    const auto issue = f.read(valid_manifest, out);
    REQUIRE(issue);
    CHECK(out.empty());
    CHECK(issue->title == "江河日报");
    CHECK(issue->identifiers ==
          std::vector<Identifier>{{"issn", "2049-3630"}, {"local", "jh-2024-03-18"}});
    CHECK(issue->publisher == "江河日报社");
    CHECK(issue->place == "江州");
    CHECK(issue->languages == std::vector<std::string>{"zh-Hans"});
    CHECK(issue->date == Date{2024, 3, 18});
    CHECK(issue->volume == "38");
    CHECK(issue->number == "10521");
    CHECK(issue->edition.empty());
    REQUIRE(issue->pages.size() == 2);
    CHECK(issue->pages[0].sequence == 1);
    CHECK(issue->pages[0].label == "1");
    CHECK(issue->pages[0].section == "要闻");
    REQUIRE(issue->pages[0].files.size() == 2);
    CHECK(issue->pages[0].files[0].encoding == "GB18030");
    CHECK(issue->pages[0].files[0].mime_type == "text/plain");
    CHECK(issue->pages[0].files[1].role == FileRole::image);
    CHECK(issue->pages[0].files[1].mime_type == "image/jpeg");
    CHECK(issue->pages[0].files[1].path ==
          std::filesystem::weakly_canonical(f.dir / "img/page-01.jpg"));
    CHECK(issue->pages[1].label == "2");
}

TEST_CASE("Malformed XML is reported at its line") {
    Fixture f;
    Diagnostics out;
    CHECK_FALSE(f.read(replace(valid_manifest, "</volume>", "</volme>"), out));
    REQUIRE(out.has_errors());
    const Diagnostic& d = out.items().front();
    CHECK(d.code == "PB-MANIFEST-SYNTAX");
    CHECK(d.path == f.path());
    CHECK(d.line == 10);
    CHECK(d.column > 0);
    CHECK(d.message.find("volume") != std::string::npos);
}

TEST_CASE("A schema violation names the line of the element") {
    Fixture f;
    Diagnostics out;
    CHECK_FALSE(f.read(replace(valid_manifest, R"(role="image")", R"(role="picture")"), out));
    REQUIRE(out.has_errors());
    const Diagnostic& d = out.items().front();
    CHECK(d.code == "PB-MANIFEST-SCHEMA");
    CHECK(d.line == 18);
    CHECK(d.message.find("picture") != std::string::npos);
}

TEST_CASE("Every schema violation is reported, not only the first") {
    Fixture f;
    Diagnostics out;
    std::string manifest = replace(valid_manifest, R"(role="image")", R"(role="picture")");
    manifest = replace(manifest, R"(sequence="2")", R"(sequence="zwei")");
    CHECK_FALSE(f.read(manifest, out));
    CHECK(out.count(Severity::error) >= 2);
}

TEST_CASE("Duplicate page labels are a schema violation") {
    Fixture f;
    Diagnostics out;
    CHECK_FALSE(f.read(replace(valid_manifest, R"(label="2")", R"(label="1")"), out));
    REQUIRE(out.has_errors());
    CHECK(out.items().front().message ==
          "<page> repeats label '1', which must be unique in the issue.");
}

// Schema errors in plain words: one sentence naming the element as the manifest writes it,
// with the line; never libxml2's {namespace}name or "No precomputed value available".
TEST_CASE("Manifest schema errors are translated into one plain sentence") {
    struct Case {
        const char* from;
        const char* to;
        std::uint64_t line;
        const char* message;
    };
    const Case cases[] = {
        // misordered: date before language
        {"  <language>zh-Hans</language>\n  <date>2024-03-18</date>",
         "  <date>2024-03-18</date>\n  <language>zh-Hans</language>", 8,
         "<date> is not expected here (misplaced, misspelt or not part of the manifest); expected "
         "here: <language>."},
        // unknown element
        {"<volume>38</volume>", "<volumen>38</volumen>", 10,
         "<volumen> is not expected here (misplaced, misspelt or not part of the manifest); "
         "expected here: <volume>, <number>, <edition> or <pages>."},
        // missing element
        {"  <date>2024-03-18</date>\n", "", 9,
         "<volume> is not expected here (misplaced, misspelt or not part of the manifest); "
         "expected here: <language> or <date>."},
        // bad value
        {"<date>2024-03-18</date>", "<date>18.3.2024</date>", 9,
         "<date> is '18.3.2024', which is not a date (YYYY-MM-DD)."},
        // bad attribute value
        {R"(role="image")", R"(role="picture")", 18,
         "attribute role of <file> is 'picture'; allowed: text, ocr, image, pdf."},
        // missing attribute
        {R"(<issue xmlns="urn:x-paperbag:issue:1" version="1.0">)",
         R"(<issue xmlns="urn:x-paperbag:issue:1">)", 2,
         "<issue> lacks the required attribute version."},
    };
    for (const Case& c : cases) {
        CAPTURE(c.to);
        Fixture f;
        Diagnostics out;
        CHECK_FALSE(f.read(replace(valid_manifest, c.from, c.to), out));
        REQUIRE(out.has_errors());
        const Diagnostic& d = out.items().front();
        CHECK(d.code == "PB-MANIFEST-SCHEMA");
        CHECK(d.line == c.line);
        CHECK(d.message == c.message);
    }
}

TEST_CASE("A value of 50 KB in a manifest gives a short finding, not a stack overflow") {
    // libxml2 quotes the value in its message (up to 64,000 bytes, then it cuts the message at
    // 150); the message is matched with std::regex, which recursed once per character of it
    // (a fuzzing crash).
    const std::string value = "2024-03-18" + std::string(50000, '9');
    Fixture f;
    Diagnostics out;
    CHECK_FALSE(f.read(
        replace(valid_manifest, "<date>2024-03-18</date>", "<date>" + value + "</date>"), out));
    REQUIRE(out.has_errors());
    const Diagnostic& d = out.items().front();
    CAPTURE(d.message);
    CHECK(d.code == "PB-MANIFEST-SCHEMA");
    CHECK(d.message.find("<date> is '2024-03-18999") == 0);
    CHECK(d.message.find("...', which is not a date (YYYY-MM-DD).") != std::string::npos);
    CHECK(d.message.size() < 200);
}

TEST_CASE("A prefixed manifest's errors name elements with the prefix as written") {
    Fixture f;
    Diagnostics out;
    const char* const manifest = R"(<?xml version="1.0" encoding="UTF-8"?>
<pb:issue xmlns:pb="urn:x-paperbag:issue:1" version="1.0">
  <pb:title>The Test Gazette</pb:title>
  <pb:language>en</pb:language>
  <pb:date>2024-03-18</pb:date>
  <pb:volumen>38</pb:volumen>
  <pb:pages>
    <pb:page sequence="1" label="1"><pb:file role="text" href="page-01.txt"/></pb:page>
  </pb:pages>
</pb:issue>
)";
    CHECK_FALSE(f.read(manifest, out));
    REQUIRE(out.has_errors());
    const Diagnostic& d = out.items().front();
    CHECK(d.line == 6);
    CHECK(d.message.find("<pb:volumen> is not expected here") == 0);
    CHECK(d.message.find("<pb:volume>, <pb:number>") != std::string::npos);
    CHECK(d.message.find("{urn:") == std::string::npos);
}

TEST_CASE("An invalid unique value is one finding, not libxml2's 'No precomputed value'") {
    Fixture f;
    Diagnostics out;
    CHECK_FALSE(f.read(replace(valid_manifest, R"(sequence="2")", R"(sequence="zwei")"), out));
    REQUIRE(out.has_errors());
    for (const Diagnostic& d : out) CHECK(d.message.find("precomputed") == std::string::npos);
    CHECK(out.items().front().message ==
          "attribute sequence of <page> is 'zwei', which is not a whole number from 1.");
}

TEST_CASE("A date that is not a real date is refused at its line") {
    Fixture f;
    Diagnostics out;
    CHECK_FALSE(f.read(replace(valid_manifest, "2024-03-18</date>", "2023-02-29</date>"), out));
    REQUIRE(out.has_errors());
    const Diagnostic& d = out.items().front();
    CHECK(d.line == 9);
    CHECK(d.message.find("2023-02-29") != std::string::npos);
}

TEST_CASE("A missing page file is reported at its line") {
    Fixture f;
    std::filesystem::remove(f.dir / "page-02.txt");
    Diagnostics out;
    CHECK_FALSE(f.read(valid_manifest, out));
    REQUIRE(out.size() == 1);
    CHECK(out.items()[0].format() ==
          f.path() + ":14: error: page file 'page-02.txt' does not exist [PB-MANIFEST-FILE]");
}

TEST_CASE("Paths that leave the issue folder are refused") {
    Fixture f;
    Diagnostics out;
    CHECK_FALSE(f.read(replace(valid_manifest, "img/page-01.jpg", "img/../../secret.jpg"), out));
    REQUIRE(out.size() == 1);
    CHECK(out.items()[0].format() ==
          f.path() +
              ":18: error: page file 'img/../../secret.jpg' leaves the issue folder ('..' "
              "segment) [PB-MANIFEST-PATH]");

    Diagnostics absolute;
    CHECK_FALSE(f.read(replace(valid_manifest, "img/page-01.jpg", "/etc/passwd"), absolute));
    REQUIRE(absolute.has_errors());
    CHECK(absolute.items()[0].line == 18);
}

TEST_CASE("A symbolic link that points outside the issue folder is refused") {
    Fixture f;
    TempDir outside;
    outside.write("secret.jpg", "x");
    std::filesystem::create_symlink(outside / "secret.jpg", f.dir / "img/link.jpg");
    Diagnostics out;
    CHECK_FALSE(f.read(replace(valid_manifest, "img/page-01.jpg", "img/link.jpg"), out));
    REQUIRE(out.size() == 1);
    CHECK(out.items()[0].code == "PB-MANIFEST-PATH");
    CHECK(out.items()[0].line == 18);
}

TEST_CASE("Hostile manifests: DTDs and entities are refused, never expanded") {
    Fixture f;
    Diagnostics out;
    const std::string xxe = R"(<?xml version="1.0"?>
<!DOCTYPE issue [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0"><title>&x;</title></issue>
)";
    CHECK_FALSE(f.read(xxe, out));
    REQUIRE(out.has_errors());
    CHECK(out.items().back().code == "PB-XML-DTD");
    CHECK(out.items().back().line == 2);

    Diagnostics bomb;
    std::string laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE issue [\n<!ENTITY a0 \"lol\">\n";
    for (int i = 1; i < 10; ++i)
        laughs += "<!ENTITY a" + std::to_string(i) + " \"&a" + std::to_string(i - 1) + ";&a" +
                  std::to_string(i - 1) + ";&a" + std::to_string(i - 1) + ";&a" +
                  std::to_string(i - 1) + ";&a" + std::to_string(i - 1) + ";&a" +
                  std::to_string(i - 1) + ";&a" + std::to_string(i - 1) + ";&a" +
                  std::to_string(i - 1) + ";&a" + std::to_string(i - 1) + ";&a" +
                  std::to_string(i - 1) + ";\">\n";
    laughs += "]>\n<issue xmlns=\"urn:x-paperbag:issue:1\">&a9;</issue>\n";
    CHECK_FALSE(f.read(laughs, bomb));
    CHECK(bomb.has_errors());
}

TEST_CASE("Empty, binary and wrong-root manifests are clear errors") {
    Fixture f;
    Diagnostics empty;
    CHECK_FALSE(f.read("", empty));
    REQUIRE(empty.has_errors());
    CHECK(empty.items()[0].message.find("empty") != std::string::npos);

    Diagnostics binary;
    CHECK_FALSE(f.read(std::string("\x00\xff\xfe garbage", 12), binary));
    CHECK(binary.has_errors());

    Diagnostics other;
    CHECK_FALSE(f.read("<mets xmlns=\"http://www.loc.gov/METS/\"/>", other));
    REQUIRE(other.size() == 1);
    CHECK(other.items()[0].message.find("not an issue manifest") != std::string::npos);
}

TEST_CASE("A missing manifest is an I/O error naming the file") {
    TempDir dir;
    Diagnostics out;
    CHECK_FALSE(read_manifest(dir.path(), out));
    REQUIRE(out.size() == 1);
    CHECK(out.items()[0].code == "PB-IO");
    CHECK(out.items()[0].path == (dir / "issue.xml").string());
}

TEST_CASE("An issue-level PDF gives every page its page of the PDF") {
    Fixture f;
    const std::filesystem::path pdf = std::filesystem::path(PAPERBAG_TEST_PDF_DIR) / "issue.pdf";
    REQUIRE(std::filesystem::exists(pdf));  // typeset by the build (3 pages)
    std::filesystem::copy_file(pdf, f.dir / "issue.pdf");
    const std::string head = R"(<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>T</title>
  <language>en</language>
  <date>2024-03-18</date>
  <pages>
    <file role="pdf" href="issue.pdf"/>
)";
    SUBCASE("without page elements, the PDF's pages are the issue's") {
        Diagnostics out;
        const auto issue = f.read(head + "  </pages>\n</issue>\n", out);
        REQUIRE(issue);
        REQUIRE(issue->pages.size() == 3);
        for (int k = 0; k < 3; ++k) {
            const Page& page = issue->pages[static_cast<std::size_t>(k)];
            CHECK(page.sequence == k + 1);
            CHECK(page.label == std::to_string(k + 1));
            REQUIRE(page.file(FileRole::pdf) != nullptr);
            CHECK(page.file(FileRole::pdf)->href == "issue.pdf");
            CHECK(page.file(FileRole::pdf)->pdf_page == k + 1);
        }
    }
    SUBCASE("page elements by sequence, with or without files of their own") {
        Diagnostics out;
        const auto issue = f.read(head + R"(    <page sequence="3" label="C"/>
    <page sequence="1" label="A"><file role="image" href="img/page-01.jpg"/></page>
    <page sequence="2" label="B"/>
  </pages>
</issue>
)",
                                  out);
        REQUIRE(issue);
        REQUIRE(issue->pages.size() == 3);
        CHECK(issue->pages[0].label == "A");
        CHECK(issue->pages[0].files.size() == 2);
        CHECK(issue->pages[0].file(FileRole::pdf)->pdf_page == 1);
        CHECK(issue->pages[2].label == "C");
        CHECK(issue->pages[2].file(FileRole::pdf)->pdf_page == 3);
    }
    SUBCASE("a page count that differs is an error at the PDF's line") {
        Diagnostics out;
        CHECK_FALSE(f.read(head + R"(    <page sequence="1" label="1"/>
  </pages>
</issue>
)",
                           out));
        REQUIRE(out.has_errors());
        CHECK(out.items().front().code == "PB-PDF-PAGES");
        CHECK(out.items().front().line == 7);
    }
    SUBCASE("the issue PDF is a PDF file; no other role is allowed there") {
        Diagnostics out;
        CHECK_FALSE(f.read(
            replace(head, R"(role="pdf")", R"(role="image")") + "  </pages>\n</issue>\n", out));
        REQUIRE(out.has_errors());
        CHECK(out.items().front().code == "PB-MANIFEST-SCHEMA");
    }
}

TEST_CASE("Without an issue PDF, a page needs a file of its own") {
    Fixture f;
    Diagnostics out;
    CHECK_FALSE(
        f.read(replace(valid_manifest, R"(<file role="text" href="page-02.txt"/>)", ""), out));
    REQUIRE(out.has_errors());
    CHECK(out.items().front().code == "PB-MANIFEST-FILE");
    CHECK(out.items().front().line == 13);
}
