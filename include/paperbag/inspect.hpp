// Summaries of what paperbag read: the `paperbag inspect` job as library calls.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "paperbag/bundle_reader.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

// What a reviewer of the segmentation should look at: articles without a headline and
// articles whose headline was linked with low confidence (below 0.5), each with the page file
// and line where it starts when known.
struct SegmentationReview {
    struct Item {
        std::string article;  // "art-003"
        std::string path;     // page text file; empty when unknown (bundles)
        std::uint64_t line = 0;
        std::string reason;  // "no headline" or "low-confidence headline link (0.35)"
    };
    std::size_t articles = 0;
    std::size_t no_headline = 0;
    std::size_t low_confidence = 0;
    std::vector<Item> items;  // in article order
    // "2 of 12 articles without headline, 1 with a low-confidence headline link"
    std::string summary() const;
};
SegmentationReview review_segmentation(const Issue& issue);

// A human-readable summary of an issue: title, identifiers, date, numbering, languages and
// every page with its label, section and files, then its articles and illustrations.
std::string describe_issue(const Issue& issue);

// The same as one JSON object (UTF-8, keys in a fixed order, ends without newline).
std::string describe_issue_json(const Issue& issue);

// A human-readable summary of a bundle read with read_bundle_info(): its path, bag name,
// bag-info.txt fields, every file with its size, and the structure findings (`findings`:
// hostile or unreadable entries, bad tag files). Fixity is not checked (that reads every
// byte: `paperbag verify`). With `issue` (read back from the bundle's METS by
// read_bundle_issue, paperbag/bundle_issue.hpp) it starts with the issue: title, date, pages
// and every article (id, pages, headline) and illustration.
std::string describe_bundle(const std::string& bundle, const BundleInfo& info,
                            const Diagnostics& findings, const Issue* issue = nullptr);

// The same as one JSON object.
std::string describe_bundle_json(const std::string& bundle, const BundleInfo& info,
                                 const Diagnostics& findings, const Issue* issue = nullptr);

}  // namespace paperbag
