// The PDF importer (src/pdf): font names, unmapped text, grouping words into lines and
// regions on hand-made pages, and whole pages typeset by scripts/make-test-pdf (the build
// writes them to PAPERBAG_TEST_PDF_DIR): text against poppler's own, geometry, segmentation
// against the typesetter's truth, hostile files.
#include <doctest/doctest.h>

#include <Poco/JSON/Parser.h>

#include <poppler-document.h>
#include <poppler-page.h>
#include <algorithm>
#include <filesystem>
#include <map>

#include "io/file.hpp"
#include "paperbag/page_import.hpp"
#include "pdf/group_words.hpp"
#include "pdf/pdf_document.hpp"
#include "pdf/pdf_page.hpp"
#include "pdf/pdf_words.hpp"

using namespace paperbag;

namespace {

const std::filesystem::path pdf_dir = PAPERBAG_TEST_PDF_DIR;

// A word of a hand-made page: style 0 is body (9.5 pt), 1 a bold headline (24 pt).
pdf::PdfWord word(std::string text, double x, double y, double w, int style = 0) {
    pdf::PdfWord out;
    out.text = std::move(text);
    out.style = style;
    out.size = style == 0 ? 9.5 : 24;
    out.box = Box{x, y, w, out.size * 1.15};
    out.space_after = true;
    return out;
}

pdf::PageWords page_of(std::vector<pdf::PdfWord> words) {
    pdf::PageWords page;
    page.width = 595;
    page.height = 842;
    page.styles = {TextStyle{"Serif", 9.5, false, false}, TextStyle{"Serif", 24, true, false}};
    page.words = std::move(words);
    return page;
}

std::string region_text(const layout::Region& region) {
    std::string out;
    for (const TextLine& line : region.lines) {
        for (const Word& w : line.words)
            out += (out.empty() || out.back() == '\n' ? "" : " ") + w.text;
        out += '\n';
    }
    return out;
}

// The code points of `text` without white space, sorted: the same multiset means the same
// characters, each as often, whatever the reading order.
std::u32string char_multiset(const std::string& text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
        char32_t cp = n == 1 ? c : c & (0xFF >> (n + 1));
        for (int k = 1; k < n && i + static_cast<std::size_t>(k) < text.size(); ++k)
            cp = (cp << 6) |
                 (static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]) & 0x3F);
        i += static_cast<std::size_t>(n);
        const bool space = cp <= 0x20 || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
                           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
                           cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
        if (!space) out += cp;
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string poppler_text(const std::filesystem::path& path, int index) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path.string()));
    REQUIRE(doc);
    std::unique_ptr<poppler::page> page(doc->create_page(index));
    REQUIRE(page);
    const poppler::byte_array utf8 = page->text().to_utf8();
    return std::string(utf8.begin(), utf8.end());
}

std::string without_spaces(std::string s) {
    s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n'; }),
            s.end());
    return s;
}

}  // namespace

TEST_CASE("pdf: font names become styles") {
    const TextStyle bold = pdf::style_from_font("ABCDEF+NotoSerifCJKsc-Bold", 24.04);
    CHECK(bold.family == "NotoSerifCJKsc");
    CHECK(bold.bold);
    CHECK_FALSE(bold.italic);
    CHECK(bold.size == doctest::Approx(24.0));
    const TextStyle italic = pdf::style_from_font("Times-Italic", 9.5);
    CHECK(italic.family == "Times");
    CHECK(italic.italic);
    CHECK_FALSE(italic.bold);
    CHECK(pdf::style_from_font("\xCB\xCE\xCC\xE5", 9).family.empty());  // GBK name: not ASCII
}

TEST_CASE("pdf: text without a Unicode mapping becomes U+FFFD and is counted") {
    std::string text =
        "a\xEE\x80\x80"
        "b\x01"
        "c\xEF\xBF\xBD";
    CHECK(pdf::mark_unmapped(text) == 3);
    CHECK(text ==
          "a\xEF\xBF\xBD"
          "b\xEF\xBF\xBD"
          "c\xEF\xBF\xBD");
    std::string good = "人民日报 Evening Star";
    CHECK(pdf::mark_unmapped(good) == 0);
    CHECK(good == "人民日报 Evening Star");
}

TEST_CASE("pdf grouping: two columns stay apart, loose justified lines stay whole") {
    // Column 1 at x 36..202, column 2 at 214..380; the second line of column 1 is loosely
    // justified (gaps of 2 font sizes), the gutter is 12 pt.
    std::vector<pdf::PdfWord> words;
    for (int line = 0; line < 4; ++line) {
        const double y = 100 + line * 13.8;
        if (line == 1) {
            words.push_back(word("loose", 36, y, 40));
            words.push_back(word("justified", 95, y, 50));
            words.push_back(word("line", 165, y, 37));
        } else {
            words.push_back(word("left", 36, y, 80));
            words.push_back(word("column", 120, y, 82));
        }
        words.push_back(word("right", 214, y, 80));
        words.push_back(word("column", 298, y, 82));
    }
    const auto regions = pdf::group_words(page_of(words));
    REQUIRE(regions.size() == 2);
    CHECK(regions[0].box.hpos == doctest::Approx(36));
    CHECK(regions[0].box.width == doctest::Approx(166));
    CHECK(regions[1].box.hpos == doctest::Approx(214));
    REQUIRE(regions[0].lines.size() == 4);
    CHECK(regions[0].lines[1].words.size() == 3);
    CHECK(region_text(regions[0]).find("loose justified line") != std::string::npos);
    CHECK(region_text(regions[1]).find("left") == std::string::npos);
}

TEST_CASE("pdf grouping: printed rules keep columns and items apart, unless text touches them") {
    // Two columns 6 pt apart (less than a space of 9.5 pt type would allow), one rule between
    // them; a rule across column 1 between its second and third line.
    std::vector<pdf::PdfWord> words;
    for (int line = 0; line < 4; ++line) {
        const double y = 100 + line * 13;
        words.push_back(word("left", 36, y, 40));
        words.push_back(word("column", 80, y, 40));
        words.push_back(word("right", 126, y, 40));
        words.push_back(word("column", 170, y, 40));
    }
    pdf::PageWords page = page_of(words);
    const auto without = pdf::group_words(page);
    REQUIRE(without.size() == 1);  // without the rules: one block of lines across both columns
    page.rules.push_back(Box{122.8, 95, 0.5, 70});  // column rule in the gutter 120..126
    page.rules.push_back(Box{36, 124.7, 84, 0.5});  // item rule in the leading under line 2
    const auto with = pdf::group_words(page);
    REQUIRE(with.size() == 3);
    CHECK(with[0].box.hpos == doctest::Approx(36));
    CHECK(with[0].lines.size() == 2);
    CHECK(with[1].box.hpos == doctest::Approx(126));
    CHECK(with[1].lines.size() == 4);
    CHECK(with[2].box.vpos > 125);
    CHECK(with[2].lines.size() == 2);
    // A rule that touches the words on its sides (text printed over it) separates nothing.
    page.rules = {Box{119.8, 95, 0.5, 70}};
    CHECK(pdf::group_words(page).size() == 1);
}

TEST_CASE("pdf grouping: a headline over two columns, paragraphs split at indents") {
    std::vector<pdf::PdfWord> words;
    words.push_back(word("Council", 100, 60, 100, 1));
    words.push_back(word("Approves", 210, 60, 110, 1));
    // Paragraph 1: indented first line, full lines; paragraph 2 starts indented again.
    words.push_back(word("First", 47, 100, 155));
    words.push_back(word("second", 36, 113.8, 166));
    words.push_back(word("end.", 36, 127.6, 60));
    words.push_back(word("Next", 47, 141.4, 155));
    words.push_back(word("more", 36, 155.2, 166));
    const auto regions = pdf::group_words(page_of(words));
    REQUIRE(regions.size() == 3);
    CHECK(region_text(regions[0]) == "Council Approves\n");
    CHECK(regions[0].style == 1);
    CHECK(region_text(regions[1]) == "First\nsecond\nend.\n");
    CHECK(region_text(regions[2]) == "Next\nmore\n");
}

TEST_CASE("pdf grouping: letter-spaced CJK joins, a stack of characters is a vertical headline") {
    std::vector<pdf::PdfWord> words;
    // A letter-spaced line: one word per character, gaps of 1.5 pt.
    const std::vector<std::string> chars = {"经", "济", "发", "展"};
    for (std::size_t i = 0; i < chars.size(); ++i)
        words.push_back(word(chars[i], 36 + static_cast<double>(i) * 11, 100, 9.5));
    // A byline with a real space (a third of the font size).
    words.push_back(word("本报记者", 36, 140, 38));
    words.push_back(word("王明", 77.5, 140, 19));
    // A vertical headline: 18 pt characters stacked at x 500.
    for (std::size_t i = 0; i < chars.size(); ++i) {
        pdf::PdfWord w = word(chars[i], 500, 300 + static_cast<double>(i) * 21, 18, 1);
        w.size = 18;
        w.box.height = 18;
        words.push_back(w);
    }
    const auto regions = pdf::group_words(page_of(words));
    REQUIRE(regions.size() == 3);
    CHECK(region_text(regions[0]) == "经济发展\n");
    CHECK(region_text(regions[1]) == "本报记者 王明\n");
    CHECK(regions[2].vertical);
    CHECK(region_text(regions[2]) == "经济发展\n");
    CHECK(regions[2].box.height == doctest::Approx(3 * 21 + 18));
}

TEST_CASE("pdf page: text equals poppler's, boxes inside the page, a photo") {
    for (const char* name : {"en.pdf", "zh.pdf"}) {
        CAPTURE(name);
        const std::string bytes = read_file(pdf_dir / name);
        pdf::Document document(bytes, name);
        REQUIRE(document.pages() == 1);
        std::vector<Diagnostic> warnings;
        const layout::LayoutPage page = pdf::read_page(document, 0, "p1-", warnings);
        CHECK(warnings.empty());
        CHECK(page.unit == "pt");
        CHECK(page.width == doctest::Approx(595));
        CHECK(page.height == doctest::Approx(842));
        CHECK(char_multiset(pdf::page_text(page)) ==
              char_multiset(poppler_text(pdf_dir / name, 0)));
        // One photo, then the rules make-test-pdf draws: under the masthead, between columns,
        // over the third article and the four sides of the advertisement's box.
        REQUIRE(!page.graphics.empty());
        CHECK(page.graphics[0].kind == Graphic::Kind::illustration);
        CHECK(page.graphics[0].id == "p1-g001");
        CHECK(page.graphics[0].box.hpos == doctest::Approx(393).epsilon(0.01));
        CHECK(page.graphics[0].box.vpos == doctest::Approx(100).epsilon(0.01));
        CHECK(page.graphics[0].box.width == doctest::Approx(166).epsilon(0.01));
        std::size_t across = 0, columns = 0, box_sides = 0;
        for (std::size_t i = 1; i < page.graphics.size(); ++i) {
            const Graphic& g = page.graphics[i];
            CAPTURE(g.id);
            CHECK(g.kind == Graphic::Kind::rule);
            CHECK(g.id == "p1-g" + std::string(i + 1 < 10 ? "00" : "0") + std::to_string(i + 1));
            CHECK(std::min(g.box.width, g.box.height) <= 4);
            CHECK(g.box.hpos + g.box.width <= page.width);
            CHECK(g.box.vpos + g.box.height <= page.height);
            if (g.box.width > 500) ++across;
            if (g.box.height > 300) ++columns;
            if (g.box.vpos >= 721 && g.box.vpos + g.box.height <= 803) ++box_sides;
        }
        CHECK(across == 4);     // the masthead rule, article 3's, the box's top and bottom
        CHECK(columns == 2);    // the two column rules
        CHECK(box_sides >= 3);  // the sides of the advertisement's box
        for (const layout::Region& r : page.regions) {
            CHECK(r.box.hpos >= 0);
            CHECK(r.box.vpos >= 0);
            CHECK(r.box.hpos + r.box.width <= page.width);
            CHECK(r.box.vpos + r.box.height <= page.height);
            CHECK(r.style >= 0);
            for (const TextLine& line : r.lines) {
                REQUIRE(line.box);
                for (const Word& w : line.words) {
                    REQUIRE(w.box);
                    CHECK(w.box->hpos >= line.box->hpos - 0.01);
                    CHECK(w.box->hpos + w.box->width <= line.box->hpos + line.box->width + 0.01);
                    CHECK(w.style >= 0);
                }
            }
        }
    }
}

TEST_CASE("pdf import: articles, headlines and the caption of typeset pages") {
    for (const char* lang : {"en", "zh"}) {
        CAPTURE(lang);
        Poco::JSON::Parser parser;
        const auto truth = parser.parse(read_file(pdf_dir / (std::string(lang) + ".json")))
                               .extract<Poco::JSON::Object::Ptr>();
        const auto truth_page = truth->getArray("pages")->getObject(0);
        PageFilesOptions options;
        options.title = truth->getValue<std::string>("title");
        options.date = "2024-03-18";
        options.page = "1";
        Issue issue = issue_from_page_files({pdf_dir / (std::string(lang) + ".pdf")}, options);
        REQUIRE(issue.pages.size() == 1);
        CHECK(issue.pages[0].files[0].role == FileRole::pdf);
        CHECK(issue.pages[0].files[0].mime_type == "application/pdf");
        Diagnostics diagnostics;
        segment_issue(issue, diagnostics);
        CHECK(issue.language() == (std::string(lang) == "zh" ? "zh-Hans" : "en"));
        const Page& page = issue.pages[0];
        CHECK(page.unit == "pt");
        CHECK(std::count_if(page.graphics.begin(), page.graphics.end(), [](const Graphic& g) {
                  return g.kind == Graphic::Kind::illustration;
              }) == 1);
        for (const Block& b : page.blocks) CHECK(b.box.has_value());
        std::map<std::string, const Article*> by_headline;
        for (const Article& a : issue.articles)
            if (a.headline) by_headline[without_spaces(*a.headline)] = &a;
        const auto articles = truth_page->getArray("articles");
        for (std::size_t i = 0; i < articles->size(); ++i) {
            const auto t = articles->getObject(static_cast<unsigned>(i));
            const std::string headline = without_spaces(t->getValue<std::string>("headline"));
            CAPTURE(headline);
            REQUIRE(by_headline.count(headline) == 1);
            const Article& a = *by_headline[headline];
            // The body paragraphs of the truth are in the article's body.
            const std::string body = without_spaces(a.body_text());
            const auto paras = t->getArray("body_paragraphs");
            std::size_t found = 0;
            for (std::size_t p = 0; p < paras->size(); ++p)
                found += body.find(without_spaces(paras->getElement<std::string>(
                             static_cast<unsigned>(p)))) != std::string::npos;
            // All paragraphs but at most one (a ragged line of the generated pages may be cut
            // off and land elsewhere) are found whole.
            CHECK(found + 1 >= paras->size());
            CHECK(found >= 1);
        }
        const auto ill = truth_page->getArray("illustrations")->getObject(0);
        REQUIRE(issue.illustrations.size() >= 1);
        CHECK(without_spaces(issue.illustrations[0].caption) ==
              without_spaces(ill->getValue<std::string>("caption")));
    }
}

TEST_CASE("pdf import: a PDF of several pages is several issue pages") {
    PageFilesOptions options;
    options.title = "The Paperbag Courier";
    options.date = "2024-03-18";
    options.first_page = 5;
    Issue issue = issue_from_page_files({pdf_dir / "issue.pdf"}, options);
    REQUIRE(issue.pages.size() == 3);
    CHECK(issue.pages[2].label == "7");
    CHECK(issue.pages[2].files[0].pdf_page == 3);
    Diagnostics diagnostics;
    segment_issue(issue, diagnostics);
    CHECK(issue.articles.size() >= 9);
    CHECK(issue.pages[2].graphics.at(0).id == "p3-g001");
    options.page = "1";
    CHECK_THROWS_AS(issue_from_page_files({pdf_dir / "issue.pdf"}, options), Error);
}

TEST_CASE("pdf: hostile files give clear errors or warnings, never a crash") {
    const std::map<std::string, std::string> expected = {
        {"empty.pdf", "PB-PDF-DAMAGED"},
        {"not-a-pdf.pdf", "PB-PDF-DAMAGED"},
        {"header-only.pdf", "PB-PDF-DAMAGED"},
        {"truncated.pdf", ""},
        {"broken-xref.pdf", ""},
        {"loop.pdf", "PB-PDF-DAMAGED"},
        {"many-pages.pdf", ""},
        {"huge-page.pdf", "PB-PDF-LIMIT"},
        {"encrypted.pdf", "PB-PDF-ENCRYPTED"},
        {"type3-unmapped.pdf", "PB-PDF-UNMAPPED"},
        {"scan.pdf", "PB-PDF-NO-TEXT"},
        {"form-loop.pdf", "PB-PDF-NO-TEXT"},
        {"simple.pdf", "none"},
    };
    for (const auto& entry : expected) {
        // Named, not structured bindings: clang 14 does not capture those.
        const auto& name = entry.first;
        const auto& code = entry.second;
        CAPTURE(name);
        const std::string bytes = read_file(pdf_dir / "hostile" / name);
        std::string got = "none";
        try {
            pdf::Document document(bytes, name);
            for (int i = 0; i < document.pages(); ++i) {
                std::vector<Diagnostic> warnings;
                (void)pdf::read_page(document, i, "p1-", warnings);
                if (!warnings.empty()) got = warnings.front().code;
            }
        } catch (const Error& e) {
            got = e.diagnostic().code;
            CHECK(e.diagnostic().path == name);
            CHECK(got.rfind("PB-PDF-", 0) == 0);
        }
        // Repaired by poppler or refused: either is fine, as long as nothing crashes.
        if (!code.empty()) CHECK(got == code);
    }
}

TEST_CASE("pdf: limits on pages and words are errors naming the file") {
    const std::string bytes = read_file(pdf_dir / "issue.pdf");
    pdf::Limits few_pages;
    few_pages.max_pages = 2;
    CHECK_THROWS_WITH_AS(pdf::Document(bytes, "issue.pdf", few_pages),
                         doctest::Contains("issue.pdf: error: the PDF has 3 pages"), Error);
    pdf::Limits few_words;
    few_words.max_words = 10;
    pdf::Document document(bytes, "issue.pdf", few_words);
    std::vector<Diagnostic> warnings;
    CHECK_THROWS_WITH_AS((void)pdf::read_page(document, 0, "p1-", warnings),
                         doctest::Contains("more than the limit of 10"), Error);
}
