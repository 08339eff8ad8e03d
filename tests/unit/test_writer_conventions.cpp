// What viewers, repositories and news systems expect beyond schema validity (issue #17),
// checked on bundles built by the build job from the samples and the seed page:
// METS structLink, conventional fileGrp USE values, reading order inside article divs,
// PREMIS fixity/validation/packing events, ALTO words whose IDs give their exact bytes in
// the page text, IPTC genre codes and titles on every package itemRef.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/words.hpp"
#include "paperbag/build.hpp"
#include "paperbag/bundle_reader.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_walk.hpp"

namespace paperbag {

namespace {

constexpr const char* xlink_ns = "http://www.w3.org/1999/xlink";

// One unpacked bundle: its payload folder and parsed METS.
struct Unpacked {
    std::filesystem::path folder;
    XmlDocPtr mets;
    std::map<std::string, std::string> href_of;  // METS file ID -> path
};

std::filesystem::path source_path(const std::string& relative) {
    return std::filesystem::path(PAPERBAG_SOURCE_DIR) / relative;
}

std::filesystem::path seed_page() {
    return std::filesystem::path(PAPERBAG_SHARED_DIR) / "seeds" / "000_5d98f6ef572bbe6c.txt";
}

// Builds the two samples and, when ../shared is there, the seed page; unpacks every bundle.
std::vector<Unpacked> build_all(const test::TempDir& dir) {
    const FixedClock clock(1710720000);
    std::vector<BuildOptions> runs;
    BuildOptions samples;
    samples.inputs = {source_path("samples/jianghe-daily-2024-03-18"),
                      source_path("samples/riverton-courier-2024-03-18")};
    samples.output = dir / "bundles";
    runs.push_back(samples);
    if (std::filesystem::exists(seed_page())) {
        BuildOptions seed;
        seed.inputs = {seed_page()};
        seed.pages.title = "Seed daily";
        seed.pages.date = "2024-05-16";
        seed.pages.page = "1";
        seed.output = dir / "bundles";
        runs.push_back(seed);
    } else {
        MESSAGE("seed page skipped: " << seed_page() << " is not there");
    }
    std::vector<Unpacked> out;
    for (const BuildOptions& options : runs) {
        const BuildRun run = run_build(options, clock);
        REQUIRE(run.exit_code() == 0);
        for (const IssueBuild& issue : run.issues) {
            REQUIRE(issue.state == IssueState::built);
            Unpacked u;
            u.folder = dir.path() / issue.bundle.stem();
            unpack_bundle_payload(issue.bundle, u.folder);
            u.mets = test::parse_or_throw(test::read_all(u.folder / "mets.xml"), "mets.xml");
            test::walk(u.mets.get(), [&](xmlNode* n) {
                if (test::name_of(n) == "FLocat")
                    u.href_of[test::attr(n->parent, "ID")] = test::attr(n, "href", xlink_ns);
            });
            out.push_back(std::move(u));
        }
    }
    return out;
}

std::vector<xmlNode*> elements(xmlNode* parent, const char* name) {
    std::vector<xmlNode*> out;
    for (xmlNode* n = parent ? parent->children : nullptr; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && test::name_of(n) == name) out.push_back(n);
    return out;
}

xmlNode* struct_map(const Unpacked& u, const char* type) {
    for (xmlNode* map : elements(xmlDocGetRootElement(u.mets.get()), "structMap"))
        if (test::attr(map, "TYPE") == type) return map;
    return nullptr;
}

std::vector<xmlNode*> divs_of_type(xmlNode* root, const std::string& type) {
    std::vector<xmlNode*> out;
    test::walk(root->children, [&](xmlNode* n) {
        if (test::name_of(n) == "div" && test::attr(n, "TYPE") == type) out.push_back(n);
    });
    return out;
}

const std::vector<Unpacked>& bundles() {
    static const test::TempDir dir;
    static const std::vector<Unpacked> all = build_all(dir);
    return all;
}

// The ALTO TAGREFS ("TAG_headline") of every TextBlock of the bundle, by block ID.
std::map<std::string, std::string> block_kinds(const Unpacked& u) {
    std::map<std::string, std::string> kinds;
    for (const auto& entry : std::filesystem::directory_iterator(u.folder / "alto")) {
        XmlDocPtr alto = test::parse_or_throw(test::read_all(entry.path()), "alto");
        test::walk(alto.get(), [&](xmlNode* n) {
            if (test::name_of(n) == "TextBlock")
                kinds[test::attr(n, "ID")] = test::attr(n, "TAGREFS").substr(4);
        });
    }
    return kinds;
}

}  // namespace

TEST_CASE("conventions: structLink links every article to exactly the pages its areas are on") {
    for (const Unpacked& u : bundles()) {
        std::map<std::string, std::string> page_of_file;  // ALTO/text file ID -> PHYS div ID
        std::set<std::string> physical;
        for (xmlNode* page : divs_of_type(struct_map(u, "PHYSICAL"), "page")) {
            physical.insert(test::attr(page, "ID"));
            for (xmlNode* f : elements(page, "fptr"))
                page_of_file[test::attr(f, "FILEID")] = test::attr(page, "ID");
        }
        std::set<std::string> logical;
        test::walk(struct_map(u, "LOGICAL")->children, [&](xmlNode* n) {
            if (test::name_of(n) == "div") logical.insert(test::attr(n, "ID"));
        });
        std::map<std::string, std::set<std::string>> links;
        xmlNode* struct_link = nullptr;
        for (xmlNode* n : elements(xmlDocGetRootElement(u.mets.get()), "structLink"))
            struct_link = n;
        REQUIRE(struct_link);
        for (xmlNode* link : elements(struct_link, "smLink")) {
            const std::string from = test::attr(link, "from", xlink_ns);
            const std::string to = test::attr(link, "to", xlink_ns);
            CHECK_MESSAGE(logical.count(from), from << " is no logical div");
            CHECK_MESSAGE(physical.count(to), to << " is no page div");
            CHECK_MESSAGE(links[from].insert(to).second, from << " -> " << to << " twice");
        }
        CHECK(links["LOG_ISSUE"] == physical);
        const auto articles = divs_of_type(struct_map(u, "LOGICAL"), "article");
        REQUIRE(!articles.empty());
        for (xmlNode* article : articles) {
            std::set<std::string> pages;
            for (xmlNode* part : elements(article, "div")) {
                if (test::attr(part, "TYPE") == "illustration") continue;
                test::walk(part->children, [&](xmlNode* n) {
                    if (test::name_of(n) == "area" && page_of_file.count(test::attr(n, "FILEID")))
                        pages.insert(page_of_file.at(test::attr(n, "FILEID")));
                });
            }
            CHECK(!pages.empty());
            CHECK_MESSAGE(links[test::attr(article, "ID")] == pages, test::attr(article, "ID"));
        }
    }
}

TEST_CASE("conventions: conventional fileGrp USE values, each file with its role") {
    for (const Unpacked& u : bundles()) {
        std::map<std::string, std::set<std::string>> roles_by_group;
        test::walk(u.mets.get(), [&](xmlNode* n) {
            if (test::name_of(n) == "file")
                roles_by_group[test::attr(n->parent, "USE")].insert(test::attr(n, "USE"));
        });
        CHECK(roles_by_group["FULLTEXT"] == std::set<std::string>{"alto"});
        CHECK(roles_by_group["ORIGINAL"] == std::set<std::string>{"text"});
        CHECK(roles_by_group["NEWSML"] == std::set<std::string>{"newsml"});
        CHECK(roles_by_group.size() == 3);  // no page images in these inputs: no DEFAULT
    }
}

TEST_CASE("conventions: parts of an article in reading order, kicker-headline-subtitle first") {
    std::size_t headings_after_first_block = 0;
    for (const Unpacked& u : bundles()) {
        const auto kinds = block_kinds(u);
        static const std::vector<std::string> part_order = {"heading", "byline", "body", "caption"};
        static const std::map<std::string, int> rank = {
            {"kicker", 0}, {"headline", 1}, {"subtitle", 2}, {"signature", 4}};
        for (xmlNode* article : divs_of_type(struct_map(u, "LOGICAL"), "article")) {
            std::size_t previous_part = 0;
            for (xmlNode* part : elements(article, "div")) {
                const std::string type = test::attr(part, "TYPE");
                if (type == "illustration") continue;
                const auto at = std::find(part_order.begin(), part_order.end(), type);
                REQUIRE(at != part_order.end());
                const auto position = static_cast<std::size_t>(at - part_order.begin());
                CHECK_MESSAGE(position >= previous_part, test::attr(part, "ID"));
                previous_part = position;
                // Page by page (FILE_ALTO_NNNN sorts by page), in reading order on each.
                std::pair<std::string, int> previous_rank{"", -1};
                for (xmlNode* pointer : elements(part, "fptr")) {
                    xmlNode* alto_area = nullptr;
                    test::walk(pointer->children, [&](xmlNode* n) {
                        if (!alto_area && test::attr(n, "BETYPE") == "IDREF") alto_area = n;
                    });
                    REQUIRE(alto_area);
                    const std::string kind = kinds.at(test::attr(alto_area, "BEGIN"));
                    const std::pair<std::string, int> r{test::attr(alto_area, "FILEID"),
                                                        rank.count(kind) ? rank.at(kind) : 3};
                    CHECK_MESSAGE(r >= previous_rank, test::attr(alto_area, "BEGIN"));
                    previous_rank = r;
                    // The model's order is kept in the area ORDER (headlines found late).
                    if (type == "heading" && test::attr(alto_area, "ORDER") != "1")
                        ++headings_after_first_block;
                }
            }
        }
    }
    MESSAGE(headings_after_first_block << " heading blocks came later in the model's order");
}

TEST_CASE("conventions: PREMIS fixity, validation and packing events name their objects") {
    for (const Unpacked& u : bundles()) {
        std::set<std::string> described;
        for (const auto& [id, href] : u.href_of) described.insert(href);
        std::map<std::string, std::set<std::string>> objects;
        std::map<std::string, std::string> notes;
        test::walk(u.mets.get(), [&](xmlNode* n) {
            if (test::name_of(n) != "event") return;
            std::string type;
            test::walk(n->children, [&](xmlNode* e) {
                const std::string name = test::name_of(e);
                if (name == "eventType") type = test::content(e);
                if (name == "linkingObjectIdentifierValue") objects[type].insert(test::content(e));
                if (name == "eventOutcomeDetailNote") notes[type] = test::content(e);
            });
        });
        CHECK(objects["message digest calculation"] == described);
        std::set<std::string> xml_files = {"mets.xml"};
        for (const std::string& path : described)
            if (path.ends_with(".xml")) xml_files.insert(path);
        CHECK(objects["validation"] == xml_files);
        std::set<std::string> everything = described;
        everything.insert("mets.xml");
        CHECK(objects["packing"] == everything);
        const std::size_t originals = described.size() + 1 - xml_files.size();
        CHECK(notes["validation"].find("not validated: " + std::to_string(originals) +
                                       " original file(s)") != std::string::npos);
        CHECK(notes["message digest calculation"].find("SHA-256 of") != std::string::npos);
    }
}

TEST_CASE("conventions: ALTO Strings are words whose IDs give their exact bytes in the page") {
    std::size_t strings = 0;
    std::size_t cjk_strings = 0;
    std::size_t hyphenated = 0;
    for (const Unpacked& u : bundles()) {
        for (xmlNode* page : divs_of_type(struct_map(u, "PHYSICAL"), "page")) {
            std::string alto_path;
            std::string text_path;
            for (xmlNode* f : elements(page, "fptr")) {
                const std::string href = u.href_of.at(test::attr(f, "FILEID"));
                (href.starts_with("alto/") ? alto_path : text_path) = href;
            }
            const std::string text = test::read_all(u.folder / text_path);
            XmlDocPtr alto = test::parse_or_throw(test::read_all(u.folder / alto_path), alto_path);
            test::walk(alto.get(), [&](xmlNode* n) {
                if (test::name_of(n) != "String") return;
                ++strings;
                const std::string id = test::attr(n, "ID");
                const std::string content = test::attr(n, "CONTENT");
                const auto last = id.rfind('_');
                const auto middle = id.rfind('_', last - 1);
                REQUIRE_MESSAGE(last != std::string::npos, id);
                REQUIRE_MESSAGE(middle != std::string::npos, id);
                const std::uint64_t offset = std::stoull(id.substr(middle + 1, last - middle - 1));
                const std::uint64_t length = std::stoull(id.substr(last + 1));
                REQUIRE(offset + length <= text.size());
                CHECK_MESSAGE(text.substr(offset, length) == content, id);
                CHECK(content.find(' ') == std::string::npos);
                CHECK(content.find("\xE3\x80\x80") == std::string::npos);  // U+3000
                // The block the String is in is the block its ID names.
                CHECK(id.substr(0, middle) == test::attr(n->parent->parent, "ID"));
                // A word broken by a line-end hyphen: the hyphen is the HYP after the String,
                // outside the String's bytes; the whole word is SUBS_CONTENT.
                if (test::attr(n, "SUBS_TYPE") == "HypPart1") {
                    ++hyphenated;
                    xmlNode* hyp = xmlNextElementSibling(n);
                    REQUIRE(hyp);
                    CHECK(test::name_of(hyp) == "HYP");
                    CHECK(text.substr(offset + length, 1) == "-");
                    CHECK(test::attr(n, "SUBS_CONTENT").starts_with(content));
                }
                // Letter-spaced CJK ("的 责 任 链 条"): no SP between single characters.
                xmlNode* before = xmlPreviousElementSibling(n);
                if (before && test::name_of(before) == "SP") {
                    xmlNode* word = xmlPreviousElementSibling(before);
                    CHECK_MESSAGE(
                        !(letter_spaced(test::attr(word, "CONTENT")) && letter_spaced(content)),
                        id);
                }
                if (static_cast<unsigned char>(content[0]) >= 0xE4) {
                    ++cjk_strings;
                    // A CJK word, not a sentence: ICU word break (dictionary or characters).
                    CHECK_MESSAGE(content.size() <= 3 * 12, content);
                }
            });
        }
    }
    CHECK(strings > 1000);
    CHECK(cjk_strings > 500);
    CHECK(hyphenated > 5);
}

TEST_CASE("conventions: NewsML-G2 genre from IPTC, every itemRef titled like its item") {
    for (const Unpacked& u : bundles()) {
        std::map<std::string, std::string> title_of;  // item file name -> itemMeta/title
        for (const auto& entry : std::filesystem::directory_iterator(u.folder / "newsml")) {
            const std::string bytes = test::read_all(entry.path());
            XmlDocPtr item = test::parse_or_throw(bytes, entry.path().string());
            CHECK(bytes.find("pbgenre") == std::string::npos);
            std::string title;
            test::walk(item.get(), [&](xmlNode* n) {
                if (test::name_of(n) == "genre") {
                    const std::string qcode = test::attr(n, "qcode");
                    CHECK((qcode == "genre:Current" || qcode == "genre:Actuality"));
                }
                if (test::name_of(n) == "title" && test::name_of(n->parent) == "itemMeta")
                    title = test::content(n);
            });
            title_of[entry.path().filename().string()] = title;
        }
        XmlDocPtr package =
            test::parse_or_throw(test::read_all(u.folder / "newsml/package.xml"), "package");
        std::size_t refs = 0;
        test::walk(package.get(), [&](xmlNode* n) {
            if (test::name_of(n) != "itemRef") return;
            ++refs;
            std::string title;
            for (xmlNode* t : elements(n, "title")) title = test::content(t);
            CHECK(title == title_of.at(test::attr(n, "href")));
            if (test::attr(n, "href").starts_with("ill-")) CHECK(!title.empty());
        });
        CHECK(refs + 1 == title_of.size());
    }
}

TEST_CASE("conventions: the bundles pass the official schemas (check-conformance)") {
    const std::string tool = std::string(PAPERBAG_SHARED_DIR) + "/tools/check-conformance";
    if (!std::filesystem::exists(tool) ||
        std::system("command -v xmllint >/dev/null && command -v java >/dev/null") != 0) {
        MESSAGE("skipped: " << tool << ", xmllint or java is not there");
        return;
    }
    for (const Unpacked& u : bundles()) {
        const std::string command =
            tool + " '" + u.folder.string() + "' > '" + u.folder.string() + ".log' 2>&1";
        const int rc = std::system(command.c_str());
        if (rc != 0) MESSAGE(test::read_all(u.folder.string() + ".log"));
        CHECK(rc == 0);
    }
}

}  // namespace paperbag
