// A PDF held in memory and opened with poppler, with the limits that keep a hostile file from
// taking unbounded time or memory.
//
// poppler's core (PDFDoc, through libpoppler-private-dev) reads the pages' words and image
// areas in one pass (page_capture.hpp); its C++ API (poppler-cpp) renders pages, and is opened
// only when a page is rendered. Both borrow the caller's bytes; the document must not outlive
// them. paperbag never parses PDF itself: poppler does.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace poppler {
class document;
class page;
}  // namespace poppler

class GlobalParamsIniter;
class PDFDoc;

namespace paperbag::pdf {

// What a PDF may ask for before paperbag refuses it. A page beyond a limit is an error
// naming the file and the page, never a crash or an endless wait.
struct Limits {
    std::size_t max_bytes = std::size_t{2} << 30;  // the file
    int max_pages = 5000;                          // pages of one document
    double max_page_side = 14400;                  // points (200 in, the PDF maximum)
    std::size_t max_words = 200000;                // words on one page
    std::size_t max_images = 10000;                // image areas on one page
};

class Document {
public:
    // Opens `bytes` (which must stay alive as long as the document); `name` is the file name
    // used in messages. Throws Error: PB-PDF-DAMAGED when poppler cannot read it,
    // PB-PDF-ENCRYPTED when it needs a password, PB-PDF-LIMIT when it exceeds `limits`.
    Document(std::string_view bytes, std::string name, Limits limits = {});
    ~Document();
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    const std::string& name() const noexcept { return name_; }
    const Limits& limits() const noexcept { return limits_; }
    int pages() const noexcept { return pages_; }

    // The size of page `index` (0-based) in points: its crop box, turned by its /Rotate.
    // Throws Error (PB-PDF-DAMAGED) when poppler cannot load the page or its box is empty, and
    // PB-PDF-LIMIT when it is larger than the limits allow.
    struct PageSize {
        double width = 0;
        double height = 0;
    };
    PageSize page_size(int index) const;

    // poppler's core document, for page_capture.hpp.
    PDFDoc& core() const noexcept { return *core_; }

    // Page `index` through the C++ API (for rendering; the API is opened on first use), after
    // the same checks as page_size().
    std::unique_ptr<poppler::page> page(int index) const;

private:
    std::string_view bytes_;
    std::string name_;
    Limits limits_;
    std::unique_ptr<GlobalParamsIniter> params_;  // poppler's global state, while in use
    std::unique_ptr<PDFDoc> core_;
    mutable std::unique_ptr<poppler::document> cpp_;
    int pages_ = 0;
};

// True when `bytes` start like a PDF ("%PDF-" within the first 1024 bytes, as readers allow).
bool looks_like_pdf(std::string_view bytes) noexcept;

}  // namespace paperbag::pdf
