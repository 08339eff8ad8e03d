// `paperbag view`: a static, self-contained HTML review of an issue's segmentation
// (docs/review.md).
//
// The review is one index.html (inline CSS and JavaScript, nothing from the network, opens
// from file://) with an index of the pages and of every article (least confident headline
// link first), then one view per page: the page image (the deposited image, the page
// rendered from its PDF with poppler, or the page drawn from its ALTO geometry) with every
// block outlined and filled in its article's colour, captions and furniture in their own
// styles, reading-order numbers and continuation arrows; a page without geometry shows its
// text block by block, coloured the same way. Beside each page its articles: headline,
// kicker, subtitle, bylines, dateline, headline-link confidence and warnings. Every region
// and list entry carries data-article (the article's METS div ID, "LOG_art-001"); every
// region data-block (its ALTO block ID). With corrections on, a reviewer can reassign
// blocks, merge and split articles, link headlines and mark furniture, and download the
// corrections (paperbag/corrections.hpp) for `paperbag build --corrections`.
//
// Page images go beside index.html ("page-0001.png"). The same input gives the same bytes.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>

#include "paperbag/diagnostic.hpp"
#include "paperbag/page_import.hpp"

namespace paperbag {

struct ViewOptions {
    PageFilesOptions pages;   // issue folders: as for build (--resegment, --missing)
    bool corrections = true;  // offer the correction tools; false: read-only
    // Shown in the header, e.g. "served by paperbag serve"; may be empty.
    std::string note;
};

struct Review {
    std::map<std::string, std::string> files;  // "index.html", "page-0001.png" -> bytes
    std::size_t pages = 0;
    std::size_t articles = 0;
    std::size_t images = 0;  // pages shown with an image (deposited or rendered)
};

// Reads a bundle (.zip) or an issue folder and makes its review. Throws Error when the input
// cannot be read (a damaged bundle, a bad manifest); warnings (a PDF page that cannot be
// rendered and is drawn instead) go to `diagnostics`.
Review make_review(const std::filesystem::path& input, const ViewOptions& options,
                   Diagnostics& diagnostics);

// Writes every file of `review` into `folder` (created when missing), each atomically.
void write_review(const Review& review, const std::filesystem::path& folder);

}  // namespace paperbag
