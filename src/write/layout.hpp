// What the writers share: the file names and XML ids of an issue's files, the checked index
// of its blocks, and one function per output format. Private to src/write/.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "paperbag/writers.hpp"

namespace paperbag {

// One file the METS fileSec describes.
struct DescribedFile {
    std::string id;         // XML ID in METS: "FILE_ALTO_0001"
    std::string group;      // fileGrp USE: "text", "ocr", "image", "pdf", "alto", "newsml"
    int page_sequence = 0;  // 0 for issue-level files (package.xml)
    std::string item_id;    // the article or illustration a NewsML-G2 item is for
    std::string path;       // relative to mets.xml
    std::string mime_type;
    std::uint64_t size = 0;
    std::string sha256;
};

// Where a block is.
struct BlockRef {
    const Page* page = nullptr;
    const Block* block = nullptr;
};

// Everything the format writers need besides the model, built and checked once.
struct WriteContext {
    const Issue* issue = nullptr;
    const WriteOptions* options = nullptr;
    std::string issue_key;                                  // paperbag::issue_key(issue)
    std::string created;                                    // clock time, "2024-03-18T06:05:04Z"
    std::string tool_version;                               // "0.1.0"
    std::unordered_map<std::string, BlockRef> blocks;       // by block id
    std::unordered_map<std::string, const Page*> graphics;  // page of each Graphic, by id
    std::vector<PayloadFile> payload;                       // options.payload, checked

    // The payload file of this page and role, or nullptr.
    const PayloadFile* payload_file(int page_sequence, FileRole role) const noexcept;
    // Block language or the issue's.
    std::string language_of(const Block& block) const;
};

// Checks the model and builds the context. Throws Error (PB-WRITE-MODEL) for duplicate or
// invalid ids, unknown block, graphic or page references, invalid language tags, byte ranges
// outside their text file, a page unit ALTO cannot state, or a missing clock.
WriteContext make_context(const Issue& issue, const WriteOptions& options);

// File names.
std::string alto_path(const Page& page);              // "alto/0001.xml"
std::string newsml_path(const std::string& item_id);  // "newsml/art-001.xml"
inline constexpr const char* newsml_package_path = "newsml/package.xml";

// NewsML-G2 guids, stable across runs: "urn:newsml:paperbag:<issue-key>:<item-id>" and, for
// the package, "urn:newsml:paperbag:<issue-key>".
std::string newsml_guid(const WriteContext& context, const std::string& item_id);
std::string newsml_package_guid(const WriteContext& context);

// A segmenter warning as written into MODS notes and NewsML-G2 edNotes, and as exported:
// "page-01.txt:12: message" (just the message when it has no location).
std::string warning_text(const Diagnostic& warning);

// The writers. Each returns the bytes of one document; repairs go to `warnings`.
std::string write_alto(const WriteContext& context, const Page& page, Diagnostics& warnings);
std::string write_newsml_article(const WriteContext& context, const Article& article,
                                 Diagnostics& warnings);
std::string write_newsml_picture(const WriteContext& context, const Illustration& illustration,
                                 Diagnostics& warnings);
std::string write_newsml_package(const WriteContext& context, Diagnostics& warnings);
std::string write_mets(const WriteContext& context, const std::vector<DescribedFile>& files,
                       Diagnostics& warnings);

}  // namespace paperbag
