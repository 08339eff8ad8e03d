// Reviewer corrections (paperbag/corrections.hpp): the schema checks with their messages, and
// every operation on a small segmented issue built in memory.
#include <doctest/doctest.h>

#include "paperbag/corrections.hpp"
#include "paperbag/ids.hpp"

namespace paperbag {

namespace {

Block block(const std::string& id, BlockKind kind, const std::string& text) {
    Block b;
    b.id = id;
    b.kind = kind;
    b.text = text;
    return b;
}

// Page 1: art-001 (headline b1, body b2 b3), art-002 (headline b4, body b5), a caption b6
// of ill-001, furniture b7; page 2: art-002 continues (body b8).
Issue sample() {
    Issue issue;
    issue.title = "The Test Courier";
    issue.date = *Date::parse("2024-03-18");
    Page one;
    one.sequence = 1;
    one.label = "1";
    one.blocks = {block("p1-b1", BlockKind::headline, "Bridge opens"),
                  block("p1-b2", BlockKind::body, "First paragraph."),
                  block("p1-b3", BlockKind::body, "Second paragraph."),
                  block("p1-b4", BlockKind::headline, "Storm warning"),
                  block("p1-b5", BlockKind::body, "Rain all week."),
                  block("p1-b6", BlockKind::caption, "The new bridge."),
                  block("p1-b7", BlockKind::furniture, "Page 1")};
    Page two;
    two.sequence = 2;
    two.label = "2";
    two.blocks = {block("p2-b1", BlockKind::body, "More rain.")};
    issue.pages = {one, two};
    Article a;
    a.id = "art-001";
    a.headline = "Bridge opens (repaired)";
    a.headline_confidence = 0.4;
    a.pages = {"1"};
    a.block_ids = {"p1-b1", "p1-b2", "p1-b3"};
    a.body = {{Paragraph::Kind::text, "First paragraph.", "p1-b2"},
              {Paragraph::Kind::text, "Second paragraph.", "p1-b3"}};
    Article b;
    b.id = "art-002";
    b.headline = "Storm warning";
    b.headline_confidence = 1;
    b.pages = {"1", "2"};
    b.continued_on = "2";
    b.block_ids = {"p1-b4", "p1-b5", "p2-b1"};
    b.body = {{Paragraph::Kind::text, "Rain all week.", "p1-b5"},
              {Paragraph::Kind::text, "More rain.", "p2-b1"}};
    issue.articles = {a, b};
    Illustration ill;
    ill.id = "ill-001";
    ill.caption = "The new bridge.";
    ill.pages = {"1"};
    ill.block_ids = {"p1-b6"};
    ill.article_id = "art-001";
    issue.illustrations = {ill};
    return issue;
}

Corrections with(std::vector<Correction> items, std::string issue = {}) {
    Corrections c;
    c.issue = issue.empty() ? issue_key(sample()) : issue;
    c.reviewer = "Ada";
    c.path = "fix.json";
    c.items = std::move(items);
    return c;
}

const std::string header =
    R"({"format":"paperbag-corrections","version":1,"issue":"x","reviewer":"Ada",)";

}  // namespace

TEST_CASE("corrections: a file that follows the schema is read") {
    const Corrections c = parse_corrections(
        header + R"("corrections":[{"op":"reassign","block":"p1-b2","article":"LOG_art-002"},
        {"op":"merge","articles":["LOG_art-001","LOG_art-002"]},{"op":"furniture","block":"b"},
        {"op":"split","article":"LOG_art-001","block":"p1-b3"},
        {"op":"link-headline","block":"p1-b4","article":"LOG_art-001"}]})",
        "fix.json");
    CHECK(c.issue == "x");
    CHECK(c.reviewer == "Ada");
    REQUIRE(c.items.size() == 5);
    CHECK(c.items[0].op == "reassign");
    CHECK(c.items[0].block == "p1-b2");
    CHECK(c.items[0].article == "LOG_art-002");
    CHECK(c.items[1].articles == std::vector<std::string>{"LOG_art-001", "LOG_art-002"});
    CHECK(c.sha256.size() == 64);
}

TEST_CASE("corrections: schema violations name the file and the JSON Pointer") {
    auto message = [](const std::string& text) {
        try {
            parse_corrections(text, "fix.json");
        } catch (const Error& e) {
            CHECK(e.diagnostic().code == "PB-CORRECTIONS-SYNTAX");
            CHECK(e.diagnostic().path == "fix.json");
            return e.diagnostic().message;
        }
        return std::string("accepted");
    };
    CHECK(message("[1]").starts_with("/: a corrections file is one JSON object"));
    CHECK(message("{").starts_with("not JSON"));
    CHECK(message(header + "\"corrections\":[],\"x\":\"\xff\"}") == "not JSON: not UTF-8 text");
    CHECK(message(R"({"format":"x","version":1,"issue":"x","reviewer":"A","corrections":[]})")
              .starts_with("/format: must be"));
    CHECK(message(header + R"("corrections":[]})").empty() == false);
    CHECK(
        message(header + R"("corrections":[], "extra":1})").starts_with("/extra: unknown member"));
    CHECK(message(header + R"("corrections":[{"op":"rename","block":"b"}]})")
              .starts_with("/corrections/0/op: unknown operation 'rename'"));
    CHECK(message(header + R"("corrections":[{"op":"furniture"}]})")
              .starts_with("/corrections/0: 'block' is required"));
    CHECK(message(header + R"("corrections":[{"op":"furniture","block":""}]})")
              .starts_with("/corrections/0/block: must not be empty"));
    CHECK(message(header + R"("corrections":[{"op":"merge","articles":["a"]}]})")
              .starts_with("/corrections/0/articles: must be an array of at least two"));
    CHECK(message(header + R"("corrections":[{"op":"merge","articles":["a","a"]}]})")
              .starts_with("/corrections/0/articles/1: names an article twice"));
    CHECK(message(R"({"format":"paperbag-corrections","version":2,"issue":"x","reviewer":"A",)"
                  R"("corrections":[]})")
              .starts_with("/version: must be 1"));
    CHECK(message(R"({"format":"paperbag-corrections","version":1,"issue":"x","corrections":[]})")
              .starts_with("/: 'reviewer' is required"));
    CHECK(message(header + R"("corrections":[]})") == "accepted");
}

TEST_CASE("corrections: another issue and unknown names are refused, changing nothing") {
    Issue issue = sample();
    CHECK_THROWS_WITH_AS(
        apply_corrections(issue, with({}, "other-2024-01-01")),
        "fix.json: error: these corrections are for issue 'other-2024-01-01', not for "
        "'the-test-courier-2024-03-18' [PB-CORRECTIONS-ISSUE]",
        Error);
    CHECK_THROWS_WITH_AS(
        apply_corrections(issue, with({{"furniture", "p1-b2", "", {}},
                                       {"reassign", "p9-b1", "LOG_art-001", {}}})),
        "fix.json: error: /corrections/1 (reassign): block 'p9-b1' does not exist in issue "
        "'the-test-courier-2024-03-18' [PB-CORRECTIONS-UNKNOWN]",
        Error);
    CHECK_THROWS_AS(apply_corrections(issue, with({{"reassign", "p1-b2", "art-002", {}}})), Error);
    CHECK_THROWS_AS(apply_corrections(issue, with({{"split", "p1-b5", "LOG_art-001", {}}})), Error);
    CHECK_THROWS_AS(apply_corrections(issue, with({{"split", "p1-b1", "LOG_art-001", {}}})), Error);
    // Nothing changed by the refused files.
    CHECK(issue.articles.size() == 2);
    CHECK(issue.pages[0].blocks[1].kind == BlockKind::body);
    CHECK(issue.articles[0].block_ids.size() == 3);
}

TEST_CASE("corrections: reassign moves a block and rebuilds both articles") {
    Issue issue = sample();
    apply_corrections(issue, with({{"reassign", "p1-b3", "LOG_art-002", {}}}));
    REQUIRE(issue.articles.size() == 2);
    const Article& a = issue.articles[0];
    const Article& b = issue.articles[1];
    CHECK(a.block_ids == std::vector<std::string>{"p1-b1", "p1-b2"});
    CHECK(a.headline == "Bridge opens (repaired)");  // the segmenter's text, its confidence
    CHECK(a.headline_confidence == doctest::Approx(0.4));
    CHECK(a.body.size() == 1);
    CHECK(b.block_ids == std::vector<std::string>{"p1-b3", "p1-b4", "p1-b5", "p2-b1"});
    CHECK(b.body.front().text == "Second paragraph.");
    CHECK(b.pages == std::vector<std::string>{"1", "2"});
    CHECK(b.continued_on == "2");
}

TEST_CASE("corrections: an untouched article keeps every field") {
    Issue issue = sample();
    const Article before = issue.articles[1];
    apply_corrections(issue, with({{"furniture", "p1-b3", "", {}}}));
    CHECK(issue.articles[1].block_ids == before.block_ids);
    CHECK(issue.articles[1].body.size() == before.body.size());
    CHECK(issue.articles[1].continued_on == before.continued_on);
    CHECK(issue.pages[0].blocks[2].kind == BlockKind::furniture);
    CHECK(issue.articles[0].block_ids == std::vector<std::string>{"p1-b1", "p1-b2"});
}

TEST_CASE("corrections: merge, split and renumbering in order") {
    Issue issue = sample();
    apply_corrections(issue, with({{"merge", "", "", {"LOG_art-001", "LOG_art-002"}}}));
    REQUIRE(issue.articles.size() == 1);
    CHECK(issue.articles[0].id == "art-001");
    CHECK(issue.articles[0].block_ids.size() == 6);
    CHECK(issue.articles[0].pages == std::vector<std::string>{"1", "2"});
    CHECK(issue.illustrations[0].article_id == "art-001");

    issue = sample();
    apply_corrections(issue, with({{"split", "p1-b3", "LOG_art-001", {}}}));
    REQUIRE(issue.articles.size() == 3);
    CHECK(issue.articles[0].block_ids == std::vector<std::string>{"p1-b1", "p1-b2"});
    CHECK(issue.articles[1].id == "art-002");  // the split-off part follows its origin
    CHECK(issue.articles[1].block_ids == std::vector<std::string>{"p1-b3"});
    CHECK_FALSE(issue.articles[1].headline);
    REQUIRE(issue.articles[1].warnings.size() == 1);
    CHECK(issue.articles[1].warnings[0].code == "PB-SEG-NO-HEADLINE");
    CHECK(issue.articles[2].id == "art-003");
    CHECK(issue.articles[2].headline == "Storm warning");
}

TEST_CASE("corrections: link-headline and a caption moved out of its illustration") {
    Issue issue = sample();
    apply_corrections(issue, with({{"link-headline", "p1-b6", "LOG_art-002", {}}}));
    // art-002 has a headline block already (p1-b4, first in reading order); the caption is
    // now a headline block of art-002 and its illustration, without text or picture, is gone.
    CHECK(issue.pages[0].blocks[5].kind == BlockKind::headline);
    CHECK(issue.articles[1].block_ids ==
          std::vector<std::string>{"p1-b4", "p1-b5", "p1-b6", "p2-b1"});
    CHECK(issue.illustrations.empty());

    issue = sample();
    apply_corrections(issue, with({{"furniture", "p1-b1", "", {}},
                                   {"link-headline", "p1-b4", "LOG_art-001", {}}}));
    REQUIRE(issue.articles.size() == 2);
    CHECK(issue.articles[0].headline == "Storm warning");
    CHECK(issue.articles[0].headline_confidence == 1);
    CHECK_FALSE(issue.articles[1].headline);
}

TEST_CASE("corrections: the same corrections give the same issue") {
    Issue one = sample();
    Issue two = sample();
    const Corrections c = with({{"split", "p1-b5", "LOG_art-002", {}},
                                {"reassign", "p1-b2", "LOG_art-002", {}},
                                {"merge", "", "", {"LOG_art-002", "LOG_art-001"}}});
    apply_corrections(one, c);
    apply_corrections(two, c);
    REQUIRE(one.articles.size() == two.articles.size());
    for (std::size_t i = 0; i < one.articles.size(); ++i) {
        CHECK(one.articles[i].id == two.articles[i].id);
        CHECK(one.articles[i].block_ids == two.articles[i].block_ids);
    }
}

}  // namespace paperbag
