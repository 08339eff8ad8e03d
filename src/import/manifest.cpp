#include "paperbag/manifest.hpp"

#include <algorithm>
#include <charconv>
#include <system_error>

#include "core/mime.hpp"
#include "core/unicode.hpp"
#include "io/file.hpp"
#include "io/xml_parse.hpp"
#include "pdf/pdf_import.hpp"
#include "validate/manifest_messages.hpp"
#include "validate/xsd_schema.hpp"

namespace paperbag {

namespace {

constexpr std::uint64_t max_manifest_size = std::uint64_t{16} << 20;
constexpr int max_pages = 100000;

const XsdSchema& manifest_schema() {
    static const XsdSchema schema = XsdSchema::builtin("issue-manifest.xsd");
    return schema;
}

// Validates against the manifest schema; every error in plain words with its line. libxml2's
// "No precomputed value available" repeats an error already reported on the same line.
bool validate_manifest(xmlDoc* doc, const std::string& path, Diagnostics& out) {
    struct Collected {
        const std::string& path;
        Diagnostics found;
    } collected{path, {}};
    XmlSchemaValidCtxtPtr ctxt(xmlSchemaNewValidCtxt(manifest_schema().handle()));
    if (!ctxt) throw Error("PB-XSD", path, "cannot create a schema validation context");
    xmlSchemaSetValidStructuredErrors(
        ctxt.get(),
        [](void* self, xmlErrorPtr error) {
            if (self == nullptr || error == nullptr) return;
            auto* c = static_cast<Collected*>(self);
            const bool repeat =
                error->message != nullptr &&
                std::string_view(error->message).find("No precomputed value available") !=
                    std::string_view::npos;
            const auto line = static_cast<std::uint64_t>(std::max(error->line, 0));
            if (repeat && std::any_of(c->found.begin(), c->found.end(),
                                      [&](const Diagnostic& d) { return d.line == line; }))
                return;
            c->found.add(manifest_schema_error(*error, c->path));
        },
        &collected);
    const int rc = xmlSchemaValidateDoc(ctxt.get(), doc);
    out.append(collected.found);
    if (rc > 0 && !collected.found.has_errors())
        out.add(make_error("PB-MANIFEST-SCHEMA", path, 0, "not a valid issue manifest"));
    if (rc < 0) throw Error("PB-XSD", path, "internal error while validating the manifest");
    return rc == 0;
}

bool is_element(const xmlNode* node, const char* name) {
    return node->type == XML_ELEMENT_NODE && xmlStrEqual(node->name, BAD_CAST name) != 0;
}

std::string text_of(const xmlNode* node) {
    XmlCharPtr content(xmlNodeGetContent(node));
    std::string out = content ? reinterpret_cast<const char*>(content.get()) : "";
    const auto first = out.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = out.find_last_not_of(" \t\r\n");
    return out.substr(first, last - first + 1);
}

std::string attribute(const xmlNode* node, const char* name) {
    XmlCharPtr value(xmlGetProp(node, BAD_CAST name));
    return value ? reinterpret_cast<const char*>(value.get()) : "";
}

std::uint64_t line_of(const xmlNode* node) {
    const long line = xmlGetLineNo(node);
    return line > 0 ? static_cast<std::uint64_t>(line) : 0;
}

class ManifestBuilder {
public:
    ManifestBuilder(const std::string& path, std::filesystem::path folder, Diagnostics& out)
        : path_(path), folder_(std::move(folder)), out_(out) {}

    std::optional<Issue> build(const xmlNode* root) {
        Issue issue;
        issue.folder = folder_;
        for (const xmlNode* n = root->children; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE) continue;
            if (is_element(n, "title"))
                issue.title = text_of(n);
            else if (is_element(n, "identifier"))
                issue.identifiers.push_back({attribute(n, "type"), text_of(n)});
            else if (is_element(n, "publisher"))
                issue.publisher = text_of(n);
            else if (is_element(n, "place"))
                issue.place = text_of(n);
            else if (is_element(n, "language"))
                issue.languages.push_back(text_of(n));
            else if (is_element(n, "date"))
                read_date(n, issue);
            else if (is_element(n, "volume"))
                issue.volume = text_of(n);
            else if (is_element(n, "number"))
                issue.number = text_of(n);
            else if (is_element(n, "edition"))
                issue.edition = text_of(n);
            else if (is_element(n, "pages"))
                read_pages(n, issue);
        }
        std::stable_sort(issue.pages.begin(), issue.pages.end(),
                         [](const Page& a, const Page& b) { return a.sequence < b.sequence; });
        if (failed_) return std::nullopt;
        return issue;
    }

private:
    void error(const char* code, const xmlNode* node, std::string message) {
        out_.add(make_error(code, path_, line_of(node), std::move(message)));
        failed_ = true;
    }

    void read_date(const xmlNode* node, Issue& issue) {
        const std::string text = text_of(node);
        if (auto date = Date::parse(text))
            issue.date = *date;
        else
            error("PB-MANIFEST-DATE", node, "'" + text + "' is not a real date (YYYY-MM-DD)");
    }

    void read_pages(const xmlNode* pages, Issue& issue) {
        const xmlNode* issue_pdf = nullptr;
        for (const xmlNode* n = pages->children; n; n = n->next) {
            if (is_element(n, "file")) issue_pdf = n;
            if (!is_element(n, "page")) continue;
            Page page;
            const std::string sequence = attribute(n, "sequence");
            auto [end, ec] =
                std::from_chars(sequence.data(), sequence.data() + sequence.size(), page.sequence);
            if (ec != std::errc() || end != sequence.data() + sequence.size() ||
                page.sequence > max_pages) {
                error("PB-MANIFEST-SCHEMA", n,
                      "page sequence '" + sequence + "' is out of range (1.." +
                          std::to_string(max_pages) + ")");
                continue;
            }
            page.label = attribute(n, "label");
            page.section = attribute(n, "section");
            for (const xmlNode* f = n->children; f; f = f->next)
                if (is_element(f, "file")) read_file_entry(f, page);
            if (page.files.empty() && issue_pdf == nullptr && !failed_)
                error("PB-MANIFEST-FILE", n,
                      "page " + sequence + " has no file (and the issue no issue-level PDF)");
            issue.pages.push_back(std::move(page));
        }
        if (issue_pdf != nullptr) spread_issue_pdf(issue_pdf, issue);
    }

    // One PDF for the whole issue: its page k is the k-th page by sequence; without page
    // elements, its pages are the issue's pages (sequence and label 1, 2, 3...). Each page
    // gets the PDF as its pdf file with the page number (PageFile::pdf_page).
    void spread_issue_pdf(const xmlNode* node, Issue& issue) {
        Page holder;
        read_file_entry(node, holder);
        if (holder.files.empty() || failed_) return;
        const PageFile& pdf = holder.files.front();
        int count = 0;
        try {
            count = pdf::PdfSource().page_count(pdf.path, pdf.href);
        } catch (const Error& e) {
            Diagnostic d = e.diagnostic();
            out_.add(make_error(d.code, path_, line_of(node),
                                "issue PDF '" + pdf.href + "': " + d.message));
            failed_ = true;
            return;
        }
        if (issue.pages.empty())
            for (int k = 1; k <= count; ++k) {
                Page page;
                page.sequence = k;
                page.label = std::to_string(k);
                issue.pages.push_back(std::move(page));
            }
        if (static_cast<int>(issue.pages.size()) != count) {
            error("PB-PDF-PAGES", node,
                  "issue PDF '" + pdf.href + "' has " + std::to_string(count) +
                      " page(s) but the manifest lists " + std::to_string(issue.pages.size()) +
                      ": its pages must be the issue's pages");
            return;
        }
        std::stable_sort(issue.pages.begin(), issue.pages.end(),
                         [](const Page& a, const Page& b) { return a.sequence < b.sequence; });
        for (int k = 0; k < count; ++k) {
            Page& page = issue.pages[static_cast<std::size_t>(k)];
            if (page.file(FileRole::pdf) != nullptr) {
                error("PB-PDF-PAGES", node,
                      "page " + std::to_string(page.sequence) +
                          " has a PDF of its own besides the issue PDF '" + pdf.href + "'");
                return;
            }
            PageFile file = pdf;
            file.pdf_page = k + 1;
            page.files.insert(page.files.begin(), std::move(file));
        }
    }

    void read_file_entry(const xmlNode* node, Page& page) {
        PageFile file;
        file.role = parse_file_role(attribute(node, "role")).value_or(FileRole::text);
        file.href = attribute(node, "href");
        file.mime_type = attribute(node, "mimetype");
        file.encoding = attribute(node, "encoding");
        if (file.mime_type.empty()) file.mime_type = mime_type_for(file.href);
        if (!check_href(node, file)) return;
        // The file is opened by its own bytes (file.path); the name it keeps in bundles, METS
        // and manifests is NFC (macOS writes NFD), so every reader sees one name.
        file.href = nfc_or_same(file.href);
        page.files.push_back(std::move(file));
    }

    bool check_href(const xmlNode* node, PageFile& file) {
        const std::filesystem::path relative(file.href);
        for (const auto& segment : relative) {
            if (segment == ".." || segment == ".") {
                error("PB-MANIFEST-PATH", node,
                      "page file '" + file.href + "' leaves the issue folder ('" +
                          segment.string() + "' segment)");
                return false;
            }
        }
        if (folder_.empty()) return true;  // in-memory manifest without a folder
        std::error_code ec;
        const auto root = std::filesystem::weakly_canonical(folder_, ec);
        const auto target = std::filesystem::weakly_canonical(folder_ / relative, ec);
        if (ec || !path_is_within(root, target)) {
            error("PB-MANIFEST-PATH", node,
                  "page file '" + file.href + "' resolves outside the issue folder");
            return false;
        }
        const auto status = std::filesystem::status(target, ec);
        if (ec || !std::filesystem::exists(status)) {
            error("PB-MANIFEST-FILE", node, "page file '" + file.href + "' does not exist");
            return false;
        }
        if (!std::filesystem::is_regular_file(status)) {
            error("PB-MANIFEST-FILE", node, "page file '" + file.href + "' is not a regular file");
            return false;
        }
        file.path = target;
        return true;
    }

    const std::string& path_;
    std::filesystem::path folder_;
    Diagnostics& out_;
    bool failed_ = false;
};

}  // namespace

std::optional<Issue> read_manifest_bytes(std::string_view bytes, const std::string& display_path,
                                         const std::filesystem::path& folder,
                                         Diagnostics& diagnostics) {
    XmlParseOptions options;
    options.code = "PB-MANIFEST-SYNTAX";
    XmlDocPtr doc = parse_xml(bytes, display_path, diagnostics, options);
    if (!doc) return std::nullopt;
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (root == nullptr || root->ns == nullptr ||
        std::string_view(reinterpret_cast<const char*>(root->ns->href)) != manifest_namespace ||
        !is_element(root, "issue")) {
        diagnostics.add(make_error("PB-MANIFEST-SCHEMA", display_path, root ? line_of(root) : 0,
                                   "not an issue manifest: the root element must be <issue> in "
                                   "namespace " +
                                       std::string(manifest_namespace)));
        return std::nullopt;
    }
    if (!validate_manifest(doc.get(), display_path, diagnostics)) return std::nullopt;
    return ManifestBuilder(display_path, folder, diagnostics).build(root);
}

std::optional<Issue> read_manifest(const std::filesystem::path& manifest,
                                   Diagnostics& diagnostics) {
    std::filesystem::path file = manifest;
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) file /= "issue.xml";
    std::string bytes;
    try {
        bytes = read_file(file, max_manifest_size);
    } catch (const Error& e) {
        diagnostics.add(e.diagnostic());
        return std::nullopt;
    }
    auto folder = file.parent_path();
    if (folder.empty()) folder = ".";
    return read_manifest_bytes(bytes, file.string(), folder, diagnostics);
}

}  // namespace paperbag
