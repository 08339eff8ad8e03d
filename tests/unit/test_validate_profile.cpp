// Zero-configuration validation of what paperbag writes: without the official schemas, the
// built-in profile schemas still give a verdict (with a warning), and only under
// --profile paperbag; other profiles say "not validated".
#include <doctest/doctest.h>
#include <stdlib.h>

#include "paperbag/clock.hpp"
#include "paperbag/manifest.hpp"
#include "paperbag/page_import.hpp"
#include "paperbag/validate.hpp"
#include "paperbag/writers.hpp"
#include "support/temp_dir.hpp"

using namespace paperbag;

namespace {

void write_sample(const std::filesystem::path& folder) {
    Diagnostics diagnostics;
    auto issue = read_manifest(
        std::filesystem::path(PAPERBAG_SOURCE_DIR) / "samples/riverton-courier-2024-03-18",
        diagnostics);
    REQUIRE(issue);
    segment_issue(*issue, diagnostics);
    const FixedClock clock(1710720000);
    export_issue_xml(*issue, folder, clock);
}

}  // namespace

TEST_CASE("Without official schemas, profile paperbag validates against the profile schemas") {
    ::unsetenv("XML_CATALOG_FILES");
    ::setenv("XDG_DATA_HOME", "/nonexistent-paperbag-test", 1);  // no installed schemas
    test::TempDir dir;
    write_sample(dir.path());

    ValidateOptions options;
    options.inputs = {dir.path().string()};
    options.profile = Profile::paperbag;
    const ValidationRun run = validate_inputs(options);
    REQUIRE(run.files.size() >= 5);
    for (const FileResult& file : run.files) {
        CAPTURE(file.path);
        CHECK(file.verdict == Verdict::valid);
        REQUIRE(file.schemas.size() == 1);
        CHECK(file.schemas[0].starts_with("builtin:paperbag-"));
        for (const Diagnostic& d : file.findings) CHECK(d.code != "PB-SCHEMA-MISSING");
    }
    // The missing official schemas are said once for the run, with the fix.
    CHECK(run.missing_schemas.profile_only == run.files.size());
    std::size_t said = 0;
    for (const Diagnostic& d : run.messages)
        if (d.code == "PB-SCHEMA-MISSING") {
            ++said;
            CHECK(d.severity == Severity::warning);
            CHECK(d.message.find("paperbag schemas install") != std::string::npos);
        }
    CHECK(said == 1);
    CHECK(run.exit_code() == 0);

    options.strict = true;
    CHECK(validate_inputs(options).exit_code() == 1);

    options.strict = false;
    options.profile = Profile::mets;
    const ValidationRun generic = validate_inputs(options);
    for (const FileResult& file : generic.files) CHECK(file.verdict == Verdict::not_validated);
    CHECK(generic.exit_code() == 2);
}
