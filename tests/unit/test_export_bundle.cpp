// Export from bundles: the issue read back from a bundle (METS + NewsML-G2) gives the same
// records as the issue folder it was built from; damaged and foreign bundles are refused with
// a reason.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "export/exporter.hpp"
#include "import/mets_reader.hpp"
#include "paperbag/bundle_issue.hpp"
#include "paperbag/export.hpp"
#include "paperbag/ids.hpp"
#include "support/sample_bundle.hpp"
#include "support/temp_dir.hpp"

namespace paperbag {

namespace {

std::string jsonl_of(const Issue& issue, const std::string& bundle) {
    const auto exporter = exporting::make_jsonl_exporter({});
    std::string out;
    exporter->write_issue(issue, {bundle}, out);
    return out;
}

std::string folder_jsonl(const std::string& sample) {
    Diagnostics diagnostics;
    std::optional<Issue> issue = read_manifest(test::sample_dir(sample), diagnostics);
    REQUIRE(issue);
    segment_issue(*issue, diagnostics);
    return jsonl_of(*issue, issue_key(*issue));
}

std::string all_of(const Diagnostics& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) out += d.format() + "\n";
    return out;
}

}  // namespace

TEST_CASE("export: records from a bundle equal the records from its issue folder") {
    test::TempDir dir;
    for (const std::string sample : {"jianghe-daily-2024-03-18", "riverton-courier-2024-03-18"}) {
        CAPTURE(sample);
        const auto bundle = dir.path() / (sample + ".zip");
        test::write_sample_bundle(test::sample_dir(sample), bundle);
        BundleReader reader(bundle);
        Diagnostics diagnostics;
        const std::optional<Issue> issue = read_bundle_issue(reader, diagnostics);
        INFO(all_of(diagnostics));
        REQUIRE(issue);
        const std::string expected = folder_jsonl(sample);
        CHECK(expected.find("\"headline\":") != std::string::npos);
        CHECK(jsonl_of(*issue, sample) == expected);
    }
}

TEST_CASE("export: the bundle field is the bundle's file name") {
    test::TempDir dir;
    const auto bundle = dir.path() / "renamed copy.zip";
    test::write_sample_bundle(test::sample_dir("riverton-courier-2024-03-18"), bundle);
    ExportOptions options;
    options.inputs = {bundle};
    options.jobs = 1;
    std::ostringstream out;
    Diagnostics diagnostics;
    CHECK(run_export(options, out, diagnostics) == ExportStatus::ok);
    CHECK(out.str().find("\"bundle\":\"renamed copy\"") != std::string::npos);
}

TEST_CASE("export: a bundle without paperbag METS is not a paperbag bundle") {
    test::TempDir dir;
    const auto bundle = dir.path() / "other.zip";
    {
        const FixedClock clock(0);
        BundleOptions options;
        options.bag_name = "other";
        BundleWriter writer(options, clock);
        writer.add_bytes("data/mets.xml",
                         "<mets xmlns=\"http://www.loc.gov/METS/\" PROFILE=\"x\"/>\n");
        writer.write(bundle);
    }
    BundleReader reader(bundle);
    Diagnostics diagnostics;
    CHECK_FALSE(read_bundle_issue(reader, diagnostics));
    CHECK(all_of(diagnostics).find("not a paperbag bundle") != std::string::npos);
}

TEST_CASE("export: a corrupt bundle is skipped with its path and the run ends with exit 1") {
    test::TempDir dir;
    const auto good = dir.path() / "a-good.zip";
    const auto bad = dir.path() / "b-bad.zip";
    test::write_sample_bundle(test::sample_dir("riverton-courier-2024-03-18"), good);
    std::ofstream(bad, std::ios::binary) << "PK\x03\x04 this is not a zip archive";
    ExportOptions options;
    options.inputs = {dir.path()};
    std::ostringstream out;
    Diagnostics diagnostics;
    CHECK(run_export(options, out, diagnostics) == ExportStatus::invalid_input);
    const std::string messages = all_of(diagnostics);
    CHECK(messages.find("b-bad.zip") != std::string::npos);
    CHECK(messages.find("skipped") != std::string::npos);
    CHECK(out.str().find("\"bundle\":\"a-good\"") != std::string::npos);
}

TEST_CASE("export: output order is the same with one thread and with several") {
    test::TempDir dir;
    for (int i = 0; i < 6; ++i) {
        const std::string sample =
            i % 2 == 0 ? "jianghe-daily-2024-03-18" : "riverton-courier-2024-03-18";
        test::write_sample_bundle(test::sample_dir(sample),
                                  dir.path() / ("b" + std::to_string(i) + ".zip"));
    }
    auto run = [&](unsigned jobs) {
        ExportOptions options;
        options.inputs = {dir.path()};
        options.jobs = jobs;
        std::ostringstream out;
        Diagnostics diagnostics;
        CHECK(run_export(options, out, diagnostics) == ExportStatus::ok);
        return out.str();
    };
    const std::string one = run(1);
    CHECK(one.find("\"bundle\":\"b5\"") != std::string::npos);
    CHECK(one.find("\"bundle\":\"b0\"") < one.find("\"bundle\":\"b1\""));
    CHECK(run(4) == one);
}

}  // namespace paperbag

namespace paperbag {

namespace {

std::string mets_with(const std::string& logical) {
    return R"(<mets xmlns="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3"
  xmlns:xlink="http://www.w3.org/1999/xlink" PROFILE="urn:x-paperbag:profile:mets:1">
<dmdSec ID="DMD_ISSUE"><mdWrap MDTYPE="MODS"><xmlData><mods:mods><mods:titleInfo>
<mods:title>T</mods:title></mods:titleInfo></mods:mods></xmlData></mdWrap></dmdSec>
<fileSec><fileGrp USE="alto"><file ID="A1"><FLocat xlink:href="alto/0001.xml"/></file></fileGrp></fileSec>
<structMap TYPE="PHYSICAL"><div TYPE="physSequence"><div TYPE="page" ORDER="1" ORDERLABEL="1">
<fptr FILEID="A1"/></div></div></structMap>
<structMap TYPE="LOGICAL"><div TYPE="issue">)" +
           logical + "</div></structMap></mets>";
}

std::string read_errors(const std::string& bytes) {
    Diagnostics diagnostics;
    const auto issue = read_paperbag_mets(bytes, "b.zip:bag/data/mets.xml", diagnostics);
    CHECK_FALSE(issue);
    return all_of(diagnostics);
}

}  // namespace

TEST_CASE("export: damaged or hostile METS in a bundle is refused with file, line and reason") {
    CHECK(read_errors("<mets").find("b.zip:bag/data/mets.xml:1") != std::string::npos);
    CHECK(read_errors("<!DOCTYPE mets [<!ENTITY x 'y'>]><mets/>").find("DTD") != std::string::npos);
    CHECK(read_errors(mets_with(R"(<div TYPE="illustration" ID="LOG_ill-001" ORDER="x"/>)"))
              .find("ORDER 'x' is not a number [PB-EXPORT-METS]") != std::string::npos);
    CHECK(read_errors(mets_with(R"(<div TYPE="illustration" ID="LOG_ill-001"><div TYPE="caption">
<fptr><area FILEID="NOPE" BETYPE="IDREF" BEGIN="b1"/></fptr></div></div>)"))
              .find("FILEID 'NOPE' names no file of the fileSec") != std::string::npos);
    CHECK(read_errors(mets_with(R"(<div TYPE="article" ID="LOG_art-001" DMDID="DMD_NONE"/>)"))
              .find("article 'art-001' has no MODS") != std::string::npos);
    // A division without an ID (found by the mets fuzz target: fuzz/corpus/mets).
    CHECK(read_errors(mets_with(R"(<div TYPE="article" DMDID="DMD_NONE"/>)"))
              .find("article division without an ID") != std::string::npos);
    CHECK(read_errors(mets_with(R"(<div TYPE="illustration" ID="LOG_"/>)"))
              .find("illustration division without an ID") != std::string::npos);
    // A well-formed minimal issue reads.
    Diagnostics diagnostics;
    const auto ok = read_paperbag_mets(mets_with(""), "m.xml", diagnostics);
    REQUIRE(ok);
    CHECK(ok->issue.title == "T");
    CHECK(ok->issue.pages.size() == 1);
}

}  // namespace paperbag
