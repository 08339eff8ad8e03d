#include "import/fragment_join.hpp"

#include <cmath>
#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "import/headline_link.hpp"
#include "import/text_repair.hpp"

namespace paperbag::text {

namespace {

bool ideograph(char32_t c) {
    return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC);
}

void append_utf8(std::string& out, char32_t c) {
    char buffer[U8_MAX_LENGTH];
    std::int32_t length = 0;
    U8_APPEND_UNSAFE(buffer, length, static_cast<UChar32>(c));
    out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace

bool junction_joins(std::string_view tail, std::string_view block, std::string_view context) {
    const std::string_view t = trim(tail);
    const char32_t a = last_char(t);
    const char32_t b = first_char(block);
    if (ideograph(a) && ideograph(b)) {
        std::string gram;
        append_utf8(gram, a);
        append_utf8(gram, b);
        return context.find(gram) != std::string_view::npos;
    }
    // A Latin word hyphenated at the column break: "ex-" + "pected".
    return a == U'-' && u_islower(static_cast<UChar32>(b));
}

bool starts_inside_sentence(std::string_view text, double first_width, double width,
                            bool several_lines) {
    const char32_t c = first_char(text);
    if (u_islower(static_cast<UChar32>(c))) return true;
    return ideograph(c) && several_lines && first_width > 0 && first_width + 1.0 >= width;
}

double continuation_score(const Fragment& fragment, const OpenArticle& article) {
    // Title lines read as body (no title above, no clause punctuation anywhere) are no
    // article to go on with.
    if (!article.headed && !has_clause_punct(article.text)) return -1;
    if (fragment.measure > 0 && article.measure > 0 &&
        std::abs(fragment.measure - article.measure) > fragment_measure)
        return -1;
    const NgramProfile block(fragment.text);
    double score = block.size() > 0 ? overlap(block, NgramProfile(article.text)) : 0.0;
    if (junction_joins(article.tail, fragment.text, article.text) ||
        junction_joins(article.tail, fragment.text, fragment.text))
        score += junction_bonus;
    return score;
}

int continued_article(const Fragment& fragment, const std::vector<OpenArticle>& candidates,
                      const OpenArticle* here, double floor, double margin) {
    double best =
        here != nullptr ? std::max(0.0, continuation_score(fragment, *here)) + margin : 0.0;
    best = std::max(best, floor);
    int chosen = -1;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const double s = continuation_score(fragment, candidates[k]);
        if (s > best) {
            best = s;
            chosen = static_cast<int>(k);
        }
    }
    return chosen;
}

}  // namespace paperbag::text
