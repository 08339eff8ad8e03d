#include "paperbag/build.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/digest.hpp"
#include "import/mets_issue.hpp"
#include "job/issue_inputs.hpp"
#include "job/parallel.hpp"
#include "paperbag/bundle.hpp"
#include "paperbag/bundle_reader.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/validate.hpp"
#include "paperbag/version.hpp"
#include "paperbag/writers.hpp"

namespace paperbag {

namespace {

bool ends_with_zip(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".zip";
}

// Size and SHA-256 of every page file (one streaming read each), recorded in the model so
// that METS can describe the originals before they are packaged.
void fingerprint_pages(Issue& issue) {
    for (Page& page : issue.pages)
        for (PageFile& file : page.files) {
            const BagFileRecord record = checksum_file(file.path, file.href, false);
            file.size = record.size;
            file.sha256 = record.sha256;
        }
}

// What the bundle depends on besides the clock: paperbag's version, the options that change
// its bytes, the manifest (or the page-file options) and every page file's content.
std::string input_digest(const Issue& issue, const IssueInput& input, const BuildOptions& options) {
    Digest digest(DigestAlgorithm::sha256);
    auto line = [&](const std::string& text) { digest.update(text + "\n"); };
    line("paperbag-input-digest 1");
    line(std::string("paperbag ") + PAPERBAG_VERSION);
    line(std::string("sha512 ") + (options.sha512 ? "1" : "0"));
    line("source-organization " + options.source_organization);
    if (input.folder) {
        const auto mets = find_source_mets(issue.folder);
        const auto manifest = mets ? *mets : issue.folder / "issue.xml";
        line("manifest " + checksum_file(manifest, manifest.filename().string(), false).sha256);
        line(std::string("resegment ") + (options.pages.resegment ? "1" : "0"));
    } else {
        const PageFilesOptions& p = options.pages;
        line("pages " + p.title + "\x1f" + p.date + "\x1f" + p.page + "\x1f" +
             std::to_string(p.first_page) + "\x1f" + p.language + "\x1f" + p.issn + "\x1f" +
             p.encoding);
    }
    for (const Page& page : issue.pages)
        for (const PageFile& file : page.files)
            line("file " + std::to_string(page.sequence) + " " + std::string(to_string(file.role)) +
                 " " + file.href + " " + std::to_string(file.size) + " " + file.sha256);
    return "sha256:" + digest.finish_hex();
}

bool recorded_digest_matches(const std::filesystem::path& bundle, const std::string& digest) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(bundle, ec)) return false;
    try {
        Diagnostics ignored;
        const BundleInfo info = read_bundle_info(bundle, ignored);
        for (const auto& [label, value] : info.bag_info)
            if (label == input_digest_label) return value == digest;
    } catch (const Error&) {
    }
    return false;
}

// A build killed outright (SIGKILL, power loss) cannot clean up after itself: its staging
// file and the packager's temporary file stay behind, hidden, never under the bundle's name.
// The next build of the same issue removes them.
void remove_stale_staging(const std::filesystem::path& staging) {
    std::error_code ec;
    const std::string prefix = staging.filename().string();
    const std::filesystem::path folder =
        staging.parent_path().empty() ? std::filesystem::path(".") : staging.parent_path();
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name == prefix || name.starts_with("." + prefix + ".tmp-"))
            std::filesystem::remove(entry.path(), ec);
    }
}

std::vector<PreservationEvent> events_for(const Issue& issue, std::int64_t now) {
    const std::size_t warnings = static_cast<std::size_t>(
        std::count_if(issue.articles.begin(), issue.articles.end(),
                      [](const Article& a) { return !a.warnings.empty(); }));
    std::vector<PreservationEvent> events = {
        {"ingestion", "issue manifest and page files read and fingerprinted (SHA-256)", "success",
         now}};
    // An issue read from a source METS: the migration, naming the files it lacked.
    for (const RecordedEvent& e : issue.events)
        if (e.type == "migration") events.push_back({e.type, e.detail, e.outcome, now});
    events.push_back({"metadata extraction",
                      "page text segmented into " + std::to_string(issue.articles.size()) +
                          " article(s) and " + std::to_string(issue.illustrations.size()) +
                          " illustration(s)",
                      warnings ? "warning" : "success", now});
    // A bundle exists only when these two succeeded: a failed validation or packing leaves no
    // bundle behind, so the record can be written before they run.
    events.push_back({"validation",
                      "every XML file validated against its schemas and paperbag's profile",
                      "success", now});
    events.push_back({"packing", "packed as a BagIt 1.0 bag in a ZIP file", "success", now});
    return events;
}

class IssueBuilder {
public:
    IssueBuilder(const BuildOptions& options, const Clock& clock, const Validator& validator)
        : options_(options), clock_(clock), validator_(validator) {}

    IssueBuild build(const IssueInput& input, const std::filesystem::path& target) const {
        IssueBuild result;
        result.input = input.paths.front().string();
        try {
            build_into(input, target, result);
        } catch (const Error& e) {
            result.state = IssueState::failed;
            result.io_failure = e.diagnostic().code == "PB-IO";
            result.diagnostics.add(e.diagnostic());
        }
        return result;
    }

private:
    void build_into(const IssueInput& input, const std::filesystem::path& target,
                    IssueBuild& result) const {
        std::optional<Issue> loaded = load_issue(input, options_.pages, result.diagnostics);
        if (!loaded) {
            result.io_failure = std::any_of(result.diagnostics.begin(), result.diagnostics.end(),
                                            [](const Diagnostic& d) { return d.code == "PB-IO"; });
            return;
        }
        Issue& issue = *loaded;
        result.pages = issue.pages.size();
        result.bundle = target;
        fingerprint_pages(issue);
        const std::string digest = input_digest(issue, input, options_);
        if (!options_.force && recorded_digest_matches(target, digest)) {
            result.state = IssueState::unchanged;
            return;
        }

        segment_issue(issue, result.diagnostics, options_.pages.resegment);
        result.articles = issue.articles.size();
        result.illustrations = issue.illustrations.size();

        WriteOptions write;
        write.clock = &clock_;
        write.payload = payload_from_pages(issue);
        write.events = events_for(issue, clock_.now());
        std::map<std::string, std::filesystem::path> originals;
        std::map<std::string, std::string> fingerprints;  // bag path -> SHA-256
        std::size_t index = 0;
        for (const Page& page : issue.pages)
            for (const PageFile& file : page.files) {
                const PayloadFile& payload = write.payload.at(index++);
                originals[payload.path] = file.path;
                fingerprints["data/" + payload.path] = file.sha256;
            }
        const std::map<std::string, std::string> xml =
            write_issue_to_memory(issue, write, &result.diagnostics);

        const std::string key = target.stem().string();
        if (!validate(xml, originals, key, result)) return;
        package(issue, xml, originals, fingerprints, digest, target, result);
        result.state = IssueState::built;
    }

    // Every written file must be valid; warnings that only say the official schemas are
    // not installed are reported once for the run, not per file.
    bool validate(const std::map<std::string, std::string>& xml,
                  const std::map<std::string, std::filesystem::path>& originals,
                  const std::string& key, IssueBuild& result) const {
        const ValidationRun run = validator_.validate_tree(xml, originals, key + ".zip!/data/");
        bool ok = true;
        for (const FileResult& file : run.files) {
            if (file.verdict != Verdict::valid) ok = false;
            for (const Diagnostic& d : file.findings) {
                if (d.code == "PB-SCHEMA-MISSING" && d.severity == Severity::warning) {
                    result.official_schemas_missing = true;
                    continue;
                }
                if (d.severity == Severity::info) continue;
                if (options_.strict && d.severity == Severity::warning) ok = false;
                result.diagnostics.add(d);
            }
        }
        if (!ok)
            result.diagnostics.add(make_error("PB-BUILD-INVALID", result.input, 0,
                                              "a file paperbag wrote is not valid; no bundle "
                                              "was written"));
        return ok;
    }

    void package(const Issue& issue, const std::map<std::string, std::string>& xml,
                 const std::map<std::string, std::filesystem::path>& originals,
                 const std::map<std::string, std::string>& fingerprints, const std::string& digest,
                 const std::filesystem::path& target, IssueBuild& result) const {
        BundleOptions bag;
        bag.bag_name = target.stem().string();
        bag.sha512 = options_.sha512;
        bag.source_organization = !options_.source_organization.empty()
                                      ? options_.source_organization
                                  : !issue.publisher.empty() ? issue.publisher
                                                             : issue.title;
        bag.external_identifier = issue_key(issue);
        bag.bag_info = {{input_digest_label, digest}, {"Paperbag-Version", PAPERBAG_VERSION}};
        BundleWriter writer(bag, clock_);
        for (const auto& [path, file] : originals) writer.add_file("data/" + path, file);
        for (const auto& [path, bytes] : xml) writer.add_bytes("data/" + path, bytes);
        // The source METS an issue folder was described by, byte for byte.
        if (const auto mets = find_source_mets(issue.folder))
            writer.add_file("data/source/" + mets->filename().string(), *mets);

        // The staging file keeps a half-built or mismatching bundle away from the target
        // name; the rename is atomic within the folder.
        const std::filesystem::path staging =
            target.parent_path() / ("." + target.filename().string() + ".building");
        remove_stale_staging(staging);
        try {
            const BundleResult written = writer.write(staging);
            for (const BagFileRecord& record : written.payload) {
                const auto it = fingerprints.find(record.path);
                if (it != fingerprints.end() && it->second != record.sha256)
                    throw Error("PB-BUILD-CHANGED", originals.at(record.path.substr(5)).string(),
                                "file changed while the issue was being built");
            }
            std::error_code ec;
            std::filesystem::rename(staging, target, ec);
            if (ec)
                throw Error("PB-IO", target.string(), "cannot rename into place: " + ec.message());
            result.bundle_size = written.archive_size;
        } catch (...) {
            std::error_code ec;
            std::filesystem::remove(staging, ec);
            throw;
        }
    }

    const BuildOptions& options_;
    const Clock& clock_;
    const Validator& validator_;
};

// Where each issue's bundle goes; refuses two issues with the same bundle name. Issues whose
// metadata cannot be read get an empty path here and fail in their own build.
std::vector<std::filesystem::path> plan_targets(const std::vector<IssueInput>& inputs,
                                                const BuildOptions& options) {
    const bool single_file = ends_with_zip(options.output);
    if (single_file && inputs.size() != 1)
        throw Error("PB-USAGE", options.output.string(),
                    "a .zip output names one bundle, but the inputs are " +
                        std::to_string(inputs.size()) + " issues; give an output folder");
    std::vector<std::filesystem::path> targets;
    std::map<std::string, std::string> seen;
    for (const IssueInput& input : inputs) {
        Diagnostics ignored;
        std::optional<Issue> issue;
        try {
            issue = load_issue(input, options.pages, ignored);
        } catch (const Error& e) {
            if (e.diagnostic().code == "PB-USAGE") throw;
        }
        if (!issue) {
            targets.emplace_back();
            continue;
        }
        const std::string key = issue_key(*issue);
        const auto [it, fresh] = seen.emplace(key, input.paths.front().string());
        if (!fresh)
            throw Error("PB-USAGE", input.paths.front().string(),
                        "this issue has the same bundle name '" + key + "' as " + it->second);
        targets.push_back(single_file ? options.output : options.output / (key + ".zip"));
    }
    return targets;
}

}  // namespace

int BuildRun::exit_code() const {
    int code = 0;
    for (const IssueBuild& issue : issues) {
        if (issue.state != IssueState::failed) continue;
        if (issue.io_failure) return 2;
        code = 1;
    }
    return code;
}

BuildRun run_build(const BuildOptions& options, const Clock& clock,
                   const std::function<void(const IssueBuild&)>& on_issue) {
    if (options.inputs.empty()) throw Error("PB-USAGE", "", "no issue folder or page file given");
    if (options.output.empty()) throw Error("PB-USAGE", "", "no output given (-o)");
    const std::vector<IssueInput> inputs = group_issue_inputs(options.inputs);
    const std::vector<std::filesystem::path> targets = plan_targets(inputs, options);
    const std::filesystem::path folder =
        ends_with_zip(options.output) ? options.output.parent_path() : options.output;
    if (!folder.empty()) {
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        if (ec) throw Error("PB-IO", folder.string(), "cannot create folder: " + ec.message());
    }

    ValidateOptions validation;
    validation.catalogs = options.catalogs;
    validation.profile = Profile::paperbag;
    validation.jobs = 1;  // issues already run in parallel
    const Validator validator(validation);

    BuildRun run;
    run.messages = validator.messages();
    bool official_missing = false;
    const IssueBuilder builder(options, clock, validator);
    ordered_parallel<IssueBuild>(
        inputs.size(), options.jobs,
        [&](std::size_t i) {
            if (targets[i].empty()) {
                IssueBuild failed;
                failed.input = inputs[i].paths.front().string();
                const std::optional<Issue> issue =
                    load_issue(inputs[i], options.pages, failed.diagnostics);
                failed.io_failure =
                    std::any_of(failed.diagnostics.begin(), failed.diagnostics.end(),
                                [](const Diagnostic& d) { return d.code == "PB-IO"; });
                return failed;
            }
            return builder.build(inputs[i], targets[i]);
        },
        [&](std::size_t i, Outcome<IssueBuild>&& outcome) {
            IssueBuild result;
            if (outcome.value) {
                result = std::move(*outcome.value);
            } else {
                result.input = inputs[i].paths.front().string();
                try {
                    std::rethrow_exception(outcome.error);
                } catch (const std::exception& e) {
                    result.diagnostics.add(make_error("PB-BUILD", result.input, 0,
                                                      std::string("failed: ") + e.what()));
                }
            }
            official_missing = official_missing || result.official_schemas_missing;
            run.issues.push_back(std::move(result));
            if (on_issue) on_issue(run.issues.back());
        });
    if (official_missing)
        run.messages.add(Diagnostic{Severity::warning,
                                    "PB-SCHEMA-MISSING",
                                    "",
                                    0,
                                    0,
                                    {},
                                    "the official schemas are not installed: the files written "
                                    "were validated against paperbag's profile schemas only; " +
                                        std::string("run 'paperbag schemas install' or pass "
                                                    "--catalog FILE")});
    return run;
}

}  // namespace paperbag
