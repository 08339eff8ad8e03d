// Issue folders described by a METS file instead of issue.xml: NDNP issue METS, BnL/Europeana
// newspaper METS (docWorks), British Library METS, OCR-D workspaces.
//
// read_mets_issue() takes the issue's metadata from the MODS the METS carries (title, date,
// issue number, volume, languages, identifiers, publisher, place) and its pages from the
// PHYSICAL structMap (divs of TYPE page), with each page's files from the fileSec: ALTO, hOCR
// and PAGE files as `ocr`, images as `image`, PDFs as `pdf`, plain text as `text`. Every file
// the fileSec lists is checked: an absent file (PB-SOURCE-MISSING) and a wrong SIZE or
// CHECKSUM (MD5, SHA-1, SHA-256, SHA-512; PB-SOURCE-CHECKSUM) are errors unless
// `missing_warn` (then warnings, and recorded), a FILEID that names no file or an FLocat
// outside the folder always is (PB-SOURCE-REF); each with the METS path and the line of the
// element. The migration is recorded as a "migration" event in
// Issue::events (absent files named), for the build to write into PREMIS.
//
// import_source_articles() keeps the article structure the source METS already has: BnL-style
// LOGICAL ARTICLE divs whose areas name ALTO TextBlock/ComposedBlock IDs (HEADING parts become
// headlines), and BL-style empty ARTICLE divs linked through structLink to PHYSICAL pagearea
// divs whose areas name ranges of ALTO String IDs. Regions no article claims become blocks of
// their own (kind `unknown`), so every word of the OCR is in exactly one block.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "layout/layout_page.hpp"
#include "ocr/ocr_page.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

struct MetsIssueOptions {
    bool missing_warn = false;  // absent or mismatching files are warnings (recorded), not errors
    bool resegment = false;     // recorded in the migration event
};

// The METS file that describes the issue folder `folder`, or nothing when the folder has an
// issue.xml or no top-level *.xml whose root is mets:mets. Several METS files: the one named
// mets.xml, else one ending in "mets.xml", else the first in name order.
std::optional<std::filesystem::path> find_source_mets(const std::filesystem::path& folder);

// Reads the issue (metadata, pages and their files; no blocks yet). Nothing (and errors in
// `diagnostics`) when the METS is unusable or files are absent/wrong.
std::optional<Issue> read_mets_issue(const std::filesystem::path& mets,
                                     const MetsIssueOptions& options, Diagnostics& diagnostics);

// The OCR pages of an issue, read once (page index -> OCR page; pages without OCR are empty).
struct OcrPages {
    std::vector<std::optional<ocr::OcrPage>> pages;
};

// Builds blocks and articles from the source METS' own article structure. `ocr` holds the
// issue's OCR pages as read. Returns false (nothing changed) when the METS has no article
// structure; then the caller segments the pages itself.
bool import_source_articles(Issue& issue, const std::filesystem::path& mets, OcrPages& ocr,
                            Diagnostics& diagnostics);

// A block made from a region: text (lines re-joined, hyphenation undone), lines, box, style,
// confidence, language. Shared by the kept-structure import and tests.
Block block_from_region(const layout::Region& region, std::string id, BlockKind kind);

}  // namespace paperbag
