#include "paperbag/bundle.hpp"

#include <algorithm>
#include <exception>
#include <map>
#include <optional>
#include <thread>

#include "core/digest.hpp"
#include "core/mime.hpp"
#include "io/unique_fd.hpp"
#include "package/bagit.hpp"
#include "package/entry_name.hpp"
#include "package/pack_ahead.hpp"
#include "package/payload_file.hpp"
#include "package/zip_output.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

std::string checked_name(std::string path, std::string_view what) {
    if (auto reason = unsafe_name_reason(path))
        throw Error("PB-BAG-NAME", path, "unsafe " + std::string(what) + ": " + *reason);
    return *to_nfc(path);
}

}  // namespace

struct BundleWriter::Impl {
    enum class Kind { file, bytes, lazy };

    // One ZIP entry; its zip_source reads through it.
    struct Entry {
        Entry() { zip_error_init(&error); }
        ~Entry() { zip_error_fini(&error); }
        Entry(const Entry&) = delete;
        Entry& operator=(const Entry&) = delete;

        Impl* owner = nullptr;
        std::string name;  // relative to the bag, NFC
        Kind kind = Kind::bytes;
        bool payload = true;
        std::filesystem::path file;
        std::string bytes;
        std::function<std::string()> produce;  // for lazy entries, called when libzip asks
        BagFileRecord record;
        bool done = false;
        // Set when workers pack this entry ahead (PackAhead input index); `packed` holds
        // their output from the first ZIP_SOURCE_STAT to ZIP_SOURCE_CLOSE.
        std::optional<std::size_t> ahead;
        bool deflated_ahead = false;
        std::optional<AheadOutput> packed;

        // Reading state between ZIP_SOURCE_OPEN and ZIP_SOURCE_CLOSE.
        UniqueFd fd;
        std::optional<PayloadDigests> digests;
        std::vector<char> buffer;
        std::size_t buffer_at = 0;
        std::size_t buffer_end = 0;
        std::uint64_t offset = 0;
        zip_error_t error;
    };

    Impl(BundleOptions o, const Clock& c) : options(std::move(o)), clock(c) {}

    BundleOptions options;
    const Clock& clock;
    std::vector<std::unique_ptr<Entry>> entries;
    std::map<std::string, std::string> names;  // NFC name -> name as given
    std::vector<BundleGenerator> generators;
    std::exception_ptr failure;
    bool written = false;
    PackAhead* ahead = nullptr;  // during write()

    Entry& add(std::string path, Kind kind) {
        if (written) throw Error("PB-BAG-OPTION", path, "bundle already written");
        std::string name = checked_name(path, "payload path");
        if (name.rfind("data/", 0) != 0)
            throw Error("PB-BAG-NAME", path, "payload paths must start with 'data/'");
        const auto [it, inserted] = names.emplace(name, path);
        if (!inserted) {
            if (it->second == path) throw Error("PB-BAG-NAME", path, "duplicate payload path");
            throw Error("PB-BAG-NAME-COLLISION", path,
                        "payload path equals '" + it->second + "' after NFC normalisation");
        }
        auto entry = std::make_unique<Entry>();
        entry->owner = this;
        entry->name = std::move(name);
        entry->kind = kind;
        entry->record.path = entry->name;
        entries.push_back(std::move(entry));
        return *entries.back();
    }

    std::vector<BagFileRecord> payload_records(bool generated_too) const {
        std::vector<BagFileRecord> out;
        for (const auto& e : entries)
            if (e->payload && (generated_too || e->kind != Kind::lazy)) out.push_back(e->record);
        std::sort(out.begin(), out.end(),
                  [](const auto& a, const auto& b) { return a.path < b.path; });
        return out;
    }

    bool all_done(const Entry& upto) const {
        for (const auto& e : entries) {
            if (e.get() == &upto) return true;
            if (!e->done) return false;
        }
        return true;
    }

    // ZIP_SOURCE_* for one entry. Exceptions stop here: they are kept for write() to
    // rethrow after zip_close() has failed.
    static zip_int64_t callback(void* state, void* data, zip_uint64_t length,
                                zip_source_cmd_t cmd) {
        auto& entry = *static_cast<Entry*>(state);
        try {
            return entry.owner->handle(entry, data, length, cmd);
        } catch (...) {
            if (!entry.owner->failure) entry.owner->failure = std::current_exception();
            zip_error_set(&entry.error, ZIP_ER_INTERNAL, 0);
            return -1;
        }
    }

    // Waits for the workers' output of an entry packed ahead; rethrows their error.
    void take_packed(Entry& entry) {
        if (!entry.ahead || entry.packed) return;
        entry.packed = ahead->wait(*entry.ahead);
        entry.record.sha256 = entry.packed->sha256;
        entry.record.sha512 = entry.packed->sha512;
    }

    void materialise(Entry& entry) {
        if (entry.kind != Kind::lazy || entry.produce == nullptr) return;
        if (!all_done(entry))
            throw Error("PB-BAG-WRITE", entry.name, "generated entry requested before the payload");
        entry.bytes = entry.produce();
        entry.produce = nullptr;
        entry.record.size = entry.bytes.size();
    }

    zip_int64_t handle(Entry& entry, void* data, zip_uint64_t length, zip_source_cmd_t cmd) {
        switch (cmd) {
            case ZIP_SOURCE_SUPPORTS:
                return entry.deflated_ahead
                           ? zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
                                                            ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                            ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                                            ZIP_SOURCE_GET_FILE_ATTRIBUTES, -1)
                           : zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ,
                                                            ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                                            ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
            case ZIP_SOURCE_STAT: {
                auto* st = ZIP_SOURCE_GET_ARGS(zip_stat_t, data, length, &entry.error);
                if (st == nullptr) return -1;
                materialise(entry);
                take_packed(entry);
                zip_stat_init(st);
                st->size = entry.record.size;
                st->mtime = dos_time_for_utc(clock.now());
                st->valid = ZIP_STAT_SIZE | ZIP_STAT_MTIME;
                if (entry.deflated_ahead) {
                    // Already deflated with the entry's own method and level: libzip copies
                    // the bytes and takes the CRC from here (zip_close.c, add_data()).
                    st->comp_method = ZIP_CM_DEFLATE;
                    st->comp_size = entry.packed->size;
                    st->crc = entry.packed->crc;
                    st->valid |= ZIP_STAT_COMP_METHOD | ZIP_STAT_COMP_SIZE | ZIP_STAT_CRC;
                }
                return sizeof(zip_stat_t);
            }
            case ZIP_SOURCE_GET_FILE_ATTRIBUTES: {
                // What libzip's deflate reports (zip_algorithm_deflate.c): the level's hint in
                // general purpose bits 1-2, version 2.0 to extract. The entry's headers are
                // then the same as when libzip deflates.
                auto* attributes =
                    ZIP_SOURCE_GET_ARGS(zip_file_attributes_t, data, length, &entry.error);
                if (attributes == nullptr) return -1;
                const int level = options.deflate_level;
                attributes->valid |= ZIP_FILE_ATTRIBUTES_VERSION_NEEDED |
                                     ZIP_FILE_ATTRIBUTES_GENERAL_PURPOSE_BIT_FLAGS;
                attributes->version_needed = 20;
                attributes->general_purpose_bit_mask = 0x0006;
                attributes->general_purpose_bit_flags = level < 3 ? 2 << 1 : level > 7 ? 1 << 1 : 0;
                return sizeof(zip_file_attributes_t);
            }
            case ZIP_SOURCE_OPEN:
                materialise(entry);
                take_packed(entry);
                entry.offset = 0;
                if (entry.packed) return 0;
                entry.digests.emplace(options.sha512);
                if (entry.kind == Kind::file) {
                    std::uint64_t size = 0;
                    entry.fd = open_payload_file(entry.file, size);
                    entry.buffer.resize(payload_read_size);
                    entry.buffer_at = entry.buffer_end = 0;
                }
                return 0;
            case ZIP_SOURCE_READ: return read(entry, static_cast<char*>(data), length);
            case ZIP_SOURCE_CLOSE:
                if (entry.packed) {
                    ahead->release(*entry.ahead);
                    entry.packed->data = nullptr;
                }
                entry.fd.reset();
                std::vector<char>().swap(entry.buffer);  // release the memory, not just the size
                entry.digests.reset();
                return 0;
            case ZIP_SOURCE_ERROR: return zip_error_to_data(&entry.error, data, length);
            case ZIP_SOURCE_FREE: return 0;
            default: zip_error_set(&entry.error, ZIP_ER_OPNOTSUPP, 0); return -1;
        }
    }

    zip_int64_t read(Entry& entry, char* out, zip_uint64_t length) {
        std::size_t n = 0;
        if (entry.packed) {
            if (entry.packed->data == nullptr)
                throw Error("PB-BAG-WRITE", entry.name, "entry read again after it was written");
            n = std::min<std::size_t>(length, entry.packed->size - entry.offset);
            std::copy_n(entry.packed->data + entry.offset, n, out);
        } else if (entry.kind == Kind::file) {
            if (entry.buffer_at == entry.buffer_end) {
                entry.buffer_end = read_payload(entry.fd.get(), entry.buffer.data(),
                                                entry.buffer.size(), entry.file);
                entry.buffer_at = 0;
                if (entry.offset + entry.buffer_end > entry.record.size)
                    throw Error("PB-BAG-CHANGED", entry.file.string(),
                                "file grew while it was being packed");
                entry.digests->update(entry.buffer.data(), entry.buffer_end);
            }
            n = std::min<std::size_t>(length, entry.buffer_end - entry.buffer_at);
            std::copy_n(entry.buffer.data() + entry.buffer_at, n, out);
            entry.buffer_at += n;
        } else {
            n = std::min<std::size_t>(length, entry.bytes.size() - entry.offset);
            std::copy_n(entry.bytes.data() + entry.offset, n, out);
            entry.digests->update(out, n);
        }
        entry.offset += n;
        if (n == 0 && !entry.done) {
            if (!entry.packed) {  // packed entries were checked and digested by the workers
                if (entry.offset != entry.record.size)
                    throw Error("PB-BAG-CHANGED", entry.file.string(),
                                "file shrank while it was being packed");
                entry.digests->finish(entry.record);
            }
            entry.done = true;
            if (entry.kind != Kind::file) std::string().swap(entry.bytes);  // no longer needed
        }
        return static_cast<zip_int64_t>(n);
    }

    void add_tag_files();
    BundleResult write(const std::filesystem::path& target);
};

BundleWriter::BundleWriter(BundleOptions options, const Clock& clock)
    : impl_(std::make_unique<Impl>(std::move(options), clock)) {
    const std::string& name = impl_->options.bag_name;
    if (auto reason = unsafe_name_reason(name))
        throw Error("PB-BAG-NAME", name, "unsafe bag name: " + *reason);
    if (name.find('/') != std::string::npos)
        throw Error("PB-BAG-NAME", name, "the bag name must be one path segment");
    impl_->options.bag_name = *to_nfc(name);
    if (impl_->options.deflate_level < 1 || impl_->options.deflate_level > 9)
        throw Error("PB-BAG-OPTION", "", "deflate level must be 1 to 9");
    // Field syntax is checked now, not halfway through writing.
    bagit::format_fields(impl_->options.bag_info);
}

BundleWriter::~BundleWriter() = default;

void BundleWriter::add_file(std::string bag_path, const std::filesystem::path& source) {
    std::uint64_t size = 0;
    open_payload_file(source, size);
    auto& entry = impl_->add(std::move(bag_path), Impl::Kind::file);
    entry.file = source;
    entry.record.size = size;
}

void BundleWriter::add_bytes(std::string bag_path, std::string bytes) {
    auto& entry = impl_->add(std::move(bag_path), Impl::Kind::bytes);
    entry.record.size = bytes.size();
    entry.bytes = std::move(bytes);
}

void BundleWriter::add_generated(std::string bag_path, BundleGenerator generate) {
    auto& entry = impl_->add(std::move(bag_path), Impl::Kind::lazy);
    Impl* impl = impl_.get();
    entry.produce = [impl, generate = std::move(generate)] {
        return generate(impl->payload_records(false));
    };
}

void BundleWriter::Impl::add_tag_files() {
    const auto tag = [this](std::string name, std::function<std::string()> produce) {
        auto entry = std::make_unique<Entry>();
        entry->owner = this;
        entry->name = std::move(name);
        entry->record.path = entry->name;
        entry->kind = Kind::lazy;
        entry->payload = false;
        entry->produce = std::move(produce);
        entries.push_back(std::move(entry));
    };
    tag("bag-info.txt", [this] {
        std::uint64_t octets = 0;
        std::uint64_t streams = 0;
        for (const auto& e : entries)
            if (e->payload) octets += e->record.size, ++streams;
        bagit::Fields fields;
        if (!options.source_organization.empty())
            fields.emplace_back("Source-Organization", options.source_organization);
        if (!options.external_identifier.empty())
            fields.emplace_back("External-Identifier", options.external_identifier);
        fields.emplace_back("Bagging-Date", format_date_utc(clock.now()));
        fields.emplace_back("Payload-Oxum", bagit::payload_oxum(octets, streams));
        fields.emplace_back("Bag-Size", bagit::human_size(octets));
        fields.insert(fields.end(), options.bag_info.begin(), options.bag_info.end());
        return bagit::format_fields(fields);
    });
    std::vector<DigestAlgorithm> algorithms{DigestAlgorithm::sha256};
    if (options.sha512) algorithms.push_back(DigestAlgorithm::sha512);
    const auto lines = [](const std::vector<BagFileRecord>& records, DigestAlgorithm a) {
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& r : records)
            out.emplace_back(r.path, a == DigestAlgorithm::sha256 ? r.sha256 : r.sha512);
        return bagit::format_manifest(out);
    };
    for (DigestAlgorithm a : algorithms)
        tag("manifest-" + std::string(to_string(a)) + ".txt",
            [this, a, lines] { return lines(payload_records(true), a); });
    // Tag manifests cover every tag file except the tag manifests themselves.
    for (DigestAlgorithm a : algorithms)
        tag("tagmanifest-" + std::string(to_string(a)) + ".txt", [this, a, lines] {
            std::vector<BagFileRecord> tags;
            for (const auto& e : entries)
                if (!e->payload && e->name.rfind("tagmanifest-", 0) != 0) tags.push_back(e->record);
            std::sort(tags.begin(), tags.end(),
                      [](const auto& x, const auto& y) { return x.path < y.path; });
            return lines(tags, a);
        });
}

BundleResult BundleWriter::Impl::write(const std::filesystem::path& target) {
    if (written) throw Error("PB-BAG-OPTION", target.string(), "bundle already written");
    written = true;

    // bagit.txt first, the payload sorted by name with generated entries last, then the
    // tag files computed from the payload.
    std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
        const bool lazy_a = a->kind == Kind::lazy;
        const bool lazy_b = b->kind == Kind::lazy;
        return lazy_a != lazy_b ? lazy_b : a->name < b->name;
    });
    {
        auto bagit_txt = std::make_unique<Entry>();
        bagit_txt->owner = this;
        bagit_txt->name = "bagit.txt";
        bagit_txt->record.path = "bagit.txt";
        bagit_txt->payload = false;
        bagit_txt->bytes = std::string(bagit::declaration);
        bagit_txt->record.size = bagit_txt->bytes.size();
        entries.insert(entries.begin(), std::move(bagit_txt));
    }
    add_tag_files();

    // Payload files and bytes up to the limit are read, checksummed and deflated by worker
    // threads ahead of libzip (pack_ahead.hpp); larger ones and generated entries are
    // streamed through the ZIP_SOURCE_READ callback by the writing thread.
    std::vector<AheadInput> inputs;
    for (auto& entry : entries) {
        if (!entry->payload || entry->kind == Kind::lazy ||
            entry->record.size > options.pack_ahead_limit)
            continue;
        entry->ahead = inputs.size();
        entry->deflated_ahead = !is_compressed_mime_type(mime_type_for(entry->name));
        inputs.push_back(AheadInput{entry->file,
                                    entry->kind == Kind::bytes ? &entry->bytes : nullptr,
                                    entry->record.size, entry->deflated_ahead});
    }

    AtomicFile file(target);
    ZipFileTarget zip_target(file);
    ZipPtr archive = open_zip_in(zip_target);
    PackAhead pack(
        std::move(inputs),
        {options.deflate_level, options.sha512,
         options.threads != 0 ? options.threads : std::max(1u, std::thread::hardware_concurrency()),
         2 * options.pack_ahead_limit});
    ahead = &pack;
    const std::time_t mtime = dos_time_for_utc(clock.now());
    for (auto& entry : entries) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_function_create(&Impl::callback, entry.get(), &error);
        zip_error_fini(&error);
        if (source == nullptr) throw Error("PB-BAG-WRITE", target.string(), "cannot create source");
        const std::string zip_name = options.bag_name + "/" + entry->name;
        const zip_int64_t index =
            zip_file_add(archive.get(), zip_name.c_str(), source, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(source);
            throw Error("PB-BAG-WRITE", target.string(),
                        "cannot add '" + zip_name + "': " + zip_strerror(archive.get()));
        }
        const auto i = static_cast<zip_uint64_t>(index);
        const bool store = is_compressed_mime_type(mime_type_for(entry->name));
        if (zip_set_file_compression(
                archive.get(), i, store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                store ? 0 : static_cast<zip_uint32_t>(options.deflate_level)) != 0 ||
            zip_file_set_mtime(archive.get(), i, mtime, 0) != 0 ||
            zip_file_set_external_attributes(archive.get(), i, 0, ZIP_OPSYS_UNIX,
                                             std::uint32_t{0100644} << 16) != 0)
            throw Error(
                "PB-BAG-WRITE", target.string(),
                "cannot set attributes of '" + zip_name + "': " + zip_strerror(archive.get()));
    }
    if (zip_close(archive.get()) != 0) {
        if (failure) std::rethrow_exception(failure);
        throw Error("PB-BAG-WRITE", target.string(),
                    std::string("cannot write bundle: ") + zip_strerror(archive.get()));
    }
    archive.release();  // zip_close() freed it
    ahead = nullptr;
    file.commit();

    BundleResult result;
    result.payload = payload_records(true);
    for (const auto& e : entries)
        if (!e->payload) result.tag_files.push_back(e->record);
    for (const auto& r : result.payload) result.payload_octets += r.size;
    result.payload_streams = result.payload.size();
    std::error_code ec;
    result.archive_size = std::filesystem::file_size(target, ec);
    return result;
}

BundleResult BundleWriter::write(const std::filesystem::path& target) {
    return impl_->write(target);
}

BagFileRecord checksum_file(const std::filesystem::path& file, std::string bag_path, bool sha512) {
    BagFileRecord record;
    record.path = std::move(bag_path);
    std::uint64_t size = 0;
    const UniqueFd fd = open_payload_file(file, size);
    PayloadDigests digests(sha512);
    std::vector<char> buffer(payload_read_size);
    while (const std::size_t n = read_payload(fd.get(), buffer.data(), buffer.size(), file)) {
        digests.update(buffer.data(), n);
        record.size += n;
    }
    digests.finish(record);
    return record;
}

}  // namespace paperbag
