#include "paperbag/bundle.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "core/digest.hpp"
#include "package/zip_output.hpp"
#include "paperbag/clock.hpp"
#include "support/temp_dir.hpp"

using namespace paperbag;
using paperbag::test::TempDir;

namespace {

constexpr std::int64_t epoch = 1710741904;  // 2024-03-18T06:05:04Z

// A small bundle: a text file and an image from disk, ALTO from memory, METS generated from
// the checksums of the rest.
BundleResult write_sample(const TempDir& dir, const std::filesystem::path& target,
                          bool sha512 = false) {
    const auto text = dir.write("in/page-01.txt", "第一版\nThe Test Gazette\n");
    const auto image = dir.write("in/page-01.jpg", std::string(5000, '\xff'));
    FixedClock clock(epoch);
    BundleOptions options;
    options.bag_name = "gazette-2024-03-18";
    options.sha512 = sha512;
    options.source_organization = "The Test Library";
    options.external_identifier = "urn:x-test:gazette:2024-03-18";
    options.bag_info = {{"Paperbag-Input-Digest", "sha256:00"}};
    BundleWriter writer(options, clock);
    writer.add_file("data/text/page-01.txt", text);
    writer.add_file("data/images/page-01.jpg", image);
    writer.add_bytes("data/alto/page-01.xml", "<alto/>\n");
    writer.add_generated("data/mets.xml", [](const std::vector<BagFileRecord>& records) {
        std::string out = "<mets>\n";
        for (const auto& r : records)
            out += "<file href=\"" + r.path + "\" SIZE=\"" + std::to_string(r.size) +
                   "\" CHECKSUM=\"" + r.sha256 + "\"/>\n";
        return out + "</mets>\n";
    });
    return writer.write(target);
}

}  // namespace

TEST_CASE("bundle writer: records agree with the bytes and the manifests") {
    TempDir dir;
    const auto result = write_sample(dir, dir / "out.zip");
    REQUIRE(result.payload.size() == 4);
    CHECK(result.payload[0].path == "data/alto/page-01.xml");
    CHECK(result.payload[0].sha256 == digest_hex(DigestAlgorithm::sha256, "<alto/>\n"));
    CHECK(result.payload[1].path == "data/images/page-01.jpg");
    CHECK(result.payload[1].size == 5000);
    CHECK(result.payload[2].path == "data/mets.xml");
    CHECK(std::filesystem::exists(dir / "out.zip"));
    const std::string cmd = "cp " + (dir / "out.zip").string() + " /tmp/pkgx/sample.zip";
    CHECK(std::system(cmd.c_str()) == 0);
}
