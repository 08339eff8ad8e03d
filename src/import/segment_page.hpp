// The page segmenter: decoded page text -> blocks, articles and illustrations of one page.
//
// Stages (each in its own file, each tested on its own): lines (text_lines) -> paragraphs
// (segment_blocks) -> classified pieces (segment_classify) -> assembly into articles and
// captions, headline zones and intertitles (this file) -> headline linking
// (headline_link) -> the model's Blocks, Articles and Illustrations with repaired text.
// Article and illustration ids are provisional ("art-001" per page); the issue importer
// renumbers them once continuations are linked.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "import/text_decode.hpp"
#include "paperbag/model.hpp"

namespace paperbag::text {

struct PageContext {
    std::string path;      // shown in warnings
    std::string label;     // page label, "1"
    int sequence = 1;      // for block ids "p<sequence>-b<NNNN>"
    std::string language;  // BCP 47; selects the pattern tables
    std::string title;     // the newspaper's title: a line that is only the title is furniture
};

// The continuation markers of one article, for linking across pages.
struct Jump {
    std::string key;              // "BUDGET" from "See BUDGET, Page A2"; empty if none
    std::uint64_t to_line = 0;    // line of the continued-on marker; 0 if there is none
    std::uint64_t from_line = 0;  // line of the continued-from marker; 0 if there is none
};

struct PageSegments {
    std::vector<Block> blocks;
    std::vector<Article> articles;
    std::vector<Illustration> illustrations;
    std::vector<Jump> jumps;           // per article
    std::vector<Diagnostic> warnings;  // orphan headlines and other page-level findings
};

PageSegments segment_page(const DecodedText& decoded, const PageContext& context);

}  // namespace paperbag::text
