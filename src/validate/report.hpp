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

}  // namespace paperbag
