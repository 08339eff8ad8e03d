// libFuzzer entry point for the page-text importer: bytes -> decode -> segment -> link.
//
// The same function runs in two builds: as a libFuzzer target (clang, -fsanitize=fuzzer,
// address, undefined; -DPAPERBAG_BUILD_FUZZ=ON) and, through replay_main.cpp, as an
// ordinary ctest that feeds it every file of fuzz/corpus/importer/ with the normal compiler.
//
// Each input is imported as a page the way segment_issue() does it (encoding detected), and
// once more with an encoding named by the caller (chosen from the input size, so the corpus
// reaches every decoder). A form feed splits the input into two pages, so continuation
// linking across pages is exercised too. paperbag::Error is the importer's way of refusing
// input and is fine; anything else escaping, and any broken invariant, is a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "import/continuation_link.hpp"
#include "import/segment_page.hpp"
#include "import/text_decode.hpp"
#include "paperbag/diagnostic.hpp"

namespace {

using namespace paperbag;

// The blocks of a page must partition the original bytes, in order.
void check_partition(const text::PageSegments& seg, std::size_t size) {
    std::uint64_t next = 0;
    for (const Block& b : seg.blocks) {
        if (b.source.size() != 1 || b.source.front().offset != next) std::abort();
        next = b.source.front().offset + b.source.front().length;
    }
    if (!seg.blocks.empty() && next != size) std::abort();
}

void import_pages(const std::vector<std::string_view>& pages, std::string_view encoding,
                  const char* language) {
    std::vector<Article> articles;
    std::vector<text::Jump> jumps;
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        Diagnostics diagnostics;
        const std::string label = std::to_string(i + 1);
        try {
            const auto decoded = text::decode_text(pages[i], encoding, "fuzz.txt", diagnostics);
            auto seg = text::segment_page(
                decoded, {"fuzz.txt", label, static_cast<int>(i) + 1, language, ""});
            check_partition(seg, pages[i].size());
            for (std::size_t a = 0; a < seg.articles.size(); ++a) {
                articles.push_back(std::move(seg.articles[a]));
                jumps.push_back(std::move(seg.jumps[a]));
            }
        } catch (const Error&) {
            // Refused input (binary, unknown encoding): a clean diagnostic, not a crash.
        }
        labels.push_back(label);
    }
    Diagnostics link_diagnostics;
    text::link_continuations(articles, jumps, labels, link_diagnostics);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> pages;
    const auto ff = bytes.find('\f');
    if (ff == std::string_view::npos) {
        pages.push_back(bytes);
    } else {
        pages.push_back(bytes.substr(0, ff));
        pages.push_back(bytes.substr(ff + 1));
    }
    static constexpr const char* languages[] = {"zh-Hans", "en", "und"};
    static constexpr const char* encodings[] = {"GB18030", "Big5", "UTF-16LE", "UTF-16BE", "UTF-8"};
    import_pages(pages, "", languages[size % 3]);
    import_pages(pages, encodings[size % 5], languages[(size / 3) % 3]);
    return 0;
}
