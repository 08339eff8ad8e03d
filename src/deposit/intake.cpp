#include "deposit/intake.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <Poco/Base64Decoder.h>
#include <openssl/rand.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <sstream>

#include "core/plural.hpp"
#include "deposit/sword_xml.hpp"
#include "io/atomic_file.hpp"
#include "io/file.hpp"
#include "paperbag/bundle_issue.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/verify.hpp"

namespace paperbag {

namespace fs = std::filesystem;

namespace {

void fsync_folder(const fs::path& folder) {
    const UniqueFd fd(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd) ::fsync(fd.get());
}

// Content-MD5 as SWORD clients send it (hex) or as RFC 1864 defines it (base64), in hex.
std::string md5_header_hex(const std::string& header) {
    if (header.size() == 32) {
        std::string lower = header;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return lower;
    }
    std::istringstream in(header);
    Poco::Base64Decoder decoder(in);
    std::string raw((std::istreambuf_iterator<char>(decoder)), std::istreambuf_iterator<char>());
    return raw.size() == 16 ? to_hex(raw) : std::string();
}

// Reports name the bundle by its upload name, not by the incoming folder.
void strip_prefix(ValidationRun& run, const std::string& prefix) {
    const auto strip = [&](std::string& path) {
        if (path.starts_with(prefix)) path.erase(0, prefix.size());
    };
    for (FileResult& file : run.files) {
        strip(file.path);
        Diagnostics findings;
        for (Diagnostic d : file.findings) {
            strip(d.path);
            findings.add(std::move(d));
        }
        file.findings = std::move(findings);
    }
}

std::string error_lines(const ValidationRun& run) {
    std::string out;
    std::size_t n = 0;
    for (const FileResult& file : run.files)
        for (const Diagnostic& d : file.findings)
            if (d.severity == Severity::error && n++ < 20) out += d.format() + "\n";
    if (n > 20) out += "... and " + plural(n - 20, "more error") + "\n";
    if (out.empty()) out = "the bundle could not be verified\n";
    return out;
}

bool starts_with_zip_magic(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    in.read(magic, 4);
    return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' &&
           ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
}

}  // namespace

bool safe_upload_name(const std::string& name) {
    if (name.empty() || name.size() > 200 || name.front() == '.' || !name.ends_with(".zip"))
        return false;
    if (name.find("..") != std::string::npos) return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == '-';
    });
}

Intake::Intake(fs::path store, std::unique_ptr<Ledger> ledger, unsigned quarantine_days)
    : store_(std::move(store)), ledger_(std::move(ledger)), quarantine_days_(quarantine_days) {}

std::string Intake::now() const {
    return format_iso8601_utc(clock_from_environment()->now());
}

void Intake::recover() {
    std::error_code ec;
    // A move journalled but never committed: the file must not stay under a bundle's name.
    const fs::path journal = store_ / ".journal";
    if (fs::is_directory(journal, ec)) {
        for (const auto& entry : fs::directory_iterator(journal)) {
            std::ifstream in(entry.path());
            std::string relative;
            std::getline(in, relative);
            if (!relative.empty() && relative.find("..") == std::string::npos &&
                !ledger_->holds_path(relative))
                fs::remove(store_ / relative, ec);
            fs::remove(entry.path(), ec);
        }
    }
    fs::remove_all(store_ / ".incoming", ec);
    fs::create_directories(store_ / ".incoming");
    fs::create_directories(journal);
    fs::create_directories(store_ / ".quarantine");
    fs::create_directories(store_ / ".reports");
    const auto limit = fs::file_time_type::clock::now() - std::chrono::hours(24 * quarantine_days_);
    for (const auto& entry : fs::directory_iterator(store_ / ".quarantine"))
        if (entry.last_write_time(ec) < limit) fs::remove_all(entry.path(), ec);
}

std::unique_ptr<Upload> Intake::begin(const std::string& filename) {
    return std::make_unique<Upload>(store_ / ".incoming", filename);
}

std::string Intake::report(const std::string& id) const {
    const fs::path path = store_ / ".reports" / (id + ".json");
    if (!fs::exists(path)) return {};
    return read_file(path);
}

void Intake::refuse(const std::string& depositor, const std::string& filename, int status,
                    const std::string& reason) {
    try {
        ledger_->record_refusal(Refusal{depositor, now(), filename, status, reason, ""});
    } catch (const Error&) {
        // A refusal that cannot be recorded is still refused.
    }
}

Outcome Intake::refuse_bundle(Upload& upload, const std::string& depositor, int status,
                              std::string_view href, const std::string& summary,
                              const std::string& verbose) {
    const std::string when = now();
    std::string stamp = when;
    stamp.erase(
        std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == ':' || c == '-'; }),
        stamp.end());
    const std::string kept =
        ".quarantine/" + stamp + "-" + upload.sha256_hex().substr(0, 16) + "-" + upload.filename();
    std::error_code ec;
    fs::rename(upload.path(), store_ / kept, ec);
    if (!ec && !verbose.empty()) {
        try {
            write_file_atomic(store_ / (kept + ".report.json"), verbose);
        } catch (const Error&) {
        }
    }
    try {
        ledger_->record_refusal(
            Refusal{depositor, when, upload.filename(), status, summary, ec ? "" : kept});
    } catch (const Error&) {
    }
    return Outcome{status, std::nullopt, std::string(href), summary, verbose};
}

Outcome Intake::accept(Upload& upload, const std::string& depositor,
                       const std::string& content_md5) {
    // The results are judged in order: Content-MD5, ZIP, already held, verification.
    const bool zip = starts_with_zip_magic(upload.path());
    const std::optional<HeldIssue> known =
        zip ? ledger_->find_by_digest(upload.sha256_hex()) : std::nullopt;
    ValidationRun run;
    if (zip && !known) {
        VerifyJobOptions options = default_verify_options();
        options.validation.jobs = 1;  // the server's worker pool bounds the parallelism
        options.verify.known = upload.entry_digests();  // read as they arrived
        run = verify_bundles({upload.path()}, options);
        strip_prefix(run, upload.folder().string() + "/");
    }
    const std::string expected = md5_header_hex(content_md5);
    if (expected != upload.md5_hex())
        return refuse_bundle(
            upload, depositor, 412, std::string(sword::error_base) + "ErrorChecksumMismatch",
            "Content-MD5 " + content_md5 + " does not match the bytes received (MD5 " +
                upload.md5_hex() + ")",
            "");
    if (!zip)
        return refuse_bundle(upload, depositor, 415,
                             std::string(sword::error_base) + "ErrorContent",
                             "the upload is not a ZIP file (BagIt packaging in ZIP expected)", "");
    if (known) return Outcome{200, known, "", "", ""};

    const std::string report_json = format_report(run, ReportFormat::json);
    if (run.exit_code() != 0)
        return refuse_bundle(
            upload, depositor, 400, std::string(sword::error_base) + "ErrorBadRequest",
            "the bundle is " + std::string(run.exit_code() == 1 ? "invalid" : "not verifiable") +
                ":\n" + error_lines(run),
            report_json);

    Diagnostics findings;
    std::optional<Issue> issue;
    {
        BundleReader reader(upload.path());
        reader.set_checked(upload.entry_digests());  // checked as they arrived
        issue = read_bundle_issue(reader, findings, [](const Issue&) { return false; });
    }
    if (!issue) {
        std::string why;
        for (const Diagnostic& d : findings) why += d.format() + "\n";
        return refuse_bundle(
            upload, depositor, 400, std::string(sword::error_base) + "ErrorBadRequest",
            "not a paperbag bundle (no issue METS to catalogue it):\n" + why, report_json);
    }

    HeldIssue row = held_issue_for(*ledger_, *issue);
    row.id = upload.sha256_hex().substr(0, 32);
    row.sha256 = upload.sha256_hex();
    row.md5 = upload.md5_hex();
    row.size = upload.size();
    row.depositor = depositor;
    row.received_at = now();
    row.verdict = "valid";
    write_file_atomic(store_ / ".reports" / (row.id + ".json"), report_json);

    const std::string bundle = issue_key(*issue);
    const fs::path journal = store_ / ".journal" / (row.id + "-" + random_name());
    std::string placed;  // set once the bundle is linked under its store name
    const auto undo = [&] {
        std::error_code ec;
        if (!placed.empty() && !ledger_->holds_path(placed)) fs::remove(store_ / placed, ec);
        fs::remove(journal, ec);
    };
    try {
        row = ledger_->record(
            row,
            [&](const HeldIssue& r) {
                return r.title_key + "/" + std::to_string(r.date.year) + "/" + bundle +
                       (r.version > 1 ? ".v" + std::to_string(r.version) : std::string()) + ".zip";
            },
            [&](const HeldIssue& r) {
                const fs::path target = store_ / r.path;
                write_file_atomic(journal, r.path + "\n");
                fs::create_directories(target.parent_path());
                // link() never replaces an existing file: nothing held is ever overwritten.
                if (::link(upload.path().c_str(), target.c_str()) != 0)
                    throw_system_error("cannot store", target.string());
                placed = r.path;
                fsync_folder(target.parent_path());
            });
    } catch (...) {
        undo();
        // The same bytes stored by a concurrent request in the meantime: its receipt.
        if (auto held = ledger_->find_by_digest(upload.sha256_hex()))
            return Outcome{200, held, "", "", ""};
        throw;
    }
    std::error_code ec;
    fs::remove(journal, ec);
    return Outcome{201, row, "", "", ""};
}

}  // namespace paperbag
