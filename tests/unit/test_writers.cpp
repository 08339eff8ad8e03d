// The XML writers on hand-built sample issues: official and profile schemas, determinism,
// referential integrity (ids, files, byte ranges) and hostile model content.
#include <doctest/doctest.h>

#include <cstdlib>
#include <map>
#include <regex>
#include <set>

#include "core/digest.hpp"
#include "import/mets_reader.hpp"
#include "io/output_tree.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/model.hpp"
#include "paperbag/writers.hpp"
#include "support/sample_issue.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_walk.hpp"
#include "validate/xsd_schema.hpp"

namespace paperbag {

namespace {

using Files = std::map<std::string, std::string>;

const FixedClock clock_2024(1710720000);  // 2024-03-18T00:00:00Z

WriteOptions options_for(const Issue& issue, const Clock& clock = clock_2024) {
    WriteOptions options;
    options.clock = &clock;
    options.tool_version = "0.1.0";
    options.payload = payload_from_pages(issue);
    return options;
}

Files write(const Issue& issue, Diagnostics* warnings = nullptr) {
    return write_issue_to_memory(issue, options_for(issue), warnings);
}

// Validates every written file against the matching built-in profile schema.
void check_profile(const Files& files) {
    static const XsdSchema mets = XsdSchema::builtin("paperbag-mets.xsd");
    static const XsdSchema alto = XsdSchema::builtin("paperbag-alto.xsd");
    static const XsdSchema newsml = XsdSchema::builtin("paperbag-newsml.xsd");
    for (const auto& entry : files) {
        // Named, not structured bindings: clang 14 does not capture those.
        const auto& path = entry.first;
        const auto& bytes = entry.second;
        const XsdSchema& schema = path == "mets.xml"          ? mets
                                  : path.starts_with("alto/") ? alto
                                                              : newsml;
        XmlDocPtr doc = test::parse_or_throw(bytes, path);
        Diagnostics problems;
        const bool valid = schema.validate(doc.get(), path, problems);
        INFO(path << ": " << (problems.empty() ? "" : problems.items()[0].format()));
        CHECK(valid);
    }
}

// Runs ../shared/tools/check-conformance on a folder; false with a message when it cannot.
bool conformance_available() {
    const std::string shared = PAPERBAG_SHARED_DIR;
    if (!std::filesystem::exists(shared + "/schemas/catalog.xml") ||
        !std::filesystem::exists(shared + "/tools/check-conformance")) {
        MESSAGE("skipped: " << shared << "/schemas or tools/check-conformance is not there");
        return false;
    }
    if (std::system("command -v xmllint >/dev/null && command -v java >/dev/null") != 0) {
        MESSAGE("skipped: xmllint or java is not installed");
        return false;
    }
    return true;
}

int check_conformance(const std::filesystem::path& folder) {
    const std::string command = std::string(PAPERBAG_SHARED_DIR) + "/tools/check-conformance '" +
                                folder.string() + "' > '" + (folder / "conformance.log").string() +
                                "' 2>&1";
    const int rc = std::system(command.c_str());
    if (rc != 0) MESSAGE(test::read_all(folder / "conformance.log"));
    return rc;
}

void write_folder(const Files& files, const std::filesystem::path& root) {
    FolderTree tree(root);
    for (const auto& [path, bytes] : files) tree.put(path, bytes);
}

std::vector<Issue> samples() {
    return {test::sample_issue_zh(), test::sample_issue_en()};
}

}  // namespace

TEST_CASE("writers: the sample issues pass the official schemas (check-conformance)") {
    if (!conformance_available()) return;
    test::TempDir dir;
    int n = 0;
    for (const Issue& issue : samples()) write_folder(write(issue), dir / std::to_string(++n));
    CHECK(check_conformance(dir.path()) == 0);
}

TEST_CASE("writers: the sample issues pass the built-in profile schemas") {
    for (const Issue& issue : samples()) check_profile(write(issue));
}

TEST_CASE("writers: the file set of an issue") {
    const Files files = write(test::sample_issue_zh());
    std::vector<std::string> names;
    for (const auto& entry : files) names.push_back(entry.first);
    CHECK(names ==
          std::vector<std::string>{"alto/0001.xml", "alto/0002.xml", "mets.xml",
                                   "newsml/art-001.xml", "newsml/art-002.xml", "newsml/art-003.xml",
                                   "newsml/art-004.xml", "newsml/art-005.xml", "newsml/art-006.xml",
                                   "newsml/art-007.xml", "newsml/art-008.xml", "newsml/ill-001.xml",
                                   "newsml/ill-002.xml", "newsml/package.xml"});
}

TEST_CASE("writers: same model and clock give identical bytes; the clock is the only time") {
    const Issue issue = test::sample_issue_zh();
    const Files first = write(issue);
    const Files second = write(issue);
    CHECK(first == second);
    const FixedClock later(1710806400);  // one day later
    const Files third = write_issue_to_memory(issue, options_for(issue, later));
    CHECK(third.at("mets.xml") != first.at("mets.xml"));
    CHECK(third.at("mets.xml").find("2024-03-19T00:00:00Z") != std::string::npos);
    CHECK(first.at("mets.xml").find("2024-03-19T00:00:00Z") == std::string::npos);
    // Folder output is the same bytes.
    test::TempDir dir;
    write_issue_to_folder(issue, dir.path(), options_for(issue));
    for (const auto& [path, bytes] : first) CHECK(test::read_all(dir / path) == bytes);
}

TEST_CASE("writers: SOURCE_DATE_EPOCH makes two runs byte-identical") {
    const Issue issue = test::sample_issue_en();
    ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
    const auto run = [&] {
        const std::unique_ptr<Clock> clock = clock_from_environment();
        return write_issue_to_memory(issue, options_for(issue, *clock));
    };
    const Files first = run();
    const Files second = run();
    ::unsetenv("SOURCE_DATE_EPOCH");
    CHECK(first == second);
    CHECK(first.at("mets.xml").find(R"(CREATEDATE="2023-11-14T22:13:20Z")") != std::string::npos);
}

TEST_CASE("writers: every METS reference resolves and sizes and checksums match") {
    for (const Issue& issue : samples()) {
        const Files files = write(issue);
        XmlDocPtr mets = test::parse_or_throw(files.at("mets.xml"), "mets.xml");
        std::set<std::string> ids;
        std::map<std::string, xmlNode*> file_by_id;
        test::walk(mets.get(), [&](xmlNode* node) {
            const std::string id = test::attr(node, "ID");
            if (id.empty()) return;
            CHECK_MESSAGE(ids.insert(id).second, "duplicate ID " << id);
            if (test::name_of(node) == "file") file_by_id[id] = node;
        });
        std::set<std::string> referenced_files;
        test::walk(mets.get(), [&](xmlNode* node) {
            for (const char* name : {"FILEID", "DMDID", "ADMID"}) {
                std::string value = test::attr(node, name);
                std::size_t start = 0;
                while (start < value.size()) {
                    const std::size_t end = std::min(value.find(' ', start), value.size());
                    const std::string id = value.substr(start, end - start);
                    CHECK_MESSAGE(ids.count(id), name << "=" << id << " does not resolve");
                    if (std::string(name) == "FILEID") referenced_files.insert(id);
                    start = end + 1;
                }
            }
        });
        // Every file is in a structMap; FLocat, SIZE and CHECKSUM describe the real bytes.
        const std::vector<PayloadFile> payload = payload_from_pages(issue);
        for (const auto& entry : file_by_id) {
            // Named, not structured bindings: clang 14 does not capture those.
            const auto& id = entry.first;
            const auto& node = entry.second;
            CHECK_MESSAGE(referenced_files.count(id), id << " is in no structMap");
            std::string href;
            for (xmlNode* child = node->children; child; child = child->next)
                if (child->type == XML_ELEMENT_NODE)
                    href = test::attr(child, "href", "http://www.w3.org/1999/xlink");
            std::string size;
            std::string sha;
            if (files.count(href)) {
                size = std::to_string(files.at(href).size());
                sha = digest_hex(DigestAlgorithm::sha256, files.at(href));
            }
            for (const PayloadFile& file : payload)
                if (file.path == href) size = std::to_string(file.size), sha = file.sha256;
            CHECK_MESSAGE(!size.empty(), href << " is neither written nor payload");
            CHECK(test::attr(node, "SIZE") == size);
            CHECK(test::attr(node, "CHECKSUM") == sha);
        }
    }
}

TEST_CASE("writers: areas point at ALTO blocks and at the right bytes of the page text") {
    const Issue issue = test::sample_issue_zh();
    const Files files = write(issue);
    XmlDocPtr mets = test::parse_or_throw(files.at("mets.xml"), "mets.xml");
    std::map<std::string, std::string> href_by_id;
    test::walk(mets.get(), [&](xmlNode* node) {
        if (test::name_of(node) != "FLocat") return;
        href_by_id[test::attr(node->parent, "ID")] =
            test::attr(node, "href", "http://www.w3.org/1999/xlink");
    });
    std::map<std::string, std::set<std::string>> alto_ids;
    for (const auto& entry : files) {
        // Named, not structured bindings: clang 14 does not capture those.
        const auto& path = entry.first;
        const auto& bytes = entry.second;
        if (!path.starts_with("alto/")) continue;
        XmlDocPtr alto = test::parse_or_throw(bytes, path);
        test::walk(alto.get(),
                   [&](xmlNode* node) { alto_ids[path].insert(test::attr(node, "ID")); });
    }
    const std::string page1 = test::read_all(std::string(PAPERBAG_SOURCE_DIR) +
                                             "/samples/jianghe-daily-2024-03-18/page-01.txt");
    const std::string page2 = test::read_all(std::string(PAPERBAG_SOURCE_DIR) +
                                             "/samples/jianghe-daily-2024-03-18/page-02.txt");
    std::size_t idref_areas = 0;
    std::size_t byte_areas = 0;
    std::string article1_bytes;
    test::walk(mets.get(), [&](xmlNode* node) {
        if (test::name_of(node) != "area") return;
        const std::string href = href_by_id.at(test::attr(node, "FILEID"));
        if (test::attr(node, "BETYPE") == "IDREF") {
            ++idref_areas;
            CHECK_MESSAGE(alto_ids[href].count(test::attr(node, "BEGIN")),
                          test::attr(node, "BEGIN") << " is not an ID in " << href);
            return;
        }
        ++byte_areas;
        const std::string& text = href == "text/page-01.txt" ? page1 : page2;
        const std::uint64_t begin = std::stoull(test::attr(node, "BEGIN"));
        const std::uint64_t extent = std::stoull(test::attr(node, "EXTENT"));
        REQUIRE(begin + extent <= text.size());
        // The ALTO block in parallel must be the block with exactly this range.
        const std::string block_id = test::attr(node->parent->children->next, "BEGIN");
        xmlNode* first_area = node->parent->children;
        while (first_area && first_area->type != XML_ELEMENT_NODE) first_area = first_area->next;
        const Block* block = issue.block(test::attr(first_area, "BEGIN"));
        REQUIRE(block);
        CHECK(block->source.front() == ByteRange{begin, extent});
        // Find the enclosing article div.
        for (xmlNode* up = node->parent; up; up = up->parent)
            if (test::attr(up, "ID") == "LOG_art-001") article1_bytes += text.substr(begin, extent);
    });
    std::size_t blocks = 0;
    for (const Article& article : issue.articles) blocks += article.block_ids.size();
    for (const Illustration& illustration : issue.illustrations)
        blocks += illustration.block_ids.size();
    CHECK(idref_areas == blocks);
    CHECK(byte_areas == idref_areas);
    // The article continued from page 1 to page 2 has one div holding text of both pages.
    CHECK(article1_bytes.find("本报记者 周晓岚") != std::string::npos);
    CHECK(article1_bytes.find("老房焕新颜 街巷添温度") != std::string::npos);
    CHECK(article1_bytes.find("（上接1版）") != std::string::npos);
    CHECK(article1_bytes.find("坚持连片提升") != std::string::npos);
}

TEST_CASE(
    "writers: every article once in the logical structMap, once as newsItem, once in the package") {
    for (const Issue& issue : samples()) {
        const Files files = write(issue);
        XmlDocPtr mets = test::parse_or_throw(files.at("mets.xml"), "mets.xml");
        std::map<std::string, int> divs;
        test::walk(mets.get(), [&](xmlNode* node) {
            if (test::name_of(node) == "div" && test::attr(node, "TYPE") == "article")
                ++divs[test::attr(node, "DMDID")];
        });
        XmlDocPtr package = test::parse_or_throw(files.at("newsml/package.xml"), "package");
        std::vector<std::string> refs;
        test::walk(package.get(), [&](xmlNode* node) {
            if (test::name_of(node) == "itemRef") refs.push_back(test::attr(node, "residref"));
        });
        std::set<std::string> guids;
        for (const auto& [path, bytes] : files) {
            if (!path.starts_with("newsml/") || path == "newsml/package.xml") continue;
            XmlDocPtr item = test::parse_or_throw(bytes, path);
            guids.insert(test::attr(xmlDocGetRootElement(item.get()), "guid"));
        }
        CHECK(refs.size() == issue.articles.size() + issue.illustrations.size());
        CHECK(std::set<std::string>(refs.begin(), refs.end()) == guids);
        for (const Article& article : issue.articles) {
            CHECK(divs["DMD_" + article.id] == 1);
            CHECK(guids.count("urn:newsml:paperbag:" + issue_key(issue) + ":" + article.id));
        }
        CHECK(divs.size() == issue.articles.size());
    }
}

TEST_CASE("writers: newsItem content of an article with kicker, dateline and intertitles") {
    const Files files = write(test::sample_issue_zh());
    const std::string& a5 = files.at("newsml/art-005.xml");
    CHECK(a5.find(R"(<headline role="pbhl:kicker">抢抓农时保春灌</headline>)") !=
          std::string::npos);
    CHECK(a5.find("<dateline>新华社北京3月17日电</dateline>") != std::string::npos);
    const std::string& a1 = files.at("newsml/art-001.xml");
    CHECK(a1.find("<h2>坚持问需于民让改造方案由居民“说了算”</h2>") != std::string::npos);
    CHECK(a1.find("<h2>坚持连片提升让“小区”融入“社区”</h2>") != std::string::npos);
    const std::string& a3 = files.at("newsml/art-003.xml");  // no headline
    CHECK(a3.find("<headline") == std::string::npos);
    CHECK(a3.find("<edNote>page-01.txt:225: article has no headline</edNote>") !=
          std::string::npos);
    const std::string& mets = files.at("mets.xml");
    CHECK(mets.find(R"(<mods:roleTerm type="code" authority="marcrelator">aut</mods:roleTerm>)") !=
          std::string::npos);
    CHECK(mets.find("<mods:start>1</mods:start>\n              <mods:end>2</mods:end>") !=
          std::string::npos);
}

TEST_CASE("writers: hostile text is repaired with a warning and stays valid") {
    Issue issue = test::sample_issue_en();
    Article& article = issue.articles[0];
    article.headline = std::string("Bell\x07 and NUL") + '\0' + " and ]]> and <b>&amp;</b>";
    article.subtitle = "bad UTF-8 \xC3\x28 lone surrogate \xED\xA0\x80 overlong \xC0\xAF end";
    article.kicker = std::string(200000, 'K');
    article.body.push_back({Paragraph::Kind::text, "\xEF\xBF\xBF nonchar \x1B[31m", ""});
    article.bylines.push_back({"\x01\x02", "reporter", "\x01\x02"});
    issue.pages[0].blocks[1].text = "word \x01 \x02\x03 word\n\x04\n \x05 \n\xFF";
    Diagnostics warnings;
    const Files files = write(issue, &warnings);
    CHECK(warnings.size() >= 2);
    CHECK(warnings.items()[0].code == "PB-WRITE-TEXT");
    const std::string& item = files.at("newsml/art-001.xml");
    CHECK(item.find("Bell and NUL and ]]&gt; and &lt;b&gt;&amp;amp;&lt;/b&gt;") !=
          std::string::npos);
    CHECK(item.find("bad UTF-8 \xEF\xBF\xBD(") != std::string::npos);
    check_profile(files);
    if (conformance_available()) {
        test::TempDir dir;
        write_folder(files, dir.path());
        CHECK(check_conformance(dir.path()) == 0);
    }
}

TEST_CASE("writers: 10,000 articles on one page") {
    Issue issue = test::sample_issue_en();
    issue.articles.resize(1);
    issue.illustrations.clear();
    Page& page = issue.pages[0];
    for (std::size_t i = 0; i < 10000; ++i) {
        Block block;
        block.id = "x-b" + std::to_string(i);
        block.kind = BlockKind::body;
        block.text = "Article number " + std::to_string(i);
        block.source.push_back({i % 100, 1});
        page.blocks.push_back(block);
        Article article;
        article.id = "x-art-" + std::to_string(i);
        article.headline = "Headline " + std::to_string(i);
        article.pages = {page.label};
        article.block_ids = {block.id};
        article.body.push_back({Paragraph::Kind::text, block.text, block.id});
        issue.articles.push_back(article);
    }
    const Files files = write(issue);
    CHECK(files.size() == 2 + 1 + 1 + 10001);  // ALTO, METS, package, articles
    XmlDocPtr mets = test::parse_or_throw(files.at("mets.xml"), "mets.xml");
    CHECK(mets);
}

TEST_CASE("writers: a model that cannot be written is refused before anything is written") {
    const auto refused = [](Issue issue, const char* message) {
        MemoryTree tree;
        WriteOptions options = options_for(test::sample_issue_zh());
        CHECK_THROWS_WITH_AS(write_issue(issue, tree, options), doctest::Contains(message), Error);
        CHECK(tree.files().empty());
    };
    Issue issue = test::sample_issue_zh();
    issue.pages[1].blocks[0].id = issue.pages[0].blocks[0].id;
    refused(issue, "block id 'p1-b1' is used twice");
    issue = test::sample_issue_zh();
    issue.articles[0].id = "art 1";
    refused(issue, "article id 'art 1' is not a valid XML ID");
    issue = test::sample_issue_zh();
    issue.pages[0].blocks[0].language = "zh_Hans!";
    refused(issue, "language 'zh_Hans!' is not a valid language tag");
    issue = test::sample_issue_zh();
    issue.pages[0].blocks[0].source[0] = {9000, 5000};
    refused(issue, "byte range 9000+5000 lies outside text/page-01.txt (9739 bytes)");
    issue = test::sample_issue_zh();
    issue.articles[0].block_ids.push_back("nowhere");
    refused(issue, "article art-001 refers to block 'nowhere', which no page has");
    issue = test::sample_issue_zh();
    issue.illustrations[0].article_id = "art-999";
    refused(issue, "refers to article 'art-999'");
    MemoryTree tree;
    WriteOptions no_clock;
    CHECK_THROWS_WITH_AS(write_issue(issue, tree, no_clock),
                         doctest::Contains("no clock given to the writers"), Error);
}

TEST_CASE("writers: export_issue_xml writes XML and the originals METS points to") {
    const Issue issue = test::sample_issue_en();
    test::TempDir dir;
    const WriteResult result = export_issue_xml(issue, dir.path(), clock_2024);
    CHECK(result.files.size() == 2 + 4 + 1 + 1 + 1);
    CHECK(test::read_all(dir / "text/page-02.txt") == test::read_all(issue.pages[1].files[0].path));
    CHECK(test::read_all(dir / "mets.xml").find(R"(xlink:href="text/page-02.txt")") !=
          std::string::npos);
    if (conformance_available()) CHECK(check_conformance(dir.path()) == 0);
}

namespace {

// The sample issue with PDF-like geometry on page A1: points, styles, lines of words with
// boxes and confidences for the first block, a photo and a rule.
Issue issue_with_geometry() {
    Issue issue = test::sample_issue_en();
    Page& page = issue.pages[0];
    page.unit = "pt";
    page.width = 612;
    page.height = 792;
    page.styles = {{"Times", 9, false, false},
                   {"Times", 24, true, false},
                   {"Times", 8, true, true},
                   {"", 0, false, false}};
    Block& block = page.blocks[0];
    block.box = Box{36, 40, 200, 30};
    block.style = 1;
    TextLine line;
    line.box = Box{36, 40, 200, 14};
    line.words = {{"ROBERT", Box{36, 40, 60, 14}, std::nullopt, 0.87, 1},
                  {"OKAFOR,", Box{100, 40, 70, 14}, std::nullopt, -1, 3},
                  {"", std::nullopt, std::nullopt, -1, -1}};
    block.lines = {line, TextLine{}};
    page.graphics = {{Graphic::Kind::illustration, "p1-g1", Box{300, 100, 250, 180}},
                     {Graphic::Kind::rule, "p1-g2", Box{36, 400, 540, 0.5}}};
    issue.illustrations[0].graphic_ids = {"p1-g1"};
    return issue;
}

std::vector<xmlNode*> alto_elements(const XmlDocPtr& doc, const char* name) {
    std::vector<xmlNode*> out;
    test::walk(doc.get(), [&](xmlNode* n) {
        if (test::name_of(n) == name) out.push_back(n);
    });
    return out;
}

}  // namespace

TEST_CASE("writers: ALTO geometry from the model, PDF points as inch1200") {
    const Issue issue = issue_with_geometry();
    const Files files = write(issue);
    XmlDocPtr alto = test::parse_or_throw(files.at("alto/0001.xml"), "alto/0001.xml");
    CHECK(test::content(alto_elements(alto, "MeasurementUnit").at(0)) == "inch1200");
    xmlNode* page = alto_elements(alto, "Page").at(0);
    CHECK(test::attr(page, "WIDTH") == "10200");   // 612 pt * 1200 / 72
    CHECK(test::attr(page, "HEIGHT") == "13200");  // 792 pt
    // Styles with a size only (ALTO requires FONTSIZE); FONTSTYLE from bold/italic.
    const auto styles = alto_elements(alto, "TextStyle");
    REQUIRE(styles.size() == 3);
    CHECK(test::attr(styles[0], "FONTSTYLE").empty());
    CHECK(test::attr(styles[1], "FONTSTYLE") == "bold");
    CHECK(test::attr(styles[2], "FONTSTYLE") == "bold italics");
    CHECK(test::attr(styles[1], "FONTFAMILY") == "Times");
    CHECK(test::attr(styles[1], "FONTSIZE") == "24");
    xmlNode* block = alto_elements(alto, "TextBlock").at(0);
    CHECK(test::attr(block, "STYLEREFS") == "TS_1");
    CHECK(test::attr(block, "HPOS") == "600");     // 36 pt
    CHECK(test::attr(block, "VPOS") == "666.67");  // 40 pt, rounded to 1/100
    // The model's lines as they are: one TextLine with two Strings (the empty word and the
    // empty line are dropped), SP between them.
    const auto lines = alto_elements(alto, "TextLine");
    CHECK(lines[0]->parent == block);
    CHECK(lines[1]->parent != block);
    const auto strings = alto_elements(alto, "String");
    CHECK(test::attr(strings[0], "CONTENT") == "ROBERT");
    CHECK(test::attr(strings[0], "WC") == "0.87");
    CHECK(test::attr(strings[0], "STYLEREFS") == "TS_1");
    CHECK(test::attr(strings[0], "WIDTH") == "1000");
    CHECK(test::attr(strings[1], "CONTENT") == "OKAFOR,");
    CHECK(test::attr(strings[1], "WC").empty());
    CHECK(test::attr(strings[1], "STYLEREFS").empty());  // style without size
    CHECK(test::name_of(xmlNextElementSibling(strings[0])) == "SP");
    CHECK(test::attr(strings[2], "HPOS").empty());  // block without lines: text split, no box
    // PrintSpace: the box around every box on the page.
    xmlNode* print_space = alto_elements(alto, "PrintSpace").at(0);
    CHECK(test::attr(print_space, "HPOS") == "600");
    CHECK(test::attr(print_space, "WIDTH") == "9000");  // 36..576 pt
    REQUIRE(alto_elements(alto, "Illustration").size() == 1);
    CHECK(test::attr(alto_elements(alto, "Illustration")[0], "ID") == "p1-g1");
    CHECK(test::attr(alto_elements(alto, "GraphicalElement").at(0), "HEIGHT") == "8.33");
    // Page A2 has no geometry: no coordinates at all.
    const std::string& a2 = files.at("alto/0002.xml");
    for (const char* attribute : {"HPOS=", "VPOS=", "WIDTH=", "HEIGHT=", "STYLEREFS="})
        CHECK(a2.find(attribute) == std::string::npos);
    CHECK(a2.find("<MeasurementUnit>pixel</MeasurementUnit>") != std::string::npos);
    // METS points at the photo's ALTO Illustration.
    CHECK(files.at("mets.xml")
              .find(R"(<mets:area FILEID="FILE_ALTO_0001" BEGIN="p1-g1" BETYPE="IDREF"/>)") !=
          std::string::npos);
    check_profile(files);
    if (conformance_available()) {
        test::TempDir dir;
        write_folder(files, dir.path());
        CHECK(check_conformance(dir.path()) == 0);
    }
}

TEST_CASE("writers: ALTO units other than points are written as given") {
    Issue issue = issue_with_geometry();
    issue.pages[0].unit = "mm10";
    XmlDocPtr alto = test::parse_or_throw(write(issue).at("alto/0001.xml"), "alto");
    CHECK(test::content(alto_elements(alto, "MeasurementUnit").at(0)) == "mm10");
    CHECK(test::attr(alto_elements(alto, "Page").at(0), "WIDTH") == "612");
    issue.pages[0].unit = "furlong";
    MemoryTree tree;
    CHECK_THROWS_WITH_AS(write_issue(issue, tree, options_for(issue)),
                         doctest::Contains("unit 'furlong' is none of pt, pixel, mm10, inch1200"),
                         Error);
    issue = issue_with_geometry();
    issue.illustrations[0].graphic_ids = {"p9-g9"};
    CHECK_THROWS_WITH_AS(write_issue(issue, tree, options_for(issue)),
                         doctest::Contains("refers to graphic 'p9-g9', which no page has"), Error);
}

TEST_CASE("writers: page text without lines is split into words; CJK with ICU word break") {
    const Files files = write(test::sample_issue_zh());
    XmlDocPtr alto = test::parse_or_throw(files.at("alto/0001.xml"), "alto/0001.xml");
    std::size_t longest = 0;
    std::size_t count = 0;
    for (xmlNode* string : alto_elements(alto, "String")) {
        const std::string content = test::attr(string, "CONTENT");
        longest = std::max(longest, content.size());
        ++count;
        CHECK(test::attr(string, "ID").empty());  // no byte ranges: none in the model
    }
    CHECK(count > 500);
    CHECK(longest < 3 * 20);  // words, not paragraphs (a paragraph was one String before)
}

TEST_CASE("writers: METS structLink, file groups, MODS identifiers, IPTC genre") {
    Issue issue = test::sample_issue_zh();
    issue.identifiers = {{"issn", "1234-5678"}, {"cn", "14-0032"}, {"oclc", "123"}};
    const Files files = write(issue);
    const std::string& mets = files.at("mets.xml");
    CHECK(mets.find(R"(<mods:identifier type="issn">1234-5678</mods:identifier>)") !=
          std::string::npos);
    CHECK(
        mets.find(R"(<mods:identifier type="local" displayLabel="cn">14-0032</mods:identifier>)") !=
        std::string::npos);
    CHECK(mets.find(R"(<mods:identifier type="oclc">123</mods:identifier>)") != std::string::npos);
    CHECK(mets.find(R"(<mets:smLink xlink:from="LOG_art-001" xlink:to="PHYS_0002"/>)") !=
          std::string::npos);
    CHECK(mets.find(R"(<mets:fileGrp ID="GRP_FULLTEXT" USE="FULLTEXT">)") != std::string::npos);
    CHECK(mets.find(R"(<mets:fileGrp ID="GRP_ORIGINAL" USE="ORIGINAL">)") != std::string::npos);
    // Page images go to DEFAULT, where viewers look for them.
    WriteOptions options = options_for(issue);
    options.payload.push_back(
        {1, FileRole::image, "images/p1.jpg", "image/jpeg", 10, std::string(64, 'a')});
    const std::string with_image = write_issue_to_memory(issue, options).at("mets.xml");
    CHECK(with_image.find(R"(<mets:fileGrp ID="GRP_DEFAULT" USE="DEFAULT">)") != std::string::npos);
    CHECK(with_image.find(R"(MIMETYPE="image/jpeg" USE="image")") != std::string::npos);
    CHECK(files.at("newsml/art-001.xml").find(R"(<genre qcode="genre:Current">)") !=
          std::string::npos);
    CHECK(files.at("newsml/ill-001.xml").find(R"(<genre qcode="genre:Actuality">)") !=
          std::string::npos);
}

TEST_CASE("writers: the METS reader reads profile 1.1 and 1.0 METS alike") {
    Issue issue = test::sample_issue_zh();
    issue.identifiers = {{"cn", "14-0032"}, {"issn", "1234-5678"}};
    const std::string current = write(issue).at("mets.xml");
    // The same METS as profile 1.0 wrote it: groups named by role, no file USE, no structLink.
    std::string old =
        std::regex_replace(current, std::regex(R"((<mets:file [^>]*) USE="\w+")"), "$1");
    for (const auto& [from, to] : {std::pair{"FULLTEXT", "alto"}, std::pair{"ORIGINAL", "text"},
                                   std::pair{"NEWSML", "newsml"}})
        old = std::regex_replace(old, std::regex(std::string("GRP_") + from + "\" USE=\"" + from),
                                 std::string("GRP_") + to + "\" USE=\"" + to);
    old = std::regex_replace(old, std::regex(R"(\s*<mets:structLink>[^]*</mets:structLink>)"), "");
    REQUIRE(old.find("USE=\"FULLTEXT\"") == std::string::npos);
    REQUIRE(old.find("structLink") == std::string::npos);
    check_profile({{"mets.xml", old}});
    for (const std::string& mets : {current, old}) {
        Diagnostics diagnostics;
        const auto read = read_paperbag_mets(mets, "mets.xml", diagnostics);
        REQUIRE(read);
        CHECK(read->issue.pages.at(0).files.at(0).role == FileRole::text);
        CHECK(read->items.at("art-001") == "newsml/art-001.xml");
        CHECK(read->issue.identifiers == issue.identifiers);  // "cn" comes back as "cn"
        CHECK(read->issue.articles.size() == issue.articles.size());
    }
}

TEST_CASE("writers: PREMIS events name their files; a failed one claims no outcome") {
    const Issue issue = test::sample_issue_en();
    WriteOptions options = options_for(issue);
    options.events = {{"validation", "checked", "failure", 1710720000},
                      {"packing", "packed", "success", 1710720000}};
    const std::string mets = write_issue_to_memory(issue, options).at("mets.xml");
    CHECK(mets.find("<premis:eventOutcomeDetailNote>validated") == std::string::npos);
    CHECK(mets.find("<premis:eventOutcomeDetailNote>11 file(s) packed: mets.xml, 2 ALTO file(s) "
                    "and 6 NewsML-G2 item(s) and 2 original file(s)") != std::string::npos);
    // The failed validation still names the files it was about.
    const auto first = mets.find("<premis:linkingObjectIdentifierValue>mets.xml<");
    CHECK(first != std::string::npos);
    CHECK(mets.find("<premis:linkingObjectIdentifierValue>mets.xml<", first + 1) !=
          std::string::npos);
}

TEST_CASE("writers: payload descriptions") {
    Issue issue = test::sample_issue_zh();
    const std::vector<PayloadFile> payload = payload_from_pages(issue);
    REQUIRE(payload.size() == 2);
    CHECK(payload[0].path == "text/page-01.txt");
    CHECK(payload[0].size == 9739);
    CHECK(payload_from_disk(issue)[1].sha256 == payload[1].sha256);
    issue.pages[0].files[0].sha256.clear();
    CHECK_THROWS_WITH_AS(payload_from_pages(issue),
                         doctest::Contains("no SHA-256 recorded for this file"), Error);
    CHECK(payload_from_disk(issue)[0].sha256 == payload[0].sha256);
    issue.pages[1].files[0].href = "elsewhere/page-01.txt";
    CHECK_THROWS_WITH_AS(
        payload_from_disk(issue),
        doctest::Contains("two page files would both be stored as 'text/page-01.txt'"), Error);
}

}  // namespace paperbag
