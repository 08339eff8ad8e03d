#include "job/parallel.hpp"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "job/progress.hpp"

using namespace paperbag;

TEST_CASE("ordered_parallel delivers every result in index order") {
    for (unsigned jobs : {1u, 2u, 4u, 8u}) {
        std::vector<std::size_t> order;
        ordered_parallel<std::size_t>(
            100, jobs,
            [](std::size_t i) {
                // Later items finish first, to shuffle completion order.
                std::this_thread::sleep_for(std::chrono::microseconds((100 - i) % 7 * 50));
                return i * i;
            },
            [&](std::size_t i, Outcome<std::size_t>&& outcome) {
                REQUIRE(outcome.value);
                CHECK(*outcome.value == i * i);
                order.push_back(i);
            });
        REQUIRE(order.size() == 100);
        for (std::size_t i = 0; i < order.size(); ++i) CHECK(order[i] == i);
    }
}

TEST_CASE("ordered_parallel keeps at most a window of results waiting") {
    std::atomic<std::size_t> started{0};
    std::size_t max_ahead = 0;
    ordered_parallel<int>(
        200, 4,
        [&](std::size_t) {
            ++started;
            return 0;
        },
        [&](std::size_t i, Outcome<int>&&) {
            max_ahead = std::max(max_ahead, started.load() - i);
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        });
    CHECK(max_ahead <= 2 * 4 + 1);
}

TEST_CASE("ordered_parallel passes exceptions of one item and goes on with the others") {
    std::size_t failures = 0, successes = 0;
    ordered_parallel<int>(
        20, 3,
        [](std::size_t i) -> int {
            if (i % 5 == 0) throw std::runtime_error("item " + std::to_string(i));
            return 1;
        },
        [&](std::size_t i, Outcome<int>&& outcome) {
            if (outcome.error) {
                ++failures;
                CHECK_THROWS_WITH(std::rethrow_exception(outcome.error),
                                  ("item " + std::to_string(i)).c_str());
            } else {
                ++successes;
            }
        });
    CHECK(failures == 4);
    CHECK(successes == 16);
}

TEST_CASE("ordered_parallel stops cleanly when delivery throws") {
    CHECK_THROWS_WITH(ordered_parallel<int>(
                          1000, 4, [](std::size_t) { return 0; },
                          [](std::size_t i, Outcome<int>&&) {
                              if (i == 10) throw std::runtime_error("disk full");
                          }),
                      "disk full");
}

TEST_CASE("Progress prints plain lines off a terminal and a bar on one") {
    std::ostringstream plain;
    Progress p(plain, 2, "issues", false);
    p.item_done("ok  a.zip");
    p.item_done("ok  b.zip");
    p.finish();
    CHECK(plain.str().find('\033') == std::string::npos);
    CHECK(plain.str().find("ok  a.zip\nok  b.zip\n2 issues in ") == 0);

    std::ostringstream tty;
    Progress bar(tty, 4, "issues", true);
    bar.item_done("ok  a.zip");
    CHECK(bar.bar_text().find("[#######.......................] 1/4 issues") == 0);
    CHECK(tty.str().find("\033[K") != std::string::npos);
}

namespace {

// Virtual memory the process has mapped now, in bytes.
std::uint64_t mapped_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::uint64_t pages = 0;
    statm >> pages;
    return pages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

// Runs ordered_parallel with 8 jobs in a child process whose address space allows only
// `spare` more bytes, so that thread stacks (8 MiB each) cannot all be created. Returns the
// child's exit status: 0 when every item was delivered in order.
int run_with_spare_memory(std::uint64_t spare) {
    const pid_t child = ::fork();
    if (child == 0) {
        const rlimit limit{mapped_bytes() + spare, mapped_bytes() + spare};
        ::setrlimit(RLIMIT_AS, &limit);
        std::size_t delivered = 0;
        bool in_order = true;
        ordered_parallel<std::size_t>(
            200, 8, [](std::size_t i) { return i; },
            [&](std::size_t i, Outcome<std::size_t>&& outcome) {
                in_order = in_order && outcome.value && *outcome.value == i && i == delivered;
                ++delivered;
            });
        ::_exit(in_order && delivered == 200 ? 0 : 1);
    }
    int status = 0;
    for (int waited = 0; waited < 300; ++waited) {  // 30 s: a deadlock fails, not hangs
        if (::waitpid(child, &status, WNOHANG) == child)
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ::kill(child, SIGKILL);
    ::waitpid(child, &status, 0);
    return -1;
}

}  // namespace

TEST_CASE("ordered_parallel does the work with fewer threads when they cannot be created") {
    CHECK(run_with_spare_memory(std::uint64_t{2} << 20) == 0);   // no thread at all
    CHECK(run_with_spare_memory(std::uint64_t{12} << 20) == 0);  // one or two threads
}

TEST_CASE("worker counts are capped at a multiple of the cores") {
    CHECK(effective_jobs(0) >= 1);
    CHECK(effective_jobs(3) == std::min(3u, max_jobs()));
    CHECK(effective_jobs(100000) == max_jobs());
    CHECK(max_jobs() >= 8);
}
