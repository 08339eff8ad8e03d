#include "layout/text_cues.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace paperbag::layout {

namespace {

// Lowercase ASCII words of `text`; anything else separates words.
std::vector<std::string> ascii_words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (const char c : text) {
        if (c >= 'A' && c <= 'Z') {
            word += static_cast<char>(c - 'A' + 'a');
        } else if (c >= 'a' && c <= 'z') {
            word += c;
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

// Letters OCR takes for one another, folded to one of them.
std::string fold_confusions(std::string_view word) {
    std::string out(word);
    for (char& c : out) {
        switch (c) {
            case 'u':
            case 'm': c = 'n'; break;
            case 'l':
            case 't':
            case 'f':
            case 'j': c = 'i'; break;
            case 'c': c = 'e'; break;
            default: break;
        }
    }
    return out;
}

// At most one letter inserted, dropped or changed.
bool within_one_edit(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;
    if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
    return a.substr(i) == b.substr(i + 1);
}

}  // namespace

bool advertisement_label(std::string_view text) {
    static constexpr std::array<std::string_view, 5> labels = {"anzeigen", "annonces", "inserate",
                                                               "advertisements", "advertisement"};
    const std::vector<std::string> words = ascii_words(text);
    if (words.empty() || words.size() > 5) return false;
    for (const std::string& word : words) {
        if (word.size() < 6) continue;
        const std::string folded = fold_confusions(word);
        for (std::string_view label : labels)
            if (within_one_edit(folded, fold_confusions(label))) return true;
    }
    return false;
}

Language guess_language(std::string_view text) {
    static constexpr std::array<std::string_view, 22> german = {
        "der", "die",  "das", "und",   "den", "dem", "nicht", "ist",   "sich", "mit",  "von",
        "auf", "eine", "ein", "einer", "zu",  "im",  "auch",  "wurde", "wird", "sind", "nach"};
    static constexpr std::array<std::string_view, 22> french = {
        "les", "dans", "une",   "que", "qui", "pour", "par", "sur", "pas",  "aux",  "sont",
        "ont", "avec", "cette", "le",  "la",  "et",   "du",  "au",  "elle", "nous", "leur"};
    static constexpr std::array<std::string_view, 18> english = {
        "the",  "and",  "of",  "which", "that", "with", "was",  "were",  "have",
        "from", "this", "for", "are",   "his",  "been", "they", "would", "not"};
    std::array<std::size_t, 3> hits{};
    for (const std::string& w : ascii_words(text)) {
        hits[0] += std::find(german.begin(), german.end(), w) != german.end();
        hits[1] += std::find(french.begin(), french.end(), w) != french.end();
        hits[2] += std::find(english.begin(), english.end(), w) != english.end();
    }
    const auto best =
        static_cast<std::size_t>(std::max_element(hits.begin(), hits.end()) - hits.begin());
    std::size_t second = 0;
    for (std::size_t k = 0; k < hits.size(); ++k)
        if (k != best) second = std::max(second, hits[k]);
    if (hits[best] < 3 || hits[best] < 2 * second) return Language::unknown;
    return best == 0 ? Language::german : best == 1 ? Language::french : Language::english;
}

}  // namespace paperbag::layout
