// A ZIP bundle as a FileSpace, read through BundleReader: the one reader of ZIPs from outside,
// whose checks (unsafe names, links, encryption, entry count, sizes, compression ratio) decide
// which entries are read at all. Entries are streamed, never held whole unless a caller asks
// for read_all; every reader has an archive handle of its own, so worker threads read in
// parallel.
#include <map>

#include "paperbag/bundle_reader.hpp"
#include "validate/document_source.hpp"

namespace paperbag {

namespace {

class ZipSpace final : public FileSpace {
public:
    ZipSpace(std::unique_ptr<BundleReader> reader, std::shared_ptr<const KnownDigests> known)
        : reader_(std::move(reader)), known_(std::move(known)), name_(reader_->path().string()) {}

    std::optional<std::string> known_sha256(const std::string& path) const override {
        const BundleEntry* entry = reader_->find(path);
        if (!known_ || !entry) return std::nullopt;
        const auto it = known_->find(path);
        if (it == known_->end() || !it->second.describes(*entry)) return std::nullopt;
        return it->second.sha256;
    }

    std::optional<std::uint64_t> size_of(const std::string& path) const override {
        const BundleEntry* entry = reader_->find(path);
        if (!entry || entry->directory) return std::nullopt;
        return entry->size;
    }

    std::optional<std::filesystem::path> disk_path(const std::string&) const override {
        return std::nullopt;
    }

    std::unique_ptr<ByteReader> open(const std::string& path) const override {
        const BundleEntry* entry = reader_->find(path);
        const std::string where = name_ + "!/" + path;
        if (!entry || entry->directory) throw Error("PB-IO", where, "no such entry in the bundle");
        return std::make_unique<EntryBytes>(reader_->open_entry(*entry), where);
    }

    void read(const std::string& path,
              const std::function<void(std::string_view)>& sink) const override {
        const auto bytes = open(path);
        std::string buffer(std::size_t{1} << 16, '\0');
        while (const std::ptrdiff_t n = bytes->read(buffer.data(), buffer.size())) {
            if (n < 0) {
                bytes->check();  // throws the entry's problem
                throw Error("PB-IO", name_ + "!/" + path, "cannot read the entry");
            }
            sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
        }
    }

private:
    class EntryBytes final : public ByteReader {
    public:
        EntryBytes(std::unique_ptr<BundleReader::EntryReader> entry, std::string where)
            : entry_(std::move(entry)), where_(std::move(where)) {}
        std::ptrdiff_t read(char* buffer, std::size_t size) override {
            return entry_->read(buffer, size);
        }
        void check() const override {
            if (!entry_->problem()) return;
            Diagnostic d = *entry_->problem();
            d.path = where_;
            throw Error(std::move(d));
        }

    private:
        std::unique_ptr<BundleReader::EntryReader> entry_;
        std::string where_;
    };

    std::unique_ptr<BundleReader> reader_;
    std::shared_ptr<const KnownDigests> known_;
    std::string name_;
};

}  // namespace

std::shared_ptr<FileSpace> zip_space(const std::filesystem::path& archive,
                                     std::vector<std::string>& entries, Diagnostics& problems,
                                     std::shared_ptr<const KnownDigests> known) {
    auto reader = std::make_unique<BundleReader>(archive);
    // BundleReader names entries "bundle.zip:name"; validation reports say "bundle.zip!/name".
    const std::string name = archive.string();
    for (const Diagnostic& d : reader->diagnostics())
        if (d.code == "PB-BAG-ZIP" && d.path == name)  // not a ZIP at all: nothing to validate
            throw Error("PB-BUNDLE", name, "not a readable ZIP bundle (" + d.message + ")");
    for (Diagnostic d : reader->diagnostics()) {
        if (d.path.starts_with(name + ":")) d.path = name + "!/" + d.path.substr(name.size() + 1);
        problems.add(std::move(d));
    }
    for (const BundleEntry& entry : reader->entries())
        if (entry.usable && !entry.directory) entries.push_back(entry.name);
    return std::make_shared<ZipSpace>(std::move(reader), std::move(known));
}

}  // namespace paperbag
