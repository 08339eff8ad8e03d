// The geometric segmenter on hand-made pages: reading order, roles from typography and
// patterns, articles and captions.
#include <doctest/doctest.h>

#include "layout/layout_page.hpp"
#include "layout/reading_order.hpp"

using namespace paperbag;
using namespace paperbag::layout;

namespace {

// A page 600 x 800 pt with styles: 0 body 9 pt, 1 headline 20 pt bold, 2 kicker 12 pt,
// 3 caption 8 pt.
LayoutPage empty_page() {
    LayoutPage page;
    page.width = 600;
    page.height = 800;
    page.unit = "pt";
    page.styles = {{"Serif", 9, false, false},
                   {"Sans", 20, true, false},
                   {"Sans", 12, false, false},
                   {"Sans", 8, false, true}};
    return page;
}

// A region at (x, y) of `width`, one line per text, each line `size` high, words split at
// spaces and set in `style`.
Region region(double x, double y, double width, double size, int style,
              const std::vector<std::string>& lines) {
    Region r;
    r.box = {x, y, width, size * 1.2 * static_cast<double>(lines.size())};
    double line_y = y;
    for (const std::string& text : lines) {
        TextLine line;
        line.box = Box{x, line_y, width, size};
        std::size_t start = 0;
        while (start < text.size()) {
            std::size_t end = text.find(' ', start);
            if (end == std::string::npos) end = text.size();
            if (end > start) {
                Word w;
                w.text = text.substr(start, end - start);
                w.style = style;
                line.words.push_back(w);
            }
            start = end + 1;
        }
        r.lines.push_back(line);
        line_y += size * 1.2;
    }
    r.style = style;
    return r;
}

text::PageContext context(std::string language = "en") {
    return {"page-1.pdf", "1", 1, std::move(language), ""};
}

}  // namespace

TEST_CASE("xy-cut reads a spanning headline, then its columns left to right") {
    // 0: right column, 1: headline across both, 2: left column, 3: left column lower.
    const std::vector<Box> boxes = {
        {310, 100, 280, 600}, {10, 20, 580, 60}, {10, 100, 280, 300}, {10, 420, 280, 280}};
    CHECK(xy_cut_order(boxes) == std::vector<std::size_t>{1, 2, 3, 0});
    CHECK(xy_cut_order(boxes, true) == std::vector<std::size_t>{1, 0, 2, 3});
}

TEST_CASE("xy-cut: two stories side by side, each with its own headline") {
    const std::vector<Box> boxes = {
        {310, 20, 280, 40}, {10, 20, 280, 40}, {310, 70, 280, 500}, {10, 70, 280, 300}};
    CHECK(xy_cut_order(boxes) == std::vector<std::size_t>{1, 3, 0, 2});
}

TEST_CASE("English page: kicker, headline, byline, body over two columns, photo caption") {
    LayoutPage page = empty_page();
    page.regions.push_back(region(10, 10, 580, 8, 0, {"The Riverton Courier Page 1"}));
    page.regions.push_back(region(10, 60, 580, 12, 2, {"CITY HALL"}));
    page.regions.push_back(region(10, 80, 580, 20, 1, {"Council weighs budget"}));
    page.regions.push_back(region(10, 110, 280, 9, 0, {"By Dana Whitfield"}));
    page.regions.push_back(
        region(10, 125, 280, 9, 0,
               {"RIVERTON, March 3 - The council met on", "Monday to discuss the new budget.",
                "Members argued for hours about", "the money."}));
    page.regions.push_back(region(
        310, 110, 280, 9, 0,
        {"The vote is expected next week after", "a public hearing.", "Continued on Page 4"}));
    Graphic photo;
    photo.id = "p1-g001";
    photo.box = {310, 400, 280, 200};
    page.graphics.push_back(photo);
    page.regions.push_back(region(310, 605, 280, 8, 3, {"The river at dawn. Photo: Luis Moreno"}));
    page.regions.push_back(region(10, 770, 580, 8, 0, {"1"}));

    const auto out = segment_layout(page, context());
    REQUIRE(out.articles.size() == 1);
    const Article& art = out.articles[0];
    CHECK(art.kicker == "CITY HALL");
    CHECK(art.headline == "Council weighs budget");
    REQUIRE(art.bylines.size() == 1);
    CHECK(art.bylines[0].name == "Dana Whitfield");
    CHECK(art.continued_on == "4");
    CHECK(out.jumps.at(0).to_line > 0);
    REQUIRE(art.body.size() >= 2);
    CHECK(art.body_text().find("The council met on Monday") != std::string::npos);
    CHECK(art.body_text().find("Continued") == std::string::npos);
    REQUIRE(out.illustrations.size() == 1);
    CHECK(out.illustrations[0].caption == "The river at dawn.");
    CHECK(out.illustrations[0].credit == "Luis Moreno");
    CHECK(out.illustrations[0].graphic_ids == std::vector<std::string>{"p1-g001"});
    // Running head and folio are furniture; every block keeps its box and lines.
    CHECK(out.blocks.front().kind == BlockKind::furniture);
    CHECK(out.blocks.back().kind == BlockKind::furniture);
    for (const Block& b : out.blocks) {
        CHECK(b.box.has_value());
        CHECK_FALSE(b.lines.empty());
    }
}

TEST_CASE("Chinese page: headline stack, dateline lead with bracketed byline, second item") {
    LayoutPage page = empty_page();
    page.regions.push_back(region(10, 60, 580, 12, 2, {"引题在这里"}));
    page.regions.push_back(region(10, 80, 580, 20, 1, {"主标题新闻"}));
    page.regions.push_back(region(10, 110, 580, 12, 2, {"——副题文字"}));
    page.regions.push_back(region(
        10, 140, 280, 9, 0, {"新华社北京5月3日电（记者王明）今天上午，", "会议在北京召开。"}));
    page.regions.push_back(region(10, 300, 280, 20, 1, {"第二条新闻标题"}));
    page.regions.push_back(region(10, 330, 280, 9, 0, {"新华社伦敦12月24日电　比赛结束。"}));
    page.regions.push_back(region(10, 360, 280, 9, 0, {"（刘锦云）"}));
    page.reading_order_given = true;

    const auto out = segment_layout(page, context("zh-Hans"));
    REQUIRE(out.articles.size() == 2);
    CHECK(out.articles[0].kicker == "引题在这里");
    CHECK(out.articles[0].headline == "主标题新闻");
    CHECK(out.articles[0].subtitle == "副题文字");
    CHECK(out.articles[0].dateline == "新华社北京5月3日电");
    REQUIRE(out.articles[0].bylines.size() == 1);
    CHECK(out.articles[0].bylines[0].name == "王明");
    CHECK(out.articles[0].body_text() == "今天上午，会议在北京召开。");
    CHECK(out.articles[1].headline == "第二条新闻标题");
    CHECK(out.articles[1].body_text() == "比赛结束。");
    CHECK(out.articles[1].signature == "刘锦云");
    CHECK(out.blocks[0].kind == BlockKind::kicker);
    CHECK(out.blocks[2].kind == BlockKind::subtitle);
}

TEST_CASE("without fonts, line heights decide; body without a title is kept and flagged") {
    LayoutPage page;
    page.unit = "pixel";
    page.height = 4000;
    auto body = region(100, 400, 1000, 40, -1,
                       {"Some text of an article that has", "no headline at all printed."});
    auto head = region(100, 1000, 1000, 90, -1, {"BIG NEWS TODAY"});
    auto text = region(100, 1120, 1000, 40, -1,
                       {"The story under the big headline", "goes on here for a while."});
    page.regions = {body, head, text};
    const auto out = segment_layout(page, context());
    REQUIRE(out.articles.size() == 2);
    CHECK_FALSE(out.articles[0].headline.has_value());
    CHECK(out.articles[0].warnings.size() == 1);
    CHECK(out.articles[1].headline == "BIG NEWS TODAY");
}

TEST_CASE("an empty page gives nothing and does not crash") {
    LayoutPage page;
    const auto out = segment_layout(page, context());
    CHECK(out.articles.empty());
    CHECK(out.blocks.empty());
}

TEST_CASE("older papers: a centred body-size heading ending in a full stop starts an article") {
    // Two items in one column, 9 pt throughout; the headings are centred and short.
    LayoutPage page = empty_page();
    page.regions.push_back(region(150, 100, 100, 9, 0, {"Revue politique."}));
    page.regions.push_back(region(100, 115, 200, 9, 0,
                                  {"La situation en Europe reste calme, et les",
                                   "cabinets "
                                   "poursuivent leurs négociations sur la question",
                                   "d'Orient depuis le début du mois."}));
    page.regions.push_back(region(160, 160, 80, 9, 0, {"Nord."}));
    page.regions.push_back(region(100, 175, 200, 9, 0,
                                  {"Le Nord publie aujourd'hui une lettre de",
                                   "Saint-Pétersbourg "
                                   "sur les travaux du chemin",
                                   "de fer qui doit relier les deux "
                                   "capitales."}));
    // A left-aligned short line between two body regions does not start an article.
    page.regions.push_back(region(100, 215, 60, 9, 0, {"Weiteres"}));
    page.regions.push_back(region(100, 230, 200, 9, 0,
                                  {"Die Nachrichten aus dem Norden lauten",
                                   "günstig, die Ernte "
                                   "verspricht in allen",
                                   "Provinzen einen guten Ertrag."}));
    const auto seg = segment_layout(page, context("fr"));
    REQUIRE(seg.articles.size() == 2);
    CHECK(seg.articles[0].headline == "Revue politique.");
    CHECK(seg.articles[1].headline == "Nord.");
    CHECK(seg.articles[1].body_text().find("Weiteres") != std::string::npos);
}

TEST_CASE("xy-cut: columns of a page scanned askew, whose edges overlap a little, stay apart") {
    // Three columns 1000 px wide whose edges drift by 30 px down the page (a tilted scan):
    // no clean gutter, yet each column is read whole before the next.
    const std::vector<Box> boxes = {{0, 0, 1000, 900},       {1020, 0, 1000, 500},
                                    {2040, 0, 1000, 1200},   {30, 905, 1010, 900},
                                    {1030, 505, 1020, 1300}, {2060, 1205, 1000, 600}};
    CHECK(xy_cut_order(boxes) == std::vector<std::size_t>{0, 3, 1, 4, 2, 5});
}

TEST_CASE("xy-cut: paragraph breaks of two overlapping columns that happen to line up") {
    // Two columns whose blocks overlap by 20 px (a loose OCR block edge); the first column's
    // second paragraph starts 6 px below the second column's first paragraph ends, which
    // leaves a 6 px band across both. The columns are still read whole, one after the other.
    const std::vector<Box> boxes = {
        {0, 0, 1000, 1000}, {980, 0, 1000, 1094}, {0, 1100, 1000, 900}, {980, 1100, 1000, 900}};
    CHECK(xy_cut_order(boxes) == std::vector<std::size_t>{0, 2, 1, 3});
}

TEST_CASE("xy-cut: OCR blocks drawn loosely over the next column are read by column") {
    // The first column's long block reaches 90 px into the second column, far beyond any
    // skew; the heading and body of the first column are read before the second column.
    const std::vector<Box> boxes = {{1200, 300, 1000, 5600},
                                    {370, 320, 700, 50},
                                    {280, 380, 1010, 5500},
                                    {2300, 300, 900, 5600}};
    CHECK(xy_cut_order(boxes) == std::vector<std::size_t>{1, 2, 0, 3});
}

TEST_CASE("furniture: running head, the paper's title, page label; titles without body") {
    LayoutPage page = empty_page();
    page.regions.push_back(region(10, 100, 580, 20, 1, {"THE RIVERTON COURIER"}));
    page.regions.push_back(region(10, 125, 300, 8, 0, {"TUESDAY, MARCH 3, 1914"}));
    page.regions.push_back(region(500, 125, 80, 8, 0, {"PAGE 2"}));
    page.regions.push_back(region(10, 160, 280, 20, 1, {"Council weighs budget"}));
    page.regions.push_back(
        region(10, 190, 280, 9, 0, {"The council met on Monday to discuss", "the new budget."}));
    // An advertisement: a heading with small print and nothing else, far from the article.
    page.regions.push_back(region(320, 400, 260, 20, 1, {"PIANOS AND PLAYER PIANOS"}));
    page.regions.push_back(region(320, 430, 260, 9, 2, {"Cash or Easy Terms"}));
    page.regions.push_back(region(320, 600, 260, 20, 1, {"GROCERIES AND MEATS"}));
    text::PageContext ctx = context();
    ctx.title = "The Riverton Courier";
    const auto out = segment_layout(page, ctx);
    REQUIRE(out.articles.size() == 1);
    CHECK(out.articles[0].headline == "Council weighs budget");
    CHECK_FALSE(out.articles[0].kicker.has_value());
    CHECK_FALSE(out.articles[0].subtitle.has_value());
    for (std::size_t i : {0, 1, 2, 5, 7}) {
        CAPTURE(i);
        CHECK(out.blocks[i].kind == BlockKind::furniture);
    }
    CHECK(out.warnings.size() >= 2);  // each title stack without body is flagged
}

TEST_CASE("a second dateline inside a headed article stays in it; a separator ends an item") {
    LayoutPage page = empty_page();
    page.regions.push_back(region(10, 60, 580, 20, 1, {"主标题新闻"}));
    page.regions.push_back(region(10, 90, 280, 9, 0, {"新华社北京5月3日电　会议今天召开。"}));
    page.regions.push_back(region(10, 120, 280, 9, 0, {"新华社上海5月3日电　另一消息。"}));
    page.reading_order_given = true;
    auto out = segment_layout(page, context("zh-Hans"));
    REQUIRE(out.articles.size() == 1);
    CHECK(out.articles[0].body_text().find("另一消息") != std::string::npos);

    LayoutPage en = empty_page();
    en.regions.push_back(region(10, 60, 280, 9, 0,
                                {"The whole city is seething over the", "killing of a striker."}));
    en.regions.push_back(region(130, 90, 20, 9, 0, {"o o"}));
    en.regions.push_back(region(
        10, 110, 280, 9, 0, {"The Spanish cabinet is considering a", "military dictatorship."}));
    en.reading_order_given = true;
    out = segment_layout(en, context());
    REQUIRE(out.articles.size() == 2);
    CHECK(out.blocks[1].kind == BlockKind::furniture);
}

TEST_CASE("captions: by position only when set off; a credit touching 摄") {
    LayoutPage page = empty_page();
    Graphic photo;
    photo.id = "p1-g001";
    photo.box = {10, 300, 580, 200};
    page.graphics.push_back(photo);
    page.regions.push_back(region(10, 60, 580, 20, 1, {"主标题新闻"}));
    // Body text running up to the photo, set like the body: not a caption.
    page.regions.push_back(
        region(10, 90, 580, 9, 0, {"新华社北京5月3日电　会议今天召开，代表们", "讨论了预算。"}));
    page.regions.push_back(region(10, 280, 580, 9, 0, {"会议将在下周继续进行。"}));
    page.regions.push_back(region(10, 505, 580, 8, 3, {"图中代表们在会场讨论。本报记者 王明摄"}));
    page.reading_order_given = true;
    const auto out = segment_layout(page, context("zh-Hans"));
    REQUIRE(out.illustrations.size() == 1);
    CHECK(out.illustrations[0].caption == "图中代表们在会场讨论。");
    CHECK(out.illustrations[0].credit == "本报记者王明");
    REQUIRE(out.articles.size() == 1);
    CHECK(out.articles[0].body_text().find("下周继续") != std::string::npos);
}

TEST_CASE("OCR page in mm10 with fonts in points: stacks, datelines over headings, running heads") {
    // A BnL-like page: boxes in 1/10 mm, fonts in points (body 10 pt, about 35 mm10 a line).
    LayoutPage page;
    page.width = 2580;
    page.height = 4060;
    page.unit = "mm10";
    page.styles = {
        {"Times", 10, false, false}, {"Times", 20, false, false}, {"Times", 14, false, false}};
    const std::vector<std::string> body = {
        "Die Nachrichten aus dem Norden lauten heute günstig, die",
        "Ernte verspricht in allen Provinzen einen guten Ertrag und",
        "die Preise des Getreides sinken seit dem Anfang des Monats",
        "merklich, wie die Berichte aus allen Kreisen übereinstimmend",
        "melden; man hofft auf eine weitere Besserung der Lage."};
    // The running head: the paper's name (misread) and the date, at the top of the page.
    page.regions.push_back(
        region(500, 280, 1500, 35, 0, {"LUXEMBURGFR ZEITUNG, SAMSTAG, 10. JULI 1858."}));
    // Column 1: the paper's dateline set larger over a centred body-size heading.
    page.regions.push_back(region(250, 400, 450, 50, 2, {"Luxembourg, le 9 juillet."}));
    page.regions.push_back(region(320, 470, 300, 35, 0, {"Revue politique."}));
    page.regions.push_back(region(100, 520, 750, 35, 0, body));
    page.regions.push_back(region(100, 750, 750, 35, 0, body));
    // Column 2: a two-part heading whose parts stand 118 mm10 apart (3.4 of its 20 pt, but
    // less than one of its lines): one stack.
    page.regions.push_back(region(1100, 400, 500, 60, 1, {"FEUILLETON."}));
    page.regions.push_back(region(1000, 590, 700, 60, 1, {"L'ÉCU DE SIX FRANCS."}));
    page.regions.push_back(region(950, 700, 750, 35, 0, body));
    page.regions.push_back(region(950, 930, 750, 35, 0, body));
    const auto seg = segment_layout(page, context("fr"));
    REQUIRE(seg.articles.size() == 2);
    CHECK(seg.articles[0].headline == "Revue politique.");
    CHECK(seg.articles[0].kicker == "Luxembourg, le 9 juillet.");
    CHECK(seg.articles[1].headline == "FEUILLETON.");
    CHECK(seg.articles[1].subtitle == "L'ÉCU DE SIX FRANCS.");
    REQUIRE_FALSE(seg.blocks.empty());
    CHECK(seg.blocks[0].kind == BlockKind::furniture);
    for (const Article& a : seg.articles) CHECK(a.body_text().find("SAMSTAG") == std::string::npos);
}

TEST_CASE("OCR page: text under a band across the columns does not continue the news above") {
    // Pixels, no fonts (sizes from line heights, 20 px): a headline over three columns, then
    // 40 px of white space across the page and three more columns without a heading (the
    // feuilleton under the rule, running on from the page before).
    LayoutPage page;
    page.width = 1000;
    page.height = 1400;
    page.unit = "pixel";
    const std::vector<std::string> news = {
        "the ministers met again on Tuesday and", "agreed on the terms of the treaty that",
        "both houses are to vote on next week, as", "the papers of the capital report with",
        "some satisfaction after a long dispute."};
    const std::vector<std::string> story = {
        "dans une chambre d'auberge et sur la", "route, pendant quelques heures; mais",
        "son image ne m'avait plus quitté depuis", "ce jour, et je la revoyais chaque soir",
        "en fermant les yeux sur mon oreiller."};
    page.regions.push_back(region(200, 40, 600, 40, -1, {"THE TREATY"}));
    for (int c = 0; c < 3; ++c) page.regions.push_back(region(340.0 * c, 100, 300, 20, -1, news));
    for (int c = 0; c < 3; ++c) page.regions.push_back(region(340.0 * c, 260, 300, 20, -1, story));
    const auto seg = segment_layout(page, context("fr"));
    REQUIRE(seg.articles.size() == 2);
    CHECK(seg.articles[0].headline == "THE TREATY");
    CHECK(seg.articles[0].body_text().find("chambre") == std::string::npos);
    CHECK_FALSE(seg.articles[1].headline.has_value());
    CHECK(seg.articles[1].body_text().starts_with("dans une chambre"));
}

TEST_CASE("OCR page: a running head whose year the OCR misread is still the running head") {
    LayoutPage page;
    page.width = 1000;
    page.height = 1400;
    page.unit = "pixel";
    const std::vector<std::string> news = {
        "the ministers met again on Tuesday and", "agreed on the terms of the treaty that",
        "both houses are to vote on next week, as", "the papers of the capital report with",
        "some satisfaction after a long dispute."};
    for (const std::string head :
         {"THE EXAMINER, SATURDAY, MAY 2. 18f4.", "THE EXAMINER, SATURDAY, MAY 2, l874."}) {
        page.regions.clear();
        page.regions.push_back(region(200, 20, 600, 24, -1, {head}));
        page.regions.push_back(region(100, 100, 300, 20, -1, {"THE LUCK OF THE YEAR"}));
        page.regions.push_back(region(100, 130, 300, 20, -1, news));
        const auto seg = segment_layout(page, context("en"));
        REQUIRE_FALSE(seg.blocks.empty());
        CHECK(seg.blocks[0].kind == BlockKind::furniture);
        for (const Article& a : seg.articles)
            CHECK(a.headline.value_or("").find("EXAMINER") == std::string::npos);
    }
}
