// The XML writers: what paperbag writes for an issue.
//
//   mets.xml                 METS 1.12.1 with MODS 3.8 (issue + one per article) and PREMIS 3
//   alto/<NNNN>.xml          ALTO 4.4, one per page (NNNN = page sequence, zero-padded)
//   newsml/<article-id>.xml  NewsML-G2 2.35 newsItem (ninat:text) per article
//   newsml/<ill-id>.xml      NewsML-G2 2.35 newsItem (ninat:picture) per photo caption
//   newsml/package.xml       NewsML-G2 2.35 packageItem for the issue, items in page order
//
// The writers only turn the model into bytes: they never read input files, never look at the
// wall clock (every timestamp comes from WriteOptions::clock) and never invent ids (every id
// is derived from the model, see paperbag/ids.hpp), so the same model with the same clock
// gives the same bytes. Text from the model is treated as hostile: invalid UTF-8 is replaced
// by U+FFFD and characters XML 1.0 cannot carry (control characters, U+FFFE/U+FFFF) are
// removed, each with a warning (PB-WRITE-TEXT) in WriteResult::warnings.
//
// docs/profile.md describes every element and attribute written; xsd/paperbag-*.xsd are the
// profile schemas for them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

class Clock;
class OutputTree;

// A file of the bundle that the writers do not produce (an original page text, image or PDF)
// and that METS describes in its fileSec, PREMIS objects and physical structMap. The packager
// (or the job layer) fills it, because it is the one that reads the bytes.
struct PayloadFile {
    int page_sequence = 0;  // the Page::sequence it belongs to
    FileRole role = FileRole::text;
    std::string path;       // relative to the METS file, '/'-separated: "text/page-01.txt"
    std::string mime_type;  // "text/plain", "image/jpeg", ...
    std::uint64_t size = 0;
    std::string sha256;  // lower-case hex
};

// A PREMIS event about the issue (digital provenance).
struct PreservationEvent {
    std::string type;       // LoC preservation event type: "ingestion", "validation", "packing"...
    std::string detail;     // free text, e.g. "page text segmented into 5 articles"
    std::string outcome;    // "success", "warning", "failure"
    std::int64_t time = 0;  // seconds since the epoch (from the injected clock)
    // A person who took part (the reviewer of corrections): written as a second linking
    // agent with role "reviewer" and a PREMIS agent of type "person". Empty: none.
    std::string reviewer = {};
};

struct WriteOptions {
    // Required: the source of every timestamp written (METS CREATEDATE, PREMIS event dates,
    // ALTO processingDateTime, NewsML-G2 versionCreated).
    const Clock* clock = nullptr;
    // The version written as the creating agent ("paperbag 0.1.0"); empty: PAPERBAG_VERSION.
    std::string tool_version;
    // Files METS must describe besides the XML written here; see payload_from_pages().
    std::vector<PayloadFile> payload;
    // PREMIS events. Empty: "ingestion", "message digest calculation" (the SHA-256 fixity of
    // every file) and "metadata extraction" (segmentation) at clock time,
    // outcome "success" ("warning" when the model carries warnings). The build job adds
    // "validation" and "packing" once they have happened.
    std::vector<PreservationEvent> events;
};

// One file the writers produced.
struct WrittenFile {
    std::string path;  // "alto/0001.xml"
    std::uint64_t size = 0;
    std::string sha256;
};

struct WriteResult {
    std::vector<WrittenFile> files;  // in the order written (ALTO, NewsML-G2, METS last)
    Diagnostics warnings;            // text repairs (PB-WRITE-TEXT) and similar
};

// Payload descriptions from the model alone: for every file of every page, the path
// "<role>/<file name of href>" and the size and SHA-256 the importer recorded in PageFile.
// Throws Error (PB-WRITE-PAYLOAD) when a file has no SHA-256 recorded or two files would get
// the same path.
// An issue-level PDF (the same file as several pages' pdf file, each with its pdf_page) is
// described once, with page_sequence 0.
std::vector<PayloadFile> payload_from_pages(const Issue& issue);

// Where payload_from_pages() puts a page file in the bundle: "<role folder>/<file name>".
std::string payload_path(const PageFile& file);

// Like payload_from_pages, but computes size and SHA-256 from PageFile::path on disk when the
// model has none (the job layer's helper for callers without a packager).
std::vector<PayloadFile> payload_from_disk(const Issue& issue);

// Writes every file of the issue to `out`: ALTO first, then NewsML-G2, then METS (which
// describes the ALTO and NewsML-G2 bytes just written). Throws Error when the model cannot be
// written (PB-WRITE-MODEL: e.g. duplicate or unknown ids, a block range outside its page's
// text file), before anything is put into `out`. Files are put into `out` one by one as they
// are written; if libxml2 fails later (PB-WRITE, e.g. out of memory) some may already be there,
// so a caller that needs all-or-nothing writes to a staging tree (the packager's temporary
// ZIP, a MemoryTree).
WriteResult write_issue(const Issue& issue, OutputTree& out, const WriteOptions& options);

// The same, into memory: path -> bytes.
std::map<std::string, std::string> write_issue_to_memory(const Issue& issue,
                                                         const WriteOptions& options,
                                                         Diagnostics* warnings = nullptr);

// The same, into a folder (created as needed; each file written atomically).
WriteResult write_issue_to_folder(const Issue& issue, const std::filesystem::path& folder,
                                  const WriteOptions& options);

// What `paperbag export --format xml -o DIR` does for one imported and segmented issue: writes
// every XML file into `folder` and, with `copy_originals`, the page files too under the paths
// METS gives them (text/..., images/..., pdf/...), so that every FLocat resolves. Sizes and
// checksums come from the model or, when it has none, from the files on disk
// (payload_from_disk). Timestamps from `clock`; tool version PAPERBAG_VERSION.
WriteResult export_issue_xml(const Issue& issue, const std::filesystem::path& folder,
                             const Clock& clock, bool copy_originals = true);

}  // namespace paperbag
