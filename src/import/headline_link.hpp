// Stage 5 of segmentation: linking headline blocks to articles by character n-gram overlap,
// solved as an assignment.
//
// A text's profile is its set of n-grams: character bigrams inside runs of CJK ideographs
// and kana, and lower-cased words of three or more letters in Latin text. The score of a
// title for an article is the share of the title's n-grams that occur in the article's text
// (0..1). The assignment of titles to articles that maximises the total score is found with
// the Hungarian algorithm (O(n^3) for n = max(titles, articles) of one page; pages with more
// than `max_exact` titles or articles fall back to a greedy assignment, so the cost stays
// bounded whatever the input).
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace paperbag::text {

class NgramProfile {
public:
    NgramProfile() = default;
    explicit NgramProfile(std::string_view text);
    std::size_t size() const noexcept { return grams_.size(); }
    bool contains(std::uint64_t gram) const;
    const std::vector<std::uint64_t>& grams() const noexcept { return grams_; }

private:
    std::vector<std::uint64_t> grams_;  // sorted, unique
};

// Share of `title`'s n-grams found in `text` (0 when the title has none).
double overlap(const NgramProfile& title, const NgramProfile& text);

// The profiles of a page's articles, indexed by n-gram, so that a title's overlap with every
// article costs one look-up per title n-gram plus the articles that hold it (asking each
// article in turn made headline linking grow with titles x articles x log article length).
class ProfileIndex {
public:
    explicit ProfileIndex(const std::vector<NgramProfile>& texts);
    // overlap(title, texts[i]) for every i, the same values.
    std::vector<double> overlaps(const NgramProfile& title) const;

private:
    std::size_t texts_ = 0;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> postings_;  // (gram, text), sorted
};

inline constexpr std::size_t max_exact = 64;

// Title-article pairs one page may score by n-gram overlap (titles x articles, titles x
// paragraphs, jumps out x jumps in): a printed page has a few dozen of each, so a million is
// far beyond any real page. A page past it (a hostile or generated file within the page-size
// limit, tens of thousands of titles and items) is linked by position alone, with a warning:
// scoring every pair would take time and memory that grow with the square of the page.
inline constexpr std::size_t max_link_pairs = 1'000'000;

// For a rows x columns score matrix, the column chosen for each row (or -1), maximising the
// sum of chosen scores; pairs scoring below `threshold` are never chosen. Each column is
// chosen at most once.
std::vector<int> assign(const std::vector<std::vector<double>>& scores, double threshold);

}  // namespace paperbag::text
