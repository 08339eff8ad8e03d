#include "import/continuation_link.hpp"

#include <algorithm>
#include <map>

#include "import/headline_link.hpp"

namespace paperbag::text {

namespace {

std::string start_text(const Article& a) {
    std::string text = a.headline.value_or("");
    for (const auto& p : a.body) {
        if (text.size() > 600) break;
        text += p.text;
    }
    return text;
}

std::string full_text(const Article& a) {
    std::string text = a.headline.value_or("") + a.kicker.value_or("");
    for (const auto& p : a.body) text += p.text;
    return text;
}

void merge(Article& first, Article& second) {
    for (const auto& page : second.pages)
        if (std::find(first.pages.begin(), first.pages.end(), page) == first.pages.end())
            first.pages.push_back(page);
    first.body.insert(first.body.end(), second.body.begin(), second.body.end());
    first.block_ids.insert(first.block_ids.end(), second.block_ids.begin(), second.block_ids.end());
    if (first.bylines.empty()) first.bylines = second.bylines;
    if (second.signature) first.signature = second.signature;
    if (!first.headline && second.headline) {
        first.headline = second.headline;
        first.headline_confidence = second.headline_confidence;
    }
    // The second part's jump headline is a repeat; its "no headline" warning is moot.
    for (auto& w : second.warnings)
        if (w.code != "PB-SEG-NO-HEADLINE") first.warnings.push_back(w);
    if (first.headline)
        std::erase_if(first.warnings,
                      [](const Diagnostic& d) { return d.code == "PB-SEG-NO-HEADLINE"; });
}

// Warns about an unmatched marker at its own line (the article's first line when the
// marker's line is unknown).
void warn_unmatched(Article& article, std::uint64_t marker_line, std::string message,
                    Diagnostics& diagnostics) {
    Diagnostic d =
        make_warning("PB-SEG-JUMP-UNMATCHED", article.source_path,
                     marker_line != 0 ? marker_line : article.first_line, std::move(message));
    diagnostics.add(d);
    article.warnings.push_back(std::move(d));
}

// Jumps out of one page paired with jumps into the other: the first part's text against the
// start of the second (and the jump keys, when printed), solved as an assignment.
std::vector<int> best_pairs(const std::vector<Article>& articles, const std::vector<Jump>& jumps,
                            const std::vector<std::size_t>& outs,
                            const std::vector<std::size_t>& ins) {
    std::vector<NgramProfile> starts;
    for (std::size_t n : ins) starts.emplace_back(start_text(articles[n]));
    std::vector<std::vector<double>> scores(outs.size(), std::vector<double>(ins.size(), 0));
    for (std::size_t o = 0; o < outs.size(); ++o) {
        const NgramProfile first(full_text(articles[outs[o]]));
        for (std::size_t n = 0; n < ins.size(); ++n) {
            double s = overlap(starts[n], first);
            if (!jumps[outs[o]].key.empty() && jumps[outs[o]].key == jumps[ins[n]].key) s += 2;
            // Any pair of markers that point at each other is a candidate.
            scores[o][n] = s + 0.01;
        }
    }
    return assign(scores, 0.01);
}

}  // namespace

void link_continuations(std::vector<Article>& articles, std::vector<Jump>& jumps,
                        const std::vector<std::string>& labels, Diagnostics& diagnostics) {
    auto imported = [&](const std::string& label) {
        return std::find(labels.begin(), labels.end(), label) != labels.end();
    };
    // (from page, to page) -> indexes of jumps out and jumps in.
    std::map<std::pair<std::string, std::string>,
             std::pair<std::vector<std::size_t>, std::vector<std::size_t>>>
        pairs;
    for (std::size_t i = 0; i < articles.size(); ++i) {
        const Article& a = articles[i];
        if (a.continued_on && !a.pages.empty())
            pairs[{a.pages.front(), *a.continued_on}].first.push_back(i);
        if (a.continued_from && !a.pages.empty())
            pairs[{*a.continued_from, a.pages.front()}].second.push_back(i);
    }
    std::vector<bool> removed(articles.size(), false);
    for (auto& [key, lists] : pairs) {
        const auto& [outs, ins] = lists;
        if (!imported(key.first) || !imported(key.second)) continue;
        std::vector<int> choice(outs.size(), -1);
        if (ins.size() > 0 && outs.size() > max_link_pairs / ins.size()) {
            // Past the pair budget (max_link_pairs): jumps are paired in the order printed.
            for (std::size_t o = 0; o < outs.size() && o < ins.size(); ++o)
                choice[o] = static_cast<int>(o);
        } else {
            choice = best_pairs(articles, jumps, outs, ins);
        }
        std::vector<bool> used(ins.size(), false);
        for (std::size_t o = 0; o < outs.size(); ++o) {
            Article& first = articles[outs[o]];
            if (choice[o] < 0) {
                warn_unmatched(
                    first, jumps[outs[o]].to_line,
                    "continued on page " + key.second + ", but no continuation was found there",
                    diagnostics);
                continue;
            }
            const auto n = static_cast<std::size_t>(choice[o]);
            used[n] = true;
            merge(first, articles[ins[n]]);
            removed[ins[n]] = true;
        }
        for (std::size_t n = 0; n < ins.size(); ++n)
            if (!used[n])
                warn_unmatched(
                    articles[ins[n]], jumps[ins[n]].from_line,
                    "continued from page " + key.first + ", but no article there jumps here",
                    diagnostics);
    }
    std::vector<Article> kept;
    std::vector<Jump> kept_jumps;
    for (std::size_t i = 0; i < articles.size(); ++i)
        if (!removed[i]) {
            kept.push_back(std::move(articles[i]));
            kept_jumps.push_back(std::move(jumps[i]));
        }
    articles = std::move(kept);
    jumps = std::move(kept_jumps);
}

}  // namespace paperbag::text
