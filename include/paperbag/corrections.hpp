// Reviewer corrections of an issue's segmentation: what `paperbag view` lets a reviewer write
// and `paperbag build ISSUE --corrections FILE` applies (docs/review.md, the JSON Schema in
// docs/corrections.schema.json).
//
// A corrections file names its issue (the bundle name, "riverton-courier-2024-03-18"), its
// reviewer and a list of operations on the articles as the issue's bundle numbers them
// (articles by their METS div ID "LOG_art-003", blocks by their ALTO block ID "p1-b0007"):
//
//   reassign       {"op":"reassign","block":B,"article":A}      block B belongs to article A
//   merge          {"op":"merge","articles":[A1,A2,...]}         A2... become part of A1
//   split          {"op":"split","article":A,"block":B}          B and the blocks after it in
//                                                                A become a new article
//   link-headline  {"op":"link-headline","block":B,"article":A}  B is A's headline
//   furniture      {"op":"furniture","block":B}                  B is page furniture, in no
//                                                                article or illustration
//
// Operations apply in order, always naming the articles of the segmentation (never an
// article that an earlier split made). Afterwards articles without blocks are dropped and
// every article is renumbered in page order ("art-001"...), as the segmenter numbers them,
// so the same issue and the same file give the same bundle byte for byte.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "paperbag/model.hpp"

namespace paperbag {

struct Correction {
    std::string op;  // "reassign", "merge", "split", "link-headline", "furniture"
    std::string block;
    std::string article;
    std::vector<std::string> articles;  // merge: the articles, the first one keeps them all
};

struct Corrections {
    std::string issue;     // the bundle name of the issue the file is for
    std::string reviewer;  // who made them, recorded in PREMIS
    std::vector<Correction> items;
    std::string path;    // the file, for messages
    std::string sha256;  // of the file's bytes, recorded in PREMIS and the input digest
};

// The article's METS div ID ("LOG_art-001"): what the review markup (data-article) and the
// corrections file name articles by.
std::string article_div_id(const Article& article);

// Parses and checks a corrections file against docs/corrections.schema.json (format and
// version, required members, no unknown members, known operations, non-empty names). Throws
// Error PB-CORRECTIONS-SYNTAX naming `path` and the place ("/corrections/2/block").
Corrections parse_corrections(std::string_view bytes, const std::string& path);

// Reads the file `path` (at most 16 MiB) and parses it. Throws Error PB-IO when it cannot
// be read.
Corrections read_corrections(const std::string& path);

// Applies `corrections` to a segmented issue (see above). Throws Error, changing nothing,
// when the file is for another issue (PB-CORRECTIONS-ISSUE) or names a block or article the
// issue does not have (PB-CORRECTIONS-UNKNOWN); both name the file and the operation.
void apply_corrections(Issue& issue, const Corrections& corrections);

}  // namespace paperbag
