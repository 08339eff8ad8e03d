// Golden-file tests of the writers: every folder tests/golden/xml/<case>/ holds a case.txt that
// names the input and an expected/ folder with every file the writers must produce, byte for
// byte. PAPERBAG_REGENERATE=1 rewrites expected/ for review (never set in CI); every expected
// XML file is validated against the profile schemas on every run, so a bad regeneration
// cannot pass. See tests/golden/README.md.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>

#include "paperbag/clock.hpp"
#include "paperbag/manifest.hpp"
#include "paperbag/page_import.hpp"
#include "paperbag/writers.hpp"
#include "support/sample_issue.hpp"
#include "support/temp_dir.hpp"
#include "support/xml_walk.hpp"
#include "validate/xsd_schema.hpp"

namespace paperbag {

namespace {

namespace fs = std::filesystem;

// The inputs a case.txt can name: "fixture <name>" (a hand-made model), or "issue <folder>"
// (an issue folder relative to the repository, imported and segmented).
const std::map<std::string, std::function<Issue()>>& fixtures() {
    static const std::map<std::string, std::function<Issue()>> table{
        {"sample_issue_zh", test::sample_issue_zh},
        {"sample_issue_en", test::sample_issue_en},
    };
    return table;
}

std::map<std::string, std::string> expected_files(const fs::path& folder) {
    std::map<std::string, std::string> files;
    if (!fs::exists(folder)) return files;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file())
            files[fs::relative(entry.path(), folder).generic_string()] =
                test::read_all(entry.path());
    return files;
}

const XsdSchema& profile_for(const std::string& path) {
    static const XsdSchema mets = XsdSchema::builtin("paperbag-mets.xsd");
    static const XsdSchema alto = XsdSchema::builtin("paperbag-alto.xsd");
    static const XsdSchema newsml = XsdSchema::builtin("paperbag-newsml.xsd");
    return path == "mets.xml" ? mets : path.starts_with("alto/") ? alto : newsml;
}

void run_case(const fs::path& folder) {
    std::ifstream spec(folder / "case.txt");
    std::string kind;
    std::string name;
    spec >> kind >> name;
    REQUIRE_MESSAGE((kind == "fixture" || kind == "issue"),
                    folder << "/case.txt: unknown input kind '" << kind << "'");
    Issue issue;
    if (kind == "fixture") {
        REQUIRE_MESSAGE(fixtures().count(name),
                        folder << "/case.txt: unknown fixture '" << name << "'");
        issue = fixtures().at(name)();
    } else {
        // An issue folder of the repository, imported and segmented as `build` does.
        Diagnostics diagnostics;
        auto read = read_manifest(fs::path(PAPERBAG_SOURCE_DIR) / name, diagnostics);
        REQUIRE_MESSAGE(read, folder << "/case.txt: cannot read issue '" << name << "'");
        segment_issue(*read, diagnostics);
        issue = std::move(*read);
    }
    const FixedClock clock(1710720000);  // 2024-03-18T00:00:00Z, as SOURCE_DATE_EPOCH would be
    WriteOptions options;
    options.clock = &clock;
    options.tool_version = "golden";  // independent of the project version
    options.payload = kind == "fixture" ? payload_from_pages(issue) : payload_from_disk(issue);
    const auto actual = write_issue_to_memory(issue, options);
    const fs::path expected_dir = folder / "expected";
    if (const char* regenerate = std::getenv("PAPERBAG_REGENERATE");
        regenerate && std::string(regenerate) == "1") {
        fs::remove_all(expected_dir);
        for (const auto& [path, bytes] : actual) {
            fs::create_directories((expected_dir / path).parent_path());
            std::ofstream(expected_dir / path, std::ios::binary) << bytes;
        }
        MESSAGE("regenerated " << expected_dir);
    }
    const auto expected = expected_files(expected_dir);
    for (const auto& entry : expected) {
        // Named, not structured bindings: clang 14 does not capture those.
        const auto& path = entry.first;
        const auto& bytes = entry.second;
        XmlDocPtr doc = test::parse_or_throw(bytes, path);
        Diagnostics problems;
        INFO(folder.filename().string() << "/expected/" << path);
        CHECK(profile_for(path).validate(doc.get(), path, problems));
    }
    for (const auto& entry : actual) {
        // Named, not structured bindings: clang 14 does not capture those.
        const auto& path = entry.first;
        const auto& bytes = entry.second;
        INFO(folder.filename().string() << ": " << path);
        REQUIRE_MESSAGE(expected.count(path), "not in expected/ (PAPERBAG_REGENERATE=1?)");
        CHECK(bytes == expected.at(path));
    }
    for (const auto& entry : expected) {
        INFO(folder.filename().string() << ": " << entry.first);
        CHECK_MESSAGE(actual.count(entry.first), "expected but not written");
    }
}

}  // namespace

TEST_CASE("golden: every case in tests/golden/ gives its expected files byte for byte") {
    const fs::path root = fs::path(PAPERBAG_SOURCE_DIR) / "tests" / "golden" / "xml";
    std::vector<fs::path> cases;
    for (const auto& entry : fs::directory_iterator(root))
        if (entry.is_directory()) cases.push_back(entry.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(!cases.empty());
    for (const fs::path& folder : cases) {
        SUBCASE(folder.filename().string().c_str()) {
            run_case(folder);
        }
    }
}

}  // namespace paperbag
