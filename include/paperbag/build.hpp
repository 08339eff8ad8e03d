// The `paperbag build` job: issue folders (or page text files) in, one BagIt-in-ZIP bundle
// per issue out.
//
// For each issue: read and validate issue.xml, fingerprint every page file (size and SHA-256:
// the input digest that makes rebuilds incremental, and the checksums METS records), segment
// the pages into articles, write METS/MODS/PREMIS, ALTO and NewsML-G2 into memory, validate
// every written file (built-in profile schemas always; the official schemas too when a
// catalog makes them available), and only then package the originals and the XML into
// <output>/<issue-key>.zip. An issue whose bundle exists and records the same input digest
// (bag-info.txt Paperbag-Input-Digest) is skipped unless `force`.
//
// Nothing partial is ever left under a bundle's name: the ZIP is written to a hidden file in
// the output folder and renamed into place only when it is complete and its payload
// checksums agree with the fingerprints METS was written from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "paperbag/clock.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/page_import.hpp"

namespace paperbag {

struct BuildOptions {
    // Issue folders (with issue.xml), or page text files of one issue (grouped: consecutive
    // page files form one issue, described by `pages`).
    std::vector<std::filesystem::path> inputs;
    PageFilesOptions pages;
    // The output folder (created when missing), or, for a single issue, a path ending in
    // ".zip" naming the bundle itself.
    std::filesystem::path output;
    unsigned jobs = 0;                  // issues built at once; 0: one per core
    bool force = false;                 // rebuild even when the inputs are unchanged
    bool sha512 = false;                // also write manifest-sha512.txt / tagmanifest-sha512.txt
    std::string source_organization;    // bag-info.txt; default: the issue's publisher
    std::vector<std::string> catalogs;  // XML catalogs for the official schemas
    bool strict = false;                // validation warnings fail the issue
    // Decide for every issue whether it would be built, kept unchanged or refused (its
    // manifest and page files are read and checked, its bundle on disk compared), but
    // segment, write and create nothing: no folder, no lock, no bundle.
    bool dry_run = false;
    // A reviewer's corrections file (paperbag/corrections.hpp, docs/review.md), applied after
    // segmentation and recorded as a PREMIS event; one issue only. Its digest is part of the
    // input digest.
    std::filesystem::path corrections;
    // Pages read from a PDF that have no image in the deposit get one rendered by poppler at
    // this resolution (PNG, images/; docs/pdf.md); 0: none.
    int render_images_dpi = 0;
};

// `planned`: a dry run would build the issue (IssueBuild::reason says why).
enum class IssueState { built, unchanged, failed, planned };

struct IssueBuild {
    std::string input;             // the issue folder or first page file, as given
    std::filesystem::path bundle;  // the bundle written or kept (empty when failed early)
    std::string reason;            // dry run: why the issue would be built ("no bundle yet")
    IssueState state = IssueState::failed;
    Diagnostics diagnostics;  // warnings of every stage; errors when failed
    std::size_t pages = 0;
    std::size_t articles = 0;
    std::size_t illustrations = 0;
    std::uint64_t bundle_size = 0;
    bool io_failure = false;  // failed because of I/O, not because of the input
    // The official schemas were not available: validated against the profile schemas only.
    bool official_schemas_missing = false;
};

struct BuildRun {
    std::vector<IssueBuild> issues;  // in input order
    Diagnostics messages;            // run-level notes (catalogs, missing official schemas)
    // 0 every issue built or unchanged, 1 an issue failed on its input, 2 an I/O failure.
    int exit_code() const;
};

// Builds every issue; `on_issue` (optional) is called for each finished issue in input
// order, from the calling thread. Throws Error (PB-USAGE) for unusable options (no input,
// a .zip output for several issues, page-file metadata missing) before anything is built.
BuildRun run_build(const BuildOptions& options, const Clock& clock,
                   const std::function<void(const IssueBuild&)>& on_issue = {});

// The run as one JSON object (one line, no newline): {"dry_run", "exit_code", "summary":
// {"built", "unchanged", "failed", "planned"}, "issues": [{"input", "state", "bundle",
// "reason", "pages", "articles", "illustrations", "bytes", "diagnostics": [{"severity",
// "code", "path", "line", "column", "message"}]}], "messages": [...]}; an unknown line or
// column is null. Documented in docs/build.md.
std::string format_build_json(const BuildRun& run, bool dry_run);

// The input digest of an issue as recorded in bag-info.txt: "sha256:<hex>".
inline constexpr const char* input_digest_label = "Paperbag-Input-Digest";

}  // namespace paperbag
