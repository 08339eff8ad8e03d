// Hand-built issue models for the writer tests, made from the real page texts in samples/
// (independent of the segmenter, so writer tests fail only for writer changes; the golden
// cases "issue <folder>" cover the segmented samples). Blocks carry byte ranges into those
// files, so tests can slice the original text at the ranges METS points to.
//
//   sample_issue_zh(): 江河日报 2024-03-18, 2 pages: kicker, headline, subtitle (——), bylines
//       (reporter, correspondent), datelines, intertitles, signature, an article continued
//       from page 1 to page 2, an article without headline, two photo captions with credits.
//   sample_issue_en(): The Riverton Courier 2024-03-18, page A1 and A2: deck, byline, dateline,
//       crosshead, jump to A2, article without headline with signature, caption with credit.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/digest.hpp"
#include "paperbag/model.hpp"
#include "paperbag/writers.hpp"
#include "support/temp_dir.hpp"

#ifndef PAPERBAG_SOURCE_DIR
#error "PAPERBAG_SOURCE_DIR must be defined"
#endif

namespace paperbag::test {

// The byte range of 1-based lines [first, last] of `text` (without the final newline).
inline ByteRange line_range(std::string_view text, std::uint64_t first, std::uint64_t last) {
    auto line_start = [&](std::uint64_t n) {
        std::size_t pos = 0;
        for (std::uint64_t line = 1; line < n; ++line) {
            pos = text.find('\n', pos);
            if (pos == std::string_view::npos) return text.size();
            ++pos;
        }
        return pos;
    };
    const std::size_t begin = line_start(first);
    const std::size_t end = std::min(text.find('\n', line_start(last)), text.size());
    return {begin, end - begin};
}

// Lines [first, last], blank lines dropped, trimmed, joined ("" for CJK, " " for Latin text).
inline std::string joined_lines(std::string_view text, std::uint64_t first, std::uint64_t last,
                                std::string_view separator) {
    const ByteRange range = line_range(text, first, last);
    std::string_view rest = text.substr(range.offset, range.length);
    std::string out;
    while (!rest.empty()) {
        const std::size_t end = std::min(rest.find('\n'), rest.size());
        std::string_view line = rest.substr(0, end);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
        if (!line.empty()) out += (out.empty() ? "" : std::string(separator)) + std::string(line);
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    return out;
}

class IssueBuilder {
public:
    IssueBuilder(Issue issue, std::string folder, std::string separator)
        : issue_(std::move(issue)), folder_(std::move(folder)), separator_(std::move(separator)) {}

    // Adds a page whose text is samples/<folder>/<file> (or `file` itself when it is absolute).
    IssueBuilder& page(std::string label, std::string section, std::string file) {
        Page page;
        page.sequence = static_cast<int>(issue_.pages.size()) + 1;
        page.label = std::move(label);
        page.section = std::move(section);
        PageFile text;
        text.role = FileRole::text;
        text.href = file;
        text.path = file.starts_with("/")
                        ? std::filesystem::path(file)
                        : std::filesystem::path(PAPERBAG_SOURCE_DIR) / "samples" / folder_ / file;
        text.href = text.path.filename().string();
        text.mime_type = "text/plain";
        const std::string bytes = read_all(text.path);
        text.size = bytes.size();
        text.sha256 = digest_hex(DigestAlgorithm::sha256, bytes);
        page.files.push_back(std::move(text));
        texts_.push_back(bytes);
        issue_.pages.push_back(std::move(page));
        return *this;
    }

    // Adds a block of lines [first, last] on the current page and returns its id.
    std::string block(BlockKind kind, std::uint64_t first, std::uint64_t last) {
        Page& page = issue_.pages.back();
        Block block;
        block.id =
            "p" + std::to_string(page.sequence) + "-b" + std::to_string(page.blocks.size() + 1);
        block.kind = kind;
        block.text = joined_lines(texts_.back(), first, last, separator_);
        block.source.push_back(line_range(texts_.back(), first, last));
        block.first_line = first;
        block.last_line = last;
        page.blocks.push_back(block);
        return block.id;
    }

    const Block& last_block() const { return issue_.pages.back().blocks.back(); }
    Issue& issue() { return issue_; }
    const std::string& text(std::size_t page_index) const { return texts_.at(page_index); }

private:
    Issue issue_;
    std::string folder_;
    std::string separator_;
    std::vector<std::string> texts_;
};

inline void body(Article& article, const Block& block) {
    article.block_ids.push_back(block.id);
    article.body.push_back({Paragraph::Kind::text, block.text, block.id});
}
inline void intertitle(Article& article, const Block& block) {
    article.block_ids.push_back(block.id);
    article.body.push_back({Paragraph::Kind::intertitle, block.text, block.id});
}

inline Issue sample_issue_zh() {
    Issue meta;
    meta.title = "江河日报";
    meta.identifiers = {
        {"issn", "2997-0318"}, {"cn", "CN 99-0123"}, {"local", "jianghe-daily-2024-03-18"}};
    meta.publisher = "江河日报社";
    meta.place = "江州";
    meta.languages = {"zh-Hans"};
    meta.date = {2024, 3, 18};
    meta.volume = "38";
    meta.number = "10521";
    meta.edition = "城市版";
    IssueBuilder b(meta, "jianghe-daily-2024-03-18", "");
    auto block = [&](BlockKind kind, std::uint64_t first, std::uint64_t last) -> const Block& {
        b.block(kind, first, last);
        return b.last_block();
    };
    std::vector<Article> articles(9);
    for (std::size_t i = 0; i < articles.size(); ++i)
        articles[i].id = "art-00" + std::to_string(i + 1);

    b.page("1", "要闻", "page-01.txt");
    Article& a1 = articles[0];  // P1-1, continued on page 2
    a1.block_ids.push_back(block(BlockKind::byline, 1, 1).id);
    a1.bylines = {{"周晓岚", "reporter", "周晓岚"}};
    body(a1, block(BlockKind::body, 3, 33));
    intertitle(a1, block(BlockKind::intertitle, 35, 36));
    body(a1, block(BlockKind::body, 38, 101));
    intertitle(a1, block(BlockKind::intertitle, 103, 104));
    body(a1, block(BlockKind::body, 106, 160));
    Article& a2 = articles[1];  // P1-2, continued on page 2
    a2.dateline = "本报讯";
    a2.bylines = {{"陈思远", "reporter", "陈思远"}, {"欧阳静", "correspondent", "欧阳静"}};
    body(a2, block(BlockKind::body, 162, 221));
    a2.block_ids.push_back(block(BlockKind::headline, 223, 223).id);
    Article& a3 = articles[2];  // P1-3, no headline anywhere
    a3.dateline = "本报讯";
    body(a3, block(BlockKind::body, 225, 263));
    a3.warnings.push_back(
        make_warning("PB-SEG-NO-HEADLINE", "page-01.txt", 225, "article has no headline"));
    Article& a4 = articles[3];  // P1-4, signature
    a4.dateline = "本报讯";
    body(a4, block(BlockKind::body, 265, 311));
    a4.block_ids.push_back(block(BlockKind::signature, 313, 313).id);
    a4.signature = "林一帆";
    Article& a5 = articles[4];  // P1-5, kicker + Xinhua dateline
    a5.dateline = "新华社北京3月17日电";
    body(a5, block(BlockKind::body, 315, 358));
    a5.block_ids.push_back(block(BlockKind::kicker, 360, 360).id);
    a5.block_ids.push_back(block(BlockKind::headline, 362, 362).id);
    a1.block_ids.push_back(block(BlockKind::headline, 364, 364).id);
    a1.block_ids.push_back(block(BlockKind::subtitle, 365, 365).id);
    a4.block_ids.push_back(block(BlockKind::headline, 367, 367).id);
    Illustration c1;
    c1.id = "ill-001";
    c1.block_ids.push_back(block(BlockKind::caption, 368, 382).id);
    c1.caption = b.last_block().text;
    c1.credit = "吴海波";
    c1.pages = {"1"};

    b.page("2", "综合", "page-02.txt");
    a1.block_ids.push_back(block(BlockKind::headline, 1, 1).id);  // repeated short headline
    body(a1, block(BlockKind::body, 3, 15));
    intertitle(a1, block(BlockKind::intertitle, 17, 18));
    body(a1, block(BlockKind::body, 20, 73));
    body(a2, block(BlockKind::body, 75, 105));
    Article& a6 = articles[5];  // P2-3
    a6.block_ids.push_back(block(BlockKind::headline, 107, 107).id);
    a6.block_ids.push_back(block(BlockKind::byline, 109, 109).id);
    a6.bylines = {{"孙悦", "reporter", "孙悦"}};
    body(a6, block(BlockKind::body, 111, 193));
    Illustration c2;  // P2-4, photo item with its own headline
    c2.id = "ill-002";
    c2.block_ids.push_back(block(BlockKind::headline, 195, 195).id);
    c2.block_ids.push_back(block(BlockKind::caption, 196, 208).id);
    c2.caption = b.last_block().text;
    c2.block_ids.push_back(block(BlockKind::credit, 210, 210).id);
    c2.credit = "王建华";
    c2.pages = {"2"};
    Article& a7 = articles[6];  // P2-5
    a7.block_ids.push_back(block(BlockKind::headline, 212, 212).id);
    a7.dateline = "本报讯";
    a7.bylines = {{"韩磊", "correspondent", "韩磊"}};
    body(a7, block(BlockKind::body, 214, 250));
    Article& a8 = articles[7];  // P2-6, headline after the body
    a8.dateline = "本报讯";
    a8.bylines = {{"赵明轩", "reporter", "赵明轩"}};
    body(a8, block(BlockKind::body, 252, 318));
    a8.block_ids.push_back(block(BlockKind::headline, 320, 320).id);
    articles.pop_back();  // eight articles

    a1.headline = "老房焕新颜 街巷添温度";
    a1.subtitle = "我市城镇老旧小区改造工作综述";
    a1.pages = {"1", "2"};
    a1.continued_on = "2";
    a2.headline = "青石县“四个一批”跑出项目建设加速度";
    a2.pages = {"1", "2"};
    a2.continued_on = "2";
    a3.pages = {"1"};
    a4.headline = "赏樱踏青正当时 “樱花季”里游江州";
    a4.pages = {"1"};
    a5.kicker = "抢抓农时保春灌";
    a5.headline = "各地春季农田水利设施检修进展顺利";
    a5.pages = {"1"};
    a6.headline = "社区食堂飘出“家的味道”";
    a6.pages = {"2"};
    a7.headline = "江州至青石城际公交今起开通";
    a7.pages = {"2"};
    a8.headline = "我市新建 12个“一刻钟便民生活圈”";
    a8.pages = {"2"};
    for (Article& article : articles) article.headline_confidence = article.headline ? 1.0 : 0.0;
    Issue issue = std::move(b.issue());
    issue.articles = std::move(articles);
    issue.illustrations = {c1, c2};
    return issue;
}

inline Issue sample_issue_en() {
    Issue meta;
    meta.title = "The Riverton Courier";
    meta.identifiers = {{"issn", "2998-1034"}, {"lccn", "sn99063180"}};
    meta.publisher = "Riverton Courier Publishing Co.";
    meta.place = "Riverton";
    meta.languages = {"en"};
    meta.date = {2024, 3, 18};
    meta.volume = "112";
    meta.number = "78";
    meta.edition = "Final";
    IssueBuilder b(meta, "riverton-courier-2024-03-18", " ");
    auto block = [&](BlockKind kind, std::uint64_t first, std::uint64_t last) -> const Block& {
        b.block(kind, first, last);
        return b.last_block();
    };
    std::vector<Article> articles(4);
    for (std::size_t i = 0; i < articles.size(); ++i)
        articles[i].id = "art-00" + std::to_string(i + 1);
    b.page("A1", "Front Page", "page-01.txt");
    Article& a1 = articles[0];
    a1.block_ids.push_back(block(BlockKind::byline, 1, 2).id);
    a1.bylines = {{"ROBERT OKAFOR", "reporter", "ROBERT OKAFOR"}};
    a1.dateline = "RIVERTON —";
    body(a1, block(BlockKind::body, 4, 35));
    intertitle(a1, block(BlockKind::intertitle, 37, 37));
    body(a1, block(BlockKind::body, 39, 73));
    a1.block_ids.push_back(block(BlockKind::continuation, 75, 75).id);
    Article& a2 = articles[1];
    a2.dateline = "GENEVA, March 17 (Meridian Wire) —";
    body(a2, block(BlockKind::body, 77, 111));
    a2.block_ids.push_back(block(BlockKind::headline, 113, 113).id);
    Article& a3 = articles[2];  // no headline, signature
    a3.dateline = "RIVERTON —";
    body(a3, block(BlockKind::body, 115, 125));
    a3.block_ids.push_back(block(BlockKind::signature, 127, 127).id);
    a3.signature = "Staff report";
    a3.warnings.push_back(
        make_warning("PB-SEG-NO-HEADLINE", "page-01.txt", 115, "article has no headline"));
    Article& a4 = articles[3];
    a4.block_ids.push_back(block(BlockKind::byline, 129, 129).id);
    a4.bylines = {{"Dana Whitfield", "reporter", "Dana Whitfield"}};
    a4.dateline = "RIVERTON —";
    body(a4, block(BlockKind::body, 131, 153));
    a4.block_ids.push_back(block(BlockKind::continuation, 155, 155).id);
    a1.block_ids.push_back(block(BlockKind::headline, 157, 157).id);
    a1.block_ids.push_back(block(BlockKind::subtitle, 158, 159).id);
    a4.block_ids.push_back(block(BlockKind::headline, 161, 162).id);
    Illustration c1;
    c1.id = "ill-001";
    c1.block_ids.push_back(block(BlockKind::caption, 164, 168).id);
    c1.caption =
        "A Riverton Public Works crew clears storm debris from a drain on Lowell Avenue on "
        "Sunday after heavy rain flooded several intersections overnight.";
    c1.credit = "Ana Ruiz";
    c1.pages = {"A1"};
    b.page("A2", "Local", "page-02.txt");
    a1.block_ids.push_back(block(BlockKind::headline, 1, 1).id);
    a1.block_ids.push_back(block(BlockKind::continuation, 3, 3).id);
    body(a1, block(BlockKind::body, 5, 53));
    a4.block_ids.push_back(block(BlockKind::continuation, 55, 55).id);
    body(a4, block(BlockKind::body, 57, 79));
    a1.headline = "Council weighs $412 million budget";
    a1.subtitle = "Transit routes, library hours on the table as $18 million gap looms";
    a1.pages = {"A1", "A2"};
    a1.continued_on = "A2";
    a2.headline = "Mountain nations agree to share glacier data";
    a2.pages = {"A1"};
    a3.pages = {"A1"};
    a4.headline = "Cannery plan would bring apartments, riverwalk to east bank";
    a4.pages = {"A1", "A2"};
    a4.continued_on = "A2";
    Issue issue = std::move(b.issue());
    issue.articles = std::move(articles);
    issue.illustrations = {c1};
    return issue;
}

// The seed page (a real page 1 of a Chinese daily, ../shared/seeds/) as one article: the
// byline on line 1, then body blocks of 40 lines. Only the segmenter can do better; this
// checks the writers on a full-size real page.
inline Issue seed_page_issue(const std::string& path) {
    Issue meta;
    meta.title = "Seed daily";
    meta.identifiers = {{"local", "seed-000"}};
    meta.languages = {"zh-Hans"};
    meta.date = {2024, 5, 16};
    IssueBuilder b(meta, "", "");
    b.page("1", "", path);
    const std::string& text = b.text(0);
    const auto lines = static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n'));
    Article article;
    article.id = "art-001";
    article.pages = {"1"};
    article.bylines = {{"罗丽", "reporter", "罗丽"}};
    article.block_ids.push_back(b.block(BlockKind::byline, 1, 1));
    for (std::uint64_t first = 3; first <= lines; first += 40) {
        b.block(BlockKind::body, first, std::min(first + 39, lines));
        body(article, b.last_block());
    }
    Issue issue = std::move(b.issue());
    issue.articles.push_back(std::move(article));
    return issue;
}

}  // namespace paperbag::test
