// The issue a review shows: read from a bundle (its METS, NewsML-G2 and ALTO, and the page
// images and PDFs inside it) or from an issue folder (read and segmented exactly as `build`
// does, so the review shows what the bundle would hold).
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"
#include "paperbag/page_import.hpp"
#include "view/page_image.hpp"

namespace paperbag::view {

struct ReviewIssue {
    Issue issue;                                   // pages with blocks (kinds, boxes, text)
    std::vector<std::optional<PageImage>> images;  // one per page, in page order
    std::string source;                            // "bundle x.zip", "issue folder x/"
};

// Throws Error when the input cannot be read: a damaged bundle (its first finding), a bad
// manifest (PB-MANIFEST-*), an unreadable page file. Warnings go to `diagnostics`.
ReviewIssue load_review_issue(const std::filesystem::path& input, const PageFilesOptions& pages,
                              Diagnostics& diagnostics);

}  // namespace paperbag::view
