// Benchmark driver for the page segmenter (decode + segment, as segment_issue() does per
// page). Used by bench/segment/run.sh; not a test.
//
//     paperbag_bench_segment pages  [--pages N] [--size BYTES] [-j N] [--decode-only] SOURCE...
//     paperbag_bench_segment linear [--size BYTES] [--repeat N] SOURCE...
//     paperbag_bench_segment columns [--pages N] LAYOUT-PAGE...
//     paperbag_bench_segment dump-columns LAYOUT-PAGE   (the text read column by column)
//
// SOURCE files are page texts (the samples, the seed page). They are cut into chunks that
// end with a sentence-final line (a paragraph's end), grouped by language, and pages are made
// by drawing chunks of one language (fixed-seed generator: the same pages every run) until
// the page has --size bytes (default: the size of the largest source).
// `pages` segments N such pages on -j threads and prints pages/s and MB/s; `linear` segments
// pages of 1x, 2x, 4x and 8x --size and prints the time per byte, which must stay flat.
#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "import/segment_page.hpp"
#include "import/text_columns.hpp"
#include "import/text_decode.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Pools {
    std::vector<std::string> zh;
    std::vector<std::string> en;
};

bool is_cjk_page(const std::string& text) {
    return std::count_if(text.begin(), text.end(), [](char c) {
               return static_cast<unsigned char>(c) >= 0xE4;
           }) > static_cast<std::ptrdiff_t>(text.size() / 8);
}

// Chunks of a page that end after a line ending a sentence (。 ." ? ！) and its blank line.
std::vector<std::string> chunks_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t eol = text.find('\n', pos);
        if (eol == std::string::npos) eol = text.size();
        const std::string_view line(text.data() + pos, eol - pos);
        pos = eol + 1;
        const bool final = line.ends_with("。") || line.ends_with("）") || line.ends_with(".") ||
                           line.ends_with(".\"") || line.ends_with("！");
        if (final && pos < text.size() && text[pos] == '\n') {
            ++pos;
            out.push_back(text.substr(start, pos - start));
            start = pos;
        }
    }
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
}

std::string make_page(const std::vector<std::string>& pool, std::size_t size, std::mt19937& rng) {
    std::string page;
    std::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
    while (page.size() < size) page += pool[pick(rng)];
    return page;
}

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::size_t segment_one(const std::string& page, bool cjk, bool decode_only) {
    paperbag::Diagnostics d;
    const auto decoded = paperbag::text::decode_text(page, "", "bench.txt", d);
    if (decode_only) return decoded.text.size();
    const auto seg =
        paperbag::text::segment_page(decoded, {"bench.txt", "1", 1, cjk ? "zh-Hans" : "en", ""});
    return seg.articles.size();
}

std::size_t number(const std::string& s) {
    std::size_t v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

int columns_mode(const std::vector<std::string>& files, std::size_t pages);

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s pages|linear [options] SOURCE...\n", argv[0]);
        return 2;
    }
    const std::string mode = argv[1];
    if (mode == "dump-columns") {
        // Debugging aid: what the segmenter reads after column reading (not timed).
        std::ifstream in(argv[2], std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in),
                               std::istreambuf_iterator<char>()};
        paperbag::Diagnostics d;
        const auto reading =
            paperbag::text::read_columns(paperbag::text::decode_text(text, "", argv[2], d));
        std::fputs(reading.applied ? reading.text.text.c_str() : text.c_str(), stdout);
        return 0;
    }
    if (mode == "columns") {
        std::size_t n = 200;
        std::vector<std::string> files;
        for (int i = 2; i < argc; ++i) {
            if (std::string(argv[i]) == "--pages" && i + 1 < argc)
                n = number(argv[++i]);
            else
                files.emplace_back(argv[i]);
        }
        return columns_mode(files, n);
    }
    std::size_t pages = 1000;
    std::size_t size = 0;
    std::size_t threads = 1;
    std::size_t repeat = 5;
    bool decode_only = false;
    Pools pools;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--pages" && i + 1 < argc) {
            pages = number(argv[++i]);
        } else if (arg == "--size" && i + 1 < argc) {
            size = number(argv[++i]);
        } else if (arg == "-j" && i + 1 < argc) {
            threads = std::max<std::size_t>(1, number(argv[++i]));
        } else if (arg == "--repeat" && i + 1 < argc) {
            repeat = std::max<std::size_t>(1, number(argv[++i]));
        } else if (arg == "--decode-only") {
            decode_only = true;
        } else {
            std::ifstream in(arg, std::ios::binary);
            if (!in) {
                std::fprintf(stderr, "cannot open '%s'\n", arg.c_str());
                return 2;
            }
            const std::string text{std::istreambuf_iterator<char>(in), {}};
            size = std::max(size, text.size());
            auto& pool = is_cjk_page(text) ? pools.zh : pools.en;
            for (auto& c : chunks_of(text)) pool.push_back(std::move(c));
        }
    }
    if (pools.zh.empty() && pools.en.empty()) {
        std::fprintf(stderr, "no source pages\n");
        return 2;
    }
    std::mt19937 rng(20240318);
    if (mode == "pages") {
        std::vector<std::string> made;
        std::vector<bool> cjk;
        std::size_t bytes = 0;
        for (std::size_t i = 0; i < pages; ++i) {
            const bool zh = pools.en.empty() || (!pools.zh.empty() && i % 2 == 0);
            made.push_back(make_page(zh ? pools.zh : pools.en, size, rng));
            cjk.push_back(zh);
            bytes += made.back().size();
        }
        std::atomic<std::size_t> next{0};
        std::atomic<std::size_t> articles{0};
        const auto start = Clock::now();
        std::vector<std::thread> workers;
        for (std::size_t t = 0; t < threads; ++t)
            workers.emplace_back([&] {
                for (std::size_t i = next++; i < made.size(); i = next++)
                    articles += segment_one(made[i], cjk[i], decode_only);
            });
        for (auto& w : workers) w.join();
        const double secs = seconds_since(start);
        std::printf("%zu pages, %.1f MB, -j%zu: %.3f s, %.0f pages/s, %.2f MB/s (%zu %s)\n",
                    made.size(), static_cast<double>(bytes) / 1e6, threads, secs,
                    static_cast<double>(made.size()) / secs,
                    static_cast<double>(bytes) / 1e6 / secs, articles.load(),
                    decode_only ? "bytes decoded" : "articles");
        return 0;
    }
    if (mode == "linear") {
        for (const bool zh : {true, false}) {
            const auto& pool = zh ? pools.zh : pools.en;
            if (pool.empty()) continue;
            for (std::size_t factor : {1, 2, 4, 8}) {
                const std::string page = make_page(pool, size * factor, rng);
                double best = 1e300;
                for (std::size_t r = 0; r < repeat; ++r) {
                    const auto start = Clock::now();
                    segment_one(page, zh, false);
                    best = std::min(best, seconds_since(start));
                }
                std::printf("%s %zux: %8zu bytes  %8.2f ms  %6.1f ns/byte\n", zh ? "zh" : "en",
                            factor, page.size(), best * 1e3,
                            best * 1e9 / static_cast<double>(page.size()));
            }
        }
        return 0;
    }
    std::fprintf(stderr, "unknown mode '%s'\n", mode.c_str());
    return 2;
}

namespace {

// `columns`: layout-preserving pages (pdftotext -layout) segmented whole, columns and all:
// pages/s over N pages, then the time per byte of one page stacked 1x..8x (the grid is kept,
// so the column reading sees a longer page of the same columns).
int columns_mode(const std::vector<std::string>& files, std::size_t pages) {
    std::vector<std::string> texts;
    for (const std::string& f : files) {
        std::ifstream in(f, std::ios::binary);
        texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (texts.empty()) return 2;
    std::size_t bytes = 0;
    std::size_t articles = 0;
    const auto start = Clock::now();
    for (std::size_t i = 0; i < pages; ++i) {
        const std::string& t = texts[i % texts.size()];
        bytes += t.size();
        articles += segment_one(t, is_cjk_page(t), false);
    }
    const double secs = seconds_since(start);
    std::printf("%zu layout pages, %.1f MB, -j1: %.3f s, %.0f pages/s, %.2f MB/s (%zu articles)\n",
                pages, static_cast<double>(bytes) / 1e6, secs, static_cast<double>(pages) / secs,
                static_cast<double>(bytes) / 1e6 / secs, articles);
    for (std::size_t factor : {1, 2, 4, 8}) {
        std::string page;
        for (std::size_t k = 0; k < factor; ++k) page += texts.front() + "\n";
        double best = 1e300;
        for (int r = 0; r < 5; ++r) {
            const auto t0 = Clock::now();
            segment_one(page, is_cjk_page(page), false);
            best = std::min(best, seconds_since(t0));
        }
        std::printf("layout %zux: %8zu bytes  %8.2f ms  %6.1f ns/byte\n", factor, page.size(),
                    best * 1e3, best * 1e9 / static_cast<double>(page.size()));
    }
    return 0;
}

}  // namespace
