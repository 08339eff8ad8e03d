#include "io/atomic_file.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "io/file.hpp"
#include "io/output_tree.hpp"
#include "paperbag/diagnostic.hpp"
#include "support/temp_dir.hpp"

using namespace paperbag;
using paperbag::test::TempDir;

namespace {

std::size_t entries_in(const std::filesystem::path& folder) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(folder)) ++n;
    return n;
}

}  // namespace

TEST_CASE("AtomicFile appears only on commit") {
    TempDir dir;
    const auto target = dir / "out.xml";
    {
        AtomicFile file(target);
        file.write("<a/>");
        CHECK_FALSE(std::filesystem::exists(target));
        CHECK(std::filesystem::exists(file.temp_path()));
        CHECK(file.temp_path().parent_path() == dir.path());
        file.commit();
    }
    CHECK(test::read_all(target) == "<a/>");
    CHECK(entries_in(dir.path()) == 1);
}

TEST_CASE("A failed write leaves no file, and the old file stays intact") {
    TempDir dir;
    const auto target = dir / "out.xml";
    try {
        AtomicFile file(target);
        file.write("partial");
        throw std::runtime_error("forced failure in the middle of writing");
    } catch (const std::runtime_error&) {
    }
    CHECK_FALSE(std::filesystem::exists(target));
    CHECK(entries_in(dir.path()) == 0);

    write_file_atomic(target, "old");
    {
        AtomicFile file(target);
        file.write("new but abandoned");
    }
    CHECK(test::read_all(target) == "old");
    CHECK(entries_in(dir.path()) == 1);
}

TEST_CASE("AtomicFile in a missing folder names the file and the reason") {
    TempDir dir;
    const auto target = dir / "no-such-folder" / "out.xml";
    CHECK_THROWS_WITH_AS(AtomicFile{target},
                         (target.string() + ": error: cannot create: No such file or directory "
                                            "[PB-IO]")
                             .c_str(),
                         Error);
}

TEST_CASE("read_file reads, refuses folders, missing and oversized files") {
    TempDir dir;
    const auto file = dir.write("a.txt", "hello");
    CHECK(read_file(file) == "hello");
    CHECK_THROWS_WITH_AS(read_file(file, 4),
                         (file.string() + ": error: file is larger than the limit of 4 bytes "
                                          "[PB-TOO-LARGE]")
                             .c_str(),
                         Error);
    CHECK_THROWS_WITH_AS(
        read_file(dir.path()),
        (dir.path().string() + ": error: not a regular file (a folder) [PB-IO]").c_str(), Error);
    CHECK_THROWS_AS(read_file(dir / "missing.txt"), Error);
}

TEST_CASE("path_is_within") {
    CHECK(path_is_within("/a/b", "/a/b/c.txt"));
    CHECK(path_is_within("/a/b/", "/a/b/c/d.txt"));
    CHECK_FALSE(path_is_within("/a/b", "/a/b/../c.txt"));
    CHECK_FALSE(path_is_within("/a/b", "/a/bc/d.txt"));
    CHECK_FALSE(path_is_within("/a/b", "/etc/passwd"));
}

TEST_CASE("Output trees refuse unsafe paths and write atomically") {
    MemoryTree memory;
    memory.put("alto/0001.xml", "x");
    CHECK(memory.files().at("alto/0001.xml") == "x");
    for (const char* bad : {"", "/etc/passwd", "../x", "a/../../x", "a//b", "a\\b", "./a"})
        CHECK_THROWS_AS(memory.put(bad, "x"), Error);

    TempDir dir;
    FolderTree folder(dir.path());
    folder.put("newsml/item.xml", "<x/>");
    CHECK(test::read_all(dir / "newsml/item.xml") == "<x/>");
    CHECK_THROWS_WITH_AS(folder.put("../escape.xml", "x"),
                         "../escape.xml: error: unsafe output path: empty, '.' or '..' segment "
                         "[PB-PATH]",
                         Error);
}

TEST_CASE("AtomicFile from 32 threads: every file gets 0666 minus the umask, umask unchanged") {
    TempDir dir;
    const mode_t previous = ::umask(022);
    constexpr int threads = 32;
    constexpr int files_per_thread = 20;
    std::vector<std::thread> workers;
    std::atomic<int> failures{0};
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            for (int i = 0; i < files_per_thread; ++i) {
                try {
                    write_file_atomic(
                        dir / ("f-" + std::to_string(t) + "-" + std::to_string(i) + ".xml"), "x");
                } catch (...) {
                    ++failures;
                }
            }
        });
    for (auto& w : workers) w.join();
    const mode_t during = ::umask(previous);
    CHECK(during == 022);  // nothing changed the process-wide umask
    CHECK(failures == 0);
    std::size_t seen = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
        struct stat st {};
        REQUIRE(::stat(entry.path().c_str(), &st) == 0);
        CAPTURE(entry.path());
        CHECK((st.st_mode & 0777) == 0644);
        ++seen;
    }
    CHECK(seen == threads * files_per_thread);
}

TEST_CASE("AtomicFile temporaries carry the process id; stale ones of dead processes go") {
    TempDir dir;
    const auto target = dir / "out.jsonl";
    // A leftover of a process that no longer exists (pid far above pid_max) and one of a
    // live process (ours, with another counter): only the first is removed.
    const auto stale = dir.write(".out.jsonl.tmp-999999999-0", "partial");
    const auto live =
        dir.write(".out.jsonl.tmp-" + std::to_string(::getpid()) + "-999999", "in progress");
    const auto unrelated = dir.write(".out.jsonl.tmp-notapid-1", "?");
    {
        AtomicFile file(target);
        CHECK(file.temp_path().filename().string().starts_with(".out.jsonl.tmp-" +
                                                               std::to_string(::getpid()) + "-"));
        file.write("{}\n");
        file.commit();
    }
    CHECK_FALSE(std::filesystem::exists(stale));
    CHECK(std::filesystem::exists(live));
    CHECK(std::filesystem::exists(unrelated));
    CHECK(test::read_all(target) == "{}\n");
}

TEST_CASE("AtomicFile writes a device or FIFO in place, never renames over it") {
    // -o /dev/null: /dev/null must stay the device for every other program.
    write_file_atomic("/dev/null", "discarded\n");
    struct stat st {};
    REQUIRE(::stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));

    TempDir dir;
    const auto fifo = dir / "pipe";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    // No reader: an error at once, not a wait.
    CHECK_THROWS_AS(write_file_atomic(fifo, "x"), Error);
    std::string received;
    std::thread reader([&] {
        std::ifstream in(fifo, std::ios::binary);
        received.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    });
    // The reader opens the FIFO; try until it has.
    bool written = false;
    for (int attempt = 0; attempt < 200 && !written; ++attempt) {
        try {
            write_file_atomic(fifo, "through the pipe\n");
            written = true;
        } catch (const Error&) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    reader.join();
    CHECK(written);
    CHECK(received == "through the pipe\n");
    REQUIRE(::stat(fifo.c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
}
