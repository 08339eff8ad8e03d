#include "import/english_heads.hpp"

#include "import/text_repair.hpp"

namespace paperbag::text {

namespace {

// Two words of Latin letters or more, and no lower-case letter.
bool set_in_capitals(std::string_view t) {
    std::size_t words = 0;
    bool in_word = false;
    for (const char c : t) {
        if (c >= 'a' && c <= 'z') return false;
        if (static_cast<unsigned char>(c) >= 0x80) return false;  // not plain Latin text
        const bool letter = c >= 'A' && c <= 'Z';
        if (letter && !in_word) ++words;
        in_word = letter || (in_word && (c == '\'' || c == '-' || c == '.'));
    }
    return words >= 2;
}

}  // namespace

bool caps_headline_after_item(std::string_view title, std::string_view before) {
    const std::string_view t = trim(title);
    const std::string_view b = trim(before);
    if (t.empty() || b.empty()) return false;
    return set_in_capitals(t) && is_sentence_end(b);
}

bool latin_caps_line(std::string_view line) {
    bool letters = false;
    for (const char c : line) {
        if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) return false;
        letters = letters || (c >= 'A' && c <= 'Z');
    }
    return letters;
}

bool sentence_case_line(std::string_view line) {
    std::size_t lower_words = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t j = i;
        while (j < line.size() && line[j] >= 'a' && line[j] <= 'z') ++j;
        const bool word_start = i == 0 || line[i - 1] == ' ';
        if (j - i >= 4 && word_start) ++lower_words;
        i = j > i ? j : i + 1;
    }
    return lower_words >= 3;
}

bool caps_title_over_line(std::string_view title_lines, std::string_view next) {
    const std::string_view n = trim(next);
    if (n.empty() || latin_caps_line(n) || static_cast<unsigned char>(n[0]) >= 0x80 ||
        (n[0] >= 'a' && n[0] <= 'z'))
        return false;
    return set_in_capitals(trim(title_lines)) && !is_sentence_end(trim(title_lines));
}

bool latin_dispatch(std::string_view dateline) {
    std::string_view t = trim(dateline);
    if (t.ends_with("\xE2\x80\x94")) t.remove_suffix(3);  // the dash after it: —
    if (t.empty() || !(t[0] >= 'A' && t[0] <= 'Z')) return false;
    for (const char c : t)
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
}

bool title_runs_into_body(std::string_view title, std::string_view next_body) {
    const std::string_view t = trim(title);
    const std::string_view b = trim(next_body);
    if (t.empty() || b.empty() || !(b[0] >= 'a' && b[0] <= 'z')) return false;
    // Latin text that starts like a title line.
    if (static_cast<unsigned char>(t[0]) >= 0x80 || (t[0] >= 'a' && t[0] <= 'z')) return false;
    bool lower = false;
    for (const char c : t) lower = lower || (c >= 'a' && c <= 'z');
    return lower && !is_sentence_end(t);
}

}  // namespace paperbag::text
