// The intake server's one pass over an upload: the fan-out of its bytes to several consumers
// and the ZIP walk that computes each entry's digest as the bytes arrive.
#include "package/zip_stream_fixity.hpp"

#include <doctest/doctest.h>
#include <zip.h>

#include <algorithm>
#include <atomic>
#include <random>
#include <stdexcept>

#include "core/digest.hpp"
#include "io/fan_out.hpp"
#include "paperbag/bundle.hpp"
#include "paperbag/bundle_reader.hpp"
#include "paperbag/clock.hpp"
#include "support/temp_dir.hpp"

using namespace paperbag;
using paperbag::test::read_all;
using paperbag::test::TempDir;

namespace {

// A bundle as paperbag writes it: stored and deflated entries.
std::filesystem::path written_bundle(const TempDir& dir) {
    FixedClock clock(1710741904);
    BundleOptions options;
    options.bag_name = "bag";
    BundleWriter writer(options, clock);
    std::string image(200'000, '\0');
    std::mt19937 random(7);
    for (char& c : image) c = static_cast<char>(random());
    writer.add_bytes("data/images/p1.jpg", image);
    writer.add_bytes("data/text/p1.txt", std::string(50'000, 'a') + "page one\n");
    writer.add_bytes("data/mets.xml", "<mets/>\n");
    writer.write(dir / "good.zip");
    return dir / "good.zip";
}

// Any ZIP, written with plain libzip; `store` keeps the entries uncompressed.
std::filesystem::path raw_zip(const TempDir& dir, const std::string& name,
                              const std::vector<std::pair<std::string, std::string>>& entries,
                              bool store = true) {
    const auto path = dir / name;
    int error = 0;
    zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(za != nullptr);
    for (const auto& [entry, bytes] : entries) {
        zip_source_t* s = zip_source_buffer(za, bytes.data(), bytes.size(), 0);
        const zip_int64_t i = zip_file_add(za, entry.c_str(), s, ZIP_FL_ENC_UTF_8);
        REQUIRE(i >= 0);
        if (store) zip_set_file_compression(za, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
    }
    REQUIRE(zip_close(za) == 0);
    return path;
}

KnownDigests walk(std::string_view bytes, std::size_t piece) {
    ZipStreamFixity fixity;
    for (std::size_t at = 0; at < bytes.size(); at += piece) fixity.update(bytes.substr(at, piece));
    return fixity.finish();
}

}  // namespace

TEST_CASE("zip stream fixity: every entry of a written bundle, however the bytes arrive") {
    TempDir dir;
    const auto bundle = written_bundle(dir);
    const std::string bytes = read_all(bundle);
    BundleReader reader(bundle);
    for (const std::size_t piece :
         {std::size_t{1}, std::size_t{13}, std::size_t{65536}, bytes.size()}) {
        CAPTURE(piece);
        const KnownDigests known = walk(bytes, piece);
        REQUIRE(known.size() == reader.entries().size());
        bool deflated = false;
        for (const BundleEntry& entry : reader.entries()) {
            CAPTURE(entry.name);
            const auto it = known.find(entry.name);
            REQUIRE(it != known.end());
            CHECK(it->second.describes(entry));
            CHECK(it->second.sha256 == digest_hex(DigestAlgorithm::sha256, *reader.read(entry)));
            deflated = deflated || entry.method == 8;
        }
        CHECK(deflated);
    }
}

TEST_CASE("zip stream fixity: archives that are not canonical give no digests") {
    TempDir dir;
    const std::string good = read_all(written_bundle(dir));
    REQUIRE(!walk(good, 4096).empty());
    CHECK(walk("", 1).empty());
    CHECK(walk("not a zip at all", 4).empty());
    CHECK(walk(good.substr(0, good.size() - 1), 4096).empty());  // truncated
    CHECK(walk(good + "x", 4096).empty());                       // bytes after the end
    std::string flipped = good;
    flipped[100] = static_cast<char>(flipped[100] ^ 1);  // inside the first entry: CRC
    CHECK(walk(flipped, 4096).empty());
    std::string descriptor = good;
    descriptor[6] = static_cast<char>(descriptor[6] | 8);  // a data descriptor announced
    CHECK(walk(descriptor, 4096).empty());

    // A second end-record signature in the last bytes: a reader searching backwards could
    // take it for the end of the archive, so nothing is vouched for.
    const std::string decoy = std::string("PK\x05\x06", 4) + std::string(18, '\0');
    const std::string with_decoy =
        read_all(raw_zip(dir, "decoy.zip", {{"bag/data/a.bin", "aaaa" + decoy + "bbbb"}}));
    CHECK(walk(with_decoy, 4096).empty());
    const std::string plain =
        read_all(raw_zip(dir, "plain.zip", {{"bag/data/a.bin", "aaaa" + std::string(22, 'x')}}));
    CHECK(walk(plain, 4096).size() == 1);
}

TEST_CASE("verify: known digests stand for entries only while they describe them") {
    TempDir dir;
    const auto bundle = written_bundle(dir);
    auto known = std::make_shared<KnownDigests>(walk(read_all(bundle), 4096));
    VerifyOptions options;
    options.known = known;
    const VerifyResult with_known = verify_bundle(bundle, options);
    CHECK(with_known.ok());
    const VerifyResult alone = verify_bundle(bundle);
    CHECK(alone.ok());
    REQUIRE(alone.digests->size() == with_known.digests->size());
    for (const auto& [name, digest] : *alone.digests)
        CHECK(with_known.digests->at(name).sha256 == digest.sha256);

    // A known digest is used instead of reading: a wrong one is a checksum mismatch...
    const std::string image = "bag/data/images/p1.jpg";
    (*known)[image].sha256 = std::string(64, '0');
    const VerifyResult forged = verify_bundle(bundle, options);
    CHECK(!forged.ok());
    CHECK(std::any_of(forged.diagnostics.begin(), forged.diagnostics.end(),
                      [](const Diagnostic& d) { return d.code == "PB-BAG-CHECKSUM"; }));
    // ...but not once it no longer describes the entry (another CRC): the entry is read.
    (*known)[image].crc ^= 1;
    CHECK(verify_bundle(bundle, options).ok());
}

TEST_CASE("fan-out: every consumer sees every byte in order") {
    constexpr std::size_t consumers = 3;
    std::vector<std::string> seen(consumers);
    std::vector<FanOut::Consumer> list;
    for (std::size_t i = 0; i < consumers; ++i)
        list.emplace_back([&seen, i](std::string_view b) { seen[i].append(b); });
    std::string input;
    {
        FanOut fan(std::move(list), 3, 8192);
        std::mt19937 random(11);
        while (input.size() < (std::size_t{5} << 20)) {
            std::string piece(random() % 50'000, '\0');
            for (char& c : piece) c = static_cast<char>(random());
            if (random() % 2 == 0) {
                fan.write(piece.data(), piece.size());
            } else {  // straight into the ring, as the server receives
                for (std::size_t at = 0; at < piece.size();) {
                    const std::span<char> space = fan.space();
                    REQUIRE(!space.empty());
                    const std::size_t n = std::min(space.size(), piece.size() - at);
                    std::copy_n(piece.data() + at, n, space.data());
                    fan.commit(n);
                    at += n;
                }
            }
            input += piece;
        }
        fan.finish();
    }
    for (const std::string& s : seen) CHECK(s == input);
}

TEST_CASE("fan-out: a failing consumer fails the producer, and stopping never hangs") {
    std::atomic<std::size_t> other{0};
    {
        FanOut fan({[](std::string_view) { throw std::runtime_error("disk full"); },
                    [&](std::string_view b) { other += b.size(); }},
                   2, 4096);
        const std::string piece(4096, 'x');
        CHECK_THROWS_WITH(
            [&] {
                for (int i = 0; i < 1000; ++i) fan.write(piece.data(), piece.size());
                fan.finish();
            }(),
            "disk full");
    }
    {
        // Destroyed without finish() while consumers wait: joins at once.
        FanOut fan({[](std::string_view) {}, [](std::string_view) {}}, 2, 4096);
        const std::string piece(10'000, 'y');
        fan.write(piece.data(), piece.size());
    }
}
