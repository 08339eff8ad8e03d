// Writer benchmark: METS + ALTO + NewsML-G2 for a synthetic issue of seed-size pages
// (~750 text lines and ~6 articles per page, like ../shared/seeds/000_*.txt), written to a
// tree that only counts bytes. Prints pages/s, articles/s, MB/s and peak RSS for several sizes,
// so that linear scaling in pages and in articles per page can be read off.
//
//   bench_write [pages articles-per-page [folder]]     default: the scaling table
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "io/output_tree.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/writers.hpp"

namespace {

using namespace paperbag;

class CountingTree final : public OutputTree {
public:
    void put(const std::string&, std::string_view bytes) override {
        ++files;
        bytes_written += bytes.size();
    }
    std::size_t files = 0;
    std::size_t bytes_written = 0;
};

// ~17 CJK characters (51 bytes) per line, like the seed page.
const std::string cjk_line = "老旧小区改造是重大民生工程也是发展工程一头连着千";

Issue synthetic_issue(std::size_t pages, std::size_t articles_per_page) {
    Issue issue;
    issue.title = "江河日报";
    issue.identifiers = {{"local", "bench-issue"}};
    issue.publisher = "江河日报社";
    issue.place = "江州";
    issue.languages = {"zh-Hans"};
    issue.date = {2024, 3, 18};
    const std::size_t lines_per_page = 750;
    const std::size_t lines_per_article = lines_per_page / articles_per_page;
    for (std::size_t p = 1; p <= pages; ++p) {
        Page page;
        page.sequence = static_cast<int>(p);
        page.label = std::to_string(p);
        PageFile text;
        text.href = "page-" + sequence_id("", p, 4) + ".txt";
        text.mime_type = "text/plain";
        text.size = lines_per_page * (cjk_line.size() + 1);
        text.sha256 = std::string(64, '0');
        page.files.push_back(text);
        std::uint64_t offset = 0;
        for (std::size_t a = 0; a < articles_per_page; ++a) {
            Article article;
            article.id = "a" + std::to_string(p) + "-" + std::to_string(a);
            article.headline = "各地春季农田水利设施检修进展顺利";
            article.bylines = {{"周晓岚", "reporter", "本报记者 周晓岚"}};
            article.pages = {page.label};
            // headline (1 line), byline (1 line), body blocks of 12 lines.
            std::size_t line = 0;
            std::size_t block_number = 0;
            while (line < lines_per_article) {
                const std::size_t n =
                    line < 2 ? 1 : std::min<std::size_t>(12, lines_per_article - line);
                Block block;
                block.id = article.id + "-b" + std::to_string(++block_number);
                block.kind = line == 0   ? BlockKind::headline
                             : line == 1 ? BlockKind::byline
                                         : BlockKind::body;
                for (std::size_t i = 0; i < n; ++i) block.text += cjk_line;
                const std::uint64_t length = n * (cjk_line.size() + 1) - 1;
                block.source.push_back({offset, length});
                offset += length + 1;
                if (block.kind == BlockKind::body)
                    article.body.push_back({Paragraph::Kind::text, block.text, block.id});
                article.block_ids.push_back(block.id);
                page.blocks.push_back(std::move(block));
                line += n;
            }
            issue.articles.push_back(std::move(article));
        }
        issue.pages.push_back(std::move(page));
    }
    return issue;
}

long peak_rss_kib() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

void run(std::size_t pages, std::size_t articles_per_page, const char* folder = nullptr) {
    const Issue issue = synthetic_issue(pages, articles_per_page);
    const FixedClock clock(1710720000);
    WriteOptions options;
    options.clock = &clock;
    options.tool_version = "bench";
    options.payload = payload_from_pages(issue);
    CountingTree tree;
    const auto start = std::chrono::steady_clock::now();
    if (folder) {
        // Also into a folder (for the comparison run in run.sh).
        MemoryTree memory;
        write_issue(issue, memory, options);
        FolderTree out(folder);
        for (const auto& [path, bytes] : memory.files()) {
            out.put(path, bytes);
            tree.put(path, bytes);
        }
    } else {
        write_issue(issue, tree, options);
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double articles = static_cast<double>(pages * articles_per_page);
    std::printf(
        "%6zu pages %3zu art/page %7zu files %8.1f MB %7.2f s %8.1f pages/s %9.0f art/s "
        "%7.2f us/art %6.1f MB/s peak RSS %ld MiB\n",
        pages, articles_per_page, tree.files, static_cast<double>(tree.bytes_written) / 1e6,
        seconds, static_cast<double>(pages) / seconds, articles / seconds, seconds / articles * 1e6,
        static_cast<double>(tree.bytes_written) / 1e6 / seconds, peak_rss_kib() / 1024);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 || argc == 4) {
        run(std::strtoul(argv[1], nullptr, 10), std::strtoul(argv[2], nullptr, 10),
            argc == 4 ? argv[3] : nullptr);
        return 0;
    }
    std::printf("scaling in pages (6 articles/page):\n");
    for (std::size_t pages : {125, 250, 500, 1000}) run(pages, 6);
    std::printf("scaling in articles per page (250 pages):\n");
    for (std::size_t per_page : {3, 6, 12, 24}) run(250, per_page);
    return 0;
}
