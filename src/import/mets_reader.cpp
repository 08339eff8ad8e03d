#include "import/mets_reader.hpp"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/uri.hpp"
#include "io/xml_parse.hpp"
#include "io/xml_tree.hpp"

namespace paperbag {

namespace {

namespace x = xml_tree;

constexpr const char* mets_ns = "http://www.loc.gov/METS/";
constexpr const char* mods_ns = "http://www.loc.gov/mods/v3";
constexpr const char* premis_ns = "http://www.loc.gov/premis/v3";
constexpr const char* xlink_ns = "http://www.w3.org/1999/xlink";
constexpr std::uint64_t max_pages = 100000;

struct FileInfo {
    std::string use;   // file (or older bundles: fileGrp) USE: text, ocr, image, pdf, alto, newsml
    std::string href;  // relative to mets.xml
};

// A block pointer of an article or illustration: its position (area ORDER) and document
// order, so that owners are rebuilt in the order the model had.
struct OwnedBlock {
    std::uint64_t order = 0;
    std::string id;
};

std::string strip_prefix(const std::string& id, std::string_view prefix) {
    return id.starts_with(prefix) ? id.substr(prefix.size()) : id;
}

std::string file_name(const std::string& href) {
    const auto slash = href.find_last_of('/');
    return slash == std::string::npos ? href : href.substr(slash + 1);
}

class MetsBuilder {
public:
    explicit MetsBuilder(std::string path) : path_(std::move(path)) {}

    MetsIssue build(const xmlNode* root) {
        for (const xmlNode* dmd : x::children(root, mets_ns, "dmdSec")) {
            const xmlNode* wrap = x::child(dmd, mets_ns, "mdWrap");
            const xmlNode* data = x::child(wrap, mets_ns, "xmlData");
            if (const xmlNode* mods = x::child(data, mods_ns, "mods"))
                dmd_[x::attr(dmd, "ID")] = mods;
        }
        read_files(x::child(root, mets_ns, "fileSec"));
        for (const xmlNode* map : x::children(root, mets_ns, "structMap"))
            if (x::attr(map, "TYPE") == "PHYSICAL") read_physical(map);
        const auto issue_mods = dmd_.find("DMD_ISSUE");
        if (issue_mods == dmd_.end()) fail(root, "the METS has no issue MODS (dmdSec DMD_ISSUE)");
        read_issue_mods(issue_mods->second);
        for (const xmlNode* map : x::children(root, mets_ns, "structMap"))
            if (x::attr(map, "TYPE") == "LOGICAL") read_logical(map);
        for (const xmlNode* amd : x::children(root, mets_ns, "amdSec")) read_events(amd);
        return std::move(out_);
    }

private:
    [[noreturn]] void fail(const xmlNode* node, const std::string& message) const {
        throw Error(make_error("PB-EXPORT-METS", path_, x::line(node), message));
    }

    std::uint64_t number(const xmlNode* node, const char* name) const {
        const std::string text = x::attr(node, name);
        const auto value = x::number(text);
        if (!value) fail(node, std::string(name) + " '" + text + "' is not a number");
        return *value;
    }

    // The PREMIS events of the digital provenance (amdSec/digiprovMD), in document order.
    void read_events(const xmlNode* amd) {
        for (const xmlNode* prov : x::children(amd, mets_ns, "digiprovMD")) {
            const xmlNode* wrap = x::child(prov, mets_ns, "mdWrap");
            const xmlNode* data = x::child(wrap, mets_ns, "xmlData");
            const xmlNode* event = x::child(data, premis_ns, "event");
            if (event == nullptr) continue;
            RecordedEvent recorded;
            recorded.type = x::text(x::child(event, premis_ns, "eventType"));
            recorded.date_time = x::text(x::child(event, premis_ns, "eventDateTime"));
            const xmlNode* info = x::child(event, premis_ns, "eventOutcomeInformation");
            recorded.outcome = x::text(x::child(info, premis_ns, "eventOutcome"));
            const xmlNode* detail = x::child(event, premis_ns, "eventDetailInformation");
            recorded.detail = x::text(x::child(detail, premis_ns, "eventDetail"));
            out_.issue.events.push_back(std::move(recorded));
        }
    }

    void read_files(const xmlNode* file_sec) {
        for (const xmlNode* group : x::children(file_sec, mets_ns, "fileGrp")) {
            const std::string group_use = x::attr(group, "USE");
            for (const xmlNode* file : x::children(group, mets_ns, "file")) {
                const xmlNode* location = x::child(file, mets_ns, "FLocat");
                // The role is the file's USE; bundles before the conventional group names
                // (DEFAULT, FULLTEXT, ORIGINAL) had it as the group's USE. hrefs are URI
                // references (RFC 3986): "space%20name.txt" is "space name.txt".
                const std::string use = x::attr(file, "USE");
                const std::string href = x::attr(location, "href", xlink_ns);
                const auto path = path_from_uri(href);
                if (!path)
                    fail(location, "FLocat href '" + href + "' is not a valid URI reference");
                files_[x::attr(file, "ID")] = {use.empty() ? group_use : use, *path};
            }
        }
    }

    const FileInfo& file(const xmlNode* node, const std::string& id) const {
        const auto it = files_.find(id);
        if (it == files_.end()) fail(node, "FILEID '" + id + "' names no file of the fileSec");
        return it->second;
    }

    void read_physical(const xmlNode* map) {
        Issue& issue = out_.issue;
        for (const xmlNode* sequence : x::children(map, mets_ns, "div")) {
            for (const xmlNode* div : x::children(sequence, mets_ns, "div")) {
                if (x::attr(div, "TYPE") != "page") continue;
                const std::uint64_t order = number(div, "ORDER");
                if (order == 0 || order > max_pages) fail(div, "page ORDER out of range");
                if (issue.pages.size() >= max_pages) fail(div, "too many pages");
                Page page;
                page.sequence = static_cast<int>(order);
                page.label = x::attr(div, "ORDERLABEL");
                page.section = x::attr(div, "LABEL");
                for (const xmlNode* pointer : x::children(div, mets_ns, "fptr")) {
                    const std::string id = x::attr(pointer, "FILEID");
                    const FileInfo& info = file(pointer, id);
                    page_of_file_[id] = issue.pages.size();
                    if (const auto role = parse_file_role(info.use)) {
                        PageFile page_file;
                        page_file.role = *role;
                        page_file.href = file_name(info.href);
                        page.files.push_back(std::move(page_file));
                    }
                }
                issue.pages.push_back(std::move(page));
            }
        }
    }

    void read_issue_mods(const xmlNode* mods) {
        Issue& issue = out_.issue;
        if (const xmlNode* title_info = x::child(mods, mods_ns, "titleInfo"))
            issue.title = x::text(x::child(title_info, mods_ns, "title"));
        if (const xmlNode* origin = x::child(mods, mods_ns, "originInfo")) {
            if (const xmlNode* place = x::child(origin, mods_ns, "place"))
                issue.place = x::text(x::child(place, mods_ns, "placeTerm"));
            issue.publisher = x::text(x::child(origin, mods_ns, "publisher"));
            issue.edition = x::text(x::child(origin, mods_ns, "edition"));
            if (const auto date = Date::parse(x::text(x::child(origin, mods_ns, "dateIssued"))))
                issue.date = *date;
        }
        for (const xmlNode* language : x::children(mods, mods_ns, "language"))
            issue.languages.push_back(x::text(x::child(language, mods_ns, "languageTerm")));
        for (const xmlNode* identifier : x::children(mods, mods_ns, "identifier")) {
            // A manifest type MODS does not list ("cn") is written as local + displayLabel.
            std::string type = x::attr(identifier, "type");
            if (type == "local" && !x::attr(identifier, "displayLabel").empty())
                type = x::attr(identifier, "displayLabel");
            issue.identifiers.push_back({type, x::text(identifier)});
        }
        for (const xmlNode* part : x::children(mods, mods_ns, "part")) {
            for (const xmlNode* detail : x::children(part, mods_ns, "detail")) {
                const std::string type = x::attr(detail, "type");
                const std::string value = x::text(x::child(detail, mods_ns, "number"));
                if (type == "volume") issue.volume = value;
                if (type == "issue") issue.number = value;
            }
        }
    }

    void read_note(const xmlNode* note, Article& article) const {
        const std::string type = x::attr(note, "type");
        const std::string value = x::text(note);
        if (type == "dateline") {
            article.dateline = value;
        } else if (type == "continued on") {
            article.continued_on = value;
        } else if (type == "continued from") {
            article.continued_from = value;
        } else if (type == "headline confidence") {
            double confidence = 0;
            const char* end = value.data() + value.size();
            auto [ptr, ec] = std::from_chars(value.data(), end, confidence);
            if (ec != std::errc() || ptr != end || !(confidence >= 0 && confidence <= 1))
                fail(note, "headline confidence '" + value + "' is not a number from 0 to 1");
            article.headline_confidence = confidence;
        } else if (type == "paperbag warning") {
            Diagnostic warning;
            warning.severity = Severity::warning;
            warning.message = value;
            article.warnings.push_back(std::move(warning));
        }
    }

    void read_article_mods(const xmlNode* mods, Article& article) const {
        for (const xmlNode* n : x::elements(mods)) {
            if (x::is(n, mods_ns, "titleInfo")) {
                const std::string title = x::text(x::child(n, mods_ns, "title"));
                if (x::attr(n, "type").empty()) {
                    article.headline = title;
                    if (const xmlNode* sub = x::child(n, mods_ns, "subTitle"))
                        article.subtitle = x::text(sub);
                } else if (x::attr(n, "displayLabel") == "kicker") {
                    article.kicker = title;
                }
            } else if (x::is(n, mods_ns, "name")) {
                Byline byline;
                byline.name = x::text(x::child(n, mods_ns, "namePart"));
                byline.text = x::text(x::child(n, mods_ns, "displayForm"));
                for (const xmlNode* term :
                     x::children(x::child(n, mods_ns, "role"), mods_ns, "roleTerm"))
                    if (x::attr(term, "type") == "text") byline.role = x::text(term);
                article.bylines.push_back(std::move(byline));
            } else if (x::is(n, mods_ns, "language")) {
                article.language = x::text(x::child(n, mods_ns, "languageTerm"));
            } else if (x::is(n, mods_ns, "note")) {
                read_note(n, article);
            }
        }
    }

    // The blocks of one part div (heading, byline, body, caption): every fptr's areas.
    void read_part(const xmlNode* part, std::vector<OwnedBlock>& owned) {
        for (const xmlNode* pointer : x::children(part, mets_ns, "fptr")) {
            std::vector<const xmlNode*> areas = x::children(pointer, mets_ns, "area");
            if (const xmlNode* par = x::child(pointer, mets_ns, "par")) {
                for (const xmlNode* a : x::children(par, mets_ns, "area")) areas.push_back(a);
                for (const xmlNode* a : x::children(x::child(par, mets_ns, "seq"), mets_ns, "area"))
                    areas.push_back(a);
            }
            Block block;
            std::optional<std::size_t> page;
            std::uint64_t order = 0;
            for (const xmlNode* area : areas) {
                const std::string type = x::attr(area, "BETYPE");
                const std::string file_id = x::attr(area, "FILEID");
                (void)file(area, file_id);
                if (type == "IDREF") {
                    block.id = x::attr(area, "BEGIN");
                    if (!x::attr(area, "ORDER").empty()) order = number(area, "ORDER");
                    const auto it = page_of_file_.find(file_id);
                    if (it == page_of_file_.end())
                        fail(area, "FILEID '" + file_id + "' is on no page of the physical map");
                    page = it->second;
                } else if (type == "BYTE") {
                    block.source.push_back({number(area, "BEGIN"), number(area, "EXTENT")});
                }
            }
            if (block.id.empty() || !page) fail(pointer, "block pointer without an ALTO area");
            owned.push_back({order, block.id});
            if (blocks_seen_.insert(block.id).second) {
                page_labels_[block.id] = out_.issue.pages[*page].label;
                out_.issue.pages[*page].blocks.push_back(std::move(block));
            }
        }
    }

    // Block ids in their owner's order, and the labels of the pages they are on.
    void finish_blocks(std::vector<OwnedBlock> owned, std::vector<std::string>& block_ids,
                       std::vector<std::string>& pages) const {
        const bool ordered = std::all_of(owned.begin(), owned.end(),
                                         [](const OwnedBlock& b) { return b.order > 0; });
        if (ordered)
            std::stable_sort(owned.begin(), owned.end(),
                             [](const auto& a, const auto& b) { return a.order < b.order; });
        for (const OwnedBlock& b : owned) {
            block_ids.push_back(b.id);
            const std::string& label = page_labels_.at(b.id);
            if (std::find(pages.begin(), pages.end(), label) == pages.end()) pages.push_back(label);
        }
    }

    // The id of an article or illustration: its div's ID without the "LOG_" prefix; a div
    // without one names nothing that export, inspect or the NewsML items could refer to.
    std::string item_id(const xmlNode* div, const char* what) const {
        std::string id = strip_prefix(x::attr(div, "ID"), "LOG_");
        if (id.empty()) fail(div, std::string(what) + " division without an ID");
        return id;
    }

    void read_item_pointer(const xmlNode* div, const std::string& id) {
        if (const xmlNode* pointer = x::child(div, mets_ns, "fptr")) {
            const FileInfo& info = file(pointer, x::attr(pointer, "FILEID"));
            if (info.use == "newsml") out_.items[id] = info.href;
        }
    }

    void read_illustration(const xmlNode* div, const std::string& article_id) {
        Illustration illustration;
        illustration.id = item_id(div, "illustration");
        illustration.article_id = article_id;
        read_item_pointer(div, illustration.id);
        std::vector<OwnedBlock> owned;
        for (const xmlNode* part : x::children(div, mets_ns, "div")) read_part(part, owned);
        finish_blocks(std::move(owned), illustration.block_ids, illustration.pages);
        const std::string order = x::attr(div, "ORDER");
        illustration_order_.push_back(order.empty() ? 0 : number(div, "ORDER"));
        out_.issue.illustrations.push_back(std::move(illustration));
    }

    void read_article(const xmlNode* div) {
        Article article;
        article.id = item_id(div, "article");
        const auto mods = dmd_.find(x::attr(div, "DMDID"));
        if (mods == dmd_.end()) fail(div, "article '" + article.id + "' has no MODS");
        read_article_mods(mods->second, article);
        read_item_pointer(div, article.id);
        std::vector<OwnedBlock> owned;
        std::vector<const xmlNode*> illustrations;
        for (const xmlNode* part : x::children(div, mets_ns, "div")) {
            if (x::attr(part, "TYPE") == "illustration")
                illustrations.push_back(part);
            else
                read_part(part, owned);
        }
        finish_blocks(std::move(owned), article.block_ids, article.pages);
        out_.issue.articles.push_back(std::move(article));
        for (const xmlNode* illustration : illustrations)
            read_illustration(illustration, out_.issue.articles.back().id);
    }

    void read_logical(const xmlNode* map) {
        for (const xmlNode* issue_div : x::children(map, mets_ns, "div")) {
            for (const xmlNode* div : x::children(issue_div, mets_ns, "div")) {
                const std::string type = x::attr(div, "TYPE");
                if (type == "article") read_article(div);
                if (type == "illustration") read_illustration(div, "");
            }
        }
        // Illustrations nested under their articles come back in page order (their ORDER).
        if (std::all_of(illustration_order_.begin(), illustration_order_.end(),
                        [](std::uint64_t o) { return o > 0; })) {
            std::vector<std::size_t> index(illustration_order_.size());
            for (std::size_t i = 0; i < index.size(); ++i) index[i] = i;
            std::stable_sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) {
                return illustration_order_[a] < illustration_order_[b];
            });
            std::vector<Illustration> sorted;
            sorted.reserve(index.size());
            for (std::size_t i : index) sorted.push_back(std::move(out_.issue.illustrations[i]));
            out_.issue.illustrations = std::move(sorted);
        }
    }

    std::string path_;
    MetsIssue out_;
    std::map<std::string, const xmlNode*> dmd_;
    std::map<std::string, FileInfo> files_;
    std::map<std::string, std::size_t> page_of_file_;  // file id -> index in issue.pages
    std::set<std::string> blocks_seen_;
    std::map<std::string, std::string> page_labels_;  // block id -> page label
    std::vector<std::uint64_t> illustration_order_;
};

}  // namespace

std::optional<MetsIssue> read_paperbag_mets(std::string_view bytes, const std::string& path,
                                            Diagnostics& diagnostics) {
    XmlDocPtr doc = parse_xml(bytes, path, diagnostics);
    if (!doc) return std::nullopt;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!x::is(root, mets_ns, "mets") || x::attr(root, "PROFILE") != paperbag_mets_profile) {
        diagnostics.add(make_error("PB-EXPORT-NOT-PAPERBAG", path, root ? x::line(root) : 0,
                                   "not a paperbag bundle: the METS does not declare PROFILE=\"" +
                                       std::string(paperbag_mets_profile) + "\""));
        return std::nullopt;
    }
    try {
        return MetsBuilder(path).build(root);
    } catch (const Error& e) {
        diagnostics.add(e.diagnostic());
        return std::nullopt;
    }
}

}  // namespace paperbag
