// The issue model: plain value types that every stage of paperbag shares.
//
// An importer fills an Issue from input files (the manifest reader fills the metadata and the
// pages; a page importer and the segmenter add blocks, articles and illustrations); writers
// turn it into METS/MODS/PREMIS, ALTO and NewsML-G2; the packager adds it to a bundle.
// Nothing here does I/O. Data flows one way: input -> model -> writers -> validator -> bundle.
//
// Ids are deterministic: the same input gives the same ids (see paperbag/ids.hpp).
#pragma once

#include <compare>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

// A calendar date. Valid only when it is a real date of the proleptic Gregorian calendar
// (2022-02-29 is not).
struct Date {
    int year = 0;
    unsigned month = 0;  // 1..12
    unsigned day = 0;    // 1..31

    bool valid() const noexcept;
    // "YYYY-MM-DD".
    std::string to_string() const;
    // Parses exactly "YYYY-MM-DD" and returns nothing unless the result is a real date.
    static std::optional<Date> parse(std::string_view text);

    friend auto operator<=>(const Date&, const Date&) = default;
};

// What a file of a page is for.
enum class FileRole { text, ocr, image, pdf };
std::string_view to_string(FileRole role);
std::optional<FileRole> parse_file_role(std::string_view text);

// One file that belongs to a page, as the manifest names it.
struct PageFile {
    FileRole role = FileRole::text;
    std::string href;            // relative to the issue folder, '/'-separated, as in issue.xml
    std::filesystem::path path;  // where it is on disk (empty for in-memory input)
    std::string mime_type;       // "text/plain", "image/jpeg", ...
    std::string encoding;        // text files: the declared encoding; empty means detect
    std::uint64_t size = 0;      // bytes; filled when the file is read
    std::string sha256;          // lower-case hex of the bytes; filled when the file is read
    // PDF: the 1-based page of a multi-page PDF that this page is; 0: the file is the page.
    int pdf_page = 0;
};

// A range of bytes in the original (untouched) page text file.
struct ByteRange {
    std::uint64_t offset = 0;
    std::uint64_t length = 0;

    std::uint64_t end() const noexcept { return offset + length; }
    friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

// Coordinates on the page image, in the unit of the input (ALTO: 1/10 mm or pixels).
// Present only when the input had them; paperbag never invents coordinates.
struct Box {
    double hpos = 0;
    double vpos = 0;
    double width = 0;
    double height = 0;
};

// A font as an input states it (PDF font, ALTO TextStyle, hOCR x_font/x_fsize). Pages keep
// their styles in a table; words and blocks refer to them by index.
struct TextStyle {
    std::string family;  // "Noto Serif CJK SC", "Times"; may be empty
    double size = 0;     // in points; 0 when unknown
    bool bold = false;
    bool italic = false;
    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

// A word (ALTO String) of a printed line. Geometry and confidence only when the input has
// them; page text sets `source` to the word's bytes in the original file.
struct Word {
    std::string text;
    std::optional<Box> box;
    std::optional<ByteRange> source;
    double confidence = -1;  // 0..1 as the OCR engine stated it; -1 when not stated
    int style = -1;          // index into Page::styles, -1 when unknown
};

// A printed line of a block (ALTO TextLine). Empty `words` never occurs.
struct TextLine {
    std::optional<Box> box;
    std::vector<Word> words;
};

// A non-text region of a page: a photo or graphic, or a printed rule between columns or
// articles. Only from inputs with geometry.
struct Graphic {
    enum class Kind { illustration, rule };
    Kind kind = Kind::illustration;
    std::string id;  // unique within the issue and a valid XML ID
    Box box;
};

// What a block of text on a page is.
enum class BlockKind {
    body,          // running text of an article
    headline,      // 主题, the main title
    kicker,        // 引题, overline above the headline
    subtitle,      // 副题, deck below the headline, often starting with "——"
    byline,        // 本报记者 X, By X
    dateline,      // 本报讯, 新华社北京5月15日电, "BEIJING, May 15 (Xinhua) --"
    intertitle,    // 小标题, crosshead inside an article
    caption,       // photo caption
    credit,        // photo credit: X 摄, Photo: X
    continuation,  // (下转2版), (上接1版), Continued on Page 4
    signature,     // （刘锦云） at the end of an article
    furniture,     // page furniture: folio, running head, ads
    unknown,
};
std::string_view to_string(BlockKind kind);

// A run of text on one page that has one function. Every byte of a page's text ends up in
// exactly one block.
struct Block {
    std::string id;  // unique within the issue and a valid XML ID, e.g. "p1-b0007"
    BlockKind kind = BlockKind::unknown;
    std::string text;               // repaired text (lines re-joined, spacing fixed)
    std::vector<ByteRange> source;  // where it is in the page's text file, in order
    std::uint64_t first_line = 0;   // 1-based line range in the text file, 0 if unknown
    std::uint64_t last_line = 0;
    std::optional<Box> box;  // only when the input has coordinates
    std::string language;    // BCP 47; empty means the issue's language
    // The printed lines and words, when the importer knows them (with boxes where the input
    // has geometry, with byte ranges for page text). Empty: writers split `text` themselves.
    std::vector<TextLine> lines;
    int style = -1;          // index into Page::styles of the block's main font, -1 if unknown
    double confidence = -1;  // OCR confidence 0..1 when the input states one
};

// A person or agency named in a byline, with a role: "reporter" (本报记者, By),
// "correspondent" (通讯员), "agency" (新华社), "photographer" (摄), "author".
struct Byline {
    std::string name;
    std::string role;
    std::string
        text;  // as printed, repaired: "本报记者 罗丽", "ROBERT OKAFOR, Courier Staff Writer"
    friend bool operator==(const Byline&, const Byline&) = default;
};

// One paragraph of an article body in reading order; intertitles stand where they were.
struct Paragraph {
    enum class Kind { text, intertitle };
    Kind kind = Kind::text;
    std::string text;
    std::string block_id;  // the block it came from
};

// An article, possibly spanning pages (a continuation links its parts into one article).
struct Article {
    std::string id;  // unique within the issue, in page order: "art-001"
    std::optional<std::string> kicker;
    std::optional<std::string> headline;  // nothing when the page does not print one
    std::optional<std::string> subtitle;
    std::vector<Byline> bylines;
    std::optional<std::string> dateline;
    std::vector<Paragraph> body;
    std::optional<std::string> signature;
    std::optional<std::string> continued_on;    // page label the article jumps to
    std::optional<std::string> continued_from;  // page label it comes from
    std::vector<std::string> pages;             // labels of the pages it is on, in order
    std::vector<std::string> block_ids;         // every block that belongs to it, in order
    double headline_confidence = 0;    // 1 when the headline stood above its text; less when
                                       // it was linked back from elsewhere on the page
    std::string language;              // BCP 47; empty means the issue's language
    std::vector<Diagnostic> warnings;  // what a reviewer should check, and why
    std::string source_path;           // text file of its first part, for messages
    std::uint64_t first_line = 0;      // where it starts in that file (1-based)

    // The text paragraphs (not intertitles) joined with '\n'.
    std::string body_text() const;
    std::vector<std::string> intertitles() const;
};

// A photo or graphic with its caption and credit.
struct Illustration {
    std::string id;                       // unique within the issue: "ill-001"
    std::optional<std::string> headline;  // a photo item's own title, when it has one
    std::string caption;
    std::optional<std::string> credit;
    std::vector<std::string> pages;
    std::vector<std::string> block_ids;
    std::vector<std::string> graphic_ids;  // Page::graphics that show it, when known
    std::string article_id;                // the article it illustrates, when known
    std::vector<Diagnostic> warnings;
};

struct Page {
    int sequence = 0;     // 1-based position in the issue
    std::string label;    // as printed: "1", "A3"
    std::string section;  // "要闻", "Local"; may be empty
    std::vector<PageFile> files;
    std::vector<Block> blocks;  // filled by the importer, in reading order
    // Geometry of the page when the input has it (PDF, ALTO, hOCR, PAGE): its size and the
    // unit of every Box on the page ("pt" for PDF, "pixel", "mm10", "inch1200" as ALTO
    // states it). Zero size and empty unit for page text.
    double width = 0;
    double height = 0;
    std::string unit;
    std::vector<TextStyle> styles;  // fonts referred to by Word::style and Block::style
    std::vector<Graphic> graphics;  // photos and rules, in reading order
    std::string encoding;           // the text file's encoding as read ("UTF-8", "GB18030", ...)
    // Page-level findings: decoding problems, headline blocks that match no article.
    std::vector<Diagnostic> warnings;

    // The first file with this role, or nullptr.
    const PageFile* file(FileRole role) const noexcept;
};

// A preservation event recorded about the issue (PREMIS), as read back from a bundle's METS:
// "validation" with outcome "success" at 2024-03-18T00:00:00Z.
struct RecordedEvent {
    std::string type;       // "ingestion", "metadata extraction", "validation", "packing"
    std::string date_time;  // ISO 8601 as recorded
    std::string outcome;    // "success", "warning", "failure"
    std::string detail;
};

// An identifier of the publication or issue: type is "issn", "cn", "lccn", "local", ...
struct Identifier {
    std::string type;
    std::string value;
    friend bool operator==(const Identifier&, const Identifier&) = default;
};

struct Issue {
    std::string title;  // publication title
    std::vector<Identifier> identifiers;
    std::string publisher;
    std::string place;
    std::vector<std::string> languages;  // BCP 47, first is the main one
    Date date;
    std::string volume;
    std::string number;
    std::string edition;
    std::vector<Page> pages;  // in sequence order
    std::vector<Article> articles;
    std::vector<Illustration> illustrations;
    std::filesystem::path folder;       // the issue folder, when read from one
    std::vector<RecordedEvent> events;  // provenance, when read back from a bundle

    // The value of the first identifier of this type, or nullptr.
    const std::string* identifier(std::string_view type) const noexcept;
    // languages.front(), or "und" when none is given.
    std::string language() const;
    // The page with this label, or nullptr.
    const Page* page_by_label(std::string_view label) const noexcept;
    // The block with this id on any page, or nullptr. Linear: callers that look up many
    // blocks build their own index.
    const Block* block(std::string_view id) const noexcept;
};

}  // namespace paperbag
