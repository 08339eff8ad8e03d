// The job layer's side of the writers: describing payload files from disk when the model has
// no checksums (the writers themselves never read input files).
#include "core/digest.hpp"
#include "io/file.hpp"
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

}  // namespace paperbag
