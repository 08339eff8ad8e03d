// Word cues of the geometric segmenter (src/layout/text_cues.cpp) and the rules that use them:
// the advertisement section, tables read with the column above them, translations set side
// by side, section labels over the items' own headings, text at the head of a page.
#include <doctest/doctest.h>

#include "layout/layout_page.hpp"
#include "layout/page_runs.hpp"
#include "layout/text_cues.hpp"

using namespace paperbag;
using namespace paperbag::layout;

namespace {

// A region of `lines` set 10 px a character, 8 px between words, lines 24 px apart (20 px
// high), or `rows` lines to a row when they are a table's cells.
Region text_region(double x, double y, const std::vector<std::string>& lines,
                   std::size_t per_row = 1) {
    Region r;
    double right = x;
    for (std::size_t l = 0; l < lines.size(); ++l) {
        TextLine line;
        const double line_y = y + 24.0 * static_cast<double>(l / per_row);
        double word_x = x + 200.0 * static_cast<double>(l % per_row);
        const double left = word_x;
        std::size_t start = 0;
        const std::string& text = lines[l];
        while (start < text.size()) {
            std::size_t end = text.find(' ', start);
            if (end == std::string::npos) end = text.size();
            Word w;
            w.text = text.substr(start, end - start);
            w.box = Box{word_x, line_y, 10.0 * static_cast<double>(w.text.size()), 20};
            word_x += w.box->width + 8;
            line.words.push_back(w);
            start = end + 1;
        }
        line.box = Box{left, line_y, word_x - left, 20};
        right = std::max(right, word_x);
        r.lines.push_back(line);
    }
    const double rows = static_cast<double>((lines.size() + per_row - 1) / per_row);
    r.box = {x, y, right - x, 24.0 * rows};
    return r;
}

// A one-line heading of `size` px high glyphs.
Region heading(double x, double y, const std::string& text, double size = 40) {
    Region r;
    TextLine line;
    double word_x = x;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        Word w;
        w.text = text.substr(start, end - start);
        w.box = Box{word_x, y, size * 0.5 * static_cast<double>(w.text.size()), size};
        word_x += w.box->width + size * 0.3;
        line.words.push_back(w);
        start = end + 1;
    }
    line.box = Box{x, y, word_x - x, size};
    r.lines = {line};
    r.box = *line.box;
    return r;
}

LayoutPage page_of(std::vector<Region> regions) {
    LayoutPage page;
    page.width = 1400;
    page.height = 2000;
    page.unit = "pixel";
    page.regions = std::move(regions);
    return page;
}

const std::vector<std::string> german = {
    "Die Regierung hat in der Sitzung vom 9. Mai die", "Verordnung über die Wege erlassen, die mit",
    "dem heutigen Tage in Kraft tritt und nach der", "jeder Bürger sich zu richten hat, und es ist",
    "nicht erlaubt, von den Wegen abzuweichen."};
const std::vector<std::string> french = {
    "Le gouvernement a pris dans la séance du 9 mai", "un règlement sur les chemins qui entre en",
    "vigueur aujourd'hui et que chacun doit suivre;", "il est interdit de quitter les chemins pour",
    "les champs et les prés de la commune."};
const std::vector<std::string> english = {
    "The meeting of the board was held on Monday,", "when the chairman said that the works which",
    "had been begun in the spring were now nearly", "finished, and that the town would have the",
    "new road before the winter."};

std::vector<std::string> table_cells(const std::string& prefix) {
    std::vector<std::string> cells;
    for (int row = 0; row < 8; ++row)
        for (int col = 0; col < 3; ++col)
            cells.push_back(prefix + std::to_string(row) + std::to_string(col));
    return cells;
}

}  // namespace

TEST_CASE("cues: advertisement labels under OCR noise") {
    CHECK(advertisement_label("Anzeigen."));
    CHECK(advertisement_label("Anzeigen. — Annonces."));
    CHECK(advertisement_label("£Cttsetgeu+ AumoMces."));  // BnL 1858, Fraktur read as Antiqua
    CHECK(advertisement_label("ADVERTISEMENTS."));
    CHECK(advertisement_label("Inserate"));
    CHECK_FALSE(advertisement_label("Verschiedenes."));
    CHECK_FALSE(advertisement_label("Nouvelles des journaux."));
    CHECK_FALSE(advertisement_label("The annual meeting of the advertisers of the town"));
    CHECK_FALSE(advertisement_label(""));
}

TEST_CASE("cues: the language of a region by its function words") {
    auto joined = [](const std::vector<std::string>& lines) {
        std::string s;
        for (const auto& l : lines) s += l + " ";
        return s;
    };
    CHECK(guess_language(joined(german)) == Language::german);
    CHECK(guess_language(joined(french)) == Language::french);
    CHECK(guess_language(joined(english)) == Language::english);
    CHECK(guess_language("Wheat 64 71 Beans 42 47 Barley 30 32") == Language::unknown);
    CHECK(guess_language("") == Language::unknown);
}

TEST_CASE("layout: a heading labelling the advertisements ends the articles of the page") {
    const auto seg = segment_layout(
        page_of({heading(100, 100, "Revue politique.", 30), text_region(100, 150, french),
                 heading(400, 700, "Anzeigen. — Annonces.", 40), text_region(100, 800, english),
                 text_region(700, 800, german)}),
        {"p.xml", "4", 4, "fr", ""});
    REQUIRE(seg.articles.size() == 1);
    CHECK(seg.articles[0].headline == "Revue politique.");
    for (const Block& b : seg.blocks)
        if (b.box && b.box->vpos >= 700) CHECK(b.kind == BlockKind::furniture);
    // Without the label the same text is two more items.
    const auto plain = segment_layout(
        page_of({heading(100, 100, "Revue politique.", 30), text_region(100, 150, french),
                 heading(400, 700, "Zeitungsnachrichten.", 40), text_region(100, 800, english),
                 text_region(700, 800, german)}),
        {"p.xml", "4", 4, "fr", ""});
    CHECK(plain.articles.size() >= 2);
}

TEST_CASE("layout: tables under two columns are read with the text above them") {
    // A German notice and its French translation side by side, each announcing the table
    // under it; the band of tables is a line's height below the notices.
    const auto seg =
        segment_layout(page_of({text_region(50, 100, german), text_region(750, 100, french),
                                text_region(50, 260, table_cells("de"), 3),
                                text_region(750, 260, table_cells("fr"), 3)}),
                       {"p.xml", "1", 1, "de", ""});
    REQUIRE(seg.articles.size() == 2);
    CHECK(seg.articles[0].body_text().starts_with("Die Regierung"));
    CHECK(seg.articles[0].body_text().find("de00") != std::string::npos);
    CHECK(seg.articles[0].body_text().find("fr00") == std::string::npos);
    CHECK(seg.articles[1].body_text().starts_with("Le gouvernement"));
    CHECK(seg.articles[1].body_text().find("fr00") != std::string::npos);
}

TEST_CASE("layout: a section label over the first item's heading is not its headline") {
    // "Börsenberichte." labels the section; "Paris, 8 juillet." and "Anvers, 6 juillet." head
    // its items in one smaller style.
    const auto seg = segment_layout(
        page_of({heading(300, 100, "Börsenberichte.", 40),
                 heading(320, 160, "Paris, 8 juillet.", 26), text_region(100, 200, french),
                 heading(320, 400, "Anvers, 6 juillet.", 26), text_region(100, 440, french)}),
        {"p.xml", "4", 4, "fr", ""});
    REQUIRE(seg.articles.size() == 2);
    CHECK(seg.articles[0].headline == "Paris, 8 juillet.");
    CHECK(seg.articles[0].kicker == "Börsenberichte.");
    CHECK(seg.articles[1].headline == "Anvers, 6 juillet.");
    // A modern headline over its deck, without full stops, keeps the larger title.
    const auto modern = segment_layout(
        page_of({heading(300, 100, "Council backs new road", 40),
                 heading(320, 160, "Work to start in spring", 26), text_region(100, 200, english),
                 heading(320, 400, "Market hall reopens", 26), text_region(100, 440, english)}),
        {"p.xml", "4", 4, "en", ""});
    REQUIRE(modern.articles.size() == 2);
    CHECK(modern.articles[0].headline == "Council backs new road");
}

TEST_CASE(
    "run-on text: text without a heading at the head of a page goes on with the page before") {
    std::vector<Page> pages(2);
    for (std::size_t p = 0; p < 2; ++p) {
        pages[p].label = std::to_string(p + 1);
        pages[p].width = 2000;
        pages[p].height = 3000;
        pages[p].unit = "pixel";
        for (int c = 0; c < 2; ++c) {
            Block b;
            b.id = "p" + pages[p].label + "-b" + std::to_string(c);
            b.kind = BlockKind::body;
            b.box = Box{100.0 + 900.0 * c, 100, 800, 2800};
            pages[p].blocks.push_back(b);
        }
    }
    const std::string rest(240, 'x');
    auto article = [](std::string page, std::optional<std::string> headline, std::string body,
                      std::string block) {
        Article a;
        a.headline = std::move(headline);
        a.pages = {std::move(page)};
        a.body.push_back({Paragraph::Kind::text, std::move(body), block});
        a.block_ids = {std::move(block)};
        return a;
    };
    std::vector<Article> articles = {
        article("1", "Indépendance belge.", "Il y a ce qu'on annonce aujourd'hui.", "p1-b1"),
        article("2", std::nullopt, "On assure que M. le comte " + rest + ".", "p2-b0"),
        article("2", "Le Nord.", "Paris, 6 juillet. Je vous ai annoncé.", "p2-b1"),
    };
    std::vector<text::Jump> jumps(articles.size());
    join_run_ons(articles, jumps, pages);
    REQUIRE(articles.size() == 2);
    CHECK(articles[0].body_text().find("On assure") != std::string::npos);
    // Text at the head of a page that starts in the middle of a sentence goes on with the
    // article of its band even when that one ends with a full stop (the OCR or the compositor
    // left the sentence's end elsewhere).
    articles = {article("1", "NAVY ESTIMATES.", "Sir G. CLERKE said it was usual.", "p1-b1"),
                article("2", std::nullopt, "was necessary. He complained " + rest + ".", "p2-b0")};
    jumps.assign(articles.size(), {});
    join_run_ons(articles, jumps, pages);
    REQUIRE(articles.size() == 1);
    CHECK(articles[0].body_text().find("was necessary") != std::string::npos);
    // A scrap of a few letters at the head of the page stays apart.
    articles = {article("1", "Indépendance belge.", "Il y a ce qu'on annonce.", "p1-b1"),
                article("2", std::nullopt, "K \"", "p2-b0")};
    jumps.assign(articles.size(), {});
    join_run_ons(articles, jumps, pages);
    CHECK(articles.size() == 2);
}

TEST_CASE("section heads: a label over the first item takes the style of the later items") {
    // Page 1: "Zeitungsnachrichten." (14 pt) over "Kölnische Zeitung." (12 pt Arial) and its
    // text; page 2: "Frankfurter Postzeitung." alone in 12 pt Arial over its text.
    std::vector<Page> pages(2);
    auto add = [&](std::size_t p, std::string id, BlockKind kind, std::string text, int style) {
        Block b;
        b.id = std::move(id);
        b.kind = kind;
        b.text = std::move(text);
        b.style = style;
        b.box = Box{100, 100.0 * static_cast<double>(pages[p].blocks.size() + 1), 500, 40};
        pages[p].blocks.push_back(b);
    };
    for (std::size_t p = 0; p < 2; ++p) {
        pages[p].label = std::to_string(p + 1);
        pages[p].styles = {{"Arial", 14}, {"Arial", 12}, {"Times New Roman", 10}};
    }
    add(0, "p1-b1", BlockKind::headline, "Zeitungsnachrichten.", 0);
    add(0, "p1-b2", BlockKind::subtitle, "Kölnische Zeitung.", 1);
    add(0, "p1-b3", BlockKind::body, "Köln, 7. Juli. Was die Parteifarbe betrifft.", 2);
    add(1, "p2-b1", BlockKind::headline, "Frankfurter Postzeitung.", 1);
    add(1, "p2-b2", BlockKind::body, "Frankfurt, 7. Juli. In Uebereinstimmung.", 2);
    auto make = [](std::string headline, std::optional<std::string> subtitle,
                   std::vector<std::string> ids) {
        Article a;
        a.headline = std::move(headline);
        a.subtitle = std::move(subtitle);
        a.block_ids = std::move(ids);
        a.body.push_back({Paragraph::Kind::text, "text", a.block_ids.back()});
        return a;
    };
    std::vector<Article> articles = {
        make("Zeitungsnachrichten.", "Kölnische Zeitung.", {"p1-b1", "p1-b2", "p1-b3"}),
        make("Frankfurter Postzeitung.", std::nullopt, {"p2-b1", "p2-b2"})};
    std::vector<text::Jump> jumps(articles.size());
    join_run_ons(articles, jumps, pages);
    REQUIRE(articles.size() == 2);
    CHECK(articles[0].headline == "Kölnische Zeitung.");
    CHECK(articles[0].kicker == "Zeitungsnachrichten.");
    CHECK_FALSE(articles[0].subtitle.has_value());
    CHECK(pages[0].blocks[0].kind == BlockKind::kicker);
    CHECK(pages[0].blocks[1].kind == BlockKind::headline);
    // A deck in another style than the later headlines stays the deck.
    pages[1].blocks[0].style = 0;
    pages[0].blocks[0].kind = BlockKind::headline;
    pages[0].blocks[1].kind = BlockKind::subtitle;
    articles = {make("Zeitungsnachrichten.", "Kölnische Zeitung.", {"p1-b1", "p1-b2", "p1-b3"}),
                make("Frankfurter Postzeitung.", std::nullopt, {"p2-b1", "p2-b2"})};
    join_run_ons(articles, jumps, pages);
    CHECK(articles[0].headline == "Zeitungsnachrichten.");
}
