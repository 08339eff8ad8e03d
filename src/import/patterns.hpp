// The pattern tables of the segmenter: how a newspaper writes datelines, bylines,
// signatures, photo credits and continuation lines.
//
// Each convention is one row: a kind, an ICU regular expression with named groups, and a
// note. Chinese rows live in patterns_zh.cpp, English rows in patterns_en.cpp; adding a
// newspaper's habits means adding rows there (see docs/segmentation.md). The code never
// tests for a particular string outside these tables.
//
// Named groups the segmenter reads: "page" (page label of a continuation), "key" (jump
// keyword, "BUDGET"), "name" (person), "names" (one or more persons), "role" (role word),
// "title" (a byline's printed title line).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace paperbag::text {

enum class PatternKind {
    dateline,  // at the start of a paragraph: 本报讯, 新华社北京5月15日电, "GENEVA, March 17 (X) —"
    byline_bracket,  // right after a dateline: （记者 李雅萍 通讯员 武姝君）
    byline_line,   // a paragraph that is only a byline: □ 本报记者 罗丽, By Dana Whitfield
    byline_title,  // the line after an English byline: Courier Staff Writer
    continuation_to,    // at the end of a paragraph: （下转2版）, Continued on Page A2
    continuation_from,  // at the start of a paragraph: （上接1版）, BUDGET, from Page A1
    signature,          // a paragraph that is only a signature: （刘锦云）, — Staff report
    credit,             // at the end of a caption: 侯利军 摄, Photo: Luis Moreno
    subtitle,           // at the start of a title line: ——
    caption_lead,       // at the start of a caption without credit: 图为, 图：, Pictured:
    caption_tail,       // at the end of a caption without credit: （图）, (Photo)
    end_mark,           // at the end of an article's last paragraph: （完）, -30-
    furniture,  // a whole line that is page furniture: 1995年6月9日 星期五, 第6版 国际, 广告
    separator,  // a whole line that separates items: "o o", "* * *"
};

// A role word inside a byline and the role it gives: "本报记者" -> "reporter".
struct RoleRow {
    const char* word;
    const char* role;
};

struct PatternRow {
    PatternKind kind;
    const char* regex;  // ICU syntax; anchored by the segmenter as the kind requires
    const char* note;   // what it is for, with an example
};

// The tables (defined in patterns_zh.cpp and patterns_en.cpp).
std::span<const PatternRow> chinese_patterns();
std::span<const RoleRow> chinese_roles();
std::span<const PatternRow> english_patterns();
std::span<const RoleRow> english_roles();
std::span<const PatternRow> german_patterns();  // patterns_de.cpp
std::span<const RoleRow> german_roles();
std::span<const PatternRow> french_patterns();  // patterns_fr.cpp
std::span<const RoleRow> french_roles();

// A match: [begin, end) are byte offsets in the searched UTF-8 text.
struct PatternMatch {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string page;
    std::string key;
    std::string name;
    std::string names;
    std::string role;
    std::string title;
};

// The compiled tables. Compiling is done once (see patterns()); matching is thread-safe.
class PatternSet {
public:
    PatternSet(std::span<const PatternRow> rows, std::span<const RoleRow> roles);
    ~PatternSet();
    PatternSet(const PatternSet&) = delete;
    PatternSet& operator=(const PatternSet&) = delete;

    // Matches of `kind` at the start of `text` (leading white space allowed).
    std::optional<PatternMatch> at_start(PatternKind kind, std::string_view text) const;
    // Matches of `kind` that end at the end of `text` (trailing white space allowed).
    std::optional<PatternMatch> at_end(PatternKind kind, std::string_view text) const;
    // Matches of `kind` that cover all of `text` (surrounding white space allowed).
    std::optional<PatternMatch> whole(PatternKind kind, std::string_view text) const;

    // Splits a byline text ("记者 李雅萍 通讯员 武姝君") at role words into (role word, role,
    // names) triples, in order.
    struct RolePart {
        std::string word;
        std::string role;
        std::string names;
    };
    std::vector<RolePart> split_roles(std::string_view text) const;

private:
    struct Compiled;
    std::vector<std::unique_ptr<Compiled>> compiled_;
    std::vector<RoleRow> roles_;
    std::optional<PatternMatch> run(PatternKind kind, std::string_view text, int anchor) const;
    std::optional<PatternMatch> run_plain(PatternKind kind, std::string_view text,
                                          int anchor) const;
};

// The page label a continuation marker names, as the page is labelled: Chinese numerals and
// full-width digits become ASCII digits ("四" -> "4", "十二" -> "12", "２" -> "2"); anything
// else ("A2") is kept as printed.
std::string page_label(std::string_view printed);

// The pattern set for a BCP 47 language: "zh*" -> Chinese, "en*" -> English, "de*" / "lb*"
// -> German, "fr*" -> French, anything else -> the Chinese and English tables.
const PatternSet& patterns_for(std::string_view language);

}  // namespace paperbag::text
