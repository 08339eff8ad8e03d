// Reading back the issue that a paperbag bundle archived, without extracting anything.
//
// The bundle's data/mets.xml (paperbag's METS profile, docs/profile.md) gives the issue's
// metadata, its pages with their text files, every article's MODS (headline, subtitle,
// kicker, bylines, dateline, continuations, headline confidence, warnings, language) and the
// blocks of every article and illustration with their byte ranges in the original page
// texts; the NewsML-G2 items give the article bodies (paragraphs, intertitles, signature) and
// the photo captions. The result is the Issue the bundle was built from, as far as the
// exporters look at it: its records equal the records exported from the issue folder
// (docs/export.md). Block texts and kinds are not restored (ALTO is not read).
#pragma once

#include <functional>
#include <optional>

#include "paperbag/bundle_reader.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

// Decides after the METS is read (metadata, pages, article headings known; no bodies yet)
// whether the texts are wanted; false skips reading the NewsML-G2 items.
using IssuePredicate = std::function<bool(const Issue&)>;

// Reads the issue of `bundle`. Returns nothing, with errors in `diagnostics` naming the
// bundle, when the archive is unreadable, is not a paperbag bundle (PB-EXPORT-NOT-PAPERBAG:
// no data/mets.xml with paperbag's profile) or its METS or items are damaged. Every entry is
// checked first (BundleReader::check_all(): hostile names, links, duplicates, NFC twins,
// encryption, CRC damage); a bundle with any error finding is not read at all
// (PB-BUNDLE-DAMAGED after the findings). Never throws for bad content.
std::optional<Issue> read_bundle_issue(BundleReader& bundle, Diagnostics& diagnostics,
                                       const IssuePredicate& wanted = {});

}  // namespace paperbag
