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
    if (!ledger.title(key)) {
        Title title;
        title.key = key;
        title.title = issue.title;
        if (issn != nullptr) title.issn = *issn;
        title.publisher = issue.publisher;
        ledger.put_title(title);
    }
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
        Digest sha256(DigestAlgorithm::sha256);
        Poco::MD5Engine md5;
        std::uint64_t size = 0;
        {
            std::ifstream in(bundle, std::ios::binary);
            std::vector<char> buffer(256 * 1024);
            while (in) {
                in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
                const auto n = static_cast<std::size_t>(in.gcount());
                sha256.update(buffer.data(), n);
                md5.update(buffer.data(), n);
                size += n;
            }
        }
        const std::string sha = sha256.finish_hex();
        if (ledger.find_by_digest(sha)) {
            ++summary.known;
            continue;
        }
        Diagnostics findings;
        std::optional<Issue> issue;
        try {
            BundleReader reader(bundle);
            issue = read_bundle_issue(reader, findings, [](const Issue&) { return false; });
        } catch (const Error& e) {
            findings.add(e.diagnostic());
        }
        if (!issue) {
            ++summary.skipped;
            summary.problems.append(findings);
            continue;
        }
        VerifyJobOptions options = default_verify_options();
        const ValidationRun run = verify_bundles({bundle}, options);
        HeldIssue row = held_issue_for(ledger, *issue);
        row.id = sha.substr(0, 32);
        row.sha256 = sha;
        row.md5 = Poco::DigestEngine::digestToHex(md5.digest());
        row.size = size;
        row.depositor = "import";
        row.received_at = received_at;
        row.verdict = std::string(run.exit_code() == 0   ? "valid"
                                  : run.exit_code() == 1 ? "invalid"
                                                         : "not validated");
        const fs::path absolute = fs::weakly_canonical(bundle);
        const std::string path = path_is_within(store_root, absolute)
                                     ? absolute.lexically_relative(store_root).generic_string()
                                     : absolute.string();
        ledger.record(
            row, [&](const HeldIssue&) { return path; }, [](const HeldIssue&) {});
        ++summary.added;
    }
    return summary;
}

}  // namespace paperbag
