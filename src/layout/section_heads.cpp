#include "layout/section_heads.hpp"

#include <cmath>
#include <map>
#include <string>

#include "import/text_repair.hpp"

namespace paperbag::layout {

namespace {

struct Located {
    std::size_t page = 0;
    Block* block = nullptr;
};

bool title_kind(BlockKind kind) {
    return kind == BlockKind::headline || kind == BlockKind::subtitle || kind == BlockKind::kicker;
}

const TextStyle* style_of(const std::vector<Page>& pages, const Located& at) {
    const int s = at.block->style;
    const auto& styles = pages[at.page].styles;
    if (s < 0 || static_cast<std::size_t>(s) >= styles.size()) return nullptr;
    const TextStyle& style = styles[static_cast<std::size_t>(s)];
    return style.size > 0 ? &style : nullptr;
}

bool closed_by_full_stop(std::string_view text) {
    return text::trim(text).ends_with(".");
}

}  // namespace

void relabel_section_heads(std::vector<Article>& articles, std::vector<Page>& pages) {
    std::map<std::string, Located> where;
    for (std::size_t p = 0; p < pages.size(); ++p)
        for (Block& b : pages[p].blocks) where[b.id] = {p, &b};
    // The title blocks of each article, in their order.
    std::vector<std::vector<Located>> titles(articles.size());
    for (std::size_t a = 0; a < articles.size(); ++a)
        for (const std::string& id : articles[a].block_ids) {
            const auto it = where.find(id);
            if (it != where.end() && title_kind(it->second.block->kind))
                titles[a].push_back(it->second);
        }
    for (std::size_t a = 0; a < articles.size(); ++a) {
        Article& art = articles[a];
        const auto& stack = titles[a];
        if (!art.headline || stack.size() < 2) continue;
        bool old_style = true;
        for (const Located& t : stack) old_style = old_style && closed_by_full_stop(t.block->text);
        const Located& last = stack.back();
        const TextStyle* style = style_of(pages, last);
        if (!old_style || !style || last.block->kind == BlockKind::headline) continue;
        const TextStyle* above = style_of(pages, stack[stack.size() - 2]);
        if (!above || above->size <= style->size) continue;
        bool later = false;
        for (std::size_t b = a + 1; b < articles.size() && !later; ++b) {
            if (titles[b].size() != 1 || titles[b].front().page > last.page + 2) continue;
            const Located& head = titles[b].front();
            const TextStyle* s = style_of(pages, head);
            later = s && head.block->kind == BlockKind::headline &&
                    closed_by_full_stop(head.block->text) && s->family == style->family &&
                    std::abs(s->size - style->size) <= 0.05 * style->size;
        }
        if (!later) continue;
        std::string kicker;
        for (std::size_t k = 0; k + 1 < stack.size(); ++k) {
            kicker += (kicker.empty() ? "" : "\n") + stack[k].block->text;
            stack[k].block->kind = BlockKind::kicker;
        }
        art.kicker = kicker;
        art.headline = last.block->text;
        art.subtitle.reset();
        last.block->kind = BlockKind::headline;
    }
}

}  // namespace paperbag::layout
