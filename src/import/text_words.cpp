#include "import/text_words.hpp"

#include "core/words.hpp"
#include "import/text_lines.hpp"

namespace paperbag::text {

namespace {

// The first decoded offset whose character starts at or after `original` in the file.
std::uint64_t decoded_offset(const DecodedText& decoded, std::uint64_t original) {
    std::uint64_t low = 0;
    std::uint64_t high = decoded.text.size();
    while (low < high) {
        const std::uint64_t middle = low + (high - low) / 2;
        if (decoded.map.original(middle) < original)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

}  // namespace

void add_printed_lines(Block& block, const DecodedText& decoded) {
    block.lines.clear();
    if (decoded.text.size() > max_page_text_for_words) return;
    for (const ByteRange& range : block.source) {
        const std::uint64_t from = decoded_offset(decoded, range.offset);
        const std::uint64_t to = decoded_offset(decoded, range.end());
        const std::string_view text = std::string_view(decoded.text).substr(from, to - from);
        for (const Line& line : split_lines(text)) {
            if (line.blank) continue;
            TextLine printed;
            for (const WordSpan& span : split_words(line.content)) {
                const std::uint64_t begin = from + line.begin + span.begin;
                const std::uint64_t end = from + line.begin + span.end;
                Word word;
                word.text = std::string(line.content.substr(span.begin, span.end - span.begin));
                const std::uint64_t original = decoded.map.original(begin);
                word.source = ByteRange{original, decoded.map.original(end) - original};
                printed.words.push_back(std::move(word));
            }
            if (!printed.words.empty()) block.lines.push_back(std::move(printed));
        }
    }
}

}  // namespace paperbag::text
