// Text report: one `path:line:col: severity: message [RULE]` line per finding, then one
// verdict line per file naming the schema used, then a summary line.
#include "validate/report.hpp"

#include "core/plural.hpp"

namespace paperbag {

std::string text_report(const ValidationRun& run) {
    std::string out;
    std::size_t counts[3] = {0, 0, 0};
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
    out += "summary: " + plural(run.files.size(), "file") + ": " + std::to_string(counts[0]) +
           " valid, " + std::to_string(counts[1]) + " invalid, " + std::to_string(counts[2]) +
           " not validated\n";
    return out;
}

}  // namespace paperbag
