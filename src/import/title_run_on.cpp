#include "import/title_run_on.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace paperbag::text {

namespace {

// Words a headline line cannot end on: it goes on in the next line.
constexpr std::array<std::string_view, 26> run_on_words{
    "a",   "an",   "the",  "of",   "to",   "in",   "on",      "at",     "by",
    "for", "from", "with", "into", "upon", "over", "under",   "after",  "before",
    "and", "or",   "but",  "nor",  "as",   "than", "against", "between"};

bool latin_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

bool latin_title_runs_on(std::string_view title) {
    while (!title.empty() && std::isspace(static_cast<unsigned char>(title.back())))
        title.remove_suffix(1);
    std::size_t start = title.size();
    while (start > 0 && latin_letter(title[start - 1])) --start;
    // The last word must end the line (no punctuation after it) and be a word of its own.
    if (start == title.size() || (start > 0 && title[start - 1] != ' ')) return false;
    // A title of one word is no headline line that wrapped.
    if (title.substr(0, start).find_first_not_of(' ') == std::string_view::npos) return false;
    std::string word(title.substr(start));
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(run_on_words.begin(), run_on_words.end(), word) != run_on_words.end();
}

}  // namespace paperbag::text
