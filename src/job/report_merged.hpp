// The merged shard report in the CI formats (one file each).
#pragma once

#include <string>

#include "paperbag/shard_report.hpp"

namespace paperbag {

// JUnit XML: one testsuite per command, one testcase per plan item reported (a refused item
// is a <failure>), and one <error> testcase per missing or mismatched shard report.
std::string merged_junit_report(const MergedReport& report);

// SARIF 2.1.0: one result per refused item (rule = its first diagnostic code) and per problem.
std::string merged_sarif_report(const MergedReport& report);

}  // namespace paperbag
