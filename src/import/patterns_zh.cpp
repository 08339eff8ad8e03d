// Chinese newspaper conventions (zh-Hans and zh-Hant). One row per convention; see
// patterns.hpp for the kinds and docs/segmentation.md for how to add rows.
#include "import/patterns.hpp"

#include <array>

namespace paperbag::text {

namespace {

constexpr std::array zh_rows{
    PatternRow{
        PatternKind::dateline,
        R"(\s*(?:本报|本報)\s*[\p{Han}](?:[ \t]?[\p{Han}]){0,11}?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*(?:电|電|讯|訊))",
        "本报长沙 5 月 3 日电, 本报北京11月4日讯, 本报长 沙5月3日电 (a justified line's space "
        "inside the place): the paper's own report with place and date"},
    PatternRow{PatternKind::dateline,
               R"(\s*(?:本报讯|本報訊|本报[\p{Han}]{2,6}电|本報[\p{Han}]{2,6}電))",
               "本报讯 / 本报北京电: the paper's own report"},
    PatternRow{
        PatternKind::dateline,
        R"(\s*据?\s*(?:新华社|新華社|中新社|中新網|中新网|人民网|央视网)\s*[\p{Han}](?:[ \t]?[\p{Han}]){0,9}?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*(?:电|電))",
        "新华社北京5月15日电, 据新华社伦敦12月24日电, 新华社伦 敦12月24日电 (a justified line's "
        "space inside the place): agency dateline with place and date"},
    PatternRow{
        PatternKind::dateline,
        R"(\s*[（(]\s*(?:中央社|中央通訊社|中新社|新华社|新華社)\s*(?<names>(?:记者|記者|特派员|特派員)\s*[\p{Han}·]{2,3})?\s*[\p{Han}]{1,10}?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*(?:电|電)\s*[）)])",
        "（中央社記者王怡婷台北5日電）: bracketed agency dateline with reporter, place and day"},
    PatternRow{
        PatternKind::byline_bracket,
        R"(\s*[（(]\s*(?<names>(?:本报|本報|新华社|新華社)?\s*(?:记者|記者|通讯员|通訊員|实习生|實習生|特约记者|见习记者)[^）)]{1,80}?)\s*[）)])",
        "（记者 李雅萍 通讯员 武姝君） after 本报讯"},
    PatternRow{
        PatternKind::byline_bracket,
        R"(\s*[（(]\s*(?<names>(?:本\s*报|本\s*報|新\s*华\s*社|新\s*華\s*社)?\s*(?:记\s*者|記\s*者|通\s*讯\s*员|通\s*訊\s*員)[^）)（(。]{1,80}?)\s*[）)])",
        "（记\n者 李雅萍）: a bracketed byline wrapped inside its role word"},
    PatternRow{
        PatternKind::byline_bracket,
        R"(\s*(?<names>(?:(?:本报|本報|新华社|新華社|特约)?\s*(?:记\s*者|記\s*者|通\s*讯\s*员|通\s*訊\s*員)[^：:（）()。！？]{1,40}?)+)\s*报\s*道\s*[：:])",
        "本报长沙5月3日电 记者王明报道：: the reporters named after the dateline"},
    PatternRow{
        PatternKind::byline_line,
        R"(\s*[□■◇◆●○]?\s*(?<names>(?:本报|本報|新华社|新華社|特约)?\s*(?:记者|記者|通讯员|通訊員|评论员|特约评论员)\s+[\p{Han}·]{2,6}(?:\s+(?:(?:本报)?(?:记者|通讯员)\s+)?[\p{Han}·]{2,5}){0,5})\s*)",
        "□ 本报记者 罗丽: a byline on a line of its own"},
    PatternRow{
        PatternKind::byline_line,
        R"(\s*[□■◇◆●○]?\s*(?<names>(?:本报|本報|新华社|新華社)(?:记者|記者|通讯员|通訊員)[\p{Han}·]{2,3})\s*)",
        "本报记者续洪刑: a byline line run together (PDF text), the paper's or agency's reporter"},
    PatternRow{PatternKind::byline_line,
               R"(\s*[□■]\s*(?<names>[\p{Han}·]{2,4}(?:\s+[\p{Han}·]{2,4}){0,3})\s*)",
               "□ 游文取: a byline marked with a box, without role word"},
    PatternRow{
        PatternKind::continuation_to,
        R"([（(]\s*下\s*[转轉]\s*(?:第\s*)?(?<page>[\d０-９A-Za-z〇零一二三四五六七八九十]{1,4})\s*[版版]\s*[）)]\s*)",
        "（下转2版）, （下转 2 版）"},
    PatternRow{
        PatternKind::continuation_to,
        R"([（(]\s*[转轉]\s*(?:第\s*)?(?<page>[\d０-９A-Za-z〇零一二三四五六七八九十]{1,4})\s*版\s*[）)]\s*)",
        "（转2版）"},
    PatternRow{
        PatternKind::continuation_from,
        R"(\s*[（(]\s*上\s*接\s*(?:第\s*)?(?<page>[\d０-９A-Za-z〇零一二三四五六七八九十]{1,4})\s*版\s*[）)])",
        "（上接1版）"},
    PatternRow{
        PatternKind::continuation_from,
        R"(\s*[（(]\s*[紧緊]?\s*接\s*(?:第\s*)?(?<page>[\d０-９A-Za-z〇零一二三四五六七八九十]{1,4})\s*版\s*[）)])",
        "（接1版）, （紧接1版）"},
    PatternRow{PatternKind::end_mark, R"([（(]\s*(?:完|全文完)\s*[）)]\s*)", "…出门进园。（完）"},
    PatternRow{PatternKind::signature,
               R"(\s*[（(]\s*(?<names>[\p{Han}·]{2,5}(?:\s+[\p{Han}·]{2,5}){0,3})\s*[）)]\s*)",
               "（刘锦云）: the writer's name closing a short report"},
    PatternRow{
        PatternKind::credit,
        R"((?:^|\s)(?<names>(?:(?:本报|新华社)?(?:记者|通讯员)\s*)?[\p{Han}·]{2,5}(?:\s+[\p{Han}·]{2,5}){0,2})\s+(?:摄|攝|摄影|供图)\s*)",
        "侯利军 摄: photographer"},
    PatternRow{
        PatternKind::credit,
        R"((?<names>(?:本报|本報|新华社|新華社)?(?:记者|記者|通讯员|通訊員)\s*[\p{Han}·]{2,4}(?:\s+[\p{Han}·]{2,4}){0,2})(?:摄|攝|摄影|攝影)\s*)",
        "新华社记者 股贷玻摄: a photographer with role word, no space before 摄 (PDF text)"},
    PatternRow{PatternKind::credit,
               R"((?m)(?:^|[。！？”」）])\s*(?<names>[\p{Han}·]{2,4})(?:摄|攝)\s*)",
               "…才剥。\n州洪摄, …克接。续尘川摄, …赏荷。侯利军摄: a photographer's name run "
               "into 摄, after a sentence (the segmenter leaves the sentence mark to the text)"},
    PatternRow{
        PatternKind::credit,
        R"([（(]\s*(?<names>(?:(?:本报|本報|新华社|新華社)?(?:记者|記者|通讯员|通訊員)\s*)?[\p{Han}·]{2,5}(?:\s+[\p{Han}·]{2,5}){0,2})\s*(?:摄|攝|摄影|攝影|供图|供圖)\s*[）)]\s*)",
        "（记者 陈晓雯 摄）: a bracketed photographer credit"},
    PatternRow{PatternKind::subtitle, R"(\s*(?:——|──|－－|--))",
               "——全市…综述: a deck below the headline"},
    PatternRow{PatternKind::caption_lead,
               R"(\s*(?:图为|圖為|[上下左右]图[为：:]|[上下左右]圖[為：:]|图\s*[：:]|圖\s*[：:]))",
               "图为市民在南湖公园赏荷。, 上图：…: a caption (with or without a credit)"},
    PatternRow{PatternKind::caption_tail,
               R"([（(]\s*(?:图|圖|图片|圖片|资料图片|資料圖片|新华社发|新華社發)\s*[）)]\s*)",
               "…赏荷。（图）: a caption that ends with a picture mark"},
    PatternRow{
        PatternKind::furniture,
        R"(\s*(?:\p{Han}{2,8}\s*)?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:星期|星期|礼拜)[一二三四五六日天](?:\s*(?:\p{Han}{2,8}\s*)?(?:第\s*[\d一二三四五六七八九十]{1,3}\s*版)?(?:\s*\p{Han}{2,8})?)?\s*)",
        "1995年6月9日 星期五, 人民日报 1995年6月9日 星期五 第1版: a running head"},
    PatternRow{
        PatternKind::furniture,
        R"(\s*(?:\p{Han}{2,8}\s*)?第\s*[\d一二三四五六七八九十]{1,3}\s*版(?:\s*[\p{Han}·（）()]{1,10})?\s*)",
        "第6版 国际, 人民日报 第3版: page label of a running head"},
    PatternRow{
        PatternKind::furniture,
        R"(\s*[\p{Han}（）()]{0,16}(?:社出版|代号\s*[\d\-]+|国内统一刊号|零售价|每份\s*[\d.]+\s*元)[^。]{0,40})",
        "人民日报社出版, 国内统一刊号: masthead lines"},
    PatternRow{
        PatternKind::furniture,
        R"(\s*(?:广告|廣告|启事|啟事|公告|通告|声明|聲明|短讯|短訊|简明新闻|簡明新聞|新闻简报|新聞簡報|简讯|簡訊)\s*)",
        "广告, 短讯: an advertisement or notice label, a column label"},
    PatternRow{
        PatternKind::furniture,
        R"([^。，；！？]{0,16}(?:欢迎[\p{Han}]{0,10}?(?:洽谈|订货|邮购|光临|投资|投稿|来函|来电|订阅|选购|惠顾|垂询|询问|提供)|有售|畅销|联保|耐用|维修服务|信誉第一)[^。，；！？]{0,16})",
        "欢迎各地医药公司订货, 各地新华书店有售 欢迎邮购, 风力强劲 省电耐用: advertisement and "
        "notice slogans"},
};

constexpr std::array zh_roles{
    RoleRow{"新华社记者", "agency reporter"},
    RoleRow{"新華社記者", "agency reporter"},
    RoleRow{"本报记者", "reporter"},
    RoleRow{"本報記者", "reporter"},
    RoleRow{"特约记者", "reporter"},
    RoleRow{"见习记者", "reporter"},
    RoleRow{"本报通讯员", "correspondent"},
    RoleRow{"记者", "reporter"},
    RoleRow{"記者", "reporter"},
    RoleRow{"通讯员", "correspondent"},
    RoleRow{"通訊員", "correspondent"},
    RoleRow{"实习生", "intern"},
    RoleRow{"實習生", "intern"},
    RoleRow{"特约评论员", "author"},
    RoleRow{"评论员", "author"},
};

}  // namespace

std::span<const PatternRow> chinese_patterns() {
    return zh_rows;
}
std::span<const RoleRow> chinese_roles() {
    return zh_roles;
}

}  // namespace paperbag::text
