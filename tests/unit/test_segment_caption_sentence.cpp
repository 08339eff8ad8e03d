// A caption's wrapped line without punctuation, wider than the caption's other lines, inside
// a sentence the caption has begun (issue 10, twelfth round: segment_blocks). In
// double-spaced text the column of a short caption is measured by its lines with
// punctuation; its line without any was wider than that column and started a paragraph of
// its own, read as a headline between a headless article and a caption of one line.
#include <doctest/doctest.h>

#include <string>

#include "support/segment_text.hpp"

using namespace paperbag;

namespace {

const std::string article =
    "两国签署经济合作协定\n\n"
    "本报北京12月9日电 记者李华报道：\n\n"
    "两国政府今天在北京签署经济合作\n\n"
    "协定，双方将在能源、交通和农业\n\n"
    "等领域开展合作。 （下转9版）\n\n";

}  // namespace

TEST_CASE("caption sentence: a wider line inside the caption's sentence stays in the caption") {
    const std::string page = article +
                             "十二月八日，中国国家主席\n\n"
                             "会见来访的外国领导人并举行会谈\n\n"
                             "双方签署合作文件。\n\n"
                             "新华社记者王明 摄\n";
    const auto s = test::segment(page);
    REQUIRE(s.articles.size() == 1);
    CHECK(s.articles[0].headline == "两国签署经济合作协定");
    REQUIRE(s.illustrations.size() == 1);
    const Illustration& ill = s.illustrations[0];
    CHECK(ill.caption.find("十二月八日") != std::string::npos);
    CHECK(ill.caption.find("会见来访的外国领导人并举行会谈") != std::string::npos);
    CHECK(ill.caption.find("双方签署合作文件") != std::string::npos);
}

TEST_CASE("caption sentence: a headline after a finished sentence still starts anew") {
    // The line before the wide title ends its sentence: the title is the next item's.
    const std::string page = article +
                             "农业合作项目进展顺利各地加快建设\n\n"
                             "本报讯 两国农业合作项目进展顺\n\n"
                             "利，首批项目已经开工建设。\n";
    const auto s = test::segment(page);
    REQUIRE(s.articles.size() == 2);
    CHECK(s.articles[1].headline == "农业合作项目进展顺利各地加快建设");
}

TEST_CASE("caption sentence: an enumeration begins no sentence") {
    // A kicker with an enumeration one blank line above its headline: the headline is no
    // wrapped line of a sentence the kicker began (title_kicker).
    const std::string page = article +
                             "北京、天津两市\n\n"
                             "六十万学生告别危旧校舍工程全部完工\n\n"
                             "本报北京4月17日讯 记者王明\n\n"
                             "报道：两市约六十万名中小学生今\n\n"
                             "年将搬进新建的教学楼。\n";
    const auto s = test::segment(page);
    REQUIRE(s.articles.size() >= 2);
    CHECK(s.articles.back().headline == "六十万学生告别危旧校舍工程全部完工");
}
