#include "paperbag/bundle.hpp"

#include <doctest/doctest.h>
#include <zip.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "core/digest.hpp"
#include "package/zip_output.hpp"
#include "paperbag/bundle_reader.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/diagnostic.hpp"
#include "support/temp_dir.hpp"

using namespace paperbag;
using paperbag::test::read_all;
using paperbag::test::TempDir;

namespace {

constexpr std::int64_t epoch = 1710741904;  // 2024-03-18T06:05:04Z

BundleOptions sample_options(bool sha512 = false) {
    BundleOptions options;
    options.bag_name = "gazette-2024-03-18";
    options.sha512 = sha512;
    options.source_organization = "The Test Library";
    options.external_identifier = "urn:x-test:gazette:2024-03-18";
    options.bag_info = {{"Paperbag-Input-Digest", "sha256:00"}};
    return options;
}

std::string mets_from(const std::vector<BagFileRecord>& records) {
    std::string out = "<mets>\n";
    for (const auto& r : records)
        out += "<file href=\"" + r.path + "\" SIZE=\"" + std::to_string(r.size) + "\" CHECKSUM=\"" +
               r.sha256 + "\"/>\n";
    return out + "</mets>\n";
}

// A small bundle: a text file and an image from disk, ALTO from memory, METS generated from
// the checksums of the rest.
BundleResult write_sample(const TempDir& dir, const std::filesystem::path& target,
                          bool sha512 = false, std::int64_t when = epoch) {
    const auto text = dir.write("in/page-01.txt", "第一版\nThe Test Gazette\n");
    const auto image = dir.write("in/page-01.jpg", std::string(5000, '\xff'));
    FixedClock clock(when);
    BundleWriter writer(sample_options(sha512), clock);
    writer.add_file("data/text/page-01.txt", text);
    writer.add_file("data/images/page-01.jpg", image);
    writer.add_bytes("data/alto/page-01.xml", "<alto/>\n");
    writer.add_generated("data/mets.xml", mets_from);
    return writer.write(target);
}

std::string entry_text(const std::filesystem::path& bundle, const std::string& name) {
    BundleReader reader(bundle);
    const BundleEntry* entry = reader.find(name);
    REQUIRE_MESSAGE(entry != nullptr, name);
    return reader.read(*entry).value_or("");
}

bool have(const char* tool) {
    return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

std::size_t files_in(const std::filesystem::path& folder) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(folder)) ++n;
    return n;
}

}  // namespace

TEST_CASE("bundle writer: records agree with the bytes and the manifests") {
    TempDir dir;
    const auto bundle = dir / "out.zip";
    const auto result = write_sample(dir, bundle);
    REQUIRE(result.payload.size() == 4);
    CHECK(result.payload[0].path == "data/alto/page-01.xml");
    CHECK(result.payload[0].sha256 == digest_hex(DigestAlgorithm::sha256, "<alto/>\n"));
    CHECK(result.payload[1].path == "data/images/page-01.jpg");
    CHECK(result.payload[1].size == 5000);
    CHECK(result.payload[1].sha256 ==
          digest_hex(DigestAlgorithm::sha256, std::string(5000, '\xff')));
    CHECK(result.payload[2].path == "data/mets.xml");
    CHECK(result.payload[3].path == "data/text/page-01.txt");
    CHECK(result.payload[0].sha512.empty());
    CHECK(result.payload_streams == 4);
    CHECK(result.archive_size == std::filesystem::file_size(bundle));

    // The generated METS saw the three other files, with the checksums the manifest has.
    const std::string mets = entry_text(bundle, "gazette-2024-03-18/data/mets.xml");
    CHECK(mets.find(result.payload[1].sha256) != std::string::npos);
    CHECK(mets.find("data/mets.xml") == std::string::npos);
    CHECK(digest_hex(DigestAlgorithm::sha256, mets) == result.payload[2].sha256);

    CHECK(entry_text(bundle, "gazette-2024-03-18/bagit.txt") ==
          "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
    std::string manifest;
    for (const auto& r : result.payload) manifest += r.sha256 + "  " + r.path + "\n";
    CHECK(entry_text(bundle, "gazette-2024-03-18/manifest-sha256.txt") == manifest);
    const std::string octets = std::to_string(result.payload_octets);
    CHECK(entry_text(bundle, "gazette-2024-03-18/bag-info.txt") ==
          "Source-Organization: The Test Library\n"
          "External-Identifier: urn:x-test:gazette:2024-03-18\n"
          "Bagging-Date: 2024-03-18\n"
          "Payload-Oxum: " +
              octets +
              ".4\n"
              "Bag-Size: 5.4 KB\n"
              "Paperbag-Input-Digest: sha256:00\n");
    const std::string tagmanifest = entry_text(bundle, "gazette-2024-03-18/tagmanifest-sha256.txt");
    CHECK(tagmanifest.find("  bag-info.txt\n") != std::string::npos);
    CHECK(tagmanifest.find("  bagit.txt\n") != std::string::npos);
    CHECK(tagmanifest.find("  manifest-sha256.txt\n") != std::string::npos);
    CHECK(tagmanifest.find("tagmanifest") == std::string::npos);
}

TEST_CASE("bundle writer: entry order, times, attributes, methods, no extra fields") {
    TempDir dir;
    const auto bundle = dir / "out.zip";
    write_sample(dir, bundle);
    int error = 0;
    zip_t* za = zip_open(bundle.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &error);
    REQUIRE(za != nullptr);
    std::vector<std::string> names;
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(zip_get_num_entries(za, 0)); ++i) {
        zip_stat_t st;
        REQUIRE(zip_stat_index(za, i, 0, &st) == 0);
        names.push_back(st.name);
        const std::string name = st.name;
        CHECK_MESSAGE(st.comp_method == (name.ends_with(".jpg") ? ZIP_CM_STORE : ZIP_CM_DEFLATE),
                      name);
        zip_uint8_t opsys = 0;
        zip_uint32_t attributes = 0;
        REQUIRE(zip_file_get_external_attributes(za, i, 0, &opsys, &attributes) == 0);
        CHECK(opsys == ZIP_OPSYS_UNIX);
        CHECK(attributes == (std::uint32_t{0100644} << 16));
        CHECK(zip_file_extra_fields_count(za, i, ZIP_FL_LOCAL | ZIP_FL_CENTRAL) == 0);
    }
    zip_discard(za);
    const std::vector<std::string> expected{
        "gazette-2024-03-18/bagit.txt",
        "gazette-2024-03-18/data/alto/page-01.xml",
        "gazette-2024-03-18/data/images/page-01.jpg",
        "gazette-2024-03-18/data/text/page-01.txt",
        "gazette-2024-03-18/data/mets.xml",  // generated from the others' checksums
        "gazette-2024-03-18/bag-info.txt",
        "gazette-2024-03-18/manifest-sha256.txt",
        "gazette-2024-03-18/tagmanifest-sha256.txt",
    };
    CHECK(names == expected);
    // DOS date and time of the first local header: 2024-03-18 06:05:04 (UTC).
    const std::string bytes = read_all(bundle);
    const auto u16 = [&](std::size_t at) {
        return static_cast<unsigned>(static_cast<unsigned char>(bytes[at]) |
                                     (static_cast<unsigned char>(bytes[at + 1]) << 8));
    };
    CHECK(u16(10) == ((6u << 11) | (5u << 5) | 2u));
    CHECK(u16(12) == (((2024u - 1980u) << 9) | (3u << 5) | 18u));
}

TEST_CASE("bundle writer: same inputs and clock give the same bytes, in any time zone") {
    TempDir dir;
    write_sample(dir, dir / "a.zip", true);
    // Touch the inputs and change the time zone: neither may reach the bytes.
    std::filesystem::last_write_time(dir / "in/page-01.txt",
                                     std::filesystem::file_time_type::clock::now());
    const char* old_tz = std::getenv("TZ");
    const std::string saved = old_tz ? old_tz : "";
    ::setenv("TZ", "America/New_York", 1);
    ::tzset();
    write_sample(dir, dir / "b.zip", true);
    if (old_tz)
        ::setenv("TZ", saved.c_str(), 1);
    else
        ::unsetenv("TZ");
    ::tzset();
    CHECK(read_all(dir / "a.zip") == read_all(dir / "b.zip"));
    write_sample(dir, dir / "c.zip", true, epoch + 2);
    CHECK(read_all(dir / "a.zip") != read_all(dir / "c.zip"));
}

// A payload that exercises every packing path: deflated and stored files and bytes, an empty
// file, files spanning several read buffers, and one file larger than the pack-ahead limit
// used below.
BundleResult write_mixed(const TempDir& dir, const std::filesystem::path& target,
                         BundleOptions options) {
    std::string xml;
    for (int i = 0; xml.size() < 700000; ++i)
        xml += "<String CONTENT=\"word" + std::to_string(i * 7919 % 10007) + "\" HPOS=\"" +
               std::to_string(i % 977) + "\"/>\n";
    std::string noise;
    for (std::uint32_t x = 1; noise.size() < 300000;) {
        x = x * 1103515245u + 12345u;
        noise += static_cast<char>(x >> 24);
    }
    const auto big = dir.write("in/big.xml", xml);
    const auto small = dir.write("in/small.xml", xml.substr(0, 90000));
    const auto empty = dir.write("in/empty.txt", "");
    const auto image = dir.write("in/page.jpg", noise);
    FixedClock clock(epoch);
    BundleWriter writer(std::move(options), clock);
    writer.add_file("data/alto/big.xml", big);
    writer.add_file("data/alto/small.xml", small);
    writer.add_file("data/empty.txt", empty);
    writer.add_file("data/images/page.jpg", image);
    writer.add_bytes("data/alto/memory.xml", xml.substr(100, 200000));
    writer.add_bytes("data/images/memory.jpg", noise.substr(0, 100000));
    writer.add_generated("data/mets.xml", mets_from);
    return writer.write(target);
}

TEST_CASE("bundle writer: packing ahead on worker threads gives the bytes of streaming") {
    TempDir dir;
    for (const bool sha512 : {false, true}) {
        BundleOptions streamed = sample_options(sha512);
        streamed.pack_ahead_limit = 0;  // every entry through libzip, on one thread
        const auto reference = write_mixed(dir, dir / "streamed.zip", streamed);
        const std::string expected = read_all(dir / "streamed.zip");
        for (const unsigned threads : {0u, 1u, 2u, 5u}) {
            for (const std::uint64_t limit : {std::uint64_t{100000}, std::uint64_t{32} << 20}) {
                CAPTURE(sha512);
                CAPTURE(threads);
                CAPTURE(limit);
                BundleOptions options = sample_options(sha512);
                options.threads = threads;
                options.pack_ahead_limit = limit;  // 100000: big.xml streams, 2 inputs fit
                const auto result = write_mixed(dir, dir / "ahead.zip", options);
                CHECK(result.payload == reference.payload);
                CHECK(result.tag_files == reference.tag_files);
                CHECK(read_all(dir / "ahead.zip") == expected);
            }
        }
    }
    for (const int level : {6, 9}) {
        BundleOptions streamed = sample_options();
        streamed.deflate_level = level;
        streamed.pack_ahead_limit = 0;
        write_mixed(dir, dir / "streamed.zip", streamed);
        BundleOptions ahead = sample_options();
        ahead.deflate_level = level;
        write_mixed(dir, dir / "ahead.zip", ahead);
        CHECK_MESSAGE(read_all(dir / "ahead.zip") == read_all(dir / "streamed.zip"), level);
    }
    const auto verified = verify_bundle(dir / "ahead.zip");
    CHECK(verified.ok());
}

TEST_CASE("bundle writer: a file that changes size fails, packed ahead or streamed") {
    TempDir dir;
    FixedClock clock(epoch);
    for (const std::uint64_t limit : {std::uint64_t{0}, std::uint64_t{32} << 20}) {
        for (const bool deflated : {true, false}) {
            CAPTURE(limit);
            CAPTURE(deflated);
            const std::string name = deflated ? "page.txt" : "page.jpg";
            BundleOptions options = sample_options();
            options.pack_ahead_limit = limit;
            const auto grows = dir.write("in/grows-" + name, std::string(1000, 'x'));
            const auto shrinks = dir.write("in/shrinks-" + name, std::string(300000, 'x'));
            {
                BundleWriter writer(options, clock);
                writer.add_file("data/" + name, grows);
                dir.write("in/grows-" + name, std::string(300000, 'y'));
                CHECK_THROWS_WITH_AS(
                    writer.write(dir / "out.zip"),
                    doctest::Contains("file grew while it was being packed [PB-BAG-CHANGED]"),
                    Error);
            }
            {
                BundleWriter writer(options, clock);
                writer.add_file("data/" + name, shrinks);
                dir.write("in/shrinks-" + name, "short");
                CHECK_THROWS_WITH_AS(
                    writer.write(dir / "out.zip"),
                    doctest::Contains("file shrank while it was being packed [PB-BAG-CHANGED]"),
                    Error);
            }
            CHECK(!std::filesystem::exists(dir / "out.zip"));
        }
    }
}

TEST_CASE("bundle writer: SHA-512 manifests on request") {
    TempDir dir;
    const auto bundle = dir / "out.zip";
    const auto result = write_sample(dir, bundle, true);
    CHECK(result.payload[0].sha512 == digest_hex(DigestAlgorithm::sha512, "<alto/>\n"));
    const std::string manifest = entry_text(bundle, "gazette-2024-03-18/manifest-sha512.txt");
    CHECK(manifest.find(result.payload[0].sha512 + "  data/alto/page-01.xml\n") == 0);
    const std::string tags = entry_text(bundle, "gazette-2024-03-18/tagmanifest-sha512.txt");
    CHECK(tags.find("  manifest-sha512.txt\n") != std::string::npos);
    CHECK(tags.find("  manifest-sha256.txt\n") != std::string::npos);
}

TEST_CASE("bundle writer: DOS times are clamped to 1980") {
    CHECK(dos_time_for_utc(0) == dos_time_for_utc(315532800));
    TempDir dir;
    write_sample(dir, dir / "old.zip", false, 0);
    const std::string bytes = read_all(dir / "old.zip");
    CHECK(static_cast<unsigned char>(bytes[12]) == ((1u << 5) | 1u));  // 1980-01-01
    CHECK(bytes[10] == 0);
    CHECK(bytes[11] == 0);
}

TEST_CASE("bundle writer: names are NFC-normalised and collisions refused") {
    TempDir dir;
    FixedClock clock(epoch);
    BundleWriter writer(sample_options(), clock);
    writer.add_bytes("data/cafe\xcc\x81.txt", "decomposed");  // e + combining acute (NFD)
    CHECK_THROWS_WITH_AS(writer.add_bytes("data/caf\xc3\xa9.txt", "composed"),
                         doctest::Contains("equals 'data/cafe\xcc\x81.txt' after NFC normalisation "
                                           "[PB-BAG-NAME-COLLISION]"),
                         Error);
    CHECK_THROWS_WITH_AS(writer.add_bytes("data/cafe\xcc\x81.txt", "again"),
                         doctest::Contains("duplicate payload path [PB-BAG-NAME]"), Error);
    const auto result = writer.write(dir / "nfc.zip");
    REQUIRE(result.payload.size() == 1);
    CHECK(result.payload[0].path == "data/caf\xc3\xa9.txt");
    BundleReader reader(dir / "nfc.zip");
    CHECK(reader.find("gazette-2024-03-18/data/caf\xc3\xa9.txt") != nullptr);
    CHECK(reader.diagnostics().empty());
}

TEST_CASE("bundle writer: unsafe paths and options are refused") {
    FixedClock clock(epoch);
    BundleWriter writer(sample_options(), clock);
    CHECK_THROWS_WITH_AS(writer.add_bytes("data/../x.txt", ""),
                         doctest::Contains("unsafe payload path: '..' in path [PB-BAG-NAME]"),
                         Error);
    CHECK_THROWS_WITH_AS(writer.add_bytes("/data/x.txt", ""),
                         doctest::Contains("absolute path [PB-BAG-NAME]"), Error);
    CHECK_THROWS_WITH_AS(writer.add_bytes("data\\x.txt", ""),
                         doctest::Contains("backslash in name"), Error);
    CHECK_THROWS_WITH_AS(writer.add_bytes("text/x.txt", ""),
                         doctest::Contains("payload paths must start with 'data/'"), Error);
    CHECK_THROWS_WITH_AS(writer.add_bytes("data/a\nb.txt", ""),
                         doctest::Contains("control character"), Error);
    CHECK_THROWS_WITH_AS(writer.add_bytes("data/\xff.txt", ""),
                         doctest::Contains("not valid UTF-8"), Error);
    CHECK_THROWS_WITH_AS(writer.add_file("data/x.txt", "/nonexistent/x.txt"),
                         doctest::Contains("/nonexistent/x.txt: error: cannot open"), Error);
    BundleOptions bad = sample_options();
    bad.bag_name = "a/b";
    CHECK_THROWS_WITH_AS(BundleWriter(bad, clock), doctest::Contains("one path segment"), Error);
    bad.bag_name = "..";
    CHECK_THROWS_WITH_AS(BundleWriter(bad, clock), doctest::Contains("unsafe bag name"), Error);
    bad = sample_options();
    bad.bag_info = {{"Bad\nLabel", "x"}};
    CHECK_THROWS_WITH_AS(BundleWriter(bad, clock), doctest::Contains("[PB-BAG-OPTION]"), Error);
    bad = sample_options();
    bad.deflate_level = 0;
    CHECK_THROWS_WITH_AS(BundleWriter(bad, clock), doctest::Contains("deflate level"), Error);
}

TEST_CASE("bundle writer: a failure midway leaves no bundle and no temporary file") {
    TempDir dir;
    const auto input = dir.write("in/page-01.txt", "text\n");
    const auto out = dir / "out";
    std::filesystem::create_directories(out);
    FixedClock clock(epoch);
    {
        BundleWriter writer(sample_options(), clock);
        writer.add_file("data/text/page-01.txt", input);
        writer.add_generated("data/mets.xml", [](const std::vector<BagFileRecord>&) -> std::string {
            throw Error("PB-TEST", "mets.xml", "generator failed");
        });
        CHECK_THROWS_WITH_AS(writer.write(out / "b.zip"),
                             "mets.xml: error: generator failed [PB-TEST]", Error);
        CHECK(files_in(out) == 0);
    }
    // An existing bundle survives a failed rebuild untouched.
    write_sample(dir, out / "b.zip");
    const std::string before = read_all(out / "b.zip");
    {
        const auto shrinking = dir.write("in/shrinks.txt", std::string(100000, 'x'));
        BundleWriter writer(sample_options(), clock);
        writer.add_file("data/text/shrinks.txt", shrinking);
        dir.write("in/shrinks.txt", "short");
        CHECK_THROWS_WITH_AS(
            writer.write(out / "b.zip"),
            doctest::Contains("file shrank while it was being packed [PB-BAG-CHANGED]"), Error);
    }
    {
        BundleWriter writer(sample_options(), clock);
        const auto gone = dir.write("in/gone.txt", "x");
        writer.add_file("data/text/gone.txt", gone);
        std::filesystem::remove(gone);
        CHECK_THROWS_WITH_AS(writer.write(out / "b.zip"),
                             doctest::Contains("gone.txt: error: cannot open: No such file"),
                             Error);
    }
    CHECK(files_in(out) == 1);
    CHECK(read_all(out / "b.zip") == before);
    // The target folder must exist.
    BundleWriter writer(sample_options(), clock);
    CHECK_THROWS_WITH_AS(writer.write(dir / "missing/b.zip"), doctest::Contains("cannot create"),
                         Error);
}

TEST_CASE("bundle writer: unzip, Python's zipfile and sha256sum -c accept the bundle") {
    if (!have("unzip") || !have("python3") || !have("sha256sum")) {
        MESSAGE("skipped: unzip, python3 or sha256sum is not installed");
        return;
    }
    TempDir dir;
    const auto bundle = dir / "out.zip";
    write_sample(dir, bundle, true);
    const std::string b = bundle.string();
    const std::string x = (dir / "x").string();
    CHECK(std::system(("unzip -tq " + b + " >/dev/null").c_str()) == 0);
    CHECK(std::system(("python3 -c 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); "
                       "sys.exit(z.testzip() is not None or len(z.namelist()) != 10)' " +
                       b)
                          .c_str()) == 0);
    CHECK(std::system(("mkdir " + x + " && cd " + x + " && unzip -q " + b +
                       " && cd gazette-2024-03-18 && sha256sum --quiet -c manifest-sha256.txt && "
                       "sha256sum --quiet -c tagmanifest-sha256.txt && "
                       "sha512sum --quiet -c manifest-sha512.txt")
                          .c_str()) == 0);
}

TEST_CASE("bundle writer: checksum_file streams a file") {
    TempDir dir;
    const auto file = dir.write("f.bin", std::string(1 << 20, 'a'));
    const auto record = checksum_file(file, "data/f.bin", true);
    CHECK(record.path == "data/f.bin");
    CHECK(record.size == (1u << 20));
    CHECK(record.sha256 == digest_hex(DigestAlgorithm::sha256, std::string(1 << 20, 'a')));
    CHECK(record.sha512 == digest_hex(DigestAlgorithm::sha512, std::string(1 << 20, 'a')));
    CHECK_THROWS_WITH_AS(checksum_file(dir / "none", "data/none", false),
                         doctest::Contains("cannot open"), Error);
}

TEST_CASE("bundle writer: a killed write leaves no bundle under the target name") {
    TempDir dir;
    const auto input = dir.write("in/page-01.txt", std::string(1 << 20, 'x'));
    std::filesystem::create_directories(dir / "out");
    const auto target = dir / "out/b.zip";
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        FixedClock clock(epoch);
        BundleWriter writer(sample_options(), clock);
        writer.add_file("data/text/page-01.txt", input);
        writer.add_generated("data/mets.xml", [](const std::vector<BagFileRecord>&) {
            ::raise(SIGKILL);  // killed halfway through writing the ZIP
            return std::string();
        });
        writer.write(target);
        ::_exit(0);
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK_FALSE(std::filesystem::exists(target));
    // SIGKILL cannot be cleaned up after: only the hidden temporary file may remain.
    for (const auto& e : std::filesystem::directory_iterator(dir / "out"))
        CHECK(e.path().filename().string().rfind(".b.zip.tmp-", 0) == 0);
}

TEST_CASE("bundle writer: a file vanishing while others are packed gives its own error") {
    // The worker packing the big file is stopped when the small one fails; the writer waits
    // for the big one first and must rethrow the small one's error, never an internal signal.
    TempDir dir;
    FixedClock clock(epoch);
    BundleOptions options = sample_options();
    options.threads = 2;
    options.pack_ahead_limit = std::uint64_t{128} << 20;
    std::string big(std::size_t{64} << 20, '\0');
    for (std::size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>((i * 7919) >> 5);
    const auto a = dir.write("in/a.txt", big);
    const auto b = dir.write("in/b.txt", "soon gone");
    BundleWriter writer(options, clock);
    writer.add_file("data/a.txt", a);
    writer.add_file("data/b.txt", b);
    std::filesystem::remove(b);
    CHECK_THROWS_WITH_AS(writer.write(dir / "out.zip"),
                         doctest::Contains("b.txt: error: cannot open"), Error);
    CHECK_FALSE(std::filesystem::exists(dir / "out.zip"));
}
