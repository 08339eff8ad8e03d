#include "layout/page_runs.hpp"

#include "layout/section_heads.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <string>

namespace paperbag::layout {

namespace {

// The bands of one page: [top, bottom] of each run of blocks between gaps across the page,
// top to bottom, and the band of each block.
struct Bands {
    double height = 0;
    std::vector<std::pair<double, double>> extent;
    std::vector<std::pair<double, double>> across;  // left and right edge of each band
    std::map<std::string, std::size_t> of_block;
    std::map<std::string, Box> box;
};

Bands bands_of(const Page& page) {
    Bands out;
    std::vector<const Block*> blocks;
    for (const Block& b : page.blocks)
        if (b.box && b.box->height > 0) blocks.push_back(&b);
    std::sort(blocks.begin(), blocks.end(),
              [](const Block* a, const Block* b) { return a->box->vpos < b->box->vpos; });
    for (const Block* b : blocks) {
        const double top = b->box->vpos;
        const double bottom = top + b->box->height;
        const double left = b->box->hpos;
        const double right = left + b->box->width;
        if (out.extent.empty() || top > out.extent.back().second) {
            out.extent.emplace_back(top, bottom);
            out.across.emplace_back(left, right);
        } else {
            out.extent.back().second = std::max(out.extent.back().second, bottom);
            out.across.back().first = std::min(out.across.back().first, left);
            out.across.back().second = std::max(out.across.back().second, right);
        }
        out.box[b->id] = *b->box;
        out.of_block[b->id] = out.extent.size() - 1;
        out.height = std::max(out.height, bottom);
    }
    out.height = std::max(out.height, page.height);
    return out;
}

// Share of the page height that two bands of two pages have in common.
double common_share(const Bands& a, std::size_t i, const Bands& b, std::size_t j) {
    if (a.height <= 0 || b.height <= 0) return 0;
    const double top = std::max(a.extent[i].first / a.height, b.extent[j].first / b.height);
    const double bottom = std::min(a.extent[i].second / a.height, b.extent[j].second / b.height);
    return bottom - top;
}

// Block `id` stands in the first column of its band (its left edge within half its width
// of the band's), or in the last (its right edge likewise): a column's text runs on from the
// foot of the last column to the head of the first.
bool in_first_column(const Bands& bands, std::size_t band, const std::string& id) {
    const auto it = bands.box.find(id);
    return it != bands.box.end() &&
           it->second.hpos <= bands.across[band].first + 0.5 * it->second.width;
}

bool in_last_column(const Bands& bands, std::size_t band, const std::string& id) {
    const auto it = bands.box.find(id);
    return it != bands.box.end() &&
           it->second.hpos + it->second.width >= bands.across[band].second - 0.5 * it->second.width;
}

struct Place {
    std::size_t page = SIZE_MAX;
    std::size_t first_band = SIZE_MAX;
    std::size_t last_band = SIZE_MAX;
};

std::size_t text_chars(const Article& article) {
    std::size_t n = 0;
    for (const Paragraph& p : article.body) n += p.text.size();
    return n;
}

}  // namespace

bool starts_mid_sentence(std::string_view text) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto length = static_cast<std::int32_t>(text.size());
    std::int32_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) return false;
        if (u_isalpha(c)) return u_islower(c) != 0;
        if (u_isdigit(c)) return false;
    }
    return false;
}

bool ends_mid_sentence(std::string_view text) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    std::int32_t i = static_cast<std::int32_t>(text.size());
    while (i > 0) {
        UChar32 c = 0;
        U8_PREV(s, 0, i, c);
        if (c < 0) return false;
        if (u_isspace(c)) continue;
        // A letter, a digit, a comma or a hyphen: the sentence is not over.
        return u_isalpha(c) || u_isdigit(c) || c == ',' || c == '-';
    }
    return false;
}

void join_run_ons(std::vector<Article>& articles, std::vector<text::Jump>& jumps,
                  std::vector<Page>& pages) {
    relabel_section_heads(articles, pages);
    std::vector<Bands> bands;
    std::map<std::string, std::size_t> page_of_block;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        bands.push_back(bands_of(pages[p]));
        for (const Block& b : pages[p].blocks) page_of_block[b.id] = p;
    }
    // Where each article starts and ends.
    std::vector<Place> place(articles.size());
    for (std::size_t a = 0; a < articles.size(); ++a) {
        const auto& ids = articles[a].block_ids;
        if (ids.empty()) continue;
        const auto first = page_of_block.find(ids.front());
        const auto last = page_of_block.find(ids.back());
        if (first == page_of_block.end() || last == page_of_block.end()) continue;
        if (first->second != last->second) continue;  // already spans pages
        const Bands& b = bands[first->second];
        const auto fb = b.of_block.find(ids.front());
        const auto lb = b.of_block.find(ids.back());
        if (fb == b.of_block.end() || lb == b.of_block.end()) continue;
        place[a] = {first->second, fb->second, lb->second};
    }
    std::vector<std::size_t> joined_to(articles.size());
    for (std::size_t a = 0; a < articles.size(); ++a) joined_to[a] = a;
    const auto root = [&](std::size_t a) {
        while (joined_to[a] != a) a = joined_to[a];
        return a;
    };
    for (std::size_t p = 1; p < pages.size(); ++p) {
        // The articles that close each band of the page before, and that open each band here.
        std::map<std::size_t, std::size_t> closing;
        std::map<std::size_t, std::size_t> opening;
        std::size_t last_before = SIZE_MAX;
        for (std::size_t a = 0; a < articles.size(); ++a) {
            if (place[a].page == p - 1) {
                closing[place[a].last_band] = a;
                last_before = a;
            }
            if (place[a].page == p && !opening.count(place[a].first_band))
                opening[place[a].first_band] = a;
        }
        if (closing.empty()) continue;
        for (const auto& opened : opening) {
            // Named copies, not structured bindings: a lambda below uses them (clang 14).
            const std::size_t band = opened.first, a = opened.second;
            Article& part = articles[a];
            if (part.headline || part.kicker || part.continued_from || part.dateline ||
                !part.bylines.empty() || part.body.empty() ||
                !in_first_column(bands[p], band, part.block_ids.front()))
                continue;
            // Text without a heading at the head of a page, where a new item would carry
            // one, goes on with the page before even when a sentence ends at the page break
            // ("On assure que ..." continuing Indépendance belge): unless it is a scrap.
            const bool page_head = a == opening.begin()->second && text_chars(part) >= 200;
            const bool mid_sentence = starts_mid_sentence(part.body.front().text);
            if (!mid_sentence && !page_head) continue;
            // Of the articles closing a band of the page before in the middle of a sentence,
            // the one whose band lies most where this one lies; the page's last article for
            // the first band of the page when none does. Text at the head of a page takes the
            // article of its band however that ends, when no sentence is broken on both sides.
            const auto find = [&](bool any_end) {
                const auto open_end = [&](std::size_t b) {
                    const Article& whole = articles[root(b)];
                    return !whole.continued_on && !whole.signature && !whole.body.empty() &&
                           (any_end || ends_mid_sentence(whole.body.back().text)) &&
                           in_last_column(bands[p - 1], place[b].last_band,
                                          articles[b].block_ids.back());
                };
                std::size_t best = SIZE_MAX;
                double best_share = 0;
                for (const auto& [before_band, b] : closing) {
                    const double share = common_share(bands[p - 1], before_band, bands[p], band);
                    if (open_end(b) && share > best_share) {
                        best_share = share;
                        best = b;
                    }
                }
                if (best == SIZE_MAX && a == opening.begin()->second && open_end(last_before))
                    best = last_before;
                return best;
            };
            std::size_t best = find(!mid_sentence);
            if (best == SIZE_MAX && mid_sentence && page_head) best = find(true);
            if (best == SIZE_MAX) continue;
            const std::size_t into = root(best);
            Article& whole = articles[into];
            for (Paragraph& para : part.body) whole.body.push_back(std::move(para));
            for (std::string& id : part.block_ids) whole.block_ids.push_back(std::move(id));
            for (const std::string& label : part.pages)
                if (std::find(whole.pages.begin(), whole.pages.end(), label) == whole.pages.end())
                    whole.pages.push_back(label);
            whole.continued_on = part.continued_on;
            whole.signature = part.signature;
            if (part.continued_on) {
                jumps[into].to_line = jumps[a].to_line;
                if (!jumps[a].key.empty()) jumps[into].key = jumps[a].key;
            }
            joined_to[a] = into;
        }
    }
    std::vector<Article> kept;
    std::vector<text::Jump> kept_jumps;
    for (std::size_t a = 0; a < articles.size(); ++a) {
        if (joined_to[a] != a) continue;
        kept.push_back(std::move(articles[a]));
        kept_jumps.push_back(std::move(jumps[a]));
    }
    articles = std::move(kept);
    jumps = std::move(kept_jumps);
}

}  // namespace paperbag::layout
