#include "paperbag/page_import.hpp"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <set>

#include "core/unicode.hpp"
#include "import/continuation_link.hpp"
#include "import/mets_issue.hpp"
#include "import/ocr_import.hpp"
#include "import/segment_page.hpp"
#include "import/text_decode.hpp"
#include "import/text_words.hpp"
#include "io/file.hpp"
#include "layout/layout_page.hpp"
#include "layout/page_runs.hpp"
#include "paperbag/ids.hpp"
#include "pdf/pdf_document.hpp"
#include "pdf/pdf_import.hpp"
#include "pdf/pdf_page.hpp"

namespace paperbag {

namespace {

// Traditional script: at least 1 in 20 of the first 2,000 ideographs changes under ICU's
// Traditional-to-Simplified transform (simplified text does not change at all).
bool traditional_script(std::string_view text) {
    thread_local std::unique_ptr<icu::Transliterator> to_simplified = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(
            icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    if (!to_simplified) return false;
    icu::UnicodeString ideographs;
    const icu::UnicodeString all = icu::UnicodeString::fromUTF8(text.substr(0, 65536));
    for (std::int32_t i = 0; i < all.length() && ideographs.length() < 2000;) {
        const UChar32 c = all.char32At(i);
        if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) ideographs.append(c);
        i += U16_LENGTH(c);
    }
    icu::UnicodeString simplified = ideographs;
    to_simplified->transliterate(simplified);
    std::int32_t changed = 0;
    const std::int32_t n = std::min(ideographs.length(), simplified.length());
    for (std::int32_t i = 0; i < n; ++i) changed += ideographs[i] != simplified[i];
    return n > 0 && changed * 20 >= n;
}

// "zh-Hans" (or "zh-Hant" in traditional script) when a good share of the letters are CJK
// ideographs, else "en".
std::string guess_language(std::string_view text) {
    std::size_t wide = 0;
    std::size_t ascii_letters = 0;
    for (std::size_t i = 0; i < text.size() && i < 65536; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0xE4 && c <= 0xE9) ++wide;
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ++ascii_letters;
    }
    if (wide * 2 <= ascii_letters / 4) return "en";
    return traditional_script(text) ? "zh-Hant" : "zh-Hans";
}

// An ALTO, hOCR or PAGE file, from its first bytes.
bool is_ocr_file(const std::filesystem::path& path) {
    const std::string head = read_head(path, 4096);
    return ocr::sniff(head).has_value();
}

std::string display_name(const PageFile& file) {
    return file.href.empty() ? file.path.filename().string() : file.href;
}

// A page file is a PDF when its first bytes say so, whatever its name.
bool is_pdf_file(const std::filesystem::path& path) {
    const std::string head = read_head(path, 1024);
    return pdf::looks_like_pdf(head);
}

// The bytes of a page text, refused up front when over the limit.
std::string read_page_text(const std::filesystem::path& path, const std::string& name,
                           const ImportLimits& limits) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > limits.max_page_text)
        throw Error("PB-TOO-LARGE", name,
                    "page text of " + std::to_string(size) + " bytes is over the limit of " +
                        std::to_string(limits.max_page_text) +
                        " bytes for one page (see --max-page-text)");
    return read_file(path, limits.max_page_text);
}

}  // namespace

Issue issue_from_page_files(const std::vector<std::filesystem::path>& files,
                            const PageFilesOptions& options) {
    if (options.title.empty()) throw Error("PB-USAGE", "", "page text files need --title");
    const auto date = Date::parse(options.date);
    if (!date)
        throw Error(
            "PB-USAGE", "",
            "page text files need --date YYYY-MM-DD (a real date), got '" + options.date + "'");
    if (!options.page.empty() && files.size() != 1)
        throw Error("PB-USAGE", "", "--page names one page; use --first-page for several files");
    if (!options.language.empty() && !is_language_tag(options.language))
        throw Error(
            "PB-USAGE", "",
            "--lang '" + options.language + "' is not a language tag (BCP 47, e.g. zh-Hans)");
    if (!options.encoding.empty() && !text::encoding_known(options.encoding))
        throw Error("PB-USAGE", "",
                    "--encoding '" + options.encoding + "' is not an encoding ICU knows");
    Issue issue;
    issue.title = options.title;
    issue.date = *date;
    if (!options.language.empty()) issue.languages.push_back(options.language);
    if (!options.issn.empty()) issue.identifiers.push_back({"issn", options.issn});
    std::set<std::string> hrefs;
    pdf::PdfSource pdfs;
    for (std::size_t i = 0; i < files.size(); ++i) {
        PageFile file;
        file.role = FileRole::text;
        file.path = files[i];
        // The name the file keeps in bundles and exports; page files from different folders
        // may share a name, so a repeated one is prefixed with the page sequence.
        file.href = nfc_or_same(files[i].filename().string());  // one name: NFC
        if (!hrefs.insert(file.href).second) {
            file.href = sequence_id("", i + 1, 4) + "-" + file.href;
            hrefs.insert(file.href);
        }
        file.mime_type = "text/plain";
        file.encoding = options.encoding;
        // A PDF of several pages gives several issue pages (see docs/pdf.md).
        int pdf_pages = 0;
        if (is_ocr_file(files[i])) {
            file.role = FileRole::ocr;
            file.mime_type = "application/xml";
        } else if (is_pdf_file(files[i])) {
            file.role = FileRole::pdf;
            file.mime_type = "application/pdf";
            file.encoding.clear();
            pdf_pages = pdfs.page_count(files[i], file.href);
            if (pdf_pages > 1 && !options.page.empty())
                throw Error("PB-USAGE", file.href,
                            "has " + std::to_string(pdf_pages) +
                                " pages; --page names one page, use --first-page");
        }
        for (int k = 0; k < std::max(pdf_pages, 1); ++k) {
            Page page;
            page.sequence = static_cast<int>(issue.pages.size()) + 1;
            page.label = options.page.empty()
                             ? std::to_string(options.first_page + page.sequence - 1)
                             : options.page;
            PageFile page_file = file;
            if (pdf_pages > 1) page_file.pdf_page = k + 1;
            page.files.push_back(std::move(page_file));
            issue.pages.push_back(std::move(page));
        }
    }
    return issue;
}

void segment_issue(Issue& issue, Diagnostics& diagnostics, bool resegment,
                   const ImportLimits& limits) {
    // OCR pages are read once; a source METS' own articles are kept unless asked not to.
    OcrPages ocr;
    for (const Page& page : issue.pages) ocr.pages.push_back(read_page_ocr(page));
    const bool any_ocr = std::any_of(ocr.pages.begin(), ocr.pages.end(),
                                     [](const auto& p) { return p.has_value(); });
    if (any_ocr && !resegment && !issue.folder.empty())
        if (const auto mets = find_source_mets(issue.folder))
            if (import_source_articles(issue, *mets, ocr, diagnostics)) {
                for (std::size_t i = 0; i < issue.pages.size(); ++i)
                    if (ocr.pages[i]) apply_ocr_geometry(issue.pages[i], std::move(*ocr.pages[i]));
                for (const Page& page : issue.pages)
                    for (const Diagnostic& d : page.warnings) diagnostics.add(d);
                return;
            }

    std::vector<Article> articles;
    std::vector<text::Jump> jumps;
    issue.illustrations.clear();
    pdf::PdfSource pdfs;
    for (std::size_t index = 0; index < issue.pages.size(); ++index) {
        Page& page = issue.pages[index];
        text::PageSegments segments;
        if (ocr.pages[index]) {
            ocr::OcrPage& source = *ocr.pages[index];
            if (issue.languages.empty())
                issue.languages.push_back(guess_language(ocr_text_sample(source)));
            const PageFile* file = page.file(FileRole::ocr);
            text::PageContext context{display_name(*file), page.label, page.sequence,
                                      issue.language(), issue.title};
            segments = segment_ocr_page(source, context);
            apply_ocr_geometry(page, std::move(source));
        } else if (const PageFile* file = page.file(FileRole::pdf)) {
            const std::string name = display_name(*file);
            std::vector<Diagnostic> warnings;
            layout::LayoutPage layout = pdfs.read(*file, name, page.sequence, warnings);
            if (issue.languages.empty())
                issue.languages.push_back(guess_language(pdf::page_text(layout)));
            text::PageContext context{name, page.label, page.sequence, issue.language(),
                                      issue.title};
            segments = layout::segment_layout(layout, context);
            layout::apply_geometry(page, std::move(layout));
            for (Diagnostic& d : warnings) page.warnings.push_back(std::move(d));
        } else if (const PageFile* text_file = page.file(FileRole::text)) {
            const std::string name = display_name(*text_file);
            const std::string bytes = read_page_text(text_file->path, name, limits);
            Diagnostics page_diagnostics;
            const auto decoded =
                text::decode_text(bytes, text_file->encoding, name, page_diagnostics);
            if (issue.languages.empty()) issue.languages.push_back(guess_language(decoded.text));
            text::PageContext context{name, page.label, page.sequence, issue.language(),
                                      issue.title};
            segments = text::segment_page(decoded, context);
            for (Block& block : segments.blocks) text::add_printed_lines(block, decoded);
            page.encoding = decoded.encoding;
            for (const Diagnostic& d : page_diagnostics) page.warnings.push_back(d);
        } else {
            continue;
        }
        page.blocks = std::move(segments.blocks);
        for (Diagnostic& d : segments.warnings) page.warnings.push_back(std::move(d));
        for (const Diagnostic& d : page.warnings) diagnostics.add(d);
        for (std::size_t i = 0; i < segments.articles.size(); ++i) {
            articles.push_back(std::move(segments.articles[i]));
            jumps.push_back(std::move(segments.jumps[i]));
        }
        for (auto& ill : segments.illustrations) issue.illustrations.push_back(std::move(ill));
    }
    std::vector<std::string> labels;
    for (const Page& page : issue.pages) labels.push_back(page.label);
    layout::join_run_ons(articles, jumps, issue.pages);
    text::link_continuations(articles, jumps, labels, diagnostics);
    for (std::size_t i = 0; i < articles.size(); ++i) articles[i].id = sequence_id("art-", i + 1);
    for (std::size_t i = 0; i < issue.illustrations.size(); ++i)
        issue.illustrations[i].id = sequence_id("ill-", i + 1);
    issue.articles = std::move(articles);
}

}  // namespace paperbag
