// Stage 4 of page-text import: the printed lines and words of each block, for ALTO. Each word
// keeps its bytes in the original file (Word::source), so that an ALTO String can be traced
// back to exactly the bytes it came from, whatever the file's encoding.
#pragma once

#include <cstdint>

#include "import/text_decode.hpp"
#include "paperbag/model.hpp"

namespace paperbag::text {

// Fills block.lines from the block's byte ranges in the original file: one TextLine per
// non-blank line of the page text, one Word per word of that line (split_words: white space,
// and ICU word break for CJK), each with its text as decoded and its original byte range.
// `decoded` is the whole page text the block's ranges point into.
//
// A word costs about 100 bytes of memory and a CJK page has one per 3-6 bytes of text, so a
// page text larger than `max_page_text_for_words` (far beyond any printed page) gets no
// lines: the ALTO writer then splits the block's text itself, without byte ranges.
void add_printed_lines(Block& block, const DecodedText& decoded);

inline constexpr std::uint64_t max_page_text_for_words = std::uint64_t{1} << 20;

}  // namespace paperbag::text
