// Articles that run on over a page break without a marker (src/layout/page_runs.cpp), and
// the feuilleton band that does not continue the news above it (segment_layout).
#include <doctest/doctest.h>

#include "layout/layout_page.hpp"
#include "layout/page_runs.hpp"

using namespace paperbag;
using namespace paperbag::layout;

namespace {

Block block(std::string id, Box box) {
    Block b;
    b.id = std::move(id);
    b.kind = BlockKind::body;
    b.box = box;
    return b;
}

Article article(std::string page, std::optional<std::string> headline, std::string body,
                std::vector<std::string> blocks) {
    Article a;
    a.headline = std::move(headline);
    a.pages = {std::move(page)};
    a.body.push_back({Paragraph::Kind::text, std::move(body), blocks.back()});
    a.block_ids = std::move(blocks);
    return a;
}

// Two pages of three columns 700 wide; a feuilleton band under the news from y 2700.
std::vector<Page> two_pages() {
    std::vector<Page> pages(2);
    for (std::size_t p = 0; p < 2; ++p) {
        Page& page = pages[p];
        page.label = std::to_string(p + 1);
        page.width = 2580;
        page.height = 4060;
        page.unit = "mm10";
        const std::string pre = "p" + page.label + "-b";
        for (int c = 0; c < 3; ++c) {
            const double x = 80 + 800.0 * c;
            page.blocks.push_back(block(pre + "top" + std::to_string(c), {x, 170, 700, 2400}));
            page.blocks.push_back(block(pre + "foot" + std::to_string(c), {x, 2700, 700, 1100}));
        }
    }
    return pages;
}

}  // namespace

TEST_CASE("run-on text: mid-sentence starts and ends") {
    CHECK(starts_mid_sentence("gilt jedoch für eine Specialität"));
    CHECK(starts_mid_sentence("„réussis à soutenir son regard"));
    CHECK(starts_mid_sentence("été remis"));
    CHECK_FALSE(starts_mid_sentence("On assure que M. le comte"));
    CHECK_FALSE(starts_mid_sentence("12 juillet"));
    CHECK_FALSE(starts_mid_sentence(""));
    CHECK(ends_mid_sentence("seinen aparten Einfälle,"));
    CHECK(ends_mid_sentence("mais je"));
    CHECK(ends_mid_sentence("consider well before we "));
    CHECK(ends_mid_sentence("an der Grenze über"));
    CHECK_FALSE(ends_mid_sentence("à Madrid."));
    CHECK_FALSE(ends_mid_sentence("(A continuer.)"));
    CHECK_FALSE(ends_mid_sentence("gesagt.»"));
}

TEST_CASE("run-on text: joined to the article closing the same band of the page before") {
    std::vector<Page> pages = two_pages();
    std::vector<Article> articles = {
        article("1", "Verschiedenes.", "Im Monat Juni gingen an Beiträgen für den", {"p1-btop2"}),
        article("1", "FEUILLETON.", "Une dernière fois ma pensée, mais je", {"p1-bfoot2"}),
        // Page 2: the news band opens with the rest of a sentence, so does the feuilleton's.
        article("2", std::nullopt, "den Dombau bei der Kasse ein.", {"p2-btop0", "p2-btop1"}),
        article("2", "Nord.", "Paris, 6 juillet. Je vous ai annoncé", {"p2-btop2"}),
        article("2", std::nullopt, "réussis à soutenir son regard.", {"p2-bfoot0"}),
    };
    std::vector<text::Jump> jumps(articles.size());
    join_run_ons(articles, jumps, pages);
    REQUIRE(articles.size() == 3);
    REQUIRE(jumps.size() == 3);
    CHECK(articles[0].headline == "Verschiedenes.");
    CHECK(articles[0].pages == std::vector<std::string>{"1", "2"});
    CHECK(articles[0].body_text().find("Dombau") != std::string::npos);
    CHECK(articles[0].block_ids.back() == "p2-btop1");
    CHECK(articles[1].headline == "FEUILLETON.");
    CHECK(articles[1].body_text().find("réussis") != std::string::npos);
    CHECK(articles[2].headline == "Nord.");
}

TEST_CASE("run-on text: no join without a sentence broken on both sides or out of column") {
    std::vector<Page> pages = two_pages();
    // The page before ends its sentence; the next page's text starts a new one; text that
    // does not open the first column; an article closed by a signature.
    std::vector<Article> articles = {
        article("1", "Revue.", "sera de retour à Madrid.", {"p1-btop2"}),
        article("1", "FEUILLETON.", "Une dernière fois ma pensée, mais je", {"p1-bfoot2"}),
        article("2", std::nullopt, "On assure que M. le comte", {"p2-btop0"}),
        article("2", std::nullopt, "réussis à soutenir son regard.", {"p2-bfoot1"}),
    };
    std::vector<text::Jump> jumps(articles.size());
    join_run_ons(articles, jumps, pages);
    CHECK(articles.size() == 4);
    // An article closed by its signature takes no run-on part.
    articles = {article("1", "FEUILLETON.", "Une dernière fois ma pensée, mais je", {"p1-bfoot2"}),
                article("2", std::nullopt, "réussis à soutenir.", {"p2-bfoot0"})};
    articles[0].signature = "Armand de Pontmartin";
    jumps.assign(articles.size(), {});
    join_run_ons(articles, jumps, pages);
    CHECK(articles.size() == 2);
    articles[0].signature.reset();
    join_run_ons(articles, jumps, pages);
    CHECK(articles.size() == 1);
}

namespace {

// A region with word boxes: 10 px a character, 8 px between words, `lead_space` after the
// first `lead_words` words of the first line.
Region boxed(double x, double y, const std::vector<std::string>& lines, std::size_t lead_words,
             double lead_space) {
    Region r;
    double line_y = y;
    double right = x;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        TextLine line;
        double word_x = x;
        std::size_t start = 0, k = 0;
        const std::string& text = lines[l];
        while (start < text.size()) {
            std::size_t end = text.find(' ', start);
            if (end == std::string::npos) end = text.size();
            Word w;
            w.text = text.substr(start, end - start);
            w.box = Box{word_x, line_y, 10.0 * static_cast<double>(w.text.size()), 20};
            word_x += w.box->width + (l == 0 && ++k == lead_words ? lead_space : 8);
            line.words.push_back(w);
            start = end + 1;
        }
        line.box = Box{x, line_y, word_x - x, 20};
        right = std::max(right, word_x);
        r.lines.push_back(line);
        line_y += 24;
    }
    r.box = {x, y, right - x, line_y - y};
    return r;
}

// The section's heading, set larger (40 px lines) across both columns.
Region region_title() {
    Region r;
    TextLine line;
    Word a, b;
    a.text = "PARTIE";
    a.box = Box{500, 30, 120, 40};
    b.text = "OFFICIELLE.";
    b.box = Box{640, 30, 220, 40};
    line.words = {a, b};
    line.box = Box{500, 30, 360, 40};
    r.lines = {line};
    r.box = *line.box;
    return r;
}

}  // namespace

TEST_CASE("run-in headings set off by a wide space open the items of a notice section") {
    const std::vector<std::string> de = {"Polizei-Reglement. In seiner Sitzung vom 9. Mai",
                                         "hat der Gemeinderath von Clerf ein Reglement",
                                         "über die Reinlichkeit der Straßen erlassen, das",
                                         "mit dem heutigen Tage in Kraft tritt und gilt."};
    const std::vector<std::string> fr = {"Règlement de police. Dans sa séance du 9 mai",
                                         "le conseil communal de Clervaux a pris un",
                                         "règlement sur la propreté des rues qui entre",
                                         "en vigueur aujourd'hui et qui oblige chacun."};
    const std::vector<std::string> de2 = {"Polizei-Reglement. In seiner Sitzung vom 9. Mai",
                                          "hat der Gemeinderath von Vianden ein Reglement",
                                          "über die Reinlichkeit der Straßen erlassen, das",
                                          "mit dem heutigen Tage in Kraft tritt und gilt."};
    for (const double space : {60.0, 8.0}) {
        LayoutPage page;
        page.width = 1300;
        page.height = 1000;
        page.unit = "pixel";
        page.regions.push_back(region_title());
        page.regions.push_back(boxed(20, 100, de, 1, space));
        page.regions.push_back(boxed(650, 100, fr, 3, space));
        const auto seg = segment_layout(page, {"p.xml", "1", 1, "fr", ""});
        // The German notice and the French one beside it are two items either way.
        REQUIRE(seg.articles.size() == 2);
        CHECK_FALSE(seg.articles[1].headline.has_value());
        CHECK(seg.articles[1].body_text().starts_with("Règlement de police."));
        if (space > 8) {
            // The item opens with its own run-in heading: the title above labels the section.
            CHECK_FALSE(seg.articles[0].headline.has_value());
            CHECK(seg.blocks[0].kind == BlockKind::furniture);
        } else {
            CHECK(seg.articles[0].headline == "PARTIE OFFICIELLE.");
        }
    }
    // Two columns in one language without run-in headings run on.
    LayoutPage page;
    page.width = 1300;
    page.height = 1000;
    page.unit = "pixel";
    page.regions.push_back(region_title());
    page.regions.push_back(boxed(20, 100, de, 1, 8));
    page.regions.push_back(boxed(650, 100, de2, 1, 8));
    const auto seg = segment_layout(page, {"p.xml", "1", 1, "de", ""});
    CHECK(seg.articles.size() == 1);
}
