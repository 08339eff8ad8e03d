// OCR import benchmark driver: reads every file given (ALTO, hOCR, PAGE) with the OCR readers
// and segments it with the geometric segmenter, in one process, `rounds` times; prints pages,
// bytes, seconds and pages per second. With --read-only the segmenter is skipped.
//
//     paperbag_bench_ocr [--rounds N] [--read-only] FILE...
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "io/file.hpp"
#include "layout/layout_page.hpp"
#include "ocr/ocr_page.hpp"

int main(int argc, char** argv) {
    int rounds = 1;
    bool read_only = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--rounds") == 0 && i + 1 < argc)
            rounds = std::max(1, std::atoi(argv[++i]));
        else if (std::strcmp(argv[i], "--read-only") == 0)
            read_only = true;
        else
            files.emplace_back(argv[i]);
    }
    if (files.empty()) {
        std::fprintf(stderr, "usage: paperbag_bench_ocr [--rounds N] [--read-only] FILE...\n");
        return 2;
    }
    std::size_t pages = 0, bytes = 0, words = 0, blocks = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < rounds; ++r)
        for (const std::string& file : files) {
            // Reading the file is part of the work, as it is for xmllint.
            const std::string data = paperbag::read_file(file);
            const paperbag::ocr::OcrPage page = paperbag::ocr::read_ocr(data, {file, 1});
            bytes += data.size();
            ++pages;
            for (const auto& region : page.layout.regions)
                for (const auto& line : region.lines) words += line.words.size();
            if (!read_only)
                blocks += paperbag::layout::segment_layout(page.layout, {file, "1", 1, "en", ""})
                              .blocks.size();
        }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%zu pages, %.1f MB, %zu words, %zu blocks: %.3f s, %.1f pages/s, %.1f MB/s\n",
                pages, static_cast<double>(bytes) / 1e6, words, blocks, seconds,
                static_cast<double>(pages) / seconds, static_cast<double>(bytes) / 1e6 / seconds);
    return 0;
}
