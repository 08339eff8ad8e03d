#include "pdf/pdf_document.hpp"

#include <ErrorCodes.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Page.h>
#include <Stream.h>

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <climits>
#include <mutex>

#include "paperbag/diagnostic.hpp"

namespace paperbag::pdf {

namespace {

// poppler reports what it repairs or skips through one process-wide callback. paperbag keeps
// the last message of the thread (to explain a failure) instead of letting poppler print to
// stderr.
thread_local std::string last_poppler_message;

void keep_message(const std::string& message, void*) {
    last_poppler_message = message;
}

void keep_core_message(ErrorCategory, Goffset position, const char* message) {
    last_poppler_message =
        (position >= 0 ? "error (" + std::to_string(position) + "): " : std::string("error: ")) +
        (message != nullptr ? message : "");
}

void install_error_handler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(keep_message, nullptr); });
}

std::string reason() {
    return last_poppler_message.empty() ? std::string()
                                        : " (poppler: " + last_poppler_message + ")";
}

}  // namespace

bool looks_like_pdf(std::string_view bytes) noexcept {
    return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

Document::Document(std::string_view bytes, std::string name, Limits limits)
    : bytes_(bytes), name_(std::move(name)), limits_(limits) {
    install_error_handler();
    last_poppler_message.clear();
    if (bytes.size() > limits_.max_bytes || bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw Error("PB-PDF-LIMIT", name_,
                    "PDF of " + std::to_string(bytes.size()) + " bytes is larger than the limit");
    if (!looks_like_pdf(bytes))
        throw Error("PB-PDF-DAMAGED", name_, "not a PDF file (no %PDF- header)");
    // The first user of poppler's global state sets the error callback; the C++ API, opened
    // later for rendering, shares it.
    params_ = std::make_unique<GlobalParamsIniter>(keep_core_message);
    core_ = std::make_unique<PDFDoc>(
        new MemStream(bytes_.data(), 0, static_cast<Goffset>(bytes_.size()), Object()));
    if (!core_->isOk()) {
        if (core_->getErrorCode() == errEncrypted)
            throw Error("PB-PDF-ENCRYPTED", name_,
                        "the PDF is encrypted and needs a password; paperbag reads only PDFs "
                        "that open without one");
        throw Error("PB-PDF-DAMAGED", name_, "poppler cannot read this PDF" + reason());
    }
    pages_ = core_->getNumPages();
    if (pages_ <= 0) throw Error("PB-PDF-DAMAGED", name_, "the PDF has no pages" + reason());
    if (pages_ > limits_.max_pages)
        throw Error("PB-PDF-LIMIT", name_,
                    "the PDF has " + std::to_string(pages_) + " pages, more than the limit of " +
                        std::to_string(limits_.max_pages));
}

Document::~Document() = default;

Document::PageSize Document::page_size(int index) const {
    Page* page = index >= 0 && index < pages_ ? core_->getPage(index + 1) : nullptr;
    if (page == nullptr)
        throw Error("PB-PDF-DAMAGED", name_,
                    "cannot read page " + std::to_string(index + 1) + reason());
    const PDFRectangle* box = page->getCropBox();
    PageSize size{box->x2 - box->x1, box->y2 - box->y1};
    if (!(size.width > 0 && size.height > 0))
        throw Error("PB-PDF-DAMAGED", name_,
                    "page " + std::to_string(index + 1) + " has an empty page box");
    if (size.width > limits_.max_page_side || size.height > limits_.max_page_side)
        throw Error("PB-PDF-LIMIT", name_,
                    "page " + std::to_string(index + 1) + " is larger than " +
                        std::to_string(static_cast<int>(limits_.max_page_side)) + " pt");
    if (page->getRotate() == 90 || page->getRotate() == 270) std::swap(size.width, size.height);
    return size;
}

std::unique_ptr<poppler::page> Document::page(int index) const {
    page_size(index);
    if (!cpp_) {
        cpp_.reset(
            poppler::document::load_from_raw_data(bytes_.data(), static_cast<int>(bytes_.size())));
        if (!cpp_ || cpp_->is_locked())
            throw Error("PB-PDF-DAMAGED", name_, "poppler cannot read this PDF" + reason());
    }
    std::unique_ptr<poppler::page> page(cpp_->create_page(index));
    if (!page)
        throw Error("PB-PDF-DAMAGED", name_,
                    "cannot read page " + std::to_string(index + 1) + reason());
    return page;
}

}  // namespace paperbag::pdf
