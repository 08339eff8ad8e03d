// Words of a printed line, the way ALTO wants them: one String per word, SP where the line has
// white space. Shared by the page-text importer (which keeps each word's bytes in the original
// file) and the ALTO writer (which splits text that came without words).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paperbag {

// A word of a line: UTF-8 byte offsets [begin, end) into the line.
struct WordSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool space_before = false;  // white space separates it from the previous word (ALTO SP)
};

// The words of one line of valid UTF-8 text (no line breaks). Runs between white space
// (Unicode White_Space, which includes U+3000) are words; a run holding CJK or other scripts
// written without spaces (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar) is cut further
// with ICU's word break iterator: one word per dictionary word, one per character where ICU
// has no dictionary. Punctuation ICU sets apart is kept with the word before it (opening
// brackets and quotes, and punctuation at the start of a run, with the word after it), so no
// word is punctuation alone unless the run is.
// Thread-safe (one break iterator per thread).
std::vector<WordSpan> split_words(std::string_view line);

// True for a word of one character of a script written without spaces (Han, Kana, Thai, ...),
// with or without punctuation around it, or of CJK punctuation alone: what a letter-spaced
// (justified) CJK line is made of, "执 法 工 作 机 制 。". The space between two such words is
// letter spacing, not a word separator, so ALTO gets no SP there.
bool letter_spaced(std::string_view word);

// The word a line-end hyphen splits, as the text repair joins it: `last` (the last word of a
// line) is a letter and '-' at its end, `next` (the first word of the next line) starts with a
// letter. Returns the joined word without the hyphen and without trailing punctuation
// ("coun-" + "cil." -> "council"), or nothing when the hyphen does not break a word.
std::optional<std::string> hyphenated_word(std::string_view last, std::string_view next);

}  // namespace paperbag
