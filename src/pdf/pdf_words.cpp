#include "pdf/pdf_words.hpp"

#include <TextOutputDev.h>
#include <goo/GooString.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <tuple>

#include "paperbag/diagnostic.hpp"

namespace paperbag::pdf {

namespace {

bool contains_word(std::string_view name, std::string_view word) {
    auto lower = [](char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); };
    std::string a(name), b(word);
    std::transform(a.begin(), a.end(), a.begin(), lower);
    std::transform(b.begin(), b.end(), b.begin(), lower);
    return a.find(b) != std::string::npos;
}

// Decodes one UTF-8 sequence at text[i]; returns the code point (or -1 for invalid bytes)
// and advances i.
long next_code_point(std::string_view text, std::size_t& i) {
    const auto c = static_cast<unsigned char>(text[i]);
    int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (length == 0 || i + static_cast<std::size_t>(length) > text.size()) {
        ++i;
        return -1;
    }
    long cp = length == 1 ? c : c & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k) {
        const auto d = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
        if ((d & 0xC0) != 0x80) {
            ++i;
            return -1;
        }
        cp = (cp << 6) | (d & 0x3F);
    }
    i += static_cast<std::size_t>(length);
    return cp;
}

bool unmapped(long cp) {
    return cp < 0 || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xFFFD ||
           (cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000 || (cp >= 0xD800 && cp <= 0xDFFF);
}

std::string format_point(double v) {
    return std::to_string(static_cast<long>(std::lround(v)));
}

}  // namespace

TextStyle style_from_font(std::string_view font_name, double size) {
    TextStyle style;
    std::string_view name = font_name;
    if (name.size() > 7 && name[6] == '+' &&
        std::all_of(name.begin(), name.begin() + 6, [](char c) { return c >= 'A' && c <= 'Z'; }))
        name.remove_prefix(7);
    style.bold = contains_word(name, "bold") || contains_word(name, "black") ||
                 contains_word(name, "heavy") || contains_word(name, "semibold") ||
                 contains_word(name, "demi");
    style.italic = contains_word(name, "italic") || contains_word(name, "oblique");
    const auto cut = name.find_first_of("-,");
    style.family = std::string(name.substr(0, cut));
    // PDF font names are not always UTF-8 (legacy CJK producers use GBK, Big5 ...): keep the
    // ASCII name only, which is what ALTO's FONTFAMILY needs.
    if (!std::all_of(style.family.begin(), style.family.end(),
                     [](char c) { return c >= 0x20 && c < 0x7F; }))
        style.family.clear();
    style.size = std::round(size * 10) / 10;
    return style;
}

std::size_t mark_unmapped(std::string& text) {
    std::size_t count = 0;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        const long cp = next_code_point(text, i);
        if (unmapped(cp)) {
            ++count;
            out += "\xEF\xBF\xBD";
        } else {
            out.append(text, start, i - start);
        }
    }
    if (count > 0) text = std::move(out);
    return count;
}

PageWords extract_words(const PageCapture& capture, const std::string& file, int page_number,
                        std::size_t max_words, std::vector<Diagnostic>& warnings) {
    PageWords result;
    result.width = capture.width();
    result.height = capture.height();
    result.rules = capture.rules();
    const std::vector<const TextWord*>& words = capture.words();
    if (words.size() > max_words)
        throw Error("PB-PDF-LIMIT", file,
                    "page " + std::to_string(page_number) + " has " + std::to_string(words.size()) +
                        " words, more than the limit of " + std::to_string(max_words));
    // Styles are named once per font and size: a page has thousands of words and a few fonts.
    std::map<std::tuple<std::string, double, bool, bool>, int> style_index;
    std::map<std::pair<const TextFontInfo*, double>, int> font_style;
    struct Unmapped {
        std::size_t count = 0;
        Box first;
    };
    std::map<std::string, Unmapped> unmapped_by_font;
    result.words.reserve(words.size());
    for (const TextWord* source : words) {
        double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
        source->getBBox(&x1, &y1, &x2, &y2);
        if (!std::isfinite(x1) || !std::isfinite(y1) || !std::isfinite(x2) || !std::isfinite(y2))
            continue;
        PdfWord word;
        word.box = Box{x1, y1, x2 - x1, y2 - y1};
        const std::unique_ptr<GooString> text(source->getText());
        if (text) word.text = text->toStr();
        const TextFontInfo* font_info = source->getLength() > 0 ? source->getFontInfo(0) : nullptr;
        const GooString* font_name = font_info != nullptr ? font_info->getFontName() : nullptr;
        const std::string font = font_name != nullptr ? font_name->toStr() : std::string();
        word.size = source->getFontSize();
        if (!std::isfinite(word.size) || word.size < 0) word.size = 0;
        word.vertical =
            (font_info != nullptr && font_info->getWMode() == 1) || source->getRotation() % 2 == 1;
        word.space_after = source->hasSpaceAfter();
        const std::size_t bad = mark_unmapped(word.text);
        if (bad > 0) {
            Unmapped& u = unmapped_by_font[font];
            if (u.count == 0) u.first = word.box;
            u.count += bad;
        }
        if (word.text.empty()) continue;
        auto [known, fresh] = font_style.emplace(std::make_pair(font_info, word.size), 0);
        if (fresh) {
            const TextStyle style = style_from_font(font, word.size);
            const auto key = std::make_tuple(style.family, style.size, style.bold, style.italic);
            auto [it, added] = style_index.emplace(key, static_cast<int>(result.styles.size()));
            if (added) result.styles.push_back(style);
            known->second = it->second;
        }
        word.style = known->second;
        if (word.size <= 0) word.size = std::max(word.vertical ? x2 - x1 : y2 - y1, 1.0);
        result.words.push_back(std::move(word));
    }
    for (const auto& [font, u] : unmapped_by_font) {
        std::string printable = font;
        for (char& c : printable)
            if (c < 0x20 || c >= 0x7F) c = '?';
        const std::string font_name = font.empty() ? "an unnamed font" : "font '" + printable + "'";
        Diagnostic d =
            make_warning("PB-PDF-UNMAPPED", file, 0,
                         "page " + std::to_string(page_number) + ": " + std::to_string(u.count) +
                             " character(s) in " + font_name +
                             " have no usable Unicode mapping (no ToUnicode map, or Type 3 "
                             "glyphs), first at x=" +
                             format_point(u.first.hpos) + " y=" + format_point(u.first.vpos) +
                             " pt; they are kept as U+FFFD");
        warnings.push_back(std::move(d));
    }
    return result;
}

}  // namespace paperbag::pdf
