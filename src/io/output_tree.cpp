#include "io/output_tree.hpp"

#include <system_error>

#include "io/atomic_file.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

void check_relative_path(std::string_view path) {
    auto bad = [&](const char* why) {
        throw Error("PB-PATH", std::string(path), std::string("unsafe output path: ") + why);
    };
    if (path.empty()) bad("empty");
    if (path.front() == '/') bad("absolute");
    if (path.find('\\') != std::string_view::npos) bad("backslash");
    if (path.find('\0') != std::string_view::npos) bad("NUL byte");
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        const std::string_view segment = path.substr(start, end - start);
        if (segment.empty() || segment == "." || segment == "..") bad("empty, '.' or '..' segment");
        start = end + 1;
    }
}

void MemoryTree::put(const std::string& path, std::string_view bytes) {
    check_relative_path(path);
    files_[path] = std::string(bytes);
}

void FolderTree::put(const std::string& path, std::string_view bytes) {
    check_relative_path(path);
    const std::filesystem::path target = root_ / std::filesystem::path(path);
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec)
        throw Error("PB-IO", target.parent_path().string(),
                    "cannot create folder: " + ec.message());
    write_file_atomic(target, bytes);
}

}  // namespace paperbag
