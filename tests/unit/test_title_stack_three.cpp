// A kicker + headline + deck printed tight under each other between double-spaced bodies
// (issue 10, eighth round): the three lines are one stack, not a pair and a stray title.
#include <doctest/doctest.h>

#include <string>

#include "support/segment_text.hpp"

using namespace paperbag;

using test::segment;

namespace {

// A double-spaced body: every wrapped line followed by a blank line.
std::string body(const char* const* lines) {
    std::string out;
    for (; *lines != nullptr; ++lines) out += std::string(*lines) + "\n\n";
    return out;
}

const char* const first_body[] = {"本报北京3月17日讯 全国春季农田",
                                  "灌排设施检修进展顺利，水利建设",
                                  "会今天在北京召开。记者从会上了",
                                  "解到，各地检修进度比去年加快。",
                                  "水利部负责人说，今年春灌用水有",
                                  "保障，各地要抓紧完成检修任务。",
                                  nullptr};
const char* const second_body[] = {
    "本报讯 全国大学生运动会昨天进",  "入第三个比赛日，东道主队在男女",
    "接力项目上再夺两枚金牌，金牌总", "数继续领先。运动会将于后天闭幕",
    "，各代表团正在准备最后的比赛。", nullptr};

}  // namespace

TEST_CASE("title stack: three tight title lines are kicker, headline and deck") {
    const auto s = segment(
        "春灌在即水利先行\n"
        "全国农田水利建设会召开\n"
        "各地灌排设施检修进度加快\n\n" +
        body(first_body) +
        "大运会赛场传来捷报\n"
        "东道主队再夺两枚金牌\n"
        "男女接力项目双双夺冠\n\n" +
        body(second_body));
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[0].kicker == "春灌在即水利先行");
    CHECK(s.articles[0].headline == "全国农田水利建设会召开");
    CHECK(s.articles[0].subtitle == "各地灌排设施检修进度加快");
    CHECK(s.articles[1].kicker == "大运会赛场传来捷报");
    CHECK(s.articles[1].headline == "东道主队再夺两枚金牌");
    CHECK(s.articles[1].subtitle == "男女接力项目双双夺冠");
}

TEST_CASE("title stack: a three-line stack printed after its article at the page's end") {
    const auto s = segment(body(first_body) +
                           "春灌在即水利先行\n"
                           "全国农田水利建设会召开\n"
                           "各地灌排设施检修进度加快\n");
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].kicker == "春灌在即水利先行");
    CHECK(s.articles[0].headline == "全国农田水利建设会召开");
    CHECK(s.articles[0].subtitle == "各地灌排设施检修进度加快");
}
