// PDF import benchmark driver: reads every page of the PDFs named (poppler words and images,
// lines and regions, layout::segment_layout) and prints pages, seconds and pages/s, then the
// peak resident memory. bench/pdf/run.sh compares it with pdftotext on the same files.
//
//     paperbag_bench_pdf [--no-segment] FILE.pdf...
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "layout/layout_page.hpp"
#include "pdf/pdf_import.hpp"
#include "pdf/pdf_page.hpp"

using namespace paperbag;

int main(int argc, char** argv) {
    bool segment = true;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--no-segment") == 0)
            segment = false;
        else
            files.emplace_back(argv[i]);
    }
    const auto start = std::chrono::steady_clock::now();
    std::size_t pages = 0;
    std::size_t regions = 0;
    std::size_t blocks = 0;
    pdf::PdfSource source;
    for (const std::string& file : files) {
        try {
            const int count = source.page_count(file, file);
            for (int i = 0; i < count; ++i) {
                PageFile page_file;
                page_file.path = file;
                page_file.pdf_page = i + 1;
                std::vector<Diagnostic> warnings;
                const layout::LayoutPage page = source.read(page_file, file, i + 1, warnings);
                regions += page.regions.size();
                if (segment)
                    blocks += layout::segment_layout(
                                  page, {file, std::to_string(i + 1), i + 1, "und", ""})
                                  .blocks.size();
                ++pages;
            }
        } catch (const Error& e) {
            std::fprintf(stderr, "%s\n", e.what());
            return 1;
        }
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%zu pages, %zu regions, %zu blocks: %.3f s, %.1f pages/s, peak RSS %.1f MB\n",
                pages, regions, blocks, seconds, static_cast<double>(pages) / seconds,
                static_cast<double>(usage.ru_maxrss) / 1024.0);
    return 0;
}
