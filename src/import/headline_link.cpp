#include "import/headline_link.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <limits>
#include <string>

namespace paperbag::text {

namespace {

bool ideographic(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    return U_SUCCESS(status) && (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA ||
                                 script == USCRIPT_KATAKANA || script == USCRIPT_HANGUL);
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
