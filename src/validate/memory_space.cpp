#include "validate/memory_space.hpp"

#include <fstream>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

class MemorySpace final : public FileSpace {
public:
    MemorySpace(const std::map<std::string, std::string>& files,
                const std::map<std::string, std::filesystem::path>& disk_files)
        : files_(files), disk_files_(disk_files) {}

    std::optional<std::uint64_t> size_of(const std::string& path) const override {
        if (auto it = files_.find(path); it != files_.end()) return it->second.size();
        if (auto it = disk_files_.find(path); it != disk_files_.end()) {
            std::error_code ec;
            const auto size = std::filesystem::file_size(it->second, ec);
            if (!ec) return size;
        }
        return std::nullopt;
    }

    void read(const std::string& path,
              const std::function<void(std::string_view)>& sink) const override {
        if (auto it = files_.find(path); it != files_.end()) {
            sink(it->second);
            return;
        }
        const auto it = disk_files_.find(path);
        if (it == disk_files_.end()) throw Error("PB-IO", path, "no such file");
        std::ifstream in(it->second, std::ios::binary);
        if (!in) throw_system_error("cannot open", it->second.string());
        std::string buffer(1 << 16, '\0');
        while (in) {
            in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
            const auto n = static_cast<std::size_t>(in.gcount());
            if (n > 0) sink(std::string_view(buffer.data(), n));
        }
        if (in.bad()) throw_system_error("cannot read", it->second.string());
    }

    std::optional<std::filesystem::path> disk_path(const std::string& path) const override {
        // Only the originals are on disk; documents in memory are read through read().
        if (files_.contains(path)) return std::nullopt;
        if (auto it = disk_files_.find(path); it != disk_files_.end()) return it->second;
        return std::nullopt;
    }

private:
    const std::map<std::string, std::string>& files_;
    const std::map<std::string, std::filesystem::path>& disk_files_;
};

}  // namespace

std::shared_ptr<FileSpace> memory_space(
    const std::map<std::string, std::string>& files,
    const std::map<std::string, std::filesystem::path>& disk_files) {
    return std::make_shared<MemorySpace>(files, disk_files);
}

}  // namespace paperbag
