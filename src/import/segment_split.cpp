#include "import/segment_split.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "import/headline_link.hpp"

namespace paperbag::text {

std::vector<std::vector<std::size_t>> split_at_titles(
    const std::vector<TitleUnit>& titles, const std::vector<std::vector<std::string>>& paragraphs,
    std::size_t articles) {
    std::vector<std::vector<std::size_t>> out(paragraphs.size());
    if (titles.size() <= articles) return out;
    std::size_t paragraph_count = 0;
    for (const auto& a : paragraphs) paragraph_count += a.size();
    // Past the pair budget the page keeps its articles as assembled (see max_link_pairs).
    if (paragraph_count > 0 && titles.size() > max_link_pairs / paragraph_count) return out;
    const std::size_t surplus = titles.size() - articles;
    // Every paragraph of every article, indexed once.
    std::vector<NgramProfile> profiles;
    std::vector<std::pair<std::size_t, std::size_t>> where;  // profile -> (article, paragraph)
    for (std::size_t a = 0; a < paragraphs.size(); ++a)
        for (std::size_t k = 0; k < paragraphs[a].size(); ++k) {
            profiles.emplace_back(paragraphs[a][k]);
            where.emplace_back(a, k);
        }
    if (profiles.empty()) return out;
    const ProfileIndex index(profiles);
    // Each title's home: (article, paragraph, share), or none.
    struct Home {
        std::size_t article, paragraph;
        double share;
        const TitleUnit* unit;
    };
    std::vector<Home> found;
    // Articles with a headline of their own: a title right above them that is most like
    // one of their paragraphs (a title between two articles may be the one before's).
    std::vector<bool> headed(paragraphs.size(), false);
    for (const TitleUnit& unit : titles) {
        const NgramProfile profile(unit.text);
        if (profile.size() < 3) continue;  // too short to say where it belongs
        const std::vector<double> shares = index.overlaps(profile);
        std::size_t best = 0;
        for (std::size_t p = 1; p < shares.size(); ++p)
            if (shares[p] > shares[best]) best = p;
        if (unit.above == static_cast<int>(where[best].first) && shares[best] >= own_share)
            headed[where[best].first] = true;
        if (shares[best] < home_share) continue;
        double elsewhere = 0;
        for (std::size_t p = 0; p < shares.size(); ++p)
            if (p != best) elsewhere = std::max(elsewhere, shares[p]);
        if (shares[best] < elsewhere + home_margin) continue;
        found.push_back({where[best].first, where[best].second, shares[best], &unit});
    }
    // Titles of the zone right above an article are its own: it has a headline, so any
    // other title at home in a later paragraph starts an item there. Titles of the zone
    // right below an article that are home in it: its own stack when there are at most two
    // of them (kicker and headline, or headline and deck), which count as one home; three or
    // more are the titles of as many items.
    // Homes per (article, zone): how many, and the first of them.
    std::map<std::pair<std::size_t, std::size_t>, std::pair<std::size_t, std::size_t>> per_zone;
    for (std::size_t i = 0; i < found.size(); ++i) {
        ++per_zone.try_emplace({found[i].article, found[i].unit->zone}, 0, i).first->second.first;
    }
    std::vector<std::vector<std::pair<std::size_t, double>>> homes(paragraphs.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        const Home& h = found[i];
        const auto a = static_cast<int>(h.article);
        if (h.unit->above == a) continue;
        if (h.unit->below == a) {
            const auto& [same, first] = per_zone.at({h.article, h.unit->zone});
            if (same <= 2 && first < i) continue;
        }
        homes[h.article].emplace_back(h.paragraph, h.share);
    }
    // Candidate splits: every home paragraph of an article after its first home, or after
    // its headline.
    std::vector<std::tuple<double, std::size_t, std::size_t>> splits;  // (-share, article, par)
    for (std::size_t a = 0; a < homes.size(); ++a) {
        auto& h = homes[a];
        std::sort(h.begin(), h.end());
        for (std::size_t i = 0; i < h.size(); ++i) {
            if (h[i].first == 0 || (i > 0 && h[i].first == h[i - 1].first)) continue;
            if (i == 0 && !headed[a]) continue;
            splits.emplace_back(-h[i].second, a, h[i].first);
        }
    }
    std::sort(splits.begin(), splits.end());
    if (splits.size() > surplus) splits.resize(surplus);
    for (const auto& [share, a, k] : splits) out[a].push_back(k);
    for (auto& v : out) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    return out;
}

bool second_dispatch(const std::string& title, const std::string& part, const std::string& deck) {
    const NgramProfile profile(title);
    if (profile.size() == 0) return false;
    const NgramProfile text(part);
    if (overlap(profile, text) >= dispatch_share) return true;
    return !deck.empty() && overlap(NgramProfile(title + deck), text) >= dispatch_share;
}

}  // namespace paperbag::text
