#include "validate/report.hpp"

namespace paperbag {

namespace {

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

std::string file_summary(const FileResult& file) {
    std::string out(to_string(file.verdict));
    const std::size_t errors = file.findings.count(Severity::error);
    const std::size_t warnings = file.findings.count(Severity::warning);
    if (errors || warnings || file.suppressed) {
        out += ": " + plural(errors, "error") + ", " + plural(warnings, "warning");
        if (file.suppressed) out += ", " + std::to_string(file.suppressed) + " more not shown";
    }
    return out;
}

std::string format_report(const ValidationRun& run, ReportFormat format) {
    switch (format) {
        case ReportFormat::text: return text_report(run);
        case ReportFormat::json: return json_report(run);
        case ReportFormat::junit: return junit_report(run);
        case ReportFormat::sarif: return sarif_report(run);
    }
    return text_report(run);
}

}  // namespace paperbag
