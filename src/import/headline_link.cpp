#include "import/headline_link.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <string>

namespace paperbag::text {

namespace {

bool ideographic_script(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    return U_SUCCESS(status) && (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
                                 script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL);
}

// The script lookup, kept per thread for the Basic Multilingual Plane as characters are first
// seen (it was a tenth of the headline linking's time).
bool ideographic(UChar32 c) {
    if (c < 0 || c >= 0x10000) return ideographic_script(c);
    thread_local std::array<std::uint8_t, 0x10000> bmp{};  // 0 unknown, 1 no, 2 yes
    std::uint8_t& slot = bmp[static_cast<std::size_t>(c)];
    if (slot == 0) slot = ideographic_script(c) ? 2 : 1;
    return slot == 2;
}

// FNV-1a: a fixed, documented hash (never std::hash: results must not vary by platform).
std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h | (std::uint64_t{1} << 63);  // word grams never collide with bigram keys
}

}  // namespace

NgramProfile::NgramProfile(std::string_view text) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), 1u << 30));
    std::int32_t i = 0;
    UChar32 previous = -1;
    std::string word;
    auto end_word = [&] {
        if (word.size() >= 3) grams_.push_back(fnv1a(word));
        word.clear();
    };
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) c = 0xFFFD;
        if (ideographic(c)) {
            end_word();
            if (previous >= 0)
                grams_.push_back((static_cast<std::uint64_t>(previous) << 21) |
                                 static_cast<std::uint64_t>(c));
            previous = c;
            continue;
        }
        previous = -1;
        if (u_isalnum(c)) {
            char buffer[4];
            std::int32_t length = 0;
            U8_APPEND_UNSAFE(buffer, length, u_tolower(c));
            word.append(buffer, static_cast<std::size_t>(length));
        } else {
            end_word();
        }
    }
    end_word();
    std::sort(grams_.begin(), grams_.end());
    grams_.erase(std::unique(grams_.begin(), grams_.end()), grams_.end());
}

bool NgramProfile::contains(std::uint64_t gram) const {
    return std::binary_search(grams_.begin(), grams_.end(), gram);
}

double overlap(const NgramProfile& title, const NgramProfile& text) {
    if (title.size() == 0) return 0;
    std::size_t found = 0;
    for (std::uint64_t g : title.grams()) found += text.contains(g);
    return static_cast<double>(found) / static_cast<double>(title.size());
}

ProfileIndex::ProfileIndex(const std::vector<NgramProfile>& texts) : texts_(texts.size()) {
    std::size_t total = 0;
    for (const NgramProfile& t : texts) total += t.size();
    postings_.reserve(total);
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::uint64_t g : texts[i].grams())
            postings_.emplace_back(g, static_cast<std::uint32_t>(i));
    std::sort(postings_.begin(), postings_.end());
}

std::vector<double> ProfileIndex::overlaps(const NgramProfile& title) const {
    std::vector<double> out(texts_, 0.0);
    if (title.size() == 0) return out;
    std::vector<std::size_t> found(texts_, 0);
    for (std::uint64_t g : title.grams()) {
        auto it = std::lower_bound(postings_.begin(), postings_.end(),
                                   std::pair<std::uint64_t, std::uint32_t>{g, 0});
        for (; it != postings_.end() && it->first == g; ++it) ++found[it->second];
    }
    for (std::size_t i = 0; i < texts_; ++i)
        out[i] = static_cast<double>(found[i]) / static_cast<double>(title.size());
    return out;
}

std::vector<int> assign(const std::vector<std::vector<double>>& scores, double threshold) {
    const std::size_t rows = scores.size();
    const std::size_t cols = rows == 0 ? 0 : scores.front().size();
    std::vector<int> result(rows, -1);
    if (rows == 0 || cols == 0) return result;
    auto usable = [&](std::size_t r, std::size_t c) { return scores[r][c] >= threshold; };
    if (rows > max_exact || cols > max_exact) {
        // Greedy: best pairs first (ties broken by position, so the result is stable).
        std::vector<std::pair<std::size_t, std::size_t>> pairs;
        for (std::size_t r = 0; r < rows; ++r)
            for (std::size_t c = 0; c < cols; ++c)
                if (usable(r, c)) pairs.emplace_back(r, c);
        std::stable_sort(pairs.begin(), pairs.end(), [&](auto a, auto b) {
            return scores[a.first][a.second] > scores[b.first][b.second];
        });
        std::vector<bool> taken(cols, false);
        for (auto [r, c] : pairs)
            if (result[r] < 0 && !taken[c]) {
                result[r] = static_cast<int>(c);
                taken[c] = true;
            }
        return result;
    }
    // Hungarian algorithm (minimising cost = -score) on a square matrix padded with zeros.
    const std::size_t n = std::max(rows, cols);
    auto cost = [&](std::size_t r, std::size_t c) {
        return r < rows && c < cols && usable(r, c) ? -scores[r][c] : 0.0;
    };
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> u(n + 1, 0), v(n + 1, 0);
    std::vector<std::size_t> p(n + 1, 0), way(n + 1, 0);
    for (std::size_t i = 1; i <= n; ++i) {
        p[0] = i;
        std::size_t j0 = 0;
        std::vector<double> minv(n + 1, inf);
        std::vector<bool> used(n + 1, false);
        do {
            used[j0] = true;
            const std::size_t i0 = p[j0];
            double delta = inf;
            std::size_t j1 = 0;
            for (std::size_t j = 1; j <= n; ++j) {
                if (used[j]) continue;
                const double cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (std::size_t j = 0; j <= n; ++j) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
        } while (p[j0] != 0);
        do {
            const std::size_t j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    for (std::size_t j = 1; j <= n; ++j) {
        const std::size_t r = p[j] - 1;
        const std::size_t c = j - 1;
        if (r < rows && c < cols && usable(r, c)) result[r] = static_cast<int>(c);
    }
    return result;
}

}  // namespace paperbag::text
