// A ZIP bundle as a FileSpace, read with libzip without extracting. One archive handle is
// shared by all worker threads; libzip handles are not thread-safe, so reads are serialised
// by a mutex. Entry sizes are bounded and entries with unsafe names are never read.
#include <map>
#include <mutex>

#include "io/zip_handles.hpp"
#include "validate/document_source.hpp"

namespace paperbag {

namespace {

constexpr std::uint64_t max_entry_size = std::uint64_t{4} << 30;

bool unsafe_name(std::string_view name) {
    if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos ||
        name.find(':') != std::string_view::npos)
        return true;
    std::size_t start = 0;
    while (start <= name.size()) {
        const auto end = std::min(name.find('/', start), name.size());
        if (name.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

class ZipSpace final : public FileSpace {
public:
    ZipSpace(std::string name, ZipPtr archive) : name_(std::move(name)), zip_(std::move(archive)) {}

    void add(std::string entry, zip_uint64_t index, std::uint64_t size) {
        entries_.emplace(std::move(entry), Entry{index, size});
    }

    std::optional<std::uint64_t> size_of(const std::string& path) const override {
        const auto it = entries_.find(path);
        if (it == entries_.end()) return std::nullopt;
        return it->second.size;
    }

    std::optional<std::filesystem::path> disk_path(const std::string&) const override {
        return std::nullopt;
    }

    void read(const std::string& path,
              const std::function<void(std::string_view)>& sink) const override {
        const auto it = entries_.find(path);
        const std::string where = name_ + "!/" + path;
        if (it == entries_.end()) throw Error("PB-IO", where, "no such entry in the bundle");
        if (it->second.size > max_entry_size)
            throw Error("PB-TOO-LARGE", where, "bundle entry is larger than 4 GiB");
        const std::lock_guard lock(mutex_);
        ZipFilePtr file(zip_fopen_index(zip_.get(), it->second.index, 0));
        if (!file)
            throw Error("PB-IO", where,
                        std::string("cannot read the entry: ") + zip_strerror(zip_.get()));
        std::string buffer(1 << 16, '\0');
        std::uint64_t total = 0;
        while (true) {
            const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
            if (n < 0)  // CRC error, broken deflate stream: the entry is damaged
                throw Error("PB-BAG-CORRUPT", where,
                            std::string("damaged entry: ") +
                                zip_error_strerror(zip_file_get_error(file.get())));
            if (n == 0) break;
            total += static_cast<std::uint64_t>(n);
            // Never trust the directory's size: stop at what it promised.
            if (total > it->second.size)
                throw Error("PB-BAG-SIZE-MISMATCH", where,
                            "entry is longer than the bundle directory says");
            sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        }
    }

private:
    struct Entry {
        zip_uint64_t index;
        std::uint64_t size;
    };
    std::string name_;
    ZipPtr zip_;
    std::map<std::string, Entry> entries_;
    mutable std::mutex mutex_;
};

}  // namespace

std::shared_ptr<FileSpace> zip_space(const std::filesystem::path& archive,
                                     std::vector<std::string>& entries,
                                     std::vector<std::string>& refused) {
    const std::string name = archive.string();
    int error = 0;
    ZipPtr zip(zip_open(name.c_str(), ZIP_RDONLY, &error));
    if (!zip) {
        zip_error_t e;
        zip_error_init_with_code(&e, error);
        const std::string reason = zip_error_strerror(&e);
        zip_error_fini(&e);
        throw Error("PB-BUNDLE", name, "not a readable ZIP bundle: " + reason);
    }
    const zip_int64_t count = zip_get_num_entries(zip.get(), 0);
    struct Found {
        std::string name;
        zip_uint64_t index;
        std::uint64_t size;
    };
    std::vector<Found> found;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        const auto index = static_cast<zip_uint64_t>(i);
        if (zip_stat_index(zip.get(), index, 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) continue;
        const std::string entry = st.name;
        if (entry.empty() || entry.back() == '/') continue;  // folders
        if (unsafe_name(entry)) {
            refused.push_back(entry);
            continue;
        }
        found.push_back({entry, index, (st.valid & ZIP_STAT_SIZE) ? st.size : 0});
    }
    auto space = std::make_shared<ZipSpace>(name, std::move(zip));
    for (Found& f : found) {
        entries.push_back(f.name);
        space->add(std::move(f.name), f.index, f.size);
    }
    return space;
}

}  // namespace paperbag
