// The part every OCR reader shares: collecting regions, lines, words and graphics while a file
// is read, checking every number that comes from it, and finishing the page (boxes clipped to
// the page, region boxes, confidences and main styles filled in, the file's reading order
// applied). Readers call it in document order; it never sees XML.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ocr/ocr_page.hpp"

namespace paperbag::ocr::detail {

// A finite decimal number ("12", "-3.5", "1e3"; surrounding spaces allowed), or nothing.
std::optional<double> parse_number(std::string_view text);

class PageBuilder {
public:
    PageBuilder(const ReadOptions& options, OcrPage& out);

    // The page's size as the file states it (0 or invalid: taken from the content).
    void set_page_size(std::optional<double> width, std::optional<double> height,
                       std::uint64_t line);

    // A checked box: nothing (and a warning counted) when a number is missing, not finite,
    // negative in size or beyond 10^7 units.
    std::optional<Box> make_box(std::optional<double> x, std::optional<double> y,
                                std::optional<double> w, std::optional<double> h,
                                std::uint64_t line);

    // Index into the page's style table of `style`, added when new.
    int style_index(const TextStyle& style);

    void begin_region(std::string source_id, std::optional<Box> box, layout::RegionHint hint,
                      std::string language, std::uint64_t line);
    void end_region();
    bool in_region() const noexcept { return open_region_; }

    void begin_line(std::optional<Box> box);
    void end_line();

    // Adds a word to the open line (a line and region are opened when none is). Words whose
    // text is empty after trimming are ignored. `id` may be empty.
    void add_word(Word word, std::string_view id, std::uint64_t line);
    // Records a word ID for the open region without adding a word (the second half of a
    // hyphenated word, whose text the first half carries).
    void note_word_id(std::string_view id);
    // The last word added, or nullptr (for HYP handling).
    Word* last_word() noexcept;

    void add_graphic(Graphic::Kind kind, std::optional<Box> box);

    // Remembers that the element `id` (a line) belongs to the open region, so that a reading
    // order naming lines can place the region.
    void note_element(std::string id);

    // Reading order given by the file: region source ids (or ids of groups of regions) in
    // order. Regions it does not name follow in document order.
    void set_reading_order(const std::vector<std::string>& ids);

    // Finishes the page; the builder must not be used afterwards.
    void finish();

private:
    const ReadOptions& options_;
    OcrPage& out_;
    std::vector<bool> box_given_;  // per region: the file stated its box
    bool open_region_ = false;
    bool open_line_ = false;
    std::size_t words_ = 0;
    std::size_t dropped_boxes_ = 0;
    std::uint64_t first_dropped_line_ = 0;
    std::vector<std::string> order_;
    std::vector<std::pair<std::string, std::size_t>> elements_;
    bool order_given_ = false;
};

}  // namespace paperbag::ocr::detail
