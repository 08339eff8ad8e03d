// Where writers put the files of an issue: a set of files addressed by relative,
// '/'-separated paths ("mets.xml", "alto/0001.xml"). Format code writes to an OutputTree and
// never opens files itself, so tests run on memory and the packager can stream into a ZIP.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace paperbag {

class OutputTree {
public:
    virtual ~OutputTree() = default;
    // Adds one file. Paths are relative, '/'-separated, without "." or ".." segments.
    virtual void put(const std::string& path, std::string_view bytes) = 0;
};

// Keeps every file in memory, sorted by path.
class MemoryTree final : public OutputTree {
public:
    void put(const std::string& path, std::string_view bytes) override;
    const std::map<std::string, std::string>& files() const noexcept { return files_; }

private:
    std::map<std::string, std::string> files_;
};

// Writes each file atomically below a folder, creating sub-folders as needed.
class FolderTree final : public OutputTree {
public:
    explicit FolderTree(std::filesystem::path root) : root_(std::move(root)) {}
    void put(const std::string& path, std::string_view bytes) override;

private:
    std::filesystem::path root_;
};

// Throws Error (PB-PATH) unless `path` is a relative '/'-separated path of plain segments.
void check_relative_path(std::string_view path);

}  // namespace paperbag
