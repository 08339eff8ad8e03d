// Importing page text files and segmenting them into articles.
//
// An issue comes either from an issue folder (issue.xml, see manifest.hpp) or from page text
// files named on the command line with the issue's metadata given as options. Either way
// segment_issue() reads each page's text file (decoding it: see docs/segmentation.md),
// splits it into blocks, articles and illustrations, and links continuations across the
// pages of the issue ("（下转2版）" on page 1 + "（上接1版）" on page 2 become one article
// whose pages are ["1","2"]).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

// Limits on what one page may bring in. Page text is segmented in memory (about 30 bytes of
// model per byte of text), so a page text over `max_page_text` bytes is refused up front
// (PB-TOO-LARGE) rather than exhausting memory; a real page is well under 1 MiB.
struct ImportLimits {
    std::uint64_t max_page_text = std::uint64_t{16} << 20;
};

struct PageFilesOptions {
    std::string title;     // publication title (required)
    std::string date;      // YYYY-MM-DD (required)
    std::string page;      // label of the only page (with one file)
    int first_page = 1;    // numeric label of the first page when `page` is empty
    std::string language;  // BCP 47; empty: guessed from the text ("zh-Hans", "zh-Hant", "en")
    std::string issn;
    std::string encoding;  // empty: detect
    // Issue folders described by a METS file (see docs/ocr.md):
    bool resegment = false;     // find articles anew instead of keeping the source METS' own
    bool missing_warn = false;  // files the METS lists but the folder lacks: warn, not fail
    std::uint64_t max_page_text = ImportLimits{}.max_page_text;  // --max-page-text
};

// An Issue for the page files, in the order given: page text, or one ALTO/hOCR/PAGE file per
// page (recognised by its content; role `ocr`). Throws Error (PB-USAGE) when the
// options are incomplete or wrong (no title, not a real date, --page with several files).
Issue issue_from_page_files(const std::vector<std::filesystem::path>& files,
                            const PageFilesOptions& options);

// Reads and segments every page of `issue` (file paths must be set): a page with an `ocr` file
// (ALTO, hOCR, PAGE) through the OCR readers and the geometric segmenter, else its text file.
// An issue read from a source METS keeps that METS' article structure unless `resegment`. Links
// continuations and numbers articles ("art-001") and illustrations ("ill-001") in page
// order. Page-level warnings go to each Page and to `diagnostics`. Throws Error when a text
// file cannot be read (PB-IO) or is not text (PB-TEXT-BINARY).
void segment_issue(Issue& issue, Diagnostics& diagnostics, bool resegment = false,
                   const ImportLimits& limits = {});

}  // namespace paperbag
