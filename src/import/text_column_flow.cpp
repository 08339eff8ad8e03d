#include "import/text_column_flow.hpp"

#include <array>

namespace paperbag::text {

namespace {

// The line ends with punctuation that may end a paragraph (closing quotes and brackets
// after it allowed).
bool ends_sentence(std::string_view s) {
    // " ' ) ] ” ’ ） 」 』 》
    static constexpr std::array<std::string_view, 10> closers{"\"",
                                                              "'",
                                                              ")",
                                                              "]",
                                                              "\xE2\x80\x9D",
                                                              "\xE2\x80\x99",
                                                              "\xEF\xBC\x89",
                                                              "\xE3\x80\x8D",
                                                              "\xE3\x80\x8F",
                                                              "\xE3\x80\x8B"};
    // . ! ? : 。 ！ ？ ：
    static constexpr std::array<std::string_view, 8> enders{
        ".", "!", "?", ":", "\xE3\x80\x82", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xEF\xBC\x9A"};
    for (bool trimmed = true; trimmed && !s.empty();) {
        trimmed = false;
        for (std::string_view c : closers)
            if (s.size() >= c.size() && s.substr(s.size() - c.size()) == c) {
                s.remove_suffix(c.size());
                trimmed = true;
                break;
            }
    }
    for (std::string_view e : enders)
        if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
    return false;
}

}  // namespace

bool paragraph_runs_on(std::string_view last_line, bool full, std::string_view next_first) {
    if (last_line.empty() || next_first.empty() || ends_sentence(last_line)) return false;
    const auto first = static_cast<unsigned char>(next_first.front());
    const bool lower = first >= 'a' && first <= 'z';
    return full || lower;
}

}  // namespace paperbag::text
