// Cataloguing bundles in the ledger: title keys, rows, and `ledger import`.
#include <Poco/DigestEngine.h>
#include <Poco/MD5Engine.h>

#include <algorithm>
#include <fstream>

#include "core/digest.hpp"
#include "io/file.hpp"
#include "paperbag/bundle_issue.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/ledger.hpp"
#include "paperbag/verify.hpp"

namespace paperbag {

namespace fs = std::filesystem;

std::string catalogue_title(Ledger& ledger, const Issue& issue) {
    const std::string* issn = issue.identifier("issn");
    if (issn != nullptr)
        for (const Title& t : ledger.titles())
            if (!t.issn.empty() && t.issn == *issn) return t.key;
    std::string key = issue_key(issue);
    const std::string suffix = "-" + issue.date.to_string();
    if (key.size() > suffix.size() && key.ends_with(suffix)) key.resize(key.size() - suffix.size());
    // Never check-then-insert: another writer may add the same title in between.
    Title title;
    title.key = key;
    title.title = issue.title;
    if (issn != nullptr) title.issn = *issn;
    title.publisher = issue.publisher;
    ledger.add_title_if_absent(title);
    return key;
}

HeldIssue held_issue_for(Ledger& ledger, const Issue& issue) {
    HeldIssue row;
    row.title_key = catalogue_title(ledger, issue);
    row.date = issue.date;
    row.edition = issue.edition;
    row.number = issue.number;
    row.pages = issue.pages.size();
    row.articles = issue.articles.size();
    return row;
}

namespace {

struct FileDigests {
    std::string sha256, md5;
    std::uint64_t size = 0;
};

FileDigests file_digests(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw_system_error("cannot open", file.string());
    Digest sha256(DigestAlgorithm::sha256);
    Poco::MD5Engine md5;
    FileDigests out;
    std::vector<char> buffer(256 * 1024);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        sha256.update(buffer.data(), n);
        md5.update(buffer.data(), n);
        out.size += n;
    }
    if (in.bad()) throw_system_error("cannot read", file.string());
    out.sha256 = sha256.finish_hex();
    out.md5 = Poco::DigestEngine::digestToHex(md5.digest());
    return out;
}

std::optional<Issue> bundle_issue(const fs::path& bundle, Diagnostics& findings) {
    try {
        BundleReader reader(bundle);
        return read_bundle_issue(reader, findings, [](const Issue&) { return false; });
    } catch (const Error& e) {
        findings.add(e.diagnostic());
    }
    return std::nullopt;
}

// Inserts the row; a concurrent writer that recorded the same bytes first makes it `known`.
BundleRecord record_row(Ledger& ledger, const HeldIssue& row, const std::string& path) {
    try {
        ledger.record(
            row, [&](const HeldIssue&) { return path; }, [](const HeldIssue&) {});
    } catch (const Error&) {
        if (ledger.find_by_digest(row.sha256)) return BundleRecord::known;
        throw;
    }
    return BundleRecord::added;
}

HeldIssue row_for(Ledger& ledger, const Issue& issue, const FileDigests& digests,
                  const std::string& depositor, const std::string& received_at,
                  const std::string& verdict) {
    HeldIssue row = held_issue_for(ledger, issue);
    row.id = digests.sha256.substr(0, 32);
    row.sha256 = digests.sha256;
    row.md5 = digests.md5;
    row.size = digests.size;
    row.depositor = depositor;
    row.received_at = received_at;
    row.verdict = verdict;
    return row;
}

}  // namespace

BundleRecord record_bundle(Ledger& ledger, const fs::path& bundle, const std::string& path,
                           const std::string& depositor, const std::string& received_at,
                           const std::string& verdict) {
    const FileDigests digests = file_digests(bundle);
    if (ledger.find_by_digest(digests.sha256)) return BundleRecord::known;
    Diagnostics findings;
    const std::optional<Issue> issue = bundle_issue(bundle, findings);
    if (!issue) {
        for (const Diagnostic& d : findings)
            if (d.severity == Severity::error) throw Error(d);
        throw Error("PB-LEDGER", bundle.string(), "no issue METS to catalogue the bundle by");
    }
    return record_row(ledger, row_for(ledger, *issue, digests, depositor, received_at, verdict),
                      path);
}

ImportSummary import_bundles(Ledger& ledger, const fs::path& folder, const fs::path& store,
                             const std::string& received_at) {
    ImportSummary summary;
    std::vector<fs::path> bundles;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        // The store's own working folders (.incoming, .quarantine, ...) are not holdings.
        if (entry.is_directory() && name.starts_with(".")) continue;
        if (entry.is_regular_file() && name.ends_with(".zip") && !name.starts_with("."))
            bundles.push_back(entry.path());
    }
    std::sort(bundles.begin(), bundles.end());
    const fs::path store_root = fs::weakly_canonical(store);
    for (const fs::path& bundle : bundles) {
        if (bundle.string().find("/.") != std::string::npos) continue;
        const FileDigests digests = file_digests(bundle);
        if (ledger.find_by_digest(digests.sha256)) {
            ++summary.known;
            continue;
        }
        Diagnostics findings;
        const std::optional<Issue> issue = bundle_issue(bundle, findings);
        if (!issue) {
            ++summary.skipped;
            summary.problems.append(findings);
            continue;
        }
        VerifyJobOptions options = default_verify_options();
        const ValidationRun run = verify_bundles({bundle}, options);
        const std::string verdict = run.exit_code() == 0   ? "valid"
                                    : run.exit_code() == 1 ? "invalid"
                                                           : "not validated";
        const fs::path absolute = fs::weakly_canonical(bundle);
        const std::string path = path_is_within(store_root, absolute)
                                     ? absolute.lexically_relative(store_root).generic_string()
                                     : absolute.string();
        const BundleRecord done = record_row(
            ledger, row_for(ledger, *issue, digests, "import", received_at, verdict), path);
        ++(done == BundleRecord::added ? summary.added : summary.known);
    }
    return summary;
}

}  // namespace paperbag
