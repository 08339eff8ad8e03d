// Report writers of `paperbag validate`, one per format (report_*.cpp).
#pragma once

#include <string>

#include "paperbag/validate.hpp"

namespace paperbag {

std::string text_report(const ValidationRun& run);
std::string json_report(const ValidationRun& run);
std::string junit_report(const ValidationRun& run);
std::string sarif_report(const ValidationRun& run);

// "invalid: 3 errors, 1 warning" style summary of one file, used by several formats.
std::string file_summary(const FileResult& file);

// "2 skipped (1 of a format paperbag has no schema for, 1 original OCR kept as received)",
// or empty when nothing was skipped.
std::string skipped_summary(const ValidationRun& run);

// A SARIF/JUnit-safe stable fingerprint of a finding: SHA-256 of the rule, the file and the
// message without line or column numbers in it.
std::string finding_fingerprint(const Diagnostic& d);

}  // namespace paperbag
