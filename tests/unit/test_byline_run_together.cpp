// A byline line whose two names are printed without a space between them ("□ 本报记者
// 言寂寂果寒组"): six ideographs after the role word are still the reporters' names, so the
// line opens its item instead of being read as an intertitle of the item before.
#include <doctest/doctest.h>

#include "import/patterns.hpp"
#include "support/segment_text.hpp"

using namespace paperbag;
using namespace paperbag::text;

TEST_CASE("byline: two names run together after the role word") {
    const PatternSet& p = patterns_for("zh-Hans");
    const auto by = p.whole(PatternKind::byline_line, "□ 本报记者 欧阳明李小华");
    REQUIRE(by);
    CHECK(by->names == "本报记者 欧阳明李小华");
    // More than a name can hold is not a byline.
    CHECK_FALSE(p.whole(PatternKind::byline_line, "□ 本报记者 今年全省粮食再创新高"));

    const auto s = test::segment(
        "全省春耕生产全面展开\n\n"
        "本报讯 全省各地抓住有利天气，\n"
        "组织农民抢种早稻。\n\n"
        "目前已完成播种面积三成。\n\n"
        "□ 本报记者 欧阳明李小华\n\n"
        "山区小学用上新教室。县里今年投入资金，\n"
        "改造了二十所山区小学的校舍。\n\n"
        "孩子们说，新教室又亮又暖和。\n");
    REQUIRE(s.articles.size() == 2);
    REQUIRE(s.articles[1].bylines.size() == 1);
    CHECK(s.articles[1].bylines[0].name == "欧阳明李小华");
}
