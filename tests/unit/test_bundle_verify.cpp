#include "paperbag/bundle_reader.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "core/digest.hpp"
#include "paperbag/bundle.hpp"
#include "paperbag/clock.hpp"
#include "support/temp_dir.hpp"

using namespace paperbag;
using paperbag::test::read_all;
using paperbag::test::TempDir;

namespace {

const std::string bag = "bag/";

// A valid bundle written by BundleWriter: two texts, an image, one XML file.
std::filesystem::path good_bundle(const TempDir& dir, const std::string& name = "good.zip") {
    FixedClock clock(1710741904);
    BundleOptions options;
    options.bag_name = "bag";
    BundleWriter writer(options, clock);
    writer.add_bytes("data/text/p1.txt", "page one\n");
    writer.add_bytes("data/text/p2.txt", "page two\n");
    writer.add_bytes("data/images/p1.jpg", std::string(3000, '\x01'));
    writer.add_bytes("data/mets.xml", "<mets/>\n");
    writer.write(dir / name);
    return dir / name;
}

struct RawEntry {
    std::string name;
    std::string bytes;
    std::uint32_t mode = 0100644;
};

// Any ZIP, written with plain libzip (for archives BundleWriter would never write).
std::filesystem::path raw_zip(const TempDir& dir, const std::string& name,
                              const std::vector<RawEntry>& entries) {
    const auto path = dir / name;
    int error = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(za != nullptr);
    for (const auto& e : entries) {
        zip_source_t* s = zip_source_buffer(za, e.bytes.data(), e.bytes.size(), 0);
        const zip_int64_t i = zip_file_add(za, e.name.c_str(), s, ZIP_FL_ENC_UTF_8);
        REQUIRE_MESSAGE(i >= 0, e.name);
        zip_file_set_external_attributes(za, static_cast<zip_uint64_t>(i), 0, ZIP_OPSYS_UNIX,
                                         e.mode << 16);
    }
    REQUIRE(zip_close(za) == 0);
    return path;
}

// The entries of a good bag, as (name, bytes), with correct manifests.
std::vector<RawEntry> bag_entries(std::vector<RawEntry> payload) {
    std::vector<RawEntry> out{
        {bag + "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"}};
    std::string manifest;
    for (const auto& p : payload)
        manifest += digest_hex(DigestAlgorithm::sha256, p.bytes) + "  " + p.name + "\n";
    out.push_back({bag + "manifest-sha256.txt", manifest});
    for (auto& p : payload) out.push_back({bag + p.name, p.bytes, p.mode});
    return out;
}

// Replaces every occurrence of `from` by `to` (same length) in the file's bytes: the name in
// the local header and in the central directory.
void patch(const std::filesystem::path& file, const std::string& from, const std::string& to) {
    REQUIRE(from.size() == to.size());
    std::string bytes = read_all(file);
    std::size_t at = 0;
    int n = 0;
    while ((at = bytes.find(from, at)) != std::string::npos) {
        bytes.replace(at, from.size(), to);
        at += to.size();
        ++n;
    }
    REQUIRE(n > 0);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

bool has(const VerifyResult& r, const std::string& code, const std::string& path_part = "") {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
        return d.code == code && d.path.find(path_part) != std::string::npos;
    });
}

std::string all(const VerifyResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += d.format() + "\n";
    return out;
}

}  // namespace

TEST_CASE("verify: a bundle written by BundleWriter is valid") {
    TempDir dir;
    const auto bundle = good_bundle(dir);
    const VerifyResult r = verify_bundle(bundle);
    CHECK_MESSAGE(r.diagnostics.empty(), all(r));
    CHECK(r.ok());
    CHECK(r.payload_files == 4);
    CHECK(r.info.bag_name == "bag");
    REQUIRE(r.info.bag_info.size() == 3);
    CHECK(r.info.bag_info[1].first == "Payload-Oxum");
}

TEST_CASE("verify: the XML hook sees every XML payload file once") {
    TempDir dir;
    VerifyOptions options;
    std::vector<std::string> seen;
    options.validate_xml = [&](std::string_view name, std::string_view bytes,
                               const std::string& display) {
        seen.push_back(std::string(name) + "=" + std::string(bytes));
        Diagnostics d;
        d.add(make_error("PB-TEST-XML", display, 1, "schema says no"));
        return d;
    };
    const VerifyResult r = verify_bundle(good_bundle(dir), options);
    CHECK(seen == std::vector<std::string>{"data/mets.xml=<mets/>\n"});
    CHECK(has(r, "PB-TEST-XML", "good.zip:bag/data/mets.xml"));
    CHECK_FALSE(r.ok());
}

TEST_CASE("verify: a changed payload file is a checksum mismatch") {
    TempDir dir;
    const auto bundle = raw_zip(dir, "t.zip", bag_entries({{"data/a.txt", "original\n"}}));
    CHECK(verify_bundle(bundle).ok());
    // Same archive, the file replaced consistently (valid CRC) but the manifest kept.
    auto entries = bag_entries({{"data/a.txt", "original\n"}});
    entries.back().bytes = "0riginal\n";
    const VerifyResult r = verify_bundle(raw_zip(dir, "t2.zip", entries));
    CHECK_MESSAGE(has(r, "PB-BAG-CHECKSUM", "t2.zip:bag/data/a.txt"), all(r));
    CHECK(all(r).find("sha256 checksum mismatch: manifest ") != std::string::npos);
}

TEST_CASE("verify: a flipped byte in the archive is corrupt data") {
    TempDir dir;
    const auto bundle = good_bundle(dir);
    std::string bytes = read_all(bundle);
    const std::size_t at = bytes.find(std::string(3000, '\x01'));  // the stored image
    REQUIRE(at != std::string::npos);
    bytes[at + 1500] = '\x02';
    std::ofstream(bundle, std::ios::binary | std::ios::trunc) << bytes;
    const VerifyResult r = verify_bundle(bundle);
    CHECK_MESSAGE(has(r, "PB-BAG-CORRUPT", "bag/data/images/p1.jpg"), all(r));
    CHECK_FALSE(r.ok());
}

TEST_CASE("verify: missing, unlisted and outside files") {
    TempDir dir;
    auto entries = bag_entries({{"data/a.txt", "a\n"}, {"data/b.txt", "b\n"}});
    entries.pop_back();                                  // data/b.txt listed but missing
    entries.push_back({bag + "data/extra.txt", "x\n"});  // present but unlisted
    entries.push_back({"other/file.txt", "x"});          // a second top folder
    entries.push_back({"loose.txt", "x"});               // outside any folder
    const VerifyResult r = verify_bundle(raw_zip(dir, "t.zip", entries));
    CHECK_MESSAGE(has(r, "PB-BAG-MISSING-FILE", "bag/manifest-sha256.txt"), all(r));
    CHECK(
        all(r).find("manifest-sha256.txt:2: error: 'data/b.txt' is listed but not in the bundle") !=
        std::string::npos);
    CHECK(has(r, "PB-BAG-UNLISTED", "bag/data/extra.txt"));
    CHECK(has(r, "PB-BAG-LAYOUT", "other/file.txt"));
    CHECK(has(r, "PB-BAG-LAYOUT", "loose.txt"));
}

TEST_CASE("verify: bagit.txt, manifests and Payload-Oxum are checked") {
    TempDir dir;
    auto entries = bag_entries({{"data/a.txt", "a\n"}});
    entries.push_back({bag + "bag-info.txt", "Payload-Oxum: 3.1\n"});
    VerifyResult r = verify_bundle(raw_zip(dir, "oxum.zip", entries));
    CHECK_MESSAGE(has(r, "PB-BAG-OXUM"), all(r));
    CHECK(all(r).find("Payload-Oxum is 3.1 but the payload has 2.1") != std::string::npos);

    entries = bag_entries({{"data/a.txt", "a\n"}});
    entries.erase(entries.begin());  // no bagit.txt
    r = verify_bundle(raw_zip(dir, "nobagit.zip", entries));
    CHECK(has(r, "PB-BAG-NO-BAGIT"));

    entries = bag_entries({{"data/a.txt", "a\n"}});
    entries[1].bytes = "nothex  data/a.txt\n";
    r = verify_bundle(raw_zip(dir, "syntax.zip", entries));
    CHECK(has(r, "PB-BAG-MANIFEST-SYNTAX"));
    CHECK(has(r, "PB-BAG-UNLISTED"));

    entries = bag_entries({{"data/a.txt", "a\n"}});
    entries.erase(entries.begin() + 1);  // no manifest
    r = verify_bundle(raw_zip(dir, "nomanifest.zip", entries));
    CHECK(has(r, "PB-BAG-NO-MANIFEST"));

    // A tag manifest that does not match its tag file.
    entries = bag_entries({{"data/a.txt", "a\n"}});
    entries.push_back(
        {bag + "tagmanifest-sha256.txt",
         std::string(64, '0') + "  bagit.txt\n" + std::string(64, '0') + "  missing.txt\n"});
    r = verify_bundle(raw_zip(dir, "tags.zip", entries));
    CHECK_MESSAGE(has(r, "PB-BAG-CHECKSUM", "bag/bagit.txt"), all(r));
    CHECK(has(r, "PB-BAG-MISSING-FILE", "tagmanifest-sha256.txt"));
}

TEST_CASE("verify: manifest paths are percent-decoded") {
    TempDir dir;
    auto entries = bag_entries({{"data/100%.txt", "x\n"}});
    entries[1].bytes = digest_hex(DigestAlgorithm::sha256, "x\n") + "  data/100%25.txt\n";
    VerifyResult r = verify_bundle(raw_zip(dir, "encoded.zip", entries));
    CHECK_MESSAGE(r.diagnostics.empty(), all(r));
    // A bundle written by BundleWriter with '%' in a name verifies too.
    FixedClock clock(0);
    BundleOptions options;
    options.bag_name = "bag";
    BundleWriter writer(options, clock);
    writer.add_bytes("data/50% off.txt", "sale\n");
    writer.write(dir / "written.zip");
    r = verify_bundle(dir / "written.zip");
    CHECK_MESSAGE(r.diagnostics.empty(), all(r));
}

TEST_CASE("verify: hostile entry names are findings") {
    TempDir dir;
    struct Case {
        std::string from, to, code;
    };
    const std::vector<Case> cases{
        {"bag/data/zz/a.txt", "bag/data/../a.txt", "PB-BAG-UNSAFE-NAME"},
        {"bag/data/zz/a.txt", "/bag/data/zz/a.tx", "PB-BAG-UNSAFE-NAME"},
        {"bag/data/zz/a.txt", "bag\\data\\zz\\a.txt", "PB-BAG-UNSAFE-NAME"},
        {"bag/data/zz/a.txt", "bag/data/yy/b.txt", "PB-BAG-DUPLICATE"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.to);
        const auto bundle = raw_zip(
            dir, "h.zip", bag_entries({{"data/zz/a.txt", "a\n"}, {"data/yy/b.txt", "b\n"}}));
        patch(bundle, c.from, c.to);
        const VerifyResult r = verify_bundle(bundle);
        CHECK_MESSAGE(has(r, c.code), all(r));
        CHECK_FALSE(r.ok());
    }
}

TEST_CASE("verify: NFC/NFD twins, symlinks, special files") {
    TempDir dir;
    auto entries = bag_entries({{"data/caf\xc3\xa9.txt", "a\n"}});
    entries.push_back({bag + "data/cafe\xcc\x81.txt", "b\n"});
    VerifyResult r = verify_bundle(raw_zip(dir, "twins.zip", entries));
    CHECK_MESSAGE(has(r, "PB-BAG-NFC-TWIN", "data/cafe\xcc\x81.txt"), all(r));
    CHECK(has(r, "PB-BAG-NOT-NFC"));

    entries = bag_entries({{"data/a.txt", "a\n"}});
    entries.push_back({bag + "data/link.txt", "/etc/passwd", 0120777});
    entries.push_back({bag + "data/fifo", "", 0010644});
    r = verify_bundle(raw_zip(dir, "links.zip", entries));
    CHECK_MESSAGE(has(r, "PB-BAG-SYMLINK", "bag/data/link.txt"), all(r));
    CHECK(has(r, "PB-BAG-SPECIAL-FILE", "bag/data/fifo"));
    CHECK(all(r).find("entry is a symbolic link") != std::string::npos);
}

TEST_CASE("verify: encrypted entries are findings") {
    TempDir dir;
    const auto bundle = raw_zip(dir, "enc.zip", bag_entries({{"data/a.txt", "a\n"}}));
    // Set the "encrypted" bit (general purpose flag bit 0) in every local and central header.
    std::string bytes = read_all(bundle);
    for (const std::string& sig : {std::string("PK\x03\x04", 4), std::string("PK\x01\x02", 4)}) {
        const std::size_t flag_at = sig[2] == '\x03' ? 6 : 8;
        for (std::size_t at = bytes.find(sig); at != std::string::npos;
             at = bytes.find(sig, at + 4))
            bytes[at + flag_at] = static_cast<char>(bytes[at + flag_at] | 1);
    }
    std::ofstream(bundle, std::ios::binary | std::ios::trunc) << bytes;
    const VerifyResult r = verify_bundle(bundle);
    CHECK_MESSAGE(has(r, "PB-BAG-ENCRYPTED", "bag/data/a.txt"), all(r));
    CHECK_FALSE(r.ok());
}

TEST_CASE("verify: truncated and non-ZIP files") {
    TempDir dir;
    const auto bundle = good_bundle(dir);
    const std::string bytes = read_all(bundle);
    for (std::size_t keep :
         {bytes.size() - 10, bytes.size() / 2, std::size_t{30}, std::size_t{0}}) {
        CAPTURE(keep);
        std::ofstream(dir / "cut.zip", std::ios::binary | std::ios::trunc) << bytes.substr(0, keep);
        const VerifyResult r = verify_bundle(dir / "cut.zip");
        CHECK_MESSAGE(has(r, "PB-BAG-ZIP"), all(r));
        CHECK(all(r).find("cut.zip: error: not a readable ZIP archive") != std::string::npos);
    }
    dir.write("text.zip", "just text");
    CHECK(has(verify_bundle(dir / "text.zip"), "PB-BAG-ZIP"));
    CHECK_THROWS_WITH_AS(verify_bundle(dir / "none.zip"),
                         doctest::Contains("none.zip: error: cannot open"), Error);
}

TEST_CASE("verify: zip bombs and limits") {
    TempDir dir;
    // 8 MiB of zeros deflates about 1000:1.
    const auto bundle =
        raw_zip(dir, "bomb.zip", bag_entries({{"data/zeros.txt", std::string(8 << 20, '\0')}}));
    CHECK(verify_bundle(bundle).ok());
    VerifyOptions options;
    options.limits.max_ratio = 100;
    VerifyResult r = verify_bundle(bundle, options);
    CHECK_MESSAGE(has(r, "PB-BAG-BOMB", "data/zeros.txt"), all(r));
    CHECK(all(r).find("compression ratio above 100:1") != std::string::npos);

    options = {};
    options.limits.max_total_size = 1 << 20;
    r = verify_bundle(bundle, options);
    CHECK(has(r, "PB-BAG-BOMB"));

    options = {};
    options.limits.max_entries = 2;
    r = verify_bundle(bundle, options);
    CHECK(has(r, "PB-BAG-TOO-MANY-ENTRIES"));

    // Declared sizes that lie: the data is longer than the headers say.
    const auto liar =
        raw_zip(dir, "liar.zip", bag_entries({{"data/a.txt", std::string(5000, 'a')}}));
    std::string bytes = read_all(liar);
    const std::string declared("\x88\x13\x00\x00", 4);  // 5000, little-endian
    const std::string lie("\x0a\x00\x00\x00", 4);       // 10
    for (std::size_t at = bytes.find(declared); at != std::string::npos;
         at = bytes.find(declared, at + 4))
        bytes.replace(at, 4, lie);
    std::ofstream(liar, std::ios::binary | std::ios::trunc) << bytes;
    r = verify_bundle(liar);
    CHECK_MESSAGE((has(r, "PB-BAG-SIZE-MISMATCH") || has(r, "PB-BAG-CORRUPT")), all(r));
    CHECK_FALSE(r.ok());
}

TEST_CASE("verify: a 10,000-entry bundle") {
    TempDir dir;
    FixedClock clock(1710741904);
    BundleOptions options;
    options.bag_name = "many";
    BundleWriter writer(options, clock);
    for (int i = 0; i < 10000; ++i)
        writer.add_bytes("data/f/" + std::to_string(i) + ".txt", std::to_string(i) + "\n");
    const auto written = writer.write(dir / "many.zip");
    CHECK(written.payload_streams == 10000);
    const VerifyResult r = verify_bundle(dir / "many.zip");
    CHECK_MESSAGE(r.diagnostics.empty(), all(r));
    CHECK(r.payload_files == 10000);
}

TEST_CASE("bundle reader: list and read entries, bounded") {
    TempDir dir;
    BundleReader reader(good_bundle(dir));
    CHECK(reader.diagnostics().empty());
    CHECK(reader.entries().size() == 8);
    const BundleEntry* mets = reader.find("bag/data/mets.xml");
    REQUIRE(mets != nullptr);
    CHECK(reader.read(*mets) == std::optional<std::string>("<mets/>\n"));
    CHECK_FALSE(reader.read(*mets, 3).has_value());
    REQUIRE(reader.diagnostics().size() == 1);
    CHECK(reader.diagnostics().items()[0].format() ==
          (dir / "good.zip").string() +
              ":bag/data/mets.xml: error: entry has 8 bytes, more than the 3 this reader accepts "
              "[PB-BAG-TOO-LARGE]");
    CHECK(reader.find("bag/data/none.xml") == nullptr);
}

TEST_CASE("read_bundle_info: bag name, bag-info and files") {
    TempDir dir;
    Diagnostics diagnostics;
    const BundleInfo info = read_bundle_info(good_bundle(dir), diagnostics);
    CHECK(diagnostics.empty());
    CHECK(info.bag_name == "bag");
    CHECK(info.files.size() == 8);
    CHECK(info.files[0].name == "bagit.txt");
}
