// Applying reviewer corrections to a segmented issue (paperbag/corrections.hpp). Everything
// happens on a working copy of the article membership; the issue changes only when every
// operation applied. Articles no operation touched keep every field as the segmenter made
// it; a touched article is rebuilt from its blocks, reusing what the segmenter read from
// each block (repaired headline, parsed bylines, paragraphs) where it can.
#include "paperbag/corrections.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "paperbag/ids.hpp"

namespace paperbag {

namespace {

struct Position {
    std::size_t page = 0;
    std::size_t index = 0;
    friend auto operator<=>(const Position&, const Position&) = default;
};

// One article while corrections apply: which segmented article it came from and its blocks.
struct Work {
    std::size_t origin = 0;
    std::vector<std::string> blocks;
    bool touched = false;
    bool split_off = false;
    std::string linked_headline;  // a block the reviewer linked as headline
};

class Applier {
public:
    Applier(Issue& issue, const Corrections& corrections)
        : issue_(issue), corrections_(corrections) {
        for (std::size_t p = 0; p < issue.pages.size(); ++p)
            for (std::size_t b = 0; b < issue.pages[p].blocks.size(); ++b) {
                const Block& block = issue.pages[p].blocks[b];
                positions_[block.id] = {p, b};
                kinds_[block.id] = block.kind;
            }
        for (std::size_t a = 0; a < issue.articles.size(); ++a) {
            by_div_id_[article_div_id(issue.articles[a])] = a;
            work_.push_back({a, issue.articles[a].block_ids, false, false, {}});
            for (const std::string& id : issue.articles[a].block_ids) first_owner_.emplace(id, a);
        }
    }

    void run() {
        if (corrections_.issue != issue_key(issue_))
            throw Error(make_error("PB-CORRECTIONS-ISSUE", corrections_.path, 0,
                                   "these corrections are for issue '" + corrections_.issue +
                                       "', not for '" + issue_key(issue_) + "'"));
        for (std::size_t i = 0; i < corrections_.items.size(); ++i) apply(i);
        commit();
    }

private:
    [[noreturn]] void unknown(std::size_t i, const std::string& what) const {
        throw Error(make_error(
            "PB-CORRECTIONS-UNKNOWN", corrections_.path, 0,
            "/corrections/" + std::to_string(i) + " (" + corrections_.items[i].op + "): " + what));
    }

    const std::string& block(std::size_t i, const std::string& id) const {
        if (!positions_.contains(id))
            unknown(i, "block '" + id + "' does not exist in issue '" + issue_key(issue_) + "'");
        return id;
    }

    std::size_t article(std::size_t i, const std::string& div_id) const {
        const auto it = by_div_id_.find(div_id);
        if (it == by_div_id_.end())
            unknown(i, "article '" + div_id + "' does not exist in issue '" + issue_key(issue_) +
                           "' (articles are named by their METS div ID, e.g. LOG_art-001)");
        return it->second;  // segmented articles keep their index in work_
    }

    void apply(std::size_t i) {
        const Correction& c = corrections_.items[i];
        if (c.op == "reassign") {
            move(block(i, c.block), article(i, c.article));
        } else if (c.op == "link-headline") {
            const std::size_t target = article(i, c.article);
            move(block(i, c.block), target);
            work_[target].linked_headline = c.block;
            kinds_[c.block] = BlockKind::headline;
        } else if (c.op == "furniture") {
            detach(block(i, c.block));
            kinds_[c.block] = BlockKind::furniture;
        } else if (c.op == "merge") {
            std::vector<std::size_t> targets;
            for (const std::string& id : c.articles) targets.push_back(article(i, id));
            Work& into = work_[targets.front()];
            for (std::size_t k = 1; k < targets.size(); ++k) {
                Work& from = work_[targets[k]];
                into.blocks.insert(into.blocks.end(), from.blocks.begin(), from.blocks.end());
                from.blocks.clear();
                from.touched = true;
            }
            into.touched = true;
            sort_blocks(into);
        } else if (c.op == "split") {
            const std::size_t from = article(i, c.article);
            std::vector<std::string>& blocks = work_[from].blocks;
            const auto at = std::find(blocks.begin(), blocks.end(), block(i, c.block));
            if (at == blocks.end())
                unknown(i, "block '" + c.block + "' is not part of article '" + c.article + "'");
            if (at == blocks.begin())
                unknown(i, "block '" + c.block + "' is the first block of article '" + c.article +
                               "': nothing to split off");
            Work part{work_[from].origin, {at, blocks.end()}, true, true, {}};
            blocks.erase(at, blocks.end());
            work_[from].touched = true;
            work_.push_back(std::move(part));
        }
    }

    // Takes `id` out of every article and illustration.
    void detach(const std::string& id) {
        for (Work& w : work_) {
            const auto it = std::find(w.blocks.begin(), w.blocks.end(), id);
            if (it == w.blocks.end()) continue;
            w.blocks.erase(it);
            w.touched = true;
        }
        detached_.insert(id);
    }

    void move(const std::string& id, std::size_t target) {
        detach(id);
        work_[target].blocks.push_back(id);
        work_[target].touched = true;
        sort_blocks(work_[target]);
    }

    void sort_blocks(Work& w) const {
        std::sort(w.blocks.begin(), w.blocks.end(),
                  [&](const std::string& a, const std::string& b) {
                      return positions_.at(a) < positions_.at(b);
                  });
    }

    const Block& block_of(const std::string& id) const {
        const Position at = positions_.at(id);
        return issue_.pages[at.page].blocks[at.index];
    }

    // The first block of `kind` in the segmented article `origin` (what its field came from).
    bool first_of_kind(std::size_t origin, const std::string& id, BlockKind kind) const {
        for (const std::string& other : issue_.articles[origin].block_ids)
            if (block_of(other).kind == kind) return other == id;
        return false;
    }

    // What the segmenter read from block `id` for `field`, when the block was the one the
    // field came from; else the block's own text.
    std::string field_text(const std::string& id, BlockKind kind,
                           const std::optional<std::string> Article::*field) const {
        const auto owner = first_owner_.find(id);
        if (owner != first_owner_.end() && block_of(id).kind == kind &&
            first_of_kind(owner->second, id, kind)) {
            const auto& value = issue_.articles[owner->second].*field;
            if (value) return *value;
        }
        return block_of(id).text;
    }

    Article rebuild(const Work& w) const {
        const Article& origin = issue_.articles[w.origin];
        Article out;
        out.language = origin.language;
        out.source_path = origin.source_path;
        out.block_ids = w.blocks;
        out.first_line = block_of(w.blocks.front()).first_line;
        bool headline_from_origin = false;
        for (const std::string& id : w.blocks) {
            const BlockKind kind = kinds_.at(id);
            const Block& b = block_of(id);
            const auto owner = first_owner_.find(id);
            const bool own = owner != first_owner_.end() && b.kind == kind;
            const std::string label = issue_.pages[positions_.at(id).page].label;
            if (out.pages.empty() || out.pages.back() != label) out.pages.push_back(label);
            switch (kind) {
                case BlockKind::headline:
                    if (out.headline) break;
                    out.headline = field_text(id, kind, &Article::headline);
                    headline_from_origin = own && owner->second == w.origin &&
                                           id != w.linked_headline &&
                                           first_of_kind(w.origin, id, kind);
                    break;
                case BlockKind::kicker:
                    if (!out.kicker) out.kicker = field_text(id, kind, &Article::kicker);
                    break;
                case BlockKind::subtitle:
                    if (!out.subtitle) out.subtitle = field_text(id, kind, &Article::subtitle);
                    break;
                case BlockKind::dateline:
                    if (!out.dateline) out.dateline = field_text(id, kind, &Article::dateline);
                    break;
                case BlockKind::signature:
                    if (!out.signature) out.signature = field_text(id, kind, &Article::signature);
                    break;
                case BlockKind::byline:
                    if (own && first_of_kind(owner->second, id, kind) &&
                        !issue_.articles[owner->second].bylines.empty()) {
                        const auto& people = issue_.articles[owner->second].bylines;
                        out.bylines.insert(out.bylines.end(), people.begin(), people.end());
                    } else {
                        out.bylines.push_back({b.text, "author", b.text});
                    }
                    break;
                case BlockKind::continuation:
                case BlockKind::furniture: break;
                default: add_paragraphs(out, id, kind);
            }
        }
        if (out.pages == origin.pages) {
            out.continued_on = origin.continued_on;
            out.continued_from = origin.continued_from;
        } else if (out.pages.size() > 1) {
            out.continued_on = out.pages[1];
        }
        // A headline the reviewer placed is certain; the segmenter's own keeps its score.
        out.headline_confidence = !out.headline          ? 0
                                  : headline_from_origin ? origin.headline_confidence
                                                         : 1;
        if (!out.headline)
            out.warnings.push_back(make_warning("PB-SEG-NO-HEADLINE", out.source_path,
                                                out.first_line,
                                                "no headline after review corrections"));
        return out;
    }

    void add_paragraphs(Article& out, const std::string& id, BlockKind kind) const {
        const auto owner = first_owner_.find(id);
        bool found = false;
        if (owner != first_owner_.end())
            for (const Paragraph& p : issue_.articles[owner->second].body)
                if (p.block_id == id) {
                    out.body.push_back(p);
                    found = true;
                }
        if (!found && !block_of(id).text.empty())
            out.body.push_back({kind == BlockKind::intertitle ? Paragraph::Kind::intertitle
                                                              : Paragraph::Kind::text,
                                block_of(id).text, id});
    }

    void commit() {
        // Surviving articles in their segmented order, split-off parts after their origin.
        std::vector<const Work*> order;
        for (std::size_t a = 0; a < issue_.articles.size(); ++a) {
            if (!work_[a].blocks.empty()) order.push_back(&work_[a]);
            for (std::size_t k = issue_.articles.size(); k < work_.size(); ++k)
                if (work_[k].origin == a && !work_[k].blocks.empty()) order.push_back(&work_[k]);
        }
        std::vector<Article> articles;
        std::map<std::string, std::string> renamed;  // segmented id -> final id
        for (const Work* w : order) {
            Article next = w->touched ? rebuild(*w) : issue_.articles[w->origin];
            next.id = sequence_id("art-", articles.size() + 1);
            if (!w->split_off) renamed[issue_.articles[w->origin].id] = next.id;
            articles.push_back(std::move(next));
        }
        for (Illustration& ill : issue_.illustrations) {
            std::erase_if(ill.block_ids,
                          [&](const std::string& id) { return detached_.contains(id); });
            const auto it = renamed.find(ill.article_id);
            ill.article_id = it == renamed.end() ? std::string() : it->second;
        }
        // A caption moved into an article leaves a photo without text only when it has no
        // picture either: such an illustration is gone.
        std::erase_if(issue_.illustrations, [](const Illustration& ill) {
            return ill.block_ids.empty() && ill.graphic_ids.empty();
        });
        for (Page& page : issue_.pages)
            for (Block& b : page.blocks) b.kind = kinds_.at(b.id);
        issue_.articles = std::move(articles);
    }

    Issue& issue_;
    const Corrections& corrections_;
    std::map<std::string, Position> positions_;
    std::map<std::string, BlockKind> kinds_;
    std::map<std::string, std::size_t> by_div_id_;
    std::map<std::string, std::size_t> first_owner_;  // block -> segmented article
    std::vector<Work> work_;
    std::set<std::string> detached_;
};

}  // namespace

void apply_corrections(Issue& issue, const Corrections& corrections) {
    Applier(issue, corrections).run();
}

}  // namespace paperbag
