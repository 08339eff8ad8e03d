// write_issue: every file of an issue, ALTO and NewsML-G2 first so that METS can describe
// their bytes (size, SHA-256) exactly as written. Each document goes to the sink as soon as it
// is written, so memory holds the model and one document, not the whole issue; the model is
// checked completely (make_context) before the first one.
#include <algorithm>
#include <set>

#include "core/digest.hpp"
#include "io/output_tree.hpp"
#include "paperbag/ids.hpp"
#include "write/layout.hpp"

namespace paperbag {

namespace {

const char* folder_for(FileRole role) {
    switch (role) {
        case FileRole::text: return "text";
        case FileRole::ocr: return "ocr";
        case FileRole::image: return "images";
        case FileRole::pdf: return "pdf";
    }
    return "other";
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

// "FILE_TEXT_0001", and "FILE_TEXT_0001_2" for a second file of the same page and role;
// "FILE_PDF_ISSUE" for a file of the whole issue (an issue-level PDF).
std::string file_id(std::string_view group, int page_sequence, std::set<std::string>& used) {
    const std::string base =
        "FILE_" + upper(group) + "_" +
        (page_sequence > 0 ? sequence_id("", static_cast<std::size_t>(page_sequence), 4)
                           : std::string("ISSUE"));
    std::string id = base;
    for (std::size_t n = 2; !used.insert(id).second; ++n) id = base + "_" + std::to_string(n);
    return id;
}

DescribedFile generated(std::string id, std::string group, int page, std::string item,
                        std::string path, std::string_view bytes) {
    return {std::move(id),
            std::move(group),
            page,
            std::move(item),
            std::move(path),
            "application/xml",
            bytes.size(),
            digest_hex(DigestAlgorithm::sha256, bytes)};
}

}  // namespace

std::string payload_path(const PageFile& file) {
    const std::string name = file.href.substr(file.href.find_last_of('/') + 1);
    return std::string(folder_for(file.role)) + "/" + name;
}

std::vector<PayloadFile> payload_from_pages(const Issue& issue) {
    std::vector<PayloadFile> payload;
    std::set<std::string> paths;
    for (const Page& page : issue.pages) {
        for (const PageFile& file : page.files) {
            const std::string path = payload_path(file);
            if (file.sha256.size() != 64)
                throw Error("PB-WRITE-PAYLOAD", file.href, "no SHA-256 recorded for this file");
            // An issue-level PDF is every page's pdf file (a page each): stored once, as a
            // file of the issue (page_sequence 0).
            if (file.pdf_page > 0) {
                const auto same = std::find_if(payload.begin(), payload.end(), [&](auto& p) {
                    return p.path == path && p.role == file.role && p.sha256 == file.sha256;
                });
                if (same != payload.end()) {
                    same->page_sequence = 0;
                    continue;
                }
            }
            if (!paths.insert(path).second)
                throw Error("PB-WRITE-PAYLOAD", file.href,
                            "two page files would both be stored as '" + path + "'");
            payload.push_back({page.sequence, file.role, path,
                               file.mime_type.empty() ? "application/octet-stream" : file.mime_type,
                               file.size, file.sha256});
        }
    }
    return payload;
}

WriteResult write_issue(const Issue& issue, OutputTree& out, const WriteOptions& options) {
    const WriteContext context = make_context(issue, options);
    WriteResult result;
    std::vector<DescribedFile> described;
    std::set<std::string> ids;
    for (const PayloadFile& file : context.payload)
        described.push_back({file_id(to_string(file.role), file.page_sequence, ids),
                             std::string(to_string(file.role)), file.page_sequence, "", file.path,
                             file.mime_type, file.size, file.sha256});
    auto add = [&](std::string path, std::string bytes, std::string id, std::string group, int page,
                   std::string item) {
        described.push_back(
            generated(std::move(id), std::move(group), page, std::move(item), path, bytes));
        result.files.push_back({path, bytes.size(), described.back().sha256});
        out.put(path, bytes);
    };
    for (const Page& page : issue.pages)
        add(alto_path(page), write_alto(context, page, result.warnings),
            file_id("alto", page.sequence, ids), "alto", page.sequence, "");
    for (const Article& article : issue.articles)
        add(newsml_path(article.id), write_newsml_article(context, article, result.warnings),
            "FILE_NEWSML_" + article.id, "newsml", 0, article.id);
    for (const Illustration& illustration : issue.illustrations)
        add(newsml_path(illustration.id),
            write_newsml_picture(context, illustration, result.warnings),
            "FILE_NEWSML_" + illustration.id, "newsml", 0, illustration.id);
    add(newsml_package_path, write_newsml_package(context, result.warnings), "FILE_NEWSML_PACKAGE",
        "newsml", 0, "");
    std::string mets = write_mets(context, described, result.warnings);
    result.files.push_back({"mets.xml", mets.size(), digest_hex(DigestAlgorithm::sha256, mets)});
    out.put("mets.xml", mets);
    return result;
}

std::map<std::string, std::string> write_issue_to_memory(const Issue& issue,
                                                         const WriteOptions& options,
                                                         Diagnostics* warnings) {
    MemoryTree tree;
    WriteResult result = write_issue(issue, tree, options);
    if (warnings) warnings->append(result.warnings);
    return tree.files();
}

WriteResult write_issue_to_folder(const Issue& issue, const std::filesystem::path& folder,
                                  const WriteOptions& options) {
    FolderTree tree(folder);
    return write_issue(issue, tree, options);
}

}  // namespace paperbag
