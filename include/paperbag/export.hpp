// paperbag export as a library call: issues (issue folders, or page text files with their
// metadata) -> records in a research format, streamed issue by issue.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "paperbag/diagnostic.hpp"
#include "paperbag/page_import.hpp"

namespace paperbag {

struct ExportOptions {
    std::vector<std::filesystem::path> inputs;  // issue folders (with issue.xml) or page .txt files
    std::string format = "jsonl";
    std::optional<std::filesystem::path> output;  // written atomically; stdout when empty
    PageFilesOptions pages;                       // metadata for page text files
};

// Exit status of an export, as in SPEC section 2.
enum class ExportStatus { ok = 0, invalid_input = 1, failure = 2 };

// Runs the export. Records go to `out` (or the output file); every warning and error goes
// to `diagnostics`. Nothing is written to the output file unless the whole run succeeded.
ExportStatus run_export(const ExportOptions& options, std::ostream& out, Diagnostics& diagnostics);

}  // namespace paperbag
