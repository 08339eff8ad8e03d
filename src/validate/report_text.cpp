// Text report: one `path:line:col: severity: message [RULE]` line per finding, then one
// verdict line per file naming the schema used, then a summary line that also says what was
// skipped.
#include "validate/report.hpp"

#include "core/plural.hpp"

namespace paperbag {

std::string skipped_summary(const ValidationRun& run) {
    std::size_t unknown = 0, originals = 0;
    for (const FileResult& file : run.files) {
        if (file.verdict != Verdict::skipped) continue;
        bool ocr = false;
        for (const Diagnostic& d : file.findings) ocr = ocr || d.code == "PB-OCR-NOT-VALIDATED";
        ++(ocr ? originals : unknown);
    }
    unknown += run.ignored;
    if (unknown + originals == 0) return {};
    std::string out = std::to_string(unknown + originals) + " skipped (";
    if (unknown > 0) out += std::to_string(unknown) + " of a format paperbag has no schema for";
    if (unknown > 0 && originals > 0) out += ", ";
    if (originals > 0) out += std::to_string(originals) + " original OCR kept as received";
    return out + ")";
}

std::string text_report(const ValidationRun& run) {
    std::string out;
    std::size_t counts[4] = {0, 0, 0, 0};
    for (const FileResult& file : run.files) {
        for (const Diagnostic& d : file.findings) out += d.format() + '\n';
        out += file.path + ": " + file_summary(file);
        if (!file.kind.empty()) out += " [" + file.kind;
        for (std::size_t i = 0; i < file.schemas.size(); ++i)
            out += (i == 0 ? "; schema " : ", ") + file.schemas[i];
        if (!file.kind.empty()) out += "]";
        out += '\n';
        ++counts[static_cast<int>(file.verdict)];
    }
    out += "summary: " + plural(run.validated(), "file") + ": " + std::to_string(counts[0]) +
           " valid, " + std::to_string(counts[1]) + " invalid, " + std::to_string(counts[2]) +
           " not validated";
    if (const std::string skipped = skipped_summary(run); !skipped.empty()) out += "; " + skipped;
    if (run.require_documents && run.validated() == 0) out += "; nothing validated";
    out += '\n';
    return out;
}

}  // namespace paperbag
