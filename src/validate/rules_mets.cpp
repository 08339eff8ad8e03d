// METS profile rules (PB-METS-*): references resolve (FILEID, DMDID, ADMID, structLink), files
// exist and match their SIZE and CHECKSUM, structMaps use every file, dates in embedded
// MODS/PREMIS are real.
#include <openssl/evp.h>

#include <map>
#include <memory>
#include <set>

#include "core/uri.hpp"
#include "io/xml_parse.hpp"
#include "validate/document_check.hpp"
#include "validate/rules.hpp"

namespace paperbag {

namespace {

constexpr const char* mets_ns = "http://www.loc.gov/METS/";
constexpr const char* xlink_ns = "http://www.w3.org/1999/xlink";

struct EvpFree {
    void operator()(EVP_MD_CTX* p) const noexcept { EVP_MD_CTX_free(p); }
};

// METS CHECKSUMTYPE -> OpenSSL digest; nullptr when paperbag cannot compute it.
const EVP_MD* digest_for(const std::string& type) {
    if (type == "MD5") return EVP_md5();
    if (type == "SHA-1") return EVP_sha1();
    if (type == "SHA-256") return EVP_sha256();
    if (type == "SHA-384") return EVP_sha384();
    if (type == "SHA-512") return EVP_sha512();
    return nullptr;
}

std::string hex_digest(const FileSpace& space, const std::string& path, const EVP_MD* md) {
    std::unique_ptr<EVP_MD_CTX, EvpFree> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1)
        throw Error("PB-IO", path, "cannot initialise a digest");
    space.read(path, [&](std::string_view piece) {
        EVP_DigestUpdate(ctx.get(), piece.data(), piece.size());
    });
    unsigned char raw[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(ctx.get(), raw, &size);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += hex[raw[i] >> 4];
        out += hex[raw[i] & 15];
    }
    return out;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

class MetsRules {
public:
    explicit MetsRules(RuleContext& context) : c_(context) {}

    void run() {
        xmlNode* root = xmlDocGetRootElement(c_.doc);
        for_each_element(root, [&](xmlNode* n) { collect(n); });
        for_each_element(root, [&](xmlNode* n) { check_references(n); });
        check_files();
        check_coverage();
        check_article_order(root);
        check_metadata_dates(c_, root);
    }

private:
    void collect(xmlNode* n) {
        const std::string id = attr(n, "ID");
        if (!id.empty() && n->ns && xmlStrEqual(n->ns->href, BAD_CAST mets_ns)) {
            if (!ids_.emplace(id, n).second)
                add("PB-METS-001", n,
                    "duplicate ID '" + id + "' (first used on line " +
                        std::to_string(line_of(ids_[id])) + ")");
        }
        if (is(n, mets_ns, "file")) files_.push_back(n);
    }

    bool named(const xmlNode* n, std::initializer_list<const char*> names) {
        for (const char* name : names)
            if (is(n, mets_ns, name)) return true;
        return false;
    }

    void check_references(xmlNode* n) {
        if (!n->ns || !xmlStrEqual(n->ns->href, BAD_CAST mets_ns)) return;
        if (is(n, mets_ns, "fptr") || is(n, mets_ns, "area")) {
            const std::string fileid = attr(n, "FILEID");
            if (!fileid.empty()) {
                const xmlNode* target = find(fileid);
                if (!target || !is(target, mets_ns, "file"))
                    add("PB-METS-002", n, "FILEID '" + fileid + "' does not point to a METS file");
                else
                    used_files_.insert(fileid);
                if (target && is(n, mets_ns, "area") && attr(n, "BETYPE") == "IDREF")
                    check_area(n, target);
            }
        }
        if (is(n, mets_ns, "smLink"))
            for (const char* end : {"from", "to"}) {
                const std::string id = attr_ns(n, end, xlink_ns);
                const xmlNode* target = find(id);
                if (!target || !is(target, mets_ns, "div"))
                    add("PB-METS-014", n,
                        std::string("smLink xlink:") + end + " '" + id +
                            "' does not point to a structMap div");
            }
        for (const std::string& id : split_tokens(attr(n, "DMDID"))) {
            const xmlNode* target = find(id);
            if (!target || !is(target, mets_ns, "dmdSec"))
                add("PB-METS-003", n, "DMDID '" + id + "' does not point to a dmdSec");
        }
        for (const std::string& id : split_tokens(attr(n, "ADMID"))) {
            const xmlNode* target = find(id);
            if (!target ||
                !named(target, {"amdSec", "techMD", "rightsMD", "sourceMD", "digiprovMD"}))
                add("PB-METS-004", n,
                    "ADMID '" + id +
                        "' does not point to an amdSec or its techMD, rightsMD, "
                        "sourceMD or digiprovMD");
        }
    }

    const xmlNode* find(const std::string& id) const {
        const auto it = ids_.find(id);
        return it == ids_.end() ? nullptr : it->second;
    }

    // The local path of a file's first FLocat, or nothing (remote, missing, outside).
    // hrefs are URI references (RFC 3986), decoded before use; "file:" URLs (Europeana, BnF
    // and BnL write "file://./ALTO/...") resolve relative to the METS like plain paths, never
    // outside its folder. Links that are not followed are reported (PB-LINK-UNCHECKED).
    std::optional<std::string> local_path(const xmlNode* file, bool report) {
        for (const xmlNode* f = file->children; f; f = f->next) {
            if (!is(f, mets_ns, "FLocat")) continue;
            const std::string href = attr_ns(f, "href", xlink_ns);
            if (href.empty()) return std::nullopt;
            auto unchecked = [&](const std::string& why) -> std::optional<std::string> {
                if (report)
                    add("PB-LINK-UNCHECKED", f,
                        "FLocat href '" + href + "' " + why + "; not checked", Severity::info);
                return std::nullopt;
            };
            std::string_view h = href;
            if (h.starts_with("file:")) {
                h.remove_prefix(5);
                if (h.starts_with("//")) {
                    h.remove_prefix(2);
                    const std::size_t slash = std::min(h.find('/'), h.size());
                    if (h.substr(0, slash) != ".") return unchecked("is an absolute file URL");
                    h.remove_prefix(std::min(slash + 1, h.size()));
                } else if (h.starts_with("/")) {
                    return unchecked("is an absolute file URL");
                }
            } else if (const auto colon = h.find(':');
                       colon != std::string_view::npos && colon < h.find('/')) {
                return unchecked("is not a local file (URL scheme '" +
                                 std::string(h.substr(0, colon)) + "')");
            }
            const auto decoded = path_from_uri(h);
            if (!decoded) {
                if (report)
                    add("PB-METS-008", f,
                        "FLocat href '" + href + "' is not a valid URI reference; not read");
                return std::nullopt;
            }
            const auto resolved = resolve_in_space(c_.source.path, *decoded);
            if (!resolved) {
                if (report)
                    add("PB-METS-008", f,
                        "FLocat href '" + href + "' leaves the input folder or bundle; not read");
                return std::nullopt;
            }
            return resolved;
        }
        return std::nullopt;
    }

    void check_files() {
        for (const xmlNode* file : files_) {
            const auto path = local_path(file, true);
            if (!path) continue;
            const auto size = c_.source.space->size_of(*path);
            if (!size) {
                add("PB-METS-007", file,
                    "file '" + attr(file, "ID") + "': FLocat '" + *path + "' does not exist");
                continue;
            }
            const std::string declared = attr(file, "SIZE");
            if (!declared.empty() && declared != std::to_string(*size))
                add("PB-METS-009", file,
                    "file '" + attr(file, "ID") + "': SIZE " + declared + " but '" + *path +
                        "' has " + std::to_string(*size) + " bytes");
            const std::string checksum = attr(file, "CHECKSUM");
            if (checksum.empty()) continue;
            const std::string type = attr(file, "CHECKSUMTYPE");
            const EVP_MD* md = digest_for(type);
            if (!md) {
                add("PB-METS-011", file,
                    "CHECKSUMTYPE '" + type + "' is not supported; checksum not verified",
                    Severity::warning);
                continue;
            }
            // The bag's fixity pass may have read the file already (verify): its SHA-256.
            const auto known =
                md == EVP_sha256() ? c_.source.space->known_sha256(*path) : std::nullopt;
            const std::string actual = known ? *known : hex_digest(*c_.source.space, *path, md);
            if (lower(checksum) != actual)
                add("PB-METS-010", file,
                    "file '" + attr(file, "ID") + "': " + type + " " + checksum + " but '" + *path +
                        "' has " + actual);
        }
    }

    void check_coverage() {
        for (const xmlNode* file : files_) {
            const std::string id = attr(file, "ID");
            if (!id.empty() && !used_files_.contains(id))
                add("PB-METS-006", file,
                    "file '" + id + "' is not used by any structMap (no fptr or area)",
                    Severity::warning);
        }
    }

    static bool type_is(const xmlNode* div, std::string_view type) {
        return lower(attr(div, "TYPE")) == type;
    }

    // Every FILEID below `node` (fptr and area), calling f(fileid, element).
    template <typename F>
    static void each_fileid(xmlNode* node, F&& f) {
        for_each_element(node, [&](xmlNode* n) {
            if (is(n, mets_ns, "fptr") || is(n, mets_ns, "area")) {
                const std::string id = attr(n, "FILEID");
                if (!id.empty()) f(id);
            }
        });
    }

    // Articles (logical divs of TYPE article) must follow the pages they start on: the page
    // of an article is the first page (PHYSICAL structMap order) of any file it points to.
    void check_article_order(xmlNode* root) {
        std::map<std::string, std::size_t> page_of;  // FILEID -> page position
        std::size_t position = 0;
        for (xmlNode* map : children_named(root, "structMap")) {
            if (lower(attr(map, "TYPE")) != "physical") continue;
            for_each_element(map, [&](xmlNode* div) {
                if (!is(div, mets_ns, "div") || !type_is(div, "page")) return;
                ++position;
                each_fileid(div, [&](const std::string& id) { page_of.try_emplace(id, position); });
            });
        }
        if (page_of.empty()) return;
        for (xmlNode* map : children_named(root, "structMap")) {
            if (lower(attr(map, "TYPE")) != "logical") continue;
            for_each_element(map, [&](xmlNode* parent) {
                if (!is(parent, mets_ns, "div")) return;
                std::size_t previous = 0;
                std::string previous_id;
                for (xmlNode* div = parent->children; div != nullptr; div = div->next) {
                    if (!is(div, mets_ns, "div") || !type_is(div, "article")) continue;
                    std::size_t first = 0;
                    each_fileid(div, [&](const std::string& id) {
                        const auto it = page_of.find(id);
                        if (it != page_of.end() && (first == 0 || it->second < first))
                            first = it->second;
                    });
                    if (first == 0) continue;  // points at no page: nothing to compare
                    if (first < previous)
                        add("PB-METS-013", div,
                            "article '" + attr(div, "ID") + "' starts on page " +
                                std::to_string(first) + " but follows article '" + previous_id +
                                "', which starts on page " + std::to_string(previous),
                            Severity::warning);
                    previous = std::max(previous, first);
                    if (previous == first) previous_id = attr(div, "ID");
                }
            });
        }
    }

    static std::vector<xmlNode*> children_named(xmlNode* node, const char* name) {
        std::vector<xmlNode*> out;
        for (xmlNode* n = node ? node->children : nullptr; n != nullptr; n = n->next)
            if (is(n, mets_ns, name)) out.push_back(n);
        return out;
    }

    void check_area(const xmlNode* area, const xmlNode* file) {
        const auto path = local_path(file, false);
        if (!path) return;
        const std::set<std::string>* ids = ids_in(*path, area);
        if (!ids) return;
        for (const char* which : {"BEGIN", "END"}) {
            const std::string value = attr(area, which);
            if (!value.empty() && !ids->contains(value))
                add("PB-METS-005", area,
                    std::string(which) + " '" + value + "' is not an ID in '" + *path + "'");
        }
    }

    // The ID attribute values of a referenced XML file, read streaming (cached per file).
    const std::set<std::string>* ids_in(const std::string& path, const xmlNode* area) {
        auto [it, inserted] = referenced_ids_.try_emplace(path);
        if (!inserted) return it->second.get();
        const auto size = c_.source.space->size_of(path);
        if (!size || *size > c_.max_referenced_size) return nullptr;
        std::string bytes = c_.source.space->read_all(path, c_.max_referenced_size);
        Diagnostics ignored;
        if (check_xml_limits(bytes)) {
            add("PB-METS-012", area,
                "'" + path + "' is over paperbag's XML limits; BEGIN/END not checked");
            return nullptr;
        }
        XmlErrorCapture capture(ignored, path, "PB-METS-012");
        XmlParserCtxtPtr ctxt(xmlNewParserCtxt());
        XmlDocPtr doc(xmlCtxtReadMemory(ctxt.get(), bytes.data(), static_cast<int>(bytes.size()),
                                        path.c_str(), nullptr, safe_parse_options()));
        if (!doc || !ctxt->wellFormed || xmlGetIntSubset(doc.get())) {
            add("PB-METS-012", area,
                "'" + path + "' is not well-formed XML; BEGIN/END not checked");
            return nullptr;
        }
        auto set = std::make_unique<std::set<std::string>>();
        for_each_element(xmlDocGetRootElement(doc.get()), [&](xmlNode* n) {
            const std::string id = attr(n, "ID");
            if (!id.empty()) set->insert(id);
        });
        it->second = std::move(set);
        return it->second.get();
    }

    void add(const char* code, const xmlNode* n, std::string message,
             Severity severity = Severity::error) {
        c_.sink.add(severity, code, line_of(n), std::move(message));
    }

    RuleContext& c_;
    std::map<std::string, const xmlNode*> ids_;
    std::vector<const xmlNode*> files_;
    std::set<std::string> used_files_;
    std::map<std::string, std::unique_ptr<std::set<std::string>>> referenced_ids_;
};

}  // namespace

void check_mets_rules(RuleContext& context) {
    MetsRules(context).run();
}

}  // namespace paperbag
