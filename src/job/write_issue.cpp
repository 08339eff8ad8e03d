// The job layer's side of the writers: describing payload files from disk when the model has
// no checksums (the writers themselves never read input files).
#include "core/digest.hpp"
#include "io/file.hpp"
#include "io/output_tree.hpp"
#include "paperbag/writers.hpp"

namespace paperbag {

std::vector<PayloadFile> payload_from_disk(const Issue& issue) {
    // Only the metadata and the page files are needed, not the blocks and articles.
    Issue described;
    described.pages.reserve(issue.pages.size());
    for (const Page& page : issue.pages) {
        Page copy;
        copy.sequence = page.sequence;
        copy.label = page.label;
        copy.files = page.files;
        described.pages.push_back(std::move(copy));
    }
    for (Page& page : described.pages) {
        for (PageFile& file : page.files) {
            if (file.sha256.size() == 64) continue;
            if (file.path.empty())
                throw Error("PB-WRITE-PAYLOAD", file.href,
                            "no SHA-256 recorded and no file on disk to compute it from");
            const std::string bytes = read_file(file.path);
            file.size = bytes.size();
            file.sha256 = digest_hex(DigestAlgorithm::sha256, bytes);
        }
    }
    return payload_from_pages(described);
}

WriteResult export_issue_xml(const Issue& issue, const std::filesystem::path& folder,
                             const Clock& clock, bool copy_originals) {
    WriteOptions options;
    options.clock = &clock;
    options.payload = payload_from_disk(issue);
    WriteResult result = write_issue_to_folder(issue, folder, options);
    if (!copy_originals) return result;
    FolderTree tree(folder);
    for (const Page& page : issue.pages) {
        for (const PageFile& file : page.files) {
            if (file.path.empty()) continue;
            for (const PayloadFile& payload : options.payload) {
                if (payload.page_sequence != page.sequence || payload.role != file.role ||
                    payload.path.substr(payload.path.find('/') + 1) !=
                        file.href.substr(file.href.find_last_of('/') + 1))
                    continue;
                const std::string bytes = read_file(file.path);
                // The copy must be what METS describes.
                if (digest_hex(DigestAlgorithm::sha256, bytes) != payload.sha256)
                    throw Error("PB-WRITE-PAYLOAD", file.path.string(),
                                "file changed while it was being exported");
                tree.put(payload.path, bytes);
            }
        }
    }
    return result;
}

}  // namespace paperbag
