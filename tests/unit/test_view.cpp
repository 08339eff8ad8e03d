// The review document (paperbag/view.hpp) without a browser: escaping, the PNG encoder, the
// markup of a sample issue's review, and the ALTO read back from a bundle. The browser tests
// are tests/cli/view_review.sh.
#include <doctest/doctest.h>

#include <regex>
#include <set>

#include "paperbag/view.hpp"
#include "support/sample_bundle.hpp"
#include "support/temp_dir.hpp"
#include "view/alto_blocks.hpp"
#include "view/html_out.hpp"
#include "view/png.hpp"

namespace paperbag {

namespace {

std::set<std::string> attribute_values(const std::string& html, const std::string& selector,
                                       const std::string& name) {
    std::set<std::string> out;
    const std::regex element("<[^>]*" + selector + "[^>]*>");
    const std::regex value(name + "=\"([^\"]*)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), element);
         it != std::sregex_iterator(); ++it) {
        std::smatch m;
        const std::string tag = it->str();
        if (std::regex_search(tag, m, value)) out.insert(m[1]);
    }
    return out;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("view: input text never becomes markup") {
    CHECK(view::escape_html("<script>\"x\" & 'y'</script>") ==
          "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
    CHECK(view::escape_html(std::string("a\x01"
                                        "b\xff",
                                        4)) == "ab\xEF\xBF\xBD");
    view::HtmlOut html;
    html.open("p", {{"title", "\"><img src=x onerror=alert(1)>"}});
    html.text("</p><script>");
    html.close();
    const std::string out = html.finish();
    CHECK(out.find("<img") == std::string::npos);
    CHECK(out.find("<script") == std::string::npos);
    view::HtmlOut open;
    open.open("div");
    CHECK_THROWS_AS(open.finish(), Error);
}

TEST_CASE("view: the PNG encoder writes a valid header for the size") {
    const std::string rgb(2 * 3 * 3, '\x7f');
    const std::string png = view::encode_png(rgb, 3, 2);
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    CHECK(png.substr(12, 4) == "IHDR");
    CHECK(png.substr(16, 8) == std::string("\0\0\0\x03\0\0\0\x02", 8));
    CHECK(png.substr(png.size() - 8, 4) == "IEND");
    CHECK(view::encode_png(rgb, 3, 2) == png);
    CHECK_THROWS_AS(view::encode_png(rgb, 4, 2), Error);
}

TEST_CASE("view: a bundle's review has one entry and one region set per article") {
    const test::TempDir dir;
    const auto bundle = dir.path() / "riverton.zip";
    test::write_sample_bundle(test::sample_dir("riverton-courier-2024-03-18"), bundle);
    Diagnostics diagnostics;
    const Review review = make_review(bundle, {}, diagnostics);
    REQUIRE(review.files.contains("index.html"));
    const std::string& html = review.files.at("index.html");
    CHECK(review.pages == 2);
    CHECK(review.articles > 2);
    // Every article: one index entry, regions with the same METS div IDs.
    const auto entries = attribute_values(html, "class=\"article-entry\"", "data-article");
    const auto regions = attribute_values(html, "class=\"region ", "data-article");
    CHECK(entries.size() == review.articles);
    CHECK(regions == entries);
    CHECK(entries.contains("LOG_art-001"));
    const std::size_t index_start = html.find("id=\"index\"");
    const std::size_t index_end = html.find("</section>", index_start);
    CHECK(count(html.substr(index_start, index_end - index_start), "class=\"article-entry\"") ==
          review.articles);
    // Page text: the text view, every block with its ALTO ID.
    CHECK(html.find("class=\"page-text\"") != std::string::npos);
    CHECK(html.find("data-block=\"p1-b0001\"") != std::string::npos);
    // Self-contained: no script or style from elsewhere.
    CHECK(html.find("<script src") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);
    CHECK(html.find("http://") == std::string::npos);
    CHECK(html.find("id=\"tools\"") != std::string::npos);
    // Deterministic.
    Diagnostics again;
    CHECK(make_review(bundle, {}, again).files.at("index.html") == html);
    ViewOptions read_only;
    read_only.corrections = false;
    CHECK(make_review(bundle, read_only, again).files.at("index.html").find("id=\"tools\"") ==
          std::string::npos);
}

TEST_CASE("view: ALTO blocks with geometry are read back") {
    const std::string alto = R"(<?xml version="1.0"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
  <Description><MeasurementUnit>inch1200</MeasurementUnit></Description>
  <Layout><Page ID="P" WIDTH="9920" HEIGHT="14033"><PrintSpace>
    <TextBlock ID="p1-b0001" TAGREFS="TAG_headline" HPOS="600" VPOS="700" WIDTH="5000" HEIGHT="400">
      <TextLine HPOS="600" VPOS="700" WIDTH="5000" HEIGHT="400">
        <String CONTENT="Bridge"/><SP/><String CONTENT="opens"/></TextLine>
    </TextBlock>
    <Illustration ID="g1" HPOS="1" VPOS="2" WIDTH="3" HEIGHT="4"/>
  </PrintSpace></Page></Layout>
</alto>)";
    Page page;
    Diagnostics diagnostics;
    REQUIRE(view::read_alto_blocks(alto, "a.xml", page, diagnostics));
    CHECK(page.unit == "inch1200");
    CHECK(page.width == 9920);
    REQUIRE(page.blocks.size() == 1);
    CHECK(page.blocks[0].id == "p1-b0001");
    CHECK(page.blocks[0].kind == BlockKind::headline);
    CHECK(page.blocks[0].text == "Bridge opens");
    REQUIRE(page.blocks[0].box);
    CHECK(page.blocks[0].box->hpos == 600);
    REQUIRE(page.graphics.size() == 1);
    CHECK(page.graphics[0].id == "g1");
    Page broken;
    CHECK_FALSE(view::read_alto_blocks("<alto", "b.xml", broken, diagnostics));
    CHECK(diagnostics.has_errors());
}

}  // namespace paperbag
