// Keeping the article structure of a source METS: LOGICAL ARTICLE divs mapped onto the regions
// of the issue's OCR pages, through area BEGIN/END references (BnL: TextBlock/ComposedBlock
// IDs; BL: structLink to page areas naming ranges of String IDs).
#include <algorithm>
#include <map>
#include <set>

#include "import/mets_issue.hpp"
#include "import/text_repair.hpp"
#include "io/file.hpp"
#include "io/xml_parse.hpp"
#include "io/xml_tree.hpp"
#include "layout/region_text.hpp"
#include "paperbag/ids.hpp"

namespace paperbag {

namespace {

namespace fs = std::filesystem;
namespace xt = xml_tree;

constexpr const char* mets_ns = "http://www.loc.gov/METS/";
constexpr const char* mods_ns = "http://www.loc.gov/mods/v3";
constexpr const char* xlink_ns = "http://www.w3.org/1999/xlink";

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

void descendants(const xmlNode* node, const char* name, std::vector<const xmlNode*>& out) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xt::is(c, mets_ns, name)) out.push_back(c);
        descendants(c, name, out);
    }
}

std::vector<const xmlNode*> all(const xmlNode* node, const char* name) {
    std::vector<const xmlNode*> out;
    if (node) descendants(node, name, out);
    return out;
}

std::string href_of(std::string href) {
    if (href.starts_with("file://")) href = href.substr(7);
    while (href.starts_with("./")) href = href.substr(2);
    return href;
}

// Letters and digits only, lower-case ASCII: for comparing a MODS title with OCR text.
std::string letters(std::string_view s, std::size_t limit) {
    std::string out;
    for (char c : s) {
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (out.size() >= limit) break;
    }
    return out;
}

struct Part {
    std::size_t page = 0;    // index into issue.pages
    std::size_t region = 0;  // index into that page's regions
    std::size_t words = 0;   // how many of the region's words the reference names
    bool heading = false;
};

struct SourceArticle {
    std::string id;
    std::optional<std::string> title;
    std::string language;
    std::vector<Part> parts;
};

class ArticleMapper {
public:
    ArticleMapper(Issue& issue, const fs::path& mets, OcrPages& ocr, Diagnostics& out)
        : issue_(issue), mets_(mets), ocr_(ocr), out_(out) {}

    bool run() {
        const std::string bytes = read_file(mets_, std::uint64_t{1} << 28);
        Diagnostics ignored;  // read_mets_issue has reported the document's problems
        const XmlDocPtr doc = parse_xml(bytes, mets_.string(), ignored);
        if (!doc) return false;
        const xmlNode* root = xmlDocGetRootElement(doc.get());
        index(root);
        collect(root);
        if (articles_.empty()) return false;
        build();
        return true;
    }

private:
    void warning(std::string code, const xmlNode* at, std::string message) {
        out_.add(make_warning(std::move(code), mets_.string(), at ? xt::line(at) : 0,
                              std::move(message)));
    }

    void index(const xmlNode* root) {
        // METS file ID -> page index, for the OCR file of each page.
        std::map<std::string, std::size_t> page_of_href;
        for (std::size_t p = 0; p < issue_.pages.size(); ++p)
            if (const PageFile* f = issue_.pages[p].file(FileRole::ocr)) page_of_href[f->href] = p;
        for (const xmlNode* f : all(root, "file"))
            if (const xmlNode* loc = xt::child(f, mets_ns, "FLocat")) {
                const auto it = page_of_href.find(href_of(xt::attr(loc, "href", xlink_ns)));
                if (it != page_of_href.end()) file_page_[xt::attr(f, "ID")] = it->second;
            }
        for (const xmlNode* d : xt::children(root, mets_ns, "dmdSec"))
            if (const xmlNode* mods = find_mods(d)) dmd_[xt::attr(d, "ID")] = mods;
        for (const xmlNode* div : all(root, "div")) divs_[xt::attr(div, "ID")] = div;
        // Word ID -> position, per page.
        for (std::size_t p = 0; p < ocr_.pages.size(); ++p) {
            if (!ocr_.pages[p]) continue;
            auto& positions = word_position_[p];
            const auto& ids = ocr_.pages[p]->word_ids;
            for (std::size_t i = 0; i < ids.size(); ++i) positions.emplace(ids[i].first, i);
        }
    }

    static const xmlNode* find_mods(const xmlNode* node) {
        std::vector<const xmlNode*> stack{node};
        while (!stack.empty()) {
            const xmlNode* n = stack.back();
            stack.pop_back();
            if (xt::is(n, mods_ns, "mods")) return n;
            for (const xmlNode* c = n->children; c; c = c->next)
                if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
        }
        return nullptr;
    }

    void collect(const xmlNode* root) {
        for (const xmlNode* map : xt::children(root, mets_ns, "structMap")) {
            if (upper(xt::attr(map, "TYPE")) != "LOGICAL") continue;
            for (const xmlNode* div : all(map, "div"))
                if (upper(xt::attr(div, "TYPE")) == "ARTICLE") article(div);
        }
        // BL: structLink groups link an article div to page areas.
        for (const xmlNode* group : all(root, "smLinkGrp")) {
            std::vector<std::string> targets;
            for (const xmlNode* loc : xt::children(group, mets_ns, "smLocatorLink"))
                targets.push_back(xt::attr(loc, "href", xlink_ns));
            link(targets, group);
        }
        for (const xmlNode* link_node : all(root, "smLink"))
            link({xt::attr(link_node, "from", xlink_ns), xt::attr(link_node, "to", xlink_ns)},
                 link_node);
    }

    void link(const std::vector<std::string>& targets, const xmlNode* at) {
        if (targets.empty()) return;
        const std::string from =
            targets.front().starts_with("#") ? targets.front().substr(1) : targets.front();
        const auto art = article_index_.find(from);
        if (art == article_index_.end()) return;
        for (std::size_t i = 1; i < targets.size(); ++i) {
            const std::string to = targets[i].starts_with("#") ? targets[i].substr(1) : targets[i];
            const auto div = divs_.find(to);
            if (div == divs_.end()) {
                warning("PB-SOURCE-REF", at, "structLink names '" + to + "', which is no div");
                continue;
            }
            areas(div->second, articles_[art->second], false);
        }
    }

    void article(const xmlNode* div) {
        SourceArticle a;
        a.id = xt::attr(div, "ID");
        for (const std::string& dmd : split(xt::attr(div, "DMDID"))) {
            const auto it = dmd_.find(dmd);
            if (it == dmd_.end()) continue;
            if (const xmlNode* ti = xt::child(it->second, mods_ns, "titleInfo")) {
                std::string title = xt::text(xt::child(ti, mods_ns, "title"));
                title.erase(0, title.find_first_not_of(" \t\r\n"));
                title.erase(title.find_last_not_of(" \t\r\n") + 1);
                if (!title.empty()) a.title = title;
            }
            if (const xmlNode* l = xt::child(it->second, mods_ns, "language"))
                if (const xmlNode* term = xt::child(l, mods_ns, "languageTerm"))
                    a.language = xt::text(term);
        }
        areas(div, a, false);
        article_index_[a.id] = articles_.size();
        articles_.push_back(std::move(a));
    }

    static std::vector<std::string> split(const std::string& s) {
        std::vector<std::string> out;
        std::size_t at = 0;
        while (at < s.size()) {
            const auto b = s.find_first_not_of(' ', at);
            if (b == std::string::npos) break;
            auto e = s.find(' ', b);
            if (e == std::string::npos) e = s.size();
            out.push_back(s.substr(b, e - b));
            at = e;
        }
        return out;
    }

    // Every area under `node` (its own divs included) that points into an OCR file.
    void areas(const xmlNode* node, SourceArticle& a, bool heading) {
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            bool inner_heading = heading;
            if (xt::is(c, mets_ns, "div")) {
                const std::string type = upper(xt::attr(c, "TYPE"));
                inner_heading =
                    heading || type == "HEADING" || type == "TITLE" || type == "HEADLINE";
            }
            if (xt::is(c, mets_ns, "area")) area(c, a, heading);
            areas(c, a, inner_heading);
        }
    }

    void area(const xmlNode* node, SourceArticle& a, bool heading) {
        const std::string file = xt::attr(node, "FILEID");
        const std::string begin = xt::attr(node, "BEGIN");
        if (begin.empty()) return;  // an image area (SHAPE/COORDS)
        const auto page = file_page_.find(file);
        if (page == file_page_.end()) return;  // not an OCR file of a page (or absent)
        if (!ocr_.pages[page->second]) return;
        const ocr::OcrPage& ocr = *ocr_.pages[page->second];
        const std::string end = xt::attr(node, "END");
        std::map<std::size_t, std::size_t> words;  // region -> words named
        if (!end.empty() || !region_by_id(ocr, begin, words)) {
            const auto& positions = word_position_[page->second];
            const auto b = positions.find(begin);
            const auto e = positions.find(end.empty() ? begin : end);
            if (b == positions.end() || e == positions.end()) {
                warning("PB-SOURCE-REF", node,
                        "area BEGIN '" + begin + "'" + (end.empty() ? "" : " END '" + end + "'") +
                            " names nothing in '" + file + "'");
                return;
            }
            for (std::size_t i = std::min(b->second, e->second);
                 i <= std::max(b->second, e->second); ++i)
                ++words[ocr.word_ids[i].second];
        }
        for (const auto& [region, count] : words)
            a.parts.push_back({page->second, region, count, heading});
    }

    static std::size_t word_count(const layout::Region& r) {
        std::size_t n = 0;
        for (const TextLine& l : r.lines) n += l.words.size();
        return n;
    }

    static bool region_by_id(const ocr::OcrPage& ocr, const std::string& id,
                             std::map<std::size_t, std::size_t>& out) {
        std::vector<std::string> ids{id};
        const auto group = ocr.groups.find(id);
        if (group != ocr.groups.end()) ids = group->second;
        bool found = false;
        for (std::size_t r = 0; r < ocr.layout.regions.size(); ++r)
            if (std::find(ids.begin(), ids.end(), ocr.layout.regions[r].source_id) != ids.end()) {
                out[r] += word_count(ocr.layout.regions[r]);
                found = true;
            }
        return found || group != ocr.groups.end();
    }

    // Blocks for every region of every OCR page; articles from the claims.
    void build() {
        // Each region goes to the article that names most of its words.
        std::map<std::pair<std::size_t, std::size_t>, std::pair<std::size_t, std::size_t>> owner;
        std::map<std::pair<std::size_t, std::size_t>, bool> heading;
        for (std::size_t a = 0; a < articles_.size(); ++a)
            for (const Part& part : articles_[a].parts) {
                const auto key = std::make_pair(part.page, part.region);
                const auto it = owner.find(key);
                if (it == owner.end() || it->second.second < part.words)
                    owner[key] = {a, part.words};
                if (part.heading) heading[key] = true;
            }
        std::vector<Article> built(articles_.size());
        std::vector<std::pair<std::size_t, std::size_t>> first(articles_.size(), {SIZE_MAX, 0});
        for (std::size_t p = 0; p < issue_.pages.size(); ++p) {
            Page& page = issue_.pages[p];
            if (!ocr_.pages[p]) continue;
            const layout::LayoutPage& layout = ocr_.pages[p]->layout;
            page.blocks.clear();
            for (std::size_t r = 0; r < layout.regions.size(); ++r) {
                const auto key = std::make_pair(p, r);
                const auto it = owner.find(key);
                const std::string id = "p" + std::to_string(page.sequence) + "-" +
                                       sequence_id("b", page.blocks.size() + 1, 4);
                if (it == owner.end()) {
                    page.blocks.push_back(
                        block_from_region(layout.regions[r], id, BlockKind::unknown));
                    continue;
                }
                const std::size_t a = it->second.first;
                Article& art = built[a];
                const SourceArticle& source = articles_[a];
                const bool head =
                    heading.count(key) ||
                    (art.block_ids.empty() && looks_like_title(layout.regions[r], source));
                Block block = block_from_region(layout.regions[r], id,
                                                head ? BlockKind::headline : BlockKind::body);
                if (first[a].first == SIZE_MAX) {
                    first[a] = {p, r};
                    art.source_path = page.file(FileRole::ocr)->href;
                    art.first_line = layout.regions[r].source_line;
                }
                if (art.pages.empty() || art.pages.back() != page.label)
                    art.pages.push_back(page.label);
                art.block_ids.push_back(block.id);
                if (head) {
                    if (!art.headline)
                        art.headline = block.text;
                    else if (!source.title)
                        *art.headline += " " + block.text;
                } else {
                    art.body.push_back({Paragraph::Kind::text, block.text, block.id});
                }
                page.blocks.push_back(std::move(block));
            }
        }
        // An article whose only text is the region taken for its headline: that is its body.
        for (Article& art : built) {
            if (!art.body.empty()) continue;
            for (const std::string& id : art.block_ids)
                for (Page& page : issue_.pages)
                    for (Block& b : page.blocks)
                        if (b.id == id) {
                            b.kind = BlockKind::body;
                            art.body.push_back({Paragraph::Kind::text, b.text, b.id});
                        }
            if (!art.body.empty()) art.headline.reset();
        }
        std::vector<std::size_t> order;
        for (std::size_t a = 0; a < built.size(); ++a)
            if (!built[a].block_ids.empty())
                order.push_back(a);
            else
                warning(
                    "PB-SOURCE-EMPTY", nullptr,
                    "article '" + articles_[a].id + "' names no text of the OCR files; left out");
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t x, std::size_t y) { return first[x] < first[y]; });
        issue_.articles.clear();
        for (std::size_t a : order) {
            Article art = std::move(built[a]);
            if (articles_[a].title) art.headline = articles_[a].title;
            art.headline_confidence = 1;
            art.language = articles_[a].language;
            art.id = sequence_id("art-", issue_.articles.size() + 1);
            issue_.articles.push_back(std::move(art));
        }
        issue_.illustrations.clear();
    }

    // The first region of an article is its headline when it reads like the MODS title, or is
    // short and set in capitals (BL articles have no heading part).
    static bool looks_like_title(const layout::Region& region, const SourceArticle& a) {
        std::string text;
        std::size_t words = 0;
        for (const TextLine& l : region.lines)
            for (const Word& w : l.words) text += w.text + " ", ++words;
        if (a.title) {
            const std::string t = letters(*a.title, 12), r = letters(text, 12);
            if (!t.empty() && (r.starts_with(t.substr(0, std::min<std::size_t>(t.size(), 6)))))
                return true;
        }
        std::size_t caps = 0, lowers = 0;
        for (char c : text)
            caps += std::isupper(static_cast<unsigned char>(c)) != 0,
                lowers += std::islower(static_cast<unsigned char>(c)) != 0;
        return words <= 12 && region.lines.size() <= 3 && caps > 2 * lowers;
    }

    Issue& issue_;
    fs::path mets_;
    OcrPages& ocr_;
    Diagnostics& out_;
    std::map<std::string, std::size_t> file_page_;
    std::map<std::string, const xmlNode*> dmd_;
    std::map<std::string, const xmlNode*> divs_;
    std::map<std::size_t, std::map<std::string, std::size_t>> word_position_;
    std::vector<SourceArticle> articles_;
    std::map<std::string, std::size_t> article_index_;
};

}  // namespace

Block block_from_region(const layout::Region& region, std::string id, BlockKind kind) {
    Block block;
    block.id = std::move(id);
    block.kind = kind;
    block.text = text::join_lines(layout::region_lines(region, text::RepairMode::body));
    block.box = region.box;
    block.lines = region.lines;
    block.style = region.style;
    block.confidence = region.confidence;
    block.language = region.language;
    block.first_line = region.source_line;
    block.last_line = region.source_line;
    return block;
}

bool import_source_articles(Issue& issue, const fs::path& mets, OcrPages& ocr,
                            Diagnostics& diagnostics) {
    return ArticleMapper(issue, mets, ocr, diagnostics).run();
}

}  // namespace paperbag
