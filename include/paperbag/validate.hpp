// Validating XML files for CI: the `paperbag validate` job as a library call.
//
// Every input (a file, a folder searched recursively, or a ZIP bundle read without
// extracting) is identified by its root element's namespace (and version attribute where a
// standard has several, e.g. ALTO 2.x/3.x/4.x), validated against the schema registered for
// it -- compiled once per run and shared by the worker threads -- and then checked against
// profile rules that XSD cannot express (references resolve, files exist and match their
// SIZE and CHECKSUM, dates are real dates). Schemas are found through XML catalogs
// (--catalog, XML_CATALOG_FILES, the user's schema directory); nothing is ever fetched from
// the network. A document whose schema cannot be found is "not validated", never "valid".
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "paperbag/bundle_reader.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

// Which rules run beyond XSD. none: XSD only. mets: XSD + the reference, fixity and date
// rules (PB-METS-*, PB-ALTO-*, PB-NEWSML-*). paperbag: as mets, plus paperbag's stricter
// profile schemas (xsd/paperbag-*.xsd) where they are built in.
enum class Profile { none, mets, paperbag };

enum class ReportFormat { text, json, junit, sarif };

// What happens to an XML file whose format paperbag has no schema for (PAGE, NDNP batch.xml,
// any unknown root element). ignore: counted in the summary only. warn: listed as skipped
// with a warning; the exit code is unaffected. fail: not validated (exit 2).
enum class UnknownPolicy { ignore, warn, fail };

struct ValidateOptions {
    std::vector<std::string> inputs;    // files, folders, ZIP bundles
    std::vector<std::string> catalogs;  // extra OASIS XML catalogs (--catalog)
    Profile profile = Profile::mets;
    std::set<std::string> skip;  // rule ids not to run or report (--skip)
    std::size_t max_errors = 0;  // findings kept per file; 0 = all
    unsigned jobs = 0;           // worker threads; 0 = all cores
    bool strict = false;         // warnings fail the run
    // Files larger than this are validated streaming (memory does not grow with the file);
    // the profile rules that need the document tree are then skipped (PB-STREAMED).
    std::uint64_t stream_threshold = std::uint64_t{64} << 20;
    // Files found in folders and bundles are kept when they match one --include GLOB (all when
    // none is given) and no --exclude GLOB; fnmatch(3) against the path relative to the folder
    // (or the entry path), and against the file name when the glob has no '/'. Files named on
    // the command line are always validated.
    std::vector<std::string> include;
    std::vector<std::string> exclude;
    UnknownPolicy unknown = UnknownPolicy::warn;
    // The profile for the XML inside BagIt bundles (ZIPs holding one bag); empty: `profile`.
    // `paperbag validate` sets it to paperbag unless --profile is given, so that it gives
    // the verdict `paperbag verify` gives on the same bundle.
    std::optional<Profile> bundle_profile;
    // SHA-256 digests of ZIP entries already computed from their bytes (verify's fixity pass,
    // VerifyResult::digests): the METS CHECKSUM rule uses them instead of reading an entry
    // again, while the entry's CRC and sizes are the same. Null: read every entry.
    std::shared_ptr<const KnownDigests> known_digests;
};

// valid: every schema that applies was used and nothing is wrong. invalid: the document
// breaks its schema or a profile rule, or is not well-formed / hostile. not_validated: no
// schema was available or the input could not be read (exit 2). skipped: a file of a format
// paperbag does not validate (--unknown=warn, original OCR files in a bundle); no effect on
// the exit code.
enum class Verdict { valid, invalid, not_validated, skipped };

std::string_view to_string(Verdict verdict);

struct FileResult {
    std::string path;                  // as given, or "bundle.zip!/entry/path.xml"
    std::string kind;                  // e.g. "ALTO 4.4", "METS 1.12.1"; empty when unknown
    std::vector<std::string> schemas;  // the schemas used, e.g. "http://...alto-4-4.xsd"
    Verdict verdict = Verdict::valid;
    Diagnostics findings;        // sorted by path, line and column (stable)
    std::size_t suppressed = 0;  // findings dropped because of max_errors
};

struct ValidationRun {
    std::vector<FileResult> files;  // in input order
    // Run-level notes, each said once: catalogs used, official schemas not installed (with the
    // fix), nothing validated.
    Diagnostics messages;
    bool strict = false;
    std::string command = "validate";  // names the JUnit suite and the SARIF run: validate/verify
    std::size_t ignored = 0;           // files of unknown formats not listed (--unknown=ignore)
    bool require_documents = false;    // inputs were given: validating nothing is exit 2
    // Official schemas that were not available: said once in `messages` (PB-SCHEMA-MISSING).
    struct MissingSchemas {
        std::set<std::string> locations;
        std::size_t not_validated = 0;  // files left not validated
        std::size_t profile_only = 0;   // files checked against paperbag's profile schema only
    } missing_schemas;

    // 0 all valid (no warnings under strict), 1 any invalid, 2 any not validated or, with
    // require_documents, nothing validated at all.
    int exit_code() const;
    // Files that were validated (valid, invalid or not validated: not skipped).
    std::size_t validated() const;
};

// Runs the validation. Throws Error (exit 2) for problems with the run itself: an input
// that does not exist, an unreadable catalog.
ValidationRun validate_inputs(const ValidateOptions& options);

// A validator that keeps its compiled schemas across many runs (e.g. every issue of a
// `paperbag build`): each schema is compiled once for the Validator's lifetime. validate()
// and validate_tree() may be called from several threads at once.
class Validator {
public:
    // Loads the catalogs of `options` (process-global: construct before starting threads).
    // Throws Error (PB-CATALOG) for an unreadable catalog.
    explicit Validator(ValidateOptions options);
    ~Validator();
    Validator(const Validator&) = delete;
    Validator& operator=(const Validator&) = delete;

    // Validates options.inputs (files, folders, bundles).
    ValidationRun validate() const;

    // Validates files held in memory: `files` maps relative '/'-separated paths to bytes;
    // every file ending in ".xml" is validated. `disk_files` adds files that exist only on
    // disk (the originals a METS file points to), so the reference, SIZE and CHECKSUM rules
    // see them. Reports name files "<display_prefix><path>".
    ValidationRun validate_tree(const std::map<std::string, std::string>& files,
                                const std::map<std::string, std::filesystem::path>& disk_files,
                                const std::string& display_prefix) const;

    // Catalogs loaded, profile schemas missing: notes for the user.
    const Diagnostics& messages() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// One profile rule: stable id, severity, the profile that enables it, one line.
struct RuleInfo {
    std::string_view id;
    Severity severity;
    std::string_view profile;  // "xml" (always), "mets", "paperbag"
    std::string_view summary;
};

// Every rule paperbag validate can report, sorted by id.
std::span<const RuleInfo> validation_rules();

// Every rule paperbag verify can report: the bundle's structure and fixity (PB-BAG-*,
// PB-VERIFY-*, profile "bundle", from the error-code table) and validation_rules(), sorted.
std::vector<RuleInfo> verify_rules();

// The rule list as text (one line per rule) or as a JSON array of {id, severity, profile,
// summary} objects (`--list-rules --format json`).
std::string format_rules(std::span<const RuleInfo> rules, ReportFormat format);

// The report in `format` (text: one `path:line:col: severity: message [RULE]` line per
// finding plus a verdict line per file; json: docs/validate-report.schema.json; junit: one
// testcase per file; sarif: SARIF 2.1.0).
std::string format_report(const ValidationRun& run, ReportFormat format);

}  // namespace paperbag
