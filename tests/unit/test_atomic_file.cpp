#include "io/atomic_file.hpp"

#include <doctest/doctest.h>

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
    CHECK_THROWS_WITH_AS(read_file(dir.path()),
                         (dir.path().string() + ": error: not a regular file [PB-IO]").c_str(),
                         Error);
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
