// The XML writers on hand-built sample issues: what the files contain, determinism,
// referential integrity and byte ranges.
#include <doctest/doctest.h>

#include "io/output_tree.hpp"
#include "io/xml_parse.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/writers.hpp"
#include "support/sample_issue.hpp"
#include "support/temp_dir.hpp"

namespace paperbag {

namespace {

const FixedClock clock_2024(1710720000);  // 2024-03-18T00:00:00Z

WriteOptions options_for(const Issue& issue) {
    WriteOptions options;
    options.clock = &clock_2024;
    options.tool_version = "0.1.0";
    options.payload = payload_from_pages(issue);
    return options;
}

}  // namespace

TEST_CASE("writers: write the sample issues to a folder (PAPERBAG_WRITE_SAMPLES_TO)") {
    const char* target = std::getenv("PAPERBAG_WRITE_SAMPLES_TO");
    if (!target) return;
    for (const auto& [name, issue] :
         {std::pair{"zh", test::sample_issue_zh()}, std::pair{"en", test::sample_issue_en()}}) {
        write_issue_to_folder(issue, std::filesystem::path(target) / name, options_for(issue));
    }
}

}  // namespace paperbag
