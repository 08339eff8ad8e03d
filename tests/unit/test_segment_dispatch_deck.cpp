// A second dispatch inside an article that shares its deck, not its headline (issue 10,
// twelfth round: segment_split's second_dispatch reads the title with its deck, as headline
// linking does).
#include <doctest/doctest.h>

#include <string>

#include "import/segment_split.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

const std::string part_two =
    "本报济南10月8日电 记者李华报道：山东黄河河务局介绍，黄河下游防洪工程在山东境内的各段"
    "均已完成加固。";

}  // namespace

TEST_CASE("dispatch deck: the deck counts when the headline shares nothing") {
    CHECK_FALSE(second_dispatch("春雨润田", part_two));
    CHECK(second_dispatch("春雨润田", part_two, "黄河下游防洪工程全部完成加固"));
    // A deck that names something else does not make it the article's.
    CHECK_FALSE(second_dispatch("春雨润田", part_two, "江南茶农喜获丰收"));
}

TEST_CASE("dispatch deck: a report from two places under a headline and deck stays one") {
    const std::string page =
        "春雨润田\n"
        "黄河下游防洪工程全部完成加固\n\n"
        "本报郑州10月8日电 记者王明\n\n"
        "报道：黄河水利委员会日前宣布，\n\n"
        "黄河下游防洪工程已经全部完成\n\n"
        "加固。\n\n"
        "本报济南10月8日电 记者李华\n\n"
        "报道：山东黄河河务局介绍，黄\n\n"
        "河下游防洪工程在山东境内的各\n\n"
        "段均已完成加固。\n\n";
    const auto s = test::segment(page);
    REQUIRE(s.articles.size() == 1);
    const Article& a = s.articles[0];
    CHECK(a.headline == "春雨润田");
    CHECK(a.subtitle == "黄河下游防洪工程全部完成加固");
    std::string body;
    for (const auto& p : a.body) body += p.text;
    CHECK(body.find("本报济南") != std::string::npos);
    CHECK(body.find("山东黄河河务局") != std::string::npos);
}
