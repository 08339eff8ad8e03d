#include <map>
#include <optional>
#include <set>

#include "core/digest.hpp"
#include "package/bagit.hpp"
#include "package/entry_name.hpp"
#include "paperbag/bundle_reader.hpp"

namespace paperbag {

namespace {

constexpr std::uint64_t max_tag_file_size = std::uint64_t{64} << 20;

struct Manifest {
    DigestAlgorithm algorithm;
    std::string entry;                                 // full entry name
    std::map<std::string, bagit::ManifestLine> lines;  // path relative to the bag
};

std::optional<DigestAlgorithm> algorithm_named(std::string_view name) {
    if (name == "sha256") return DigestAlgorithm::sha256;
    if (name == "sha512") return DigestAlgorithm::sha512;
    if (name == "sha1") return DigestAlgorithm::sha1;
    return std::nullopt;
}

std::size_t hex_length(DigestAlgorithm a) {
    switch (a) {
        case DigestAlgorithm::sha1: return 40;
        case DigestAlgorithm::sha256: return 64;
        case DigestAlgorithm::sha512: return 128;
    }
    return 64;
}

class Verifier {
public:
    Verifier(const std::filesystem::path& bundle, const VerifyOptions& options)
        : options_(options), reader_(bundle, options.limits) {}

    VerifyResult run() {
        find_bag();
        if (!result_.info.bag_name.empty()) {
            check_declaration();
            read_bag_info();
            read_manifests("manifest-", payload_manifests_);
            read_manifests("tagmanifest-", tag_manifests_);
            if (payload_manifests_.empty())
                error("PB-BAG-NO-MANIFEST", prefix_,
                      "the bag has no payload manifest with a supported algorithm (sha256, sha512, "
                      "sha1)");
            check_files();
            check_listed(payload_manifests_);
            check_listed(tag_manifests_);
            check_oxum();
        }
        Diagnostics all = reader_.diagnostics();
        all.append(result_.diagnostics);
        result_.diagnostics = std::move(all);
        return std::move(result_);
    }

    BundleInfo info_only() {
        find_bag();
        if (!result_.info.bag_name.empty()) read_bag_info();
        Diagnostics all = reader_.diagnostics();
        all.append(result_.diagnostics);
        result_.diagnostics = std::move(all);
        return std::move(result_.info);
    }

    Diagnostics take_diagnostics() { return std::move(result_.diagnostics); }

private:
    void error(std::string code, std::string_view entry, std::string message,
               std::uint64_t line = 0, Severity severity = Severity::error) {
        Diagnostic d;
        d.severity = severity;
        d.code = std::move(code);
        d.path = reader_.entry_path(entry);
        d.line = line;
        d.message = std::move(message);
        result_.diagnostics.add(std::move(d));
    }

    // Every entry must lie below one top folder, the bag.
    void find_bag() {
        std::map<std::string, std::size_t> tops;
        for (const BundleEntry& e : reader_.entries()) {
            if (!e.usable) continue;
            const std::size_t slash = e.name.find('/');
            if (slash == std::string::npos || slash + 1 == e.name.size()) {
                if (slash == std::string::npos)
                    error("PB-BAG-LAYOUT", e.name, "entry outside the bag folder");
                continue;
            }
            ++tops[e.name.substr(0, slash)];
        }
        if (tops.empty()) {
            if (!reader_.diagnostics().has_errors())
                result_.diagnostics.add(make_error("PB-BAG-LAYOUT", reader_.path().string(), 0,
                                                   "the bundle holds no bag folder"));
            return;
        }
        auto top = tops.begin();
        for (auto it = tops.begin(); it != tops.end(); ++it)
            if (it->second > top->second) top = it;
        result_.info.bag_name = top->first;
        prefix_ = top->first + "/";
        for (const BundleEntry& e : reader_.entries()) {
            if (!e.usable || e.directory) continue;
            if (e.name.rfind(prefix_, 0) != 0) {
                if (e.name.find('/') != std::string::npos)
                    error("PB-BAG-LAYOUT", e.name,
                          "entry outside the bag folder '" + result_.info.bag_name + "'");
                continue;
            }
            BundleEntry relative = e;
            relative.name = e.name.substr(prefix_.size());
            result_.info.files.push_back(std::move(relative));
        }
    }

    std::optional<std::string> read_tag(std::string_view relative) {
        const BundleEntry* e = reader_.find(prefix_ + std::string(relative));
        if (e == nullptr) return std::nullopt;
        return reader_.read(*e, max_tag_file_size);
    }

    void check_declaration() {
        const auto text = read_tag("bagit.txt");
        const std::string name = prefix_ + "bagit.txt";
        if (!text) {
            if (!reader_.find(name)) error("PB-BAG-NO-BAGIT", name, "bagit.txt is missing");
            return;
        }
        const auto fields =
            bagit::parse_fields(*text, reader_.entry_path(name), result_.diagnostics);
        const auto value = [&](std::string_view label) -> std::optional<std::string> {
            for (const auto& [l, v] : fields)
                if (l == label) return v;
            return std::nullopt;
        };
        const auto version = value("BagIt-Version");
        if (!version)
            error("PB-BAG-BAGIT-TXT", name, "BagIt-Version is missing");
        else if (*version != "1.0" && *version != "0.97")
            error("PB-BAG-BAGIT-TXT", name, "unsupported BagIt-Version '" + *version + "'", 0,
                  Severity::warning);
        const auto encoding = value("Tag-File-Character-Encoding");
        if (!encoding || (*encoding != "UTF-8" && *encoding != "utf-8"))
            error("PB-BAG-BAGIT-TXT", name, "Tag-File-Character-Encoding must be UTF-8");
    }

    void read_bag_info() {
        const auto text = read_tag("bag-info.txt");
        if (!text) return;
        result_.info.bag_info = bagit::parse_fields(
            *text, reader_.entry_path(prefix_ + "bag-info.txt"), result_.diagnostics);
    }

    void read_manifests(std::string_view kind, std::vector<Manifest>& out) {
        for (const BundleEntry& f : result_.info.files) {
            if (f.name.find('/') != std::string::npos || f.name.rfind(kind, 0) != 0 ||
                f.name.size() < kind.size() + 4 || f.name.substr(f.name.size() - 4) != ".txt")
                continue;
            const std::string name = prefix_ + f.name;
            const std::string algorithm_name =
                f.name.substr(kind.size(), f.name.size() - kind.size() - 4);
            const auto algorithm = algorithm_named(algorithm_name);
            if (!algorithm) {
                error("PB-BAG-ALGORITHM", name,
                      "checksum algorithm '" + algorithm_name + "' is not supported; not checked",
                      0, Severity::warning);
                continue;
            }
            const auto text = read_tag(f.name);
            if (!text) continue;
            Manifest m{*algorithm, name, {}};
            for (auto& line :
                 bagit::parse_manifest(*text, hex_length(*algorithm), reader_.entry_path(name),
                                       result_.diagnostics)) {
                if (!is_valid_utf8(line.path)) {
                    error("PB-BAG-MANIFEST-PATH", name,
                          "path '" + printable_utf8(line.path) + "' is not valid UTF-8", line.line);
                    continue;
                }
                if (kind == "manifest-" && line.path.rfind("data/", 0) != 0) {
                    error("PB-BAG-MANIFEST-PATH", name,
                          "'" + line.path + "' is not a payload path (outside data/)", line.line);
                    continue;
                }
                if (auto reason = unsafe_name_reason(line.path)) {
                    error("PB-BAG-MANIFEST-PATH", name,
                          "unsafe path '" + line.path + "': " + *reason, line.line);
                    continue;
                }
                const std::uint64_t number = line.line;
                std::string path = line.path;
                if (!m.lines.emplace(path, std::move(line)).second)
                    error("PB-BAG-MANIFEST-DUPLICATE", name, "'" + path + "' is listed twice",
                          number);
            }
            out.push_back(std::move(m));
        }
    }

    // Streams every file once through every algorithm that a manifest listing it uses.
    void check_files() {
        for (const BundleEntry& f : result_.info.files) {
            if (f.directory) continue;
            const bool payload = f.name.rfind("data/", 0) == 0;
            std::vector<Manifest*> manifests;
            for (Manifest& m : payload ? payload_manifests_ : tag_manifests_)
                if (m.lines.count(f.name) || payload) manifests.push_back(&m);
            if (payload) {
                ++result_.payload_files;
                result_.payload_octets += f.size;
            }
            if (manifests.empty()) continue;  // a tag file no tag manifest lists: allowed
            const BundleEntry* entry = reader_.find(prefix_ + f.name);
            const KnownEntryDigest* known = known_digest(*entry);
            const bool xml = payload && options_.validate_xml && f.name.size() > 4 &&
                             f.name.substr(f.name.size() - 4) == ".xml" &&
                             f.size <= options_.max_xml_size;
            // Each manifest's digest: the known SHA-256, or computed while the entry streams.
            std::vector<std::pair<Manifest*, Digest>> digests;
            std::vector<std::pair<Manifest*, std::string>> actual;
            for (Manifest* m : manifests) {
                if (known && m->algorithm == DigestAlgorithm::sha256)
                    actual.emplace_back(m, known->sha256);
                else
                    digests.emplace_back(m, Digest(m->algorithm));
            }
            std::string bytes;
            if (!digests.empty() || xml) {
                const bool intact = reader_.stream(*entry, [&](std::string_view chunk) {
                    for (auto& [m, d] : digests) d.update(chunk);
                    if (xml) bytes.append(chunk);
                });
                if (!intact) continue;
                for (auto& [m, d] : digests) actual.emplace_back(m, d.finish_hex());
            }
            for (const auto& [m, hex] : actual)
                if (m->algorithm == DigestAlgorithm::sha256)
                    (*result_.digests)[entry->name] = KnownEntryDigest{
                        entry->crc, entry->size, entry->compressed_size, entry->method, hex};
            for (const auto& [m, hex] : actual) {
                const auto line = m->lines.find(f.name);
                if (line == m->lines.end()) {
                    error("PB-BAG-UNLISTED", prefix_ + f.name,
                          "payload file is not listed in " + m->entry.substr(prefix_.size()));
                    continue;
                }
                line->second.path.clear();  // seen
                if (line->second.checksum != hex)
                    error("PB-BAG-CHECKSUM", prefix_ + f.name,
                          std::string(to_string(m->algorithm)) + " checksum mismatch: manifest " +
                              line->second.checksum + ", file " + hex);
            }
            if (xml)
                result_.diagnostics.append(
                    options_.validate_xml(f.name, bytes, reader_.entry_path(prefix_ + f.name)));
        }
    }

    // The SHA-256 known for this entry from its bytes (options.known), when it describes the
    // entry as the central directory states it.
    const KnownEntryDigest* known_digest(const BundleEntry& entry) const {
        if (!options_.known) return nullptr;
        const auto it = options_.known->find(entry.name);
        if (it == options_.known->end() || !it->second.describes(entry)) return nullptr;
        return &it->second;
    }

    void check_listed(const std::vector<Manifest>& manifests) {
        for (const Manifest& m : manifests)
            for (const auto& [path, line] : m.lines) {
                if (line.path.empty()) continue;  // seen while streaming
                const BundleEntry* e = reader_.find(prefix_ + path);
                if (e == nullptr)
                    error("PB-BAG-MISSING-FILE", m.entry,
                          "'" + path + "' is listed but not in the bundle", line.line);
            }
    }

    void check_oxum() {
        const std::string name = prefix_ + "bag-info.txt";
        for (const auto& [label, value] : result_.info.bag_info) {
            if (label != "Payload-Oxum") continue;
            const auto oxum = bagit::parse_payload_oxum(value);
            if (!oxum) {
                error("PB-BAG-OXUM", name, "Payload-Oxum '" + value + "' is not 'octets.streams'");
            } else if (oxum->first != result_.payload_octets ||
                       oxum->second != result_.payload_files) {
                error("PB-BAG-OXUM", name,
                      "Payload-Oxum is " + value + " but the payload has " +
                          bagit::payload_oxum(result_.payload_octets, result_.payload_files));
            }
        }
    }

    const VerifyOptions& options_;
    BundleReader reader_;
    VerifyResult result_;
    std::string prefix_;
    std::vector<Manifest> payload_manifests_;
    std::vector<Manifest> tag_manifests_;
};

}  // namespace

VerifyResult verify_bundle(const std::filesystem::path& bundle, const VerifyOptions& options) {
    return Verifier(bundle, options).run();
}

BundleInfo read_bundle_info(const std::filesystem::path& bundle, Diagnostics& diagnostics) {
    const VerifyOptions options;
    Verifier verifier(bundle, options);
    BundleInfo info = verifier.info_only();
    diagnostics.append(verifier.take_diagnostics());
    return info;
}

}  // namespace paperbag
