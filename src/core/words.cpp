#include "core/words.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <memory>

namespace paperbag {

namespace {

struct UTextClose {
    void operator()(UText* text) const noexcept { utext_close(text); }
};

// The code point at line[i] and the offset after it; invalid bytes count as one character.
UChar32 next_char(std::string_view line, std::size_t& i) {
    UChar32 c = 0;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(line.data());
    const auto length = static_cast<std::int32_t>(line.size());
    auto offset = static_cast<std::int32_t>(i);
    U8_NEXT(bytes, offset, length, c);
    i = static_cast<std::size_t>(offset);
    return c;
}

bool written_without_spaces(UChar32 c) {
    if (c < 0x0E00) return false;
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
        case USCRIPT_HAN:
        case USCRIPT_HIRAGANA:
        case USCRIPT_KATAKANA:
        case USCRIPT_THAI:
        case USCRIPT_LAO:
        case USCRIPT_KHMER:
        case USCRIPT_MYANMAR: return true;
        default: return false;
    }
}

// Opening brackets and quotes (（ “ 《 ( ...) belong to the word after them.
bool opening(std::string_view line, std::size_t i) {
    const std::int8_t type = u_charType(next_char(line, i));
    return type == U_START_PUNCTUATION || type == U_INITIAL_PUNCTUATION;
}

icu::BreakIterator* word_breaker() {
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> b(
            icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
        return U_SUCCESS(status) ? std::move(b) : nullptr;
    }();
    return breaker.get();
}

// Cuts the run [begin, end) of `line` with ICU and appends its words.
void split_run(std::string_view line, std::size_t begin, std::size_t end, bool space_before,
               std::vector<WordSpan>& out) {
    icu::BreakIterator* breaker = word_breaker();
    UErrorCode status = U_ZERO_ERROR;
    const std::string_view run = line.substr(begin, end - begin);
    std::unique_ptr<UText, UTextClose> text(
        utext_openUTF8(nullptr, run.data(), static_cast<std::int64_t>(run.size()), &status));
    if (breaker) breaker->setText(text.get(), status);
    if (!breaker || U_FAILURE(status)) {
        out.push_back({begin, end, space_before});
        return;
    }
    const std::size_t first = out.size();
    bool pending = false;  // the last word is opening punctuation, waiting for its word
    std::int32_t from = breaker->first();
    for (std::int32_t to = breaker->next(); to != icu::BreakIterator::DONE;
         from = to, to = breaker->next()) {
        const bool punctuation = breaker->getRuleStatus() == UBRK_WORD_NONE;
        const std::size_t b = begin + static_cast<std::size_t>(from);
        const std::size_t e = begin + static_cast<std::size_t>(to);
        if (pending) {
            out.back().end = e;
            pending = punctuation;
        } else if (punctuation && !opening(line, b) && out.size() > first) {
            out.back().end = e;
        } else {
            out.push_back({b, e, out.size() == first && space_before});
            pending = punctuation;
        }
    }
    // Opening punctuation at the end of the run goes with the word before it.
    if (pending && out.size() > first + 1) {
        out[out.size() - 2].end = out.back().end;
        out.pop_back();
    }
}

}  // namespace

std::vector<WordSpan> split_words(std::string_view line) {
    std::vector<WordSpan> words;
    std::size_t i = 0;
    bool space = false;
    while (i < line.size()) {
        std::size_t next = i;
        UChar32 c = next_char(line, next);
        if (c >= 0 && u_isUWhiteSpace(c)) {
            space = !words.empty();
            i = next;
            continue;
        }
        const std::size_t begin = i;
        bool cjk = false;
        while (true) {
            cjk = cjk || written_without_spaces(c);
            i = next;
            if (i >= line.size()) break;
            c = next_char(line, next);
            if (c >= 0 && u_isUWhiteSpace(c)) break;
        }
        if (cjk)
            split_run(line, begin, i, space, words);
        else
            words.push_back({begin, i, space});
        space = false;
    }
    return words;
}

bool letter_spaced(std::string_view word) {
    std::size_t letters = 0;
    bool cjk = false;
    for (std::size_t i = 0; i < word.size();) {
        const UChar32 c = next_char(word, i);
        if (c >= 0 && u_ispunct(c)) {
            cjk = cjk || c >= 0x3000;  // CJK and full-width punctuation
            continue;
        }
        if (++letters > 1 || !written_without_spaces(c)) return false;
        cjk = true;
    }
    return cjk;
}

std::optional<std::string> hyphenated_word(std::string_view last, std::string_view next) {
    if (last.size() < 2 || last.back() != '-' || next.empty()) return std::nullopt;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(last.data());
    auto before = static_cast<std::int32_t>(last.size() - 1);
    UChar32 letter = 0;
    U8_PREV(bytes, 0, before, letter);
    std::size_t i = 0;
    const UChar32 first = next_char(next, i);
    if (letter < 0 || first < 0 || !u_isalpha(letter) || !u_isalpha(first)) return std::nullopt;
    std::string joined = std::string(last.substr(0, last.size() - 1)) + std::string(next);
    // Without the punctuation that follows the word ("cil." -> "council").
    while (!joined.empty()) {
        const auto* j = reinterpret_cast<const std::uint8_t*>(joined.data());
        auto end = static_cast<std::int32_t>(joined.size());
        UChar32 c = 0;
        U8_PREV(j, 0, end, c);
        if (c < 0 || !u_ispunct(c)) break;
        joined.resize(static_cast<std::size_t>(end));
    }
    return joined;
}

}  // namespace paperbag
