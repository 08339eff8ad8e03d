#include "paperbag/build.hpp"
#include "paperbag/inspect.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/digest.hpp"
#include "import/mets_issue.hpp"
#include "io/temp_cleanup.hpp"
#include "job/bundle_target.hpp"
#include "job/issue_inputs.hpp"
#include "job/parallel.hpp"
#include "job/render_images.hpp"
#include "paperbag/bundle.hpp"
#include "paperbag/bundle_reader.hpp"
#include "paperbag/corrections.hpp"
#include "paperbag/error_codes.hpp"
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
// An issue-level PDF, the pdf file of every page, is read once.
void fingerprint_pages(Issue& issue) {
    std::map<std::filesystem::path, BagFileRecord> done;
    for (Page& page : issue.pages)
        for (PageFile& file : page.files) {
            auto it = done.find(file.path);
            if (it == done.end())
                it = done.emplace(file.path, checksum_file(file.path, file.href, false)).first;
            file.size = it->second.size;
            file.sha256 = it->second.sha256;
        }
}

// What the bundle depends on besides the clock: paperbag's version, the options that change
// its bytes, the manifest (or the page-file options) and every page file's content.
std::string input_digest(const Issue& issue, const IssueInput& input, const BuildOptions& options,
                         const Corrections* corrections) {
    Digest digest(DigestAlgorithm::sha256);
    auto line = [&](const std::string& text) { digest.update(text + "\n"); };
    line("paperbag-input-digest 1");
    line(std::string("paperbag ") + PAPERBAG_VERSION);
    line(std::string("sha512 ") + (options.sha512 ? "1" : "0"));
    line("source-organization " + options.source_organization);
    if (options.render_images_dpi > 0)
        line("render-images " + std::to_string(options.render_images_dpi));
    if (corrections) line("corrections " + corrections->sha256);
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

// "<title> <date>" on one line: the identity bag-info records and rebuilds compare.
std::string issue_identity(const Issue& issue) {
    std::string out = issue.title + " " + issue.date.to_string();
    for (char& c : out)
        if (c == '\n' || c == '\r') c = ' ';
    return out;
}

// What was validated and what was not: OCR originals are kept as received (PAGE, ALTO 1.x,
// hOCR are formats paperbag does not validate) and only their fixity is recorded; verify
// treats them the same way.
std::string validation_detail(const Issue& issue) {
    std::vector<std::string> originals;
    for (const Page& page : issue.pages)
        for (const PageFile& file : page.files)
            if (file.role == FileRole::ocr) originals.push_back(file.href);
    std::string detail =
        "every XML file paperbag wrote validated against its schemas and "
        "paperbag's profile";
    if (originals.empty()) return detail;
    detail += "; not validated: " + std::to_string(originals.size()) +
              " original OCR file(s) kept as received (fixity only):";
    for (const std::string& name : originals) detail += " " + name;
    return detail;
}

std::vector<PreservationEvent> events_for(const Issue& issue, std::int64_t now,
                                          const Corrections* corrections) {
    const std::size_t warnings = static_cast<std::size_t>(
        std::count_if(issue.articles.begin(), issue.articles.end(),
                      [](const Article& a) { return !a.warnings.empty(); }));
    std::vector<PreservationEvent> events = {
        {"ingestion", "issue manifest and page files read and fingerprinted (SHA-256)", "success",
         now},
        {"message digest calculation", "SHA-256 of every file of the bundle", "success", now}};
    // An issue read from a source METS: the migration, naming the files it lacked.
    for (const RecordedEvent& e : issue.events)
        if (e.type == "migration") events.push_back({e.type, e.detail, e.outcome, now});
    events.push_back({"metadata extraction",
                      "page text segmented into " + std::to_string(issue.articles.size()) +
                          " article(s) and " + std::to_string(issue.illustrations.size()) +
                          " illustration(s)",
                      warnings ? "warning" : "success", now});
    if (corrections)
        events.push_back({"metadata modification",
                          "segmentation corrected in review by " + corrections->reviewer + ": " +
                              std::to_string(corrections->items.size()) +
                              " correction(s) from a corrections file with SHA-256 " +
                              corrections->sha256,
                          "success", now, corrections->reviewer});
    // A bundle exists only when these two succeeded: a failed validation or packing leaves no
    // bundle behind, so the record can be written before they run.
    events.push_back({"validation", validation_detail(issue), "success", now});
    events.push_back({"packing", "packed as a BagIt 1.0 bag in a ZIP file", "success", now});
    return events;
}

class IssueBuilder {
public:
    IssueBuilder(const BuildOptions& options, const Clock& clock, const Validator& validator,
                 const Corrections* corrections)
        : options_(options), clock_(clock), validator_(validator), corrections_(corrections) {}

    IssueBuild build(const IssueInput& input, const std::filesystem::path& target) const {
        IssueBuild result;
        result.input = input.paths.front().string();
        try {
            build_into(input, target, result);
        } catch (const Error& e) {
            result.state = IssueState::failed;
            result.io_failure = is_failure_to_run(e.diagnostic());
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
                                            is_failure_to_run);
            return;
        }
        Issue& issue = *loaded;
        result.pages = issue.pages.size();
        result.bundle = target;
        fingerprint_pages(issue);
        const BundleIdentity identity{issue_key(issue), issue_identity(issue),
                                      input_digest(issue, input, options_, corrections_)};
        // One writer per bundle name at a time, also across processes (a dry run writes
        // nothing and takes no lock).
        std::optional<BundleLock> lock;
        if (!options_.dry_run) lock.emplace(target);
        std::optional<std::string> why = "--force";
        if (!options_.force) {
            // The bundle on disk is kept only when it is intact and built from these inputs.
            why = why_not_current(target, identity);
            if (!why) {
                result.state = IssueState::unchanged;
                return;
            }
            if (const auto other = other_issue(target, identity))
                throw Error("PB-BAG-IDENTITY", target.string(),
                            "this bundle holds another issue ('" + *other +
                                "'); not replaced without --force");
            if (why->starts_with("damaged") || why->starts_with("unreadable"))
                result.diagnostics.add(make_warning("PB-BUILD-REBUILT", target.string(), 0,
                                                    "rebuilt: the bundle on disk is " + *why));
        }
        if (options_.dry_run) {
            result.state = IssueState::planned;
            result.reason = *why;
            return;
        }
        const std::string& digest = identity.input_digest;
        RenderedImages rendered;  // page images rendered from PDFs; they live until packed
        if (options_.render_images_dpi > 0) rendered.render(issue, options_.render_images_dpi);

        segment_issue(issue, result.diagnostics, options_.pages.resegment,
                      ImportLimits{options_.pages.max_page_text});
        if (corrections_) apply_corrections(issue, *corrections_);
        result.articles = issue.articles.size();
        // What a reviewer should check: articles without headline or with a weak link.
        const SegmentationReview review = review_segmentation(issue);
        if (!review.items.empty()) {
            result.diagnostics.add(Diagnostic{Severity::info, "PB-SEG-REVIEW", result.input, 0, 0,
                                              std::nullopt, "segmentation: " + review.summary()});
            for (const auto& item : review.items)
                result.diagnostics.add(Diagnostic{Severity::info, "PB-SEG-REVIEW", item.path,
                                                  item.line, 0, std::nullopt,
                                                  item.article + ": " + item.reason});
        }
        result.illustrations = issue.illustrations.size();

        WriteOptions write;
        write.clock = &clock_;
        write.payload = payload_from_pages(issue);
        write.events = events_for(issue, clock_.now(), corrections_);
        std::map<std::string, std::filesystem::path> originals;
        std::map<std::string, std::string> fingerprints;  // bag path -> SHA-256
        for (const Page& page : issue.pages)
            for (const PageFile& file : page.files) {
                originals[payload_path(file)] = file.path;
                fingerprints["data/" + payload_path(file)] = file.sha256;
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
        if (run.missing_schemas.profile_only > 0) result.official_schemas_missing = true;
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
        bag.bag_info = {{input_digest_label, digest},
                        {issue_identity_label, issue_identity(issue)},
                        {"Paperbag-Version", PAPERBAG_VERSION}};
        BundleWriter writer(bag, clock_);
        for (const auto& [path, file] : originals) writer.add_file("data/" + path, file);
        for (const auto& [path, bytes] : xml) writer.add_bytes("data/" + path, bytes);
        // The source METS an issue folder was described by, byte for byte.
        if (const auto mets = find_source_mets(issue.folder))
            writer.add_file("data/source/" + mets->filename().string(), *mets);

        // The staging file keeps a half-built or mismatching bundle away from the target
        // name; the rename is atomic within the folder. Its name is this process's own, and
        // the lock (held by the caller) keeps other builds of this bundle out.
        remove_stale_staging(target);
        const std::filesystem::path staging = staging_path(target);
        TempRegistration registered(staging);
        try {
            const BundleResult written = [&] {
                try {
                    return writer.write(staging);
                } catch (const Error& e) {
                    // Name the bundle, not the hidden staging file, when writing it failed.
                    if (e.diagnostic().path != staging.string()) throw;
                    Diagnostic d = e.diagnostic();
                    d.path = target.string();
                    throw Error(std::move(d));
                }
            }();
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
            registered.release();
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
    const Corrections* corrections_;
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
            if (error_kind(e.diagnostic().code) == ErrorKind::usage) throw;
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
    std::optional<Corrections> corrections;
    if (!options.corrections.empty()) {
        if (inputs.size() != 1)
            throw Error("PB-USAGE", options.corrections.string(),
                        "--corrections applies to one issue, but the inputs are " +
                            std::to_string(inputs.size()) + " issues");
        corrections = read_corrections(options.corrections.string());
    }
    const std::vector<std::filesystem::path> targets = plan_targets(inputs, options);
    const std::filesystem::path folder =
        ends_with_zip(options.output) ? options.output.parent_path() : options.output;
    if (!folder.empty() && !options.dry_run) {
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
    const IssueBuilder builder(options, clock, validator, corrections ? &*corrections : nullptr);
    ordered_parallel<IssueBuild>(
        inputs.size(), options.jobs,
        [&](std::size_t i) {
            if (targets[i].empty()) {
                IssueBuild failed;
                failed.input = inputs[i].paths.front().string();
                const std::optional<Issue> issue =
                    load_issue(inputs[i], options.pages, failed.diagnostics);
                failed.io_failure = std::any_of(failed.diagnostics.begin(),
                                                failed.diagnostics.end(), is_failure_to_run);
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
                // Not an Error from the input: the tool could not do its job (exit 2).
                result.io_failure = true;
                try {
                    std::rethrow_exception(outcome.error);
                } catch (const std::bad_alloc&) {
                    result.diagnostics.add(
                        make_error("PB-OUT-OF-MEMORY", result.input, 0, "failed: out of memory"));
                } catch (const std::exception& e) {
                    result.diagnostics.add(make_error("PB-BUILD", result.input, 0,
                                                      std::string("failed: ") + e.what()));
                } catch (...) {
                    result.diagnostics.add(
                        make_error("PB-BUILD", result.input, 0, "failed: unknown exception"));
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
