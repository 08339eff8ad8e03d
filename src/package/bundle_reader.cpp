#include "paperbag/bundle_reader.hpp"

#include <sys/stat.h>
#include <zip.h>

#include <cerrno>
#include <map>
#include <mutex>
#include <set>

#include "io/zip_handles.hpp"
#include "package/entry_name.hpp"

namespace paperbag {

namespace {

constexpr std::size_t chunk_size = std::size_t{64} << 10;
constexpr std::uint64_t ratio_floor = std::uint64_t{1} << 20;  // ratios matter above 1 MiB

std::string zip_error_message(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string out = zip_error_strerror(&error);
    zip_error_fini(&error);
    return out;
}

}  // namespace

struct BundleReader::Impl {
    std::filesystem::path path;
    std::string display;
    BundleLimits limits;
    ZipPtr archive;
    std::vector<BundleEntry> entries;
    std::map<std::string, std::size_t, std::less<>> by_name;  // usable entries
    Diagnostics diagnostics;
    std::shared_ptr<const KnownDigests> checked;  // set_checked()
    // Archive handles of EntryReaders: libzip handles are not thread-safe, so each reader
    // takes one of its own, returned here when it is done.
    std::mutex pool_mutex;
    std::vector<ZipPtr> idle_handles;

    Diagnostic entry_finding(std::string code, std::string_view name, std::string message) const {
        Diagnostic d;
        d.severity = Severity::error;
        d.code = std::move(code);
        d.path = display + ":" + std::string(name);
        d.message = std::move(message);
        return d;
    }

    void finding(std::string code, std::string_view name, std::string message,
                 Severity severity = Severity::error) {
        Diagnostic d;
        d.severity = severity;
        d.code = std::move(code);
        d.path = name.empty() ? display : display + ":" + std::string(name);
        d.message = std::move(message);
        diagnostics.add(std::move(d));
    }

    bool open() {
        // A folder, a FIFO or a device is not a bundle that is bad: it cannot be read as one
        // at all (and opening a FIFO would wait for a writer).
        std::error_code ec;
        const auto status = std::filesystem::status(path, ec);
        if (ec || !std::filesystem::exists(status)) {
            errno = ec ? ec.value() : ENOENT;
            throw_system_error("cannot open", display);
        }
        if (!std::filesystem::is_regular_file(status))
            throw Error("PB-IO", display, "cannot open: not a regular file");
        int code = 0;
        zip_t* za = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
        if (za == nullptr && code == ZIP_ER_EXISTS) {
            // Duplicate names: libzip refuses them under ZIP_CHECKCONS. Open without it so the
            // duplicates can be reported one by one below.
            za = zip_open(path.c_str(), ZIP_RDONLY, &code);
        }
        if (za == nullptr) {
            if (code == ZIP_ER_NOENT) errno = ENOENT;
            if (code == ZIP_ER_OPEN || code == ZIP_ER_READ || code == ZIP_ER_NOENT) {
                errno = errno ? errno : EIO;
                throw_system_error("cannot open", display);
            }
            finding("PB-BAG-ZIP", "", "not a readable ZIP archive: " + zip_error_message(code));
            return false;
        }
        archive.reset(za);
        return true;
    }

    void scan() {
        const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
        if (count < 0) return;
        if (static_cast<std::uint64_t>(count) > limits.max_entries) {
            finding("PB-BAG-TOO-MANY-ENTRIES", "",
                    std::to_string(count) + " entries, more than the limit of " +
                        std::to_string(limits.max_entries));
            return;
        }
        std::map<std::string, std::string> nfc_names;  // NFC -> first name
        std::uint64_t total = 0;
        entries.reserve(static_cast<std::size_t>(count));
        for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(count); ++i) {
            zip_stat_t st;
            zip_stat_init(&st);
            BundleEntry entry;
            entry.index = i;
            if (zip_stat_index(archive.get(), i, ZIP_FL_ENC_RAW, &st) != 0 || st.name == nullptr) {
                finding("PB-BAG-ZIP", "", "entry " + std::to_string(i) + " cannot be read");
                entries.push_back(entry);
                continue;
            }
            entry.name = st.name;
            entry.size = st.size;
            entry.compressed_size = st.comp_size;
            entry.method = static_cast<std::uint16_t>(st.comp_method);
            if (st.valid & ZIP_STAT_CRC) entry.crc = st.crc;
            entry.directory = !entry.name.empty() && entry.name.back() == '/';
            entry.usable = check(entry, st, nfc_names);
            if (entry.usable && !entry.directory) {
                total += entry.size;
                if (total > limits.max_total_size) {
                    finding("PB-BAG-BOMB", entry.name,
                            "the entries declare more than " +
                                std::to_string(limits.max_total_size) + " bytes in total");
                    entry.usable = false;
                    total -= entry.size;
                }
            }
            if (entry.usable) by_name.emplace(entry.name, entries.size());
            entries.push_back(std::move(entry));
        }
    }

    // Checks one entry; adds findings and returns whether it is safe to read.
    bool check(const BundleEntry& entry, const zip_stat_t& st,
               std::map<std::string, std::string>& nfc_names) {
        const std::string shown =
            is_valid_utf8(entry.name) ? entry.name : "(entry " + std::to_string(entry.index) + ")";
        if (auto reason = unsafe_name_reason(entry.name, true)) {
            finding("PB-BAG-UNSAFE-NAME", shown, "unsafe entry name: " + *reason);
            return false;
        }
        const std::string nfc = *to_nfc(entry.name);
        if (nfc != entry.name)
            finding("PB-BAG-NOT-NFC", shown, "entry name is not in Unicode NFC", Severity::warning);
        const auto [it, inserted] = nfc_names.emplace(nfc, entry.name);
        if (!inserted) {
            if (it->second == entry.name)
                finding("PB-BAG-DUPLICATE", shown, "duplicate entry name");
            else
                finding("PB-BAG-NFC-TWIN", shown,
                        "entry name equals '" + it->second + "' after NFC normalisation");
            return false;
        }
        zip_uint8_t opsys = 0;
        zip_uint32_t attributes = 0;
        if (zip_file_get_external_attributes(archive.get(), entry.index, 0, &opsys, &attributes) ==
                0 &&
            opsys == ZIP_OPSYS_UNIX) {
            const std::uint32_t type = (attributes >> 16) & S_IFMT;
            if (type == S_IFLNK) {
                finding("PB-BAG-SYMLINK", shown, "entry is a symbolic link");
                return false;
            }
            if (type != 0 && type != S_IFREG && type != S_IFDIR) {
                finding("PB-BAG-SPECIAL-FILE", shown, "entry is not a regular file or folder");
                return false;
            }
        }
        if (st.encryption_method != ZIP_EM_NONE) {
            finding("PB-BAG-ENCRYPTED", shown, "entry is encrypted");
            return false;
        }
        if (entry.directory) return entry.size == 0;
        if (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE) {
            finding("PB-BAG-METHOD", shown,
                    "unsupported compression method " + std::to_string(st.comp_method));
            return false;
        }
        if (entry.size > limits.max_entry_size) {
            finding("PB-BAG-BOMB", shown,
                    "declared size " + std::to_string(entry.size) + " exceeds the limit of " +
                        std::to_string(limits.max_entry_size) + " bytes");
            return false;
        }
        if (entry.size > ratio_floor &&
            entry.size / std::max<std::uint64_t>(entry.compressed_size, 1) > limits.max_ratio) {
            finding("PB-BAG-BOMB", shown,
                    "compression ratio above " + std::to_string(limits.max_ratio) + ":1 (" +
                        std::to_string(entry.compressed_size) + " -> " +
                        std::to_string(entry.size) + " bytes)");
            return false;
        }
        if (st.comp_method == ZIP_CM_STORE && entry.size != entry.compressed_size) {
            finding("PB-BAG-SIZE-MISMATCH", shown, "stored entry with different sizes");
            return false;
        }
        return true;
    }
};

BundleReader::BundleReader(std::filesystem::path bundle, BundleLimits limits)
    : impl_(std::make_unique<Impl>()) {
    impl_->path = std::move(bundle);
    impl_->display = impl_->path.string();
    impl_->limits = limits;
    errno = 0;
    if (impl_->open()) impl_->scan();
}

BundleReader::~BundleReader() = default;

const std::filesystem::path& BundleReader::path() const noexcept {
    return impl_->path;
}
const std::vector<BundleEntry>& BundleReader::entries() const noexcept {
    return impl_->entries;
}
const Diagnostics& BundleReader::diagnostics() const noexcept {
    return impl_->diagnostics;
}

std::string BundleReader::entry_path(std::string_view name) const {
    return impl_->display + ":" + std::string(name);
}

const BundleEntry* BundleReader::find(std::string_view name) const {
    const auto it = impl_->by_name.find(name);
    return it == impl_->by_name.end() ? nullptr : &impl_->entries[it->second];
}

bool BundleReader::stream(const BundleEntry& entry,
                          const std::function<void(std::string_view chunk)>& sink) {
    if (!entry.usable || entry.directory || !impl_->archive) return false;
    ZipFilePtr file(zip_fopen_index(impl_->archive.get(), entry.index, 0));
    if (!file) {
        impl_->finding("PB-BAG-CORRUPT", entry.name,
                       std::string("cannot read entry: ") + zip_strerror(impl_->archive.get()));
        return false;
    }
    std::vector<char> buffer(chunk_size);
    std::uint64_t seen = 0;
    while (true) {
        const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
        if (n < 0) {
            impl_->finding("PB-BAG-CORRUPT", entry.name,
                           std::string("corrupt entry data: ") + zip_file_strerror(file.get()));
            return false;
        }
        if (n == 0) break;
        seen += static_cast<std::uint64_t>(n);
        if (seen > entry.size) {
            impl_->finding(
                "PB-BAG-SIZE-MISMATCH", entry.name,
                "entry data is longer than its declared size " + std::to_string(entry.size));
            return false;
        }
        sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    }
    if (seen != entry.size) {
        impl_->finding("PB-BAG-SIZE-MISMATCH", entry.name,
                       "entry data has " + std::to_string(seen) + " bytes, declared " +
                           std::to_string(entry.size));
        return false;
    }
    return true;
}

std::optional<std::string> BundleReader::read(const BundleEntry& entry, std::uint64_t max_size) {
    if (entry.size > max_size) {
        impl_->finding("PB-BAG-TOO-LARGE", entry.name,
                       "entry has " + std::to_string(entry.size) + " bytes, more than the " +
                           std::to_string(max_size) + " this reader accepts");
        return std::nullopt;
    }
    std::string out;
    out.reserve(static_cast<std::size_t>(entry.size));
    if (!stream(entry, [&](std::string_view chunk) { out.append(chunk); })) return std::nullopt;
    return out;
}

struct BundleReader::EntryReader::Handle {
    ZipPtr archive;
    ZipFilePtr file;
};

BundleReader::EntryReader::EntryReader(const BundleReader& owner, const BundleEntry& entry)
    : owner_(owner), entry_(entry), handle_(std::make_unique<Handle>()) {
    Impl& impl = *owner_.impl_;
    {
        const std::lock_guard lock(impl.pool_mutex);
        if (!impl.idle_handles.empty()) {
            handle_->archive = std::move(impl.idle_handles.back());
            impl.idle_handles.pop_back();
        }
    }
    if (!handle_->archive) {
        int code = 0;
        handle_->archive.reset(zip_open(impl.path.c_str(), ZIP_RDONLY, &code));
        if (!handle_->archive)
            throw Error("PB-IO", impl.display, "cannot open again: " + zip_error_message(code));
    }
    handle_->file.reset(zip_fopen_index(handle_->archive.get(), entry_.index, 0));
    if (!handle_->file)
        problem_ = impl.entry_finding(
            "PB-BAG-CORRUPT", entry_.name,
            std::string("cannot read entry: ") + zip_strerror(handle_->archive.get()));
}

BundleReader::EntryReader::~EntryReader() {
    handle_->file.reset();
    Impl& impl = *owner_.impl_;
    try {
        const std::lock_guard lock(impl.pool_mutex);
        impl.idle_handles.push_back(std::move(handle_->archive));
    } catch (...) {  // out of memory: the handle is closed instead
    }
}

std::ptrdiff_t BundleReader::EntryReader::read(char* buffer, std::size_t size) {
    if (problem_) return -1;
    const zip_int64_t n = zip_fread(handle_->file.get(), buffer, size);
    const Impl& impl = *owner_.impl_;
    if (n < 0) {
        problem_ = impl.entry_finding(
            "PB-BAG-CORRUPT", entry_.name,
            std::string("corrupt entry data: ") + zip_file_strerror(handle_->file.get()));
        return -1;
    }
    seen_ += static_cast<std::uint64_t>(n);
    if (seen_ > entry_.size) {
        problem_ = impl.entry_finding(
            "PB-BAG-SIZE-MISMATCH", entry_.name,
            "entry data is longer than its declared size " + std::to_string(entry_.size));
        return -1;
    }
    if (n == 0 && size > 0 && seen_ != entry_.size) {
        problem_ = impl.entry_finding("PB-BAG-SIZE-MISMATCH", entry_.name,
                                      "entry data has " + std::to_string(seen_) +
                                          " bytes, declared " + std::to_string(entry_.size));
        return -1;
    }
    return static_cast<std::ptrdiff_t>(n);
}

std::unique_ptr<BundleReader::EntryReader> BundleReader::open_entry(
    const BundleEntry& entry) const {
    if (!entry.usable || entry.directory || !impl_->archive)
        throw Error("PB-IO", entry_path(entry.name), "entry is not readable");
    return std::unique_ptr<EntryReader>(new EntryReader(*this, entry));
}

bool BundleReader::check_all() {
    if (!impl_->archive) return false;
    for (const BundleEntry& entry : impl_->entries) {
        if (!entry.usable || entry.directory) continue;
        if (impl_->checked) {
            const auto known = impl_->checked->find(entry.name);
            if (known != impl_->checked->end() && known->second.describes(entry)) continue;
        }
        stream(entry, [](std::string_view) {});
    }
    return !impl_->diagnostics.has_errors();
}

void BundleReader::set_checked(std::shared_ptr<const KnownDigests> checked) {
    impl_->checked = std::move(checked);
}

}  // namespace paperbag
