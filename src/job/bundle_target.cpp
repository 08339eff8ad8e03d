#include "job/bundle_target.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>

#include <atomic>
#include <cerrno>

#include "io/temp_cleanup.hpp"
#include "package/bagit.hpp"
#include "paperbag/build.hpp"
#include "paperbag/bundle_reader.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

namespace {

std::filesystem::path folder_of(const std::filesystem::path& path) {
    return path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
}

std::string hidden(const std::filesystem::path& bundle, const char* suffix) {
    return "." + bundle.filename().string() + suffix;
}

std::optional<std::string> field(const BundleInfo& info, std::string_view label) {
    for (const auto& [name, value] : info.bag_info)
        if (name == label) return value;
    return std::nullopt;
}

}  // namespace

BundleLock::BundleLock(const std::filesystem::path& bundle)
    : path_(folder_of(bundle) / hidden(bundle, ".lock")) {
    while (true) {
        UniqueFd fd(::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666));
        if (!fd) throw_system_error("cannot create the lock file", path_.string());
        int rc = 0;
        do rc = ::flock(fd.get(), LOCK_EX);
        while (rc != 0 && errno == EINTR);
        if (rc != 0) throw_system_error("cannot lock", path_.string());
        // The holder before us removes the file when it is done: ours must still be it.
        struct stat held = {}, named = {};
        if (::fstat(fd.get(), &held) == 0 && ::stat(path_.c_str(), &named) == 0 &&
            held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
            fd_ = std::move(fd);
            registration_ = TempRegistration(path_);
            return;
        }
    }
}

BundleLock::~BundleLock() {
    registration_.release();
    ::unlink(path_.c_str());  // while still holding it: waiters then retry on a new file
    fd_.reset();
}

std::filesystem::path staging_path(const std::filesystem::path& bundle) {
    static std::atomic<unsigned long> counter{0};
    return folder_of(bundle) /
           (temporary_prefix(hidden(bundle, ".building")) + std::to_string(counter++));
}

void remove_stale_staging(const std::filesystem::path& bundle) {
    const std::filesystem::path folder = folder_of(bundle);
    remove_stale_temporaries(folder, hidden(bundle, ".building"));
    // The packer's own temporary file of a staging file: "..<bundle>.building-<pid>-<n>.tmp-".
    std::error_code ec;
    const std::string start = "." + hidden(bundle, ".building") + "-";
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(start)) continue;
        const std::size_t tmp = name.rfind(".tmp-");
        if (tmp == std::string::npos) continue;
        remove_stale_temporaries(folder, name.substr(0, tmp + 4));
    }
}

std::optional<std::string> why_not_current(const std::filesystem::path& bundle,
                                           const BundleIdentity& wanted) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(bundle, ec)) return "no bundle";
    try {
        Diagnostics findings;
        const BundleInfo info = read_bundle_info(bundle, findings);
        if (findings.has_errors()) return "damaged: " + findings.items().front().format();
        if (field(info, input_digest_label) != wanted.input_digest)
            return "built from other inputs";
        if (field(info, "External-Identifier") != wanted.key ||
            field(info, issue_identity_label) != wanted.issue)
            return "holds another issue";
        bool has_mets = false;
        std::uint64_t octets = 0, streams = 0;
        for (const BundleEntry& file : info.files) {
            if (!file.name.starts_with("data/")) continue;
            has_mets = has_mets || file.name == "data/mets.xml";
            octets += file.size;
            ++streams;
        }
        if (!has_mets) return "damaged: no data/mets.xml";
        const auto oxum = field(info, "Payload-Oxum");
        if (!oxum || *oxum != bagit::payload_oxum(octets, streams))
            return "damaged: Payload-Oxum does not match the entries";
        // Every entry is read once: CRC errors and truncated data show up here.
        BundleReader reader(bundle);
        for (const BundleEntry& entry : reader.entries())
            if (!entry.directory && !reader.stream(entry, [](std::string_view) {}))
                return "damaged: " + reader.diagnostics().items().back().format();
        if (reader.diagnostics().has_errors())
            return "damaged: " + reader.diagnostics().items().front().format();
    } catch (const Error& e) {
        return std::string("unreadable: ") + e.what();
    }
    return std::nullopt;
}

std::optional<std::string> other_issue(const std::filesystem::path& bundle,
                                       const BundleIdentity& wanted) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(bundle, ec)) return std::nullopt;
    try {
        Diagnostics ignored;
        const BundleInfo info = read_bundle_info(bundle, ignored);
        if (const auto issue = field(info, issue_identity_label))
            return *issue != wanted.issue ? issue : std::nullopt;
        // Bundles of earlier versions record the key only.
        if (const auto key = field(info, "External-Identifier"))
            return *key != wanted.key ? key : std::nullopt;
    } catch (const Error&) {
    }
    return std::nullopt;  // no identity to compare: a damaged bundle of this name is rebuilt
}

}  // namespace paperbag
