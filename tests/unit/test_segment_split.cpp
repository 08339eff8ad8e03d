// Splitting articles at titles printed away from them (segment_split, issue 10): short items
// without dateline or byline whose headlines the page collects at its end.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "import/segment_split.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

// `text` wrapped every `width` code points, a blank line after each line (the seed's rhythm).
std::string double_spaced(const std::u32string& text, std::size_t width) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); i += width) {
        for (char32_t c : text.substr(i, width)) {
            if (c < 0x80) {
                out += static_cast<char>(c);
            } else if (c < 0x800) {
                out += static_cast<char>(0xC0 | (c >> 6));
                out += static_cast<char>(0x80 | (c & 0x3F));
            } else {
                out += static_cast<char>(0xE0 | (c >> 12));
                out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
                out += static_cast<char>(0x80 | (c & 0x3F));
            }
        }
        out += "\n\n";
    }
    return out;
}

const std::u32string river =
    U"黄河水利委员会日前宣布，黄河下游防洪工程已经全部完成加固，沿岸群众今年安全度汛有了保障。";
const std::u32string shipping =
    U"交通部门统计，今年前十个月长江航运货运量比去年同期增长一成以上，创历史新高。";
const std::u32string lake =
    U"杭州市旅游部门介绍，国庆假期西湖景区接待游客人数比去年增长两成，景区秩序良好。";

}  // namespace

TEST_CASE("split: titles away from their items split the article that holds them") {
    // Three short items without datelines, read as one article, their three headlines
    // printed together at the end of the page.
    const std::string page = double_spaced(river, 17) + double_spaced(shipping, 17) +
                             double_spaced(lake, 17) +
                             "黄河下游防洪工程完成加固\n\n长江航运货运量创历史新高\n\n"
                             "西湖景区游客人数增长两成\n";
    const auto s = test::segment(page);
    REQUIRE(s.articles.size() == 3);
    REQUIRE(s.articles[0].headline);
    REQUIRE(s.articles[1].headline);
    REQUIRE(s.articles[2].headline);
    CHECK(*s.articles[0].headline == "黄河下游防洪工程完成加固");
    CHECK(*s.articles[1].headline == "长江航运货运量创历史新高");
    CHECK(*s.articles[2].headline == "西湖景区游客人数增长两成");
    CHECK(s.articles[1].body.front().text.starts_with("交通部门统计"));
}

TEST_CASE("split: an article with a headline of its own splits at the first away title") {
    // The first article's own headline shares little with it ("黄河安澜": one bigram of
    // three), too little to be at home in a paragraph; the headline printed at the end of
    // the page is at home in its second paragraph, which starts the item it heads.
    const std::string page = "黄河安澜\n\n" + double_spaced(river, 17) +
                             double_spaced(shipping, 17) + "西湖景区游客人数增长两成\n\n" +
                             double_spaced(U"本报杭州10月8日电 " + lake, 17) +
                             "长江航运货运量创历史新高\n";
    const auto s = test::segment(page);
    REQUIRE(s.articles.size() == 3);
    REQUIRE(s.articles[0].headline);
    CHECK(*s.articles[0].headline == "黄河安澜");
    REQUIRE(s.articles[1].headline);
    CHECK(*s.articles[1].headline == "长江航运货运量创历史新高");
    CHECK(s.articles[1].body.front().text.starts_with("交通部门统计"));
    REQUIRE(s.articles[2].headline);
    CHECK(*s.articles[2].headline == "西湖景区游客人数增长两成");
}

TEST_CASE("split: a kicker and headline over their own article split nothing") {
    // Two titles of the stack over the article, each most like a different paragraph of
    // it: they are the article's own kicker and headline, not two items.
    const std::string page = "黄河下游防洪工程\n\n长江航运货运量创历史新高\n\n" +
                             double_spaced(river, 17) + double_spaced(shipping, 17) +
                             "西湖景区游客人数增长两成\n\n" +
                             double_spaced(U"本报杭州10月8日电 " + lake, 17);
    const auto s = test::segment(page);
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].body.size() == 2);
}

TEST_CASE("split: the stage itself") {
    const std::vector<std::vector<std::string>> paragraphs = {
        {"黄河水利委员会日前宣布，黄河下游防洪工程全部完成加固。",
         "交通部门统计，长江航运货运量创历史新高。"},
        {}};
    SUBCASE("a title home in the second paragraph, one title more than articles") {
        const std::vector<TitleUnit> titles = {{"黄河下游防洪工程完成加固", 0, -1, -1},
                                               {"长江航运货运量创历史新高", 0, -1, -1}};
        const auto splits = split_at_titles(titles, paragraphs, 1);
        REQUIRE(splits.size() == 2);
        CHECK(splits[0] == std::vector<std::size_t>{1});
        CHECK(splits[1].empty());
    }
    SUBCASE("no more titles than articles: nothing is split") {
        const std::vector<TitleUnit> titles = {{"黄河下游防洪工程完成加固", 0, -1, -1},
                                               {"长江航运货运量创历史新高", 0, -1, -1}};
        CHECK(split_at_titles(titles, paragraphs, 2)[0].empty());
    }
    SUBCASE("the titles of the zone right above the article are its own stack") {
        const std::vector<TitleUnit> titles = {{"黄河下游防洪工程完成加固", 0, 0, -1},
                                               {"长江航运货运量创历史新高", 0, 0, -1}};
        CHECK(split_at_titles(titles, paragraphs, 1)[0].empty());
    }
    SUBCASE("a title as much like another paragraph has no home") {
        const std::vector<std::vector<std::string>> alike = {
            {"黄河下游防洪工程完成加固。", "黄河下游防洪工程之外，长江航运货运量创历史新高。"}};
        const std::vector<TitleUnit> titles = {{"黄河下游防洪工程", 0, -1, -1},
                                               {"长江航运货运量创历史新高", 1, -1, -1}};
        CHECK(split_at_titles(titles, alike, 0)[0].empty());
    }
    SUBCASE("three titles below the article that holds their items are three items") {
        const std::vector<std::vector<std::string>> three = {
            {paragraphs[0][0], paragraphs[0][1], "杭州西湖景区游客人数增长两成。"}};
        const std::vector<TitleUnit> titles = {{"黄河下游防洪工程完成加固", 0, -1, 0},
                                               {"长江航运货运量创历史新高", 0, -1, 0},
                                               {"西湖景区游客人数增长两成", 0, -1, 0}};
        CHECK(split_at_titles(titles, three, 1)[0] == std::vector<std::size_t>{1, 2});
        CHECK(split_at_titles({titles[0], titles[1]}, three, 1)[0].empty());
    }
}

TEST_CASE("split: a second dispatch inside an article stays in it") {
    // One report from two places: the second dateline starts no new article when the part
    // it opens has no headline and shares the article's title.
    const std::string page = "黄河防洪工程加固完成\n\n" +
                             double_spaced(
                                 U"本报郑州10月8日电 记者王明报道：黄河水利委员会日前宣布，"
                                 U"黄河下游防洪工程已经全部完成加固。",
                                 17) +
                             double_spaced(
                                 U"本报济南10月8日电 记者李华报道：山东黄河河务局介绍，"
                                 U"黄河下游防洪工程在山东境内的各段均已完成加固。",
                                 17);
    const auto s = test::segment(page);
    REQUIRE(s.articles.size() == 1);
    const Article& a = s.articles[0];
    REQUIRE(a.headline);
    CHECK(*a.headline == "黄河防洪工程加固完成");
    REQUIRE(a.dateline);
    CHECK(a.dateline->starts_with("本报郑州"));
    std::string body;
    for (const auto& p : a.body) body += p.text;
    CHECK(body.find("本报济南") != std::string::npos);
    CHECK(body.find("山东黄河河务局") != std::string::npos);
    CHECK(std::none_of(a.bylines.begin(), a.bylines.end(),
                       [](const Byline& b) { return b.name.find("李华") != std::string::npos; }));
}

TEST_CASE("split: a dispatch that shares nothing with the article before is its own") {
    CHECK(second_dispatch("黄河防洪工程加固完成",
                          "山东黄河河务局介绍，黄河下游防洪工程已完成加固。"));
    CHECK_FALSE(second_dispatch("黄河防洪工程加固完成", "杭州市旅游部门介绍，西湖景区游客增长。"));
    CHECK_FALSE(second_dispatch("", "山东黄河河务局介绍。"));
}
