#include "pdf/pdf_document.hpp"

#include <glib-object.h>
#include <poppler.h>

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

void install_error_handler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(keep_message, nullptr); });
}

std::string reason() {
    return last_poppler_message.empty() ? std::string()
                                        : " (poppler: " + last_poppler_message + ")";
}

void unref_glib(_PopplerDocument* document) {
    if (document != nullptr) g_object_unref(document);
}

}  // namespace

bool looks_like_pdf(std::string_view bytes) noexcept {
    return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

Document::Document(std::string_view bytes, std::string name, Limits limits)
    : bytes_(bytes), name_(std::move(name)), limits_(limits), glib_(nullptr, unref_glib) {
    install_error_handler();
    last_poppler_message.clear();
    if (bytes.size() > limits_.max_bytes || bytes.size() > static_cast<std::size_t>(INT_MAX))
        throw Error("PB-PDF-LIMIT", name_,
                    "PDF of " + std::to_string(bytes.size()) + " bytes is larger than the limit");
    if (!looks_like_pdf(bytes))
        throw Error("PB-PDF-DAMAGED", name_, "not a PDF file (no %PDF- header)");
    document_.reset(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!document_) throw Error("PB-PDF-DAMAGED", name_, "poppler cannot read this PDF" + reason());
    if (document_->is_locked())
        throw Error("PB-PDF-ENCRYPTED", name_,
                    "the PDF is encrypted and needs a password; paperbag reads only PDFs that "
                    "open without one");
    pages_ = document_->pages();
    if (pages_ <= 0) throw Error("PB-PDF-DAMAGED", name_, "the PDF has no pages" + reason());
    if (pages_ > limits_.max_pages)
        throw Error("PB-PDF-LIMIT", name_,
                    "the PDF has " + std::to_string(pages_) + " pages, more than the limit of " +
                        std::to_string(limits_.max_pages));
}

Document::~Document() = default;

std::unique_ptr<poppler::page> Document::page(int index) const {
    std::unique_ptr<poppler::page> page(document_->create_page(index));
    if (!page)
        throw Error("PB-PDF-DAMAGED", name_,
                    "cannot read page " + std::to_string(index + 1) + reason());
    const poppler::rectf box = page->page_rect(poppler::crop_box);
    if (!(box.width() > 0 && box.height() > 0))
        throw Error("PB-PDF-DAMAGED", name_,
                    "page " + std::to_string(index + 1) + " has an empty page box");
    if (box.width() > limits_.max_page_side || box.height() > limits_.max_page_side)
        throw Error("PB-PDF-LIMIT", name_,
                    "page " + std::to_string(index + 1) + " is larger than " +
                        std::to_string(static_cast<int>(limits_.max_page_side)) + " pt");
    return page;
}

_PopplerDocument* Document::glib() const {
    if (!glib_) {
        GBytes* bytes = g_bytes_new_static(bytes_.data(), bytes_.size());
        GError* error = nullptr;
        PopplerDocument* document = poppler_document_new_from_bytes(bytes, nullptr, &error);
        g_bytes_unref(bytes);  // the document holds its own reference
        if (document == nullptr) {
            std::string message = error != nullptr ? error->message : "unknown error";
            if (error != nullptr) g_error_free(error);
            throw Error("PB-PDF-DAMAGED", name_, "poppler-glib cannot read this PDF: " + message);
        }
        glib_.reset(document);
    }
    return glib_.get();
}

}  // namespace paperbag::pdf
