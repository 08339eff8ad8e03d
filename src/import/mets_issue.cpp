// A METS file with its files as an issue folder: metadata from MODS, pages from the PHYSICAL
// structMap, files from the fileSec, every file checked (present, SIZE, CHECKSUM).
#include "import/mets_issue.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include "core/digest.hpp"
#include "core/mime.hpp"
#include "io/file.hpp"
#include "io/xml_parse.hpp"
#include "io/xml_tree.hpp"

namespace paperbag {

namespace {

namespace fs = std::filesystem;
namespace xt = xml_tree;

constexpr const char* mets_ns = "http://www.loc.gov/METS/";
constexpr const char* mods_ns = "http://www.loc.gov/mods/v3";
constexpr const char* xlink_ns = "http://www.w3.org/1999/xlink";

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

std::string trimmed(std::string s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// Every descendant element named `name` in `ns`, in document order.
void descendants(const xmlNode* node, const char* ns, const char* name,
                 std::vector<const xmlNode*>& out) {
    for (const xmlNode* c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xt::is(c, ns, name)) out.push_back(c);
        descendants(c, ns, name, out);
    }
}
std::vector<const xmlNode*> all(const xmlNode* node, const char* ns, const char* name) {
    std::vector<const xmlNode*> out;
    if (node) descendants(node, ns, name, out);
    return out;
}
const xmlNode* first(const xmlNode* node, const char* ns, const char* name) {
    const auto found = all(node, ns, name);
    return found.empty() ? nullptr : found.front();
}

std::vector<std::string> id_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto start = text.find_first_not_of(' ', at);
        if (start == std::string::npos) break;
        auto end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        at = end;
    }
    return out;
}

// ISO 639-2 codes (MODS "iso639-2b") to BCP 47; rfc3066/rfc5646 codes pass unchanged.
std::string bcp47(const std::string& code) {
    static const std::map<std::string, std::string> table = {
        {"eng", "en"}, {"ger", "de"}, {"deu", "de"}, {"fre", "fr"}, {"fra", "fr"},
        {"ltz", "lb"}, {"dut", "nl"}, {"nld", "nl"}, {"ita", "it"}, {"spa", "es"},
        {"lat", "la"}, {"chi", "zh"}, {"zho", "zh"}, {"jpn", "ja"}, {"wel", "cy"},
        {"cym", "cy"}, {"gle", "ga"}, {"pol", "pl"}, {"cze", "cs"}, {"ces", "cs"},
    };
    const auto it = table.find(lower(code));
    return it != table.end() ? it->second : code;
}

struct SourceFile {
    std::string id;
    std::string href;  // as written
    std::string mime;
    std::string use;  // the nearest fileGrp's USE
    std::string checksum;
    std::string checksum_type;
    std::string size;
    std::uint64_t line = 0;
};

// "file://./text/a.xml", "./a.xml", "a.xml" -> "text/a.xml"; nothing for remote or absolute.
std::optional<std::string> local_href(std::string href) {
    if (href.starts_with("file://"))
        href = href.substr(7);
    else if (href.starts_with("file:"))
        href = href.substr(5);
    if (href.find("://") != std::string::npos || href.empty() || href.front() == '/')
        return std::nullopt;
    while (href.starts_with("./")) href = href.substr(2);
    return href;
}

FileRole role_of(const SourceFile& f) {
    const std::string mime = lower(f.mime);
    if (mime.starts_with("image/")) return FileRole::image;
    if (mime == "application/pdf") return FileRole::pdf;
    if (mime == "text/plain") return FileRole::text;
    return FileRole::ocr;
}

std::string hex(const unsigned char* data, unsigned int size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 15];
    }
    return out;
}

// The file's digest in the METS CHECKSUMTYPE, or nothing for a type OpenSSL does not know.
std::optional<std::string> file_digest(const fs::path& path, const std::string& type) {
    static const std::map<std::string, const char*> names = {
        {"MD5", "MD5"},       {"SHA-1", "SHA1"},     {"SHA1", "SHA1"},     {"SHA-256", "SHA256"},
        {"SHA256", "SHA256"}, {"SHA-512", "SHA512"}, {"SHA512", "SHA512"},
    };
    std::string upper = type;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const auto it = names.find(upper);
    if (it == names.end()) return std::nullopt;
    const EVP_MD* md = EVP_get_digestbyname(it->second);
    if (md == nullptr) return std::nullopt;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw_system_error("cannot open", path.string());
    std::vector<char> buffer(1 << 16);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        EVP_DigestUpdate(ctx.get(), buffer.data(), static_cast<std::size_t>(in.gcount()));
    }
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx.get(), out, &size);
    return hex(out, size);
}

class MetsIssueReader {
public:
    MetsIssueReader(const fs::path& mets, const MetsIssueOptions& options, Diagnostics& out)
        : mets_(mets),
          folder_(mets.parent_path()),
          options_(options),
          out_(out),
          name_(mets.filename().string()) {}

    std::optional<Issue> read() {
        const std::string bytes = read_file(mets_, std::uint64_t{1} << 28);
        doc_ = parse_xml(bytes, mets_.string(), out_);
        if (!doc_) return std::nullopt;
        const xmlNode* root = xmlDocGetRootElement(doc_.get());
        if (!xt::is(root, mets_ns, "mets")) {
            out_.add(make_error("PB-SOURCE-METS", mets_.string(), xt::line(root),
                                "root element is not mets:mets"));
            return std::nullopt;
        }
        Issue issue;
        issue.folder = folder_;
        metadata(root, issue);
        files(root);
        pages(root, issue);
        check_files(issue);
        if (has_errors_) return std::nullopt;
        record_migration(bytes, issue);
        return issue;
    }

private:
    void error(std::string code, const xmlNode* at, std::string message) {
        out_.add(make_error(std::move(code), mets_.string(), xt::line(at), std::move(message)));
        has_errors_ = true;
    }
    void warning(std::string code, const xmlNode* at, std::string message) {
        out_.add(make_warning(std::move(code), mets_.string(), at ? xt::line(at) : 0,
                              std::move(message)));
    }

    std::map<std::string, const xmlNode*> dmd_sections(const xmlNode* root) {
        std::map<std::string, const xmlNode*> out;
        for (const xmlNode* d : xt::children(root, mets_ns, "dmdSec"))
            if (const xmlNode* mods = first(d, mods_ns, "mods")) out[xt::attr(d, "ID")] = mods;
        return out;
    }

    // The MODS of the issue: named by the top div of a structMap, else the first with a date.
    const xmlNode* issue_mods(const xmlNode* root) {
        const auto dmd = dmd_sections(root);
        for (const xmlNode* map : xt::children(root, mets_ns, "structMap"))
            if (const xmlNode* top = xt::child(map, mets_ns, "div"))
                for (const std::string& id : id_list(xt::attr(top, "DMDID"))) {
                    const auto it = dmd.find(id);
                    if (it != dmd.end() && first(it->second, mods_ns, "dateIssued"))
                        return it->second;
                }
        for (const auto& [id, mods] : dmd)
            if (first(mods, mods_ns, "dateIssued")) return mods;
        return nullptr;
    }

    static std::string text_of(const xmlNode* n) { return n ? trimmed(xt::text(n)) : ""; }

    void metadata(const xmlNode* root, Issue& issue) {
        const xmlNode* mods = issue_mods(root);
        if (mods == nullptr) {
            error("PB-SOURCE-METS", root, "no MODS with an issue date (mods:dateIssued)");
            return;
        }
        // Title: the issue's own titleInfo, else its host's, else the METS LABEL.
        for (const xmlNode* t : xt::children(mods, mods_ns, "titleInfo"))
            if (issue.title.empty()) issue.title = text_of(xt::child(t, mods_ns, "title"));
        for (const xmlNode* rel : xt::children(mods, mods_ns, "relatedItem")) {
            if (xt::attr(rel, "type") != "host") continue;
            if (issue.title.empty())
                if (const xmlNode* t = xt::child(rel, mods_ns, "titleInfo"))
                    issue.title = text_of(xt::child(t, mods_ns, "title"));
            identifiers(rel, issue);
        }
        if (issue.title.empty()) issue.title = trimmed(xt::attr(root, "LABEL"));
        if (issue.title.empty()) {
            error("PB-SOURCE-METS", mods, "no publication title (mods:title) and no METS LABEL");
        }
        identifiers(mods, issue);
        // The first dateIssued, or the first with keyDate="yes".
        const xmlNode* date = nullptr;
        for (const xmlNode* d : all(mods, mods_ns, "dateIssued")) {
            const bool key = xt::attr(d, "keyDate") == "yes";
            if (!date || (key && xt::attr(date, "keyDate") != "yes")) date = d;
        }
        const std::string date_text = text_of(date);
        const auto parsed = Date::parse(date_text.substr(0, 10));
        if (!parsed)
            error("PB-SOURCE-METS", date ? date : mods,
                  "issue date '" + date_text + "' is not a date (YYYY-MM-DD)");
        else
            issue.date = *parsed;
        // An NDNP LABEL names the issue, not the title: "The Gazette, 1902-01-01, edition 1".
        if (parsed && issue.title == trimmed(xt::attr(root, "LABEL"))) {
            const auto at = issue.title.find(", " + parsed->to_string());
            if (at != std::string::npos && at > 0) issue.title = issue.title.substr(0, at);
        }
        for (const xmlNode* detail : all(mods, mods_ns, "detail")) {
            const std::string type = lower(xt::attr(detail, "type"));
            const std::string number = text_of(xt::child(detail, mods_ns, "number"));
            if (number.empty()) continue;
            if (type == "issue" || type == "number") issue.number = number;
            if (type == "volume") issue.volume = number;
            if (type == "edition") issue.edition = number;
        }
        // MODS originInfo/edition ("City Edition"), when no part/detail gave the edition.
        if (issue.edition.empty()) issue.edition = text_of(first(mods, mods_ns, "edition"));
        for (const xmlNode* term : all(mods, mods_ns, "languageTerm"))
            if (xt::attr(term, "type") != "text") {
                const std::string lang = bcp47(text_of(term));
                if (!lang.empty() && std::find(issue.languages.begin(), issue.languages.end(),
                                               lang) == issue.languages.end())
                    issue.languages.push_back(lang);
            }
        issue.publisher = text_of(first(mods, mods_ns, "publisher"));
        for (const xmlNode* term : all(mods, mods_ns, "placeTerm"))
            if (issue.place.empty() && xt::attr(term, "type") != "code")
                issue.place = text_of(term);
        if (issue.languages.empty()) article_languages(root, issue);
    }

    // No issue language: the most frequent language of the articles' MODS.
    void article_languages(const xmlNode* root, Issue& issue) {
        std::map<std::string, int> count;
        for (const auto& [id, mods] : dmd_sections(root))
            for (const xmlNode* term : all(mods, mods_ns, "languageTerm"))
                if (xt::attr(term, "type") != "text") ++count[bcp47(text_of(term))];
        std::vector<std::pair<int, std::string>> ranked;
        for (const auto& [lang, n] : count)
            if (!lang.empty()) ranked.emplace_back(-n, lang);
        std::sort(ranked.begin(), ranked.end());
        for (const auto& [n, lang] : ranked) issue.languages.push_back(lang);
    }

    static void identifiers(const xmlNode* mods, Issue& issue) {
        for (const xmlNode* id : xt::children(mods, mods_ns, "identifier")) {
            const std::string value = text_of(id);
            std::string type = lower(xt::attr(id, "type"));
            if (value.empty()) continue;
            // A URL (OCR-D's purl, a handle) identifies but does not name the issue's bundle.
            if (type != "issn" && type != "lccn" && type != "cn")
                type = value.find("://") != std::string::npos ? "uri" : "local";
            const Identifier identifier{type, value};
            if (std::find(issue.identifiers.begin(), issue.identifiers.end(), identifier) ==
                issue.identifiers.end())
                issue.identifiers.push_back(identifier);
        }
    }

    void files(const xmlNode* root) {
        const xmlNode* sec = xt::child(root, mets_ns, "fileSec");
        if (sec == nullptr) return;
        for (const xmlNode* f : all(sec, mets_ns, "file")) {
            SourceFile file;
            file.id = xt::attr(f, "ID");
            file.mime = xt::attr(f, "MIMETYPE");
            for (const xmlNode* p = f->parent; p && p->type == XML_ELEMENT_NODE; p = p->parent)
                if (xt::is(p, mets_ns, "fileGrp") && file.use.empty())
                    file.use = xt::attr(p, "USE");
            file.checksum = xt::attr(f, "CHECKSUM");
            file.checksum_type = xt::attr(f, "CHECKSUMTYPE");
            file.size = xt::attr(f, "SIZE");
            file.line = xt::line(f);
            if (const xmlNode* loc = xt::child(f, mets_ns, "FLocat"))
                file.href = xt::attr(loc, "href", xlink_ns);
            // NDNP files have no MIMETYPE: the name tells (0001.tif, 0001.xml, 0001.pdf).
            if (file.mime.empty()) file.mime = mime_type_for(file.href);
            nodes_[file.id] = f;
            files_[file.id] = std::move(file);
        }
    }

    // The FILEIDs a page div uses directly (fptr/@FILEID, fptr//area/@FILEID), not those of
    // its page areas.
    static void page_file_ids(const xmlNode* node,
                              std::vector<std::pair<std::string, const xmlNode*>>& out) {
        for (const xmlNode* c = node->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || xt::is(c, mets_ns, "div")) continue;
            const std::string id = xt::attr(c, "FILEID");
            if (!id.empty()) out.emplace_back(id, c);
            page_file_ids(c, out);
        }
    }

    // The page number printed on the page, from the page's own MODS (NDNP: part/detail of
    // type "page number"), when it is a valid label; else nothing.
    static std::string page_number(const xmlNode* div,
                                   const std::map<std::string, const xmlNode*>& dmd) {
        for (const std::string& id : id_list(xt::attr(div, "DMDID"))) {
            const auto it = dmd.find(id);
            if (it == dmd.end()) continue;
            for (const xmlNode* detail : all(it->second, mods_ns, "detail")) {
                if (lower(xt::attr(detail, "type")) != "page number") continue;
                const std::string number = text_of(xt::child(detail, mods_ns, "number"));
                if (!number.empty() && number.size() <= 32 &&
                    number.find_first_of(" \t\r\n/\\") == std::string::npos)
                    return number;
            }
        }
        return {};
    }

    void pages(const xmlNode* root, Issue& issue) {
        // The PHYSICAL structMap; NDNP issue METS have one structMap without a TYPE.
        std::vector<const xmlNode*> page_divs;
        const auto maps = xt::children(root, mets_ns, "structMap");
        const auto physical = std::find_if(maps.begin(), maps.end(), [](const xmlNode* map) {
            return lower(xt::attr(map, "TYPE")) == "physical";
        });
        const auto untyped = std::find_if(maps.begin(), maps.end(), [](const xmlNode* map) {
            return xt::attr(map, "TYPE").empty();
        });
        const auto map = physical != maps.end() ? physical : untyped;
        if (map != maps.end())
            for (const xmlNode* div : all(*map, mets_ns, "div")) {
                const std::string type = lower(xt::attr(div, "TYPE"));
                if (type == "page" || type == "np:page") page_divs.push_back(div);
            }
        if (page_divs.empty()) {
            error("PB-SOURCE-METS", root,
                  "the PHYSICAL structMap (or, as in NDNP, the structMap without a TYPE) has no "
                  "page divs");
            return;
        }
        const auto order = [](const xmlNode* d) {
            return xt::number(xt::attr(d, "ORDER")).value_or(UINT64_MAX);
        };
        std::stable_sort(page_divs.begin(), page_divs.end(),
                         [&](const xmlNode* a, const xmlNode* b) { return order(a) < order(b); });
        const auto dmd = dmd_sections(root);
        std::set<std::string> used;
        for (std::size_t i = 0; i < page_divs.size(); ++i) {
            const xmlNode* div = page_divs[i];
            Page page;
            page.sequence = static_cast<int>(i) + 1;
            page.label = xt::attr(div, "ORDERLABEL");
            if (page.label.empty()) page.label = page_number(div, dmd);
            if (page.label.empty()) page.label = std::to_string(i + 1);
            std::vector<std::pair<std::string, const xmlNode*>> ids;
            page_file_ids(div, ids);
            for (const auto& [id, at] : ids) {
                const auto it = files_.find(id);
                if (it == files_.end()) {
                    error("PB-SOURCE-REF", at, "FILEID '" + id + "' names no file of the fileSec");
                    continue;
                }
                if (!used.insert(id).second) continue;
                PageFile file;
                file.role = role_of(it->second);
                file.mime_type = it->second.mime;
                const auto href = local_href(it->second.href);
                if (!href) {
                    error("PB-SOURCE-REF", nodes_.at(id),
                          "file '" + id + "': FLocat '" + it->second.href +
                              "' is not a relative path inside the issue folder (nothing is "
                              "fetched from the network)");
                    continue;
                }
                file.href = *href;
                file.path = folder_ / *href;
                page.files.push_back(std::move(file));
            }
            issue.pages.push_back(std::move(page));
        }
        for (const auto& [id, file] : files_)
            if (!used.count(id)) unpaged_.push_back(id);
    }

    // Presence, SIZE and CHECKSUM of every file the fileSec lists.
    void check_files(Issue& issue) {
        std::set<std::string> checked;
        for (Page& page : issue.pages) {
            std::vector<PageFile> present;
            for (PageFile& file : page.files) {
                const std::string id = id_of(file.href);
                if (check(id, file.path, file.href)) {
                    if (file.role == FileRole::ocr) confirm_ocr(file, id);
                    present.push_back(std::move(file));
                }
                checked.insert(id);
            }
            page.files = std::move(present);
        }
        for (const std::string& id : unpaged_) {
            const SourceFile& f = files_.at(id);
            const auto href = local_href(f.href);
            if (!href) continue;
            if (check(id, folder_ / *href, *href))
                warning("PB-SOURCE-UNPAGED", nodes_.at(id),
                        "file '" + id + "' (" + *href +
                            ") belongs to no page of the PHYSICAL structMap; not packaged");
        }
    }

    std::string id_of(const std::string& href) const {
        for (const auto& [id, f] : files_)
            if (local_href(f.href) == href) return id;
        return {};
    }

    // True when the file is there (and right); absent files are errors or recorded warnings.
    bool check(const std::string& id, const fs::path& path, const std::string& href) {
        const SourceFile& f = files_.at(id);
        const xmlNode* at = nodes_.at(id);
        std::error_code ec;
        if (!path_is_within(folder_, path) || fs::is_symlink(path, ec)) {
            error("PB-SOURCE-REF", at, "file '" + id + "': '" + href + "' leaves the issue folder");
            return false;
        }
        if (!fs::is_regular_file(path, ec)) {
            absent_.push_back(href);
            const std::string message =
                "file '" + id + "' (" + href + ") is listed in the METS but absent";
            if (options_.missing_warn)
                warning("PB-SOURCE-MISSING", at, message + "; recorded as absent");
            else
                error("PB-SOURCE-MISSING", at, message);
            return false;
        }
        // A file that is not the one the METS describes: an error, or with --missing=warn a
        // warning and a record in the migration event (the file is packaged as received).
        const auto mismatch = [&](const std::string& message) {
            if (options_.missing_warn) {
                warning("PB-SOURCE-CHECKSUM", at, message + "; packaged as received and recorded");
                damaged_.push_back(href);
            } else {
                error("PB-SOURCE-CHECKSUM", at, message);
            }
        };
        const auto size = fs::file_size(path, ec);
        if (!f.size.empty() && !ec && f.size != std::to_string(size))
            mismatch("file '" + id + "' (" + href + "): SIZE " + f.size + " but the file has " +
                     std::to_string(size) + " bytes");
        if (!f.checksum.empty()) {
            const auto actual = file_digest(path, f.checksum_type);
            if (!actual)
                warning("PB-SOURCE-CHECKSUM", at,
                        "CHECKSUMTYPE '" + f.checksum_type + "' is not supported; not verified");
            else if (*actual != lower(f.checksum))
                mismatch("file '" + id + "' (" + href + "): " + f.checksum_type + " " + f.checksum +
                         " but the file has " + *actual);
        }
        return true;
    }

    // An XML file of an OCR group must be a format paperbag reads; others stay as images do.
    void confirm_ocr(PageFile& file, const std::string& id) {
        const std::string head = read_head(file.path, 4096);
        if (!ocr::sniff(head)) {
            warning("PB-SOURCE-FORMAT", nodes_.at(id),
                    "file '" + id + "' (" + file.href +
                        ") is not ALTO, hOCR or PAGE; kept as a file, not read");
            file.role = FileRole::image;  // stored byte for byte, never parsed
        }
    }

    void record_migration(const std::string& bytes, Issue& issue) {
        RecordedEvent event;
        event.type = "migration";
        event.outcome = absent_.empty() && damaged_.empty() ? "success" : "warning";
        event.detail = "issue read from the source METS '" + name_ + "' (SHA-256 " +
                       digest_hex(DigestAlgorithm::sha256, bytes) + "), stored as source/" + name_ +
                       "; article structure " +
                       (options_.resegment ? "found again by paperbag (--resegment)"
                                           : "kept from the source METS where it has one");
        if (!absent_.empty()) {
            event.detail += "; absent files (listed in the source METS, not in the bundle):";
            for (const std::string& href : absent_) event.detail += " " + href;
        }
        if (!damaged_.empty()) {
            event.detail += "; files whose size or checksum differs from the source METS:";
            for (const std::string& href : damaged_) event.detail += " " + href;
        }
        issue.events.push_back(std::move(event));
    }

    fs::path mets_;
    fs::path folder_;
    const MetsIssueOptions& options_;
    Diagnostics& out_;
    std::string name_;
    XmlDocPtr doc_;
    std::map<std::string, SourceFile> files_;
    std::map<std::string, const xmlNode*> nodes_;
    std::vector<std::string> unpaged_;
    std::vector<std::string> absent_;
    std::vector<std::string> damaged_;
    bool has_errors_ = false;
};

bool is_mets_file(const fs::path& path) {
    const std::string head = read_head(path, 4096);
    std::size_t at = 0;
    while ((at = head.find('<', at)) != std::string::npos) {
        if (at + 1 < head.size() && (head[at + 1] == '?' || head[at + 1] == '!')) {
            ++at;
            continue;
        }
        const std::string_view tag = std::string_view(head).substr(at + 1, 10);
        return tag.starts_with("mets ") || tag.starts_with("mets>") || tag.starts_with("mets:mets");
    }
    return false;
}

}  // namespace

std::optional<fs::path> find_source_mets(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec) || fs::exists(folder / "issue.xml", ec)) return std::nullopt;
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const fs::path& p = entry.path();
        if (entry.is_regular_file(ec) && lower(p.extension().string()) == ".xml" && is_mets_file(p))
            found.push_back(p);
    }
    if (found.empty()) return std::nullopt;
    std::sort(found.begin(), found.end());
    for (const fs::path& p : found)
        if (lower(p.filename().string()) == "mets.xml") return p;
    for (const fs::path& p : found)
        if (lower(p.filename().string()).ends_with("mets.xml")) return p;
    return found.front();
}

std::optional<Issue> read_mets_issue(const fs::path& mets, const MetsIssueOptions& options,
                                     Diagnostics& diagnostics) {
    return MetsIssueReader(mets, options, diagnostics).read();
}

}  // namespace paperbag
