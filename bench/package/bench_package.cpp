// Benchmark driver for the packager: packs a folder into a bundle (every file below it becomes
// data/<relative path>) or verifies a bundle, and prints what it did. Used by
// bench/package/run.sh; not a test.
//
//     paperbag_bench_package pack FOLDER OUT.zip [--level N] [--sha512] [--two-pass]
//                                                [--threads N] [--stream]
//     paperbag_bench_package verify BUNDLE
//
// --two-pass first computes every checksum with checksum_file() (as a caller that needs them
// before writing METS would), then packs: it measures the cost of reading the payload twice.
// --stream packs every entry on the writing thread, as libzip alone does
// (BundleOptions::pack_ahead_limit = 0); --threads sets BundleOptions::threads.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "paperbag/bundle.hpp"
#include "paperbag/bundle_reader.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/diagnostic.hpp"

namespace {

int pack(const std::vector<std::string>& args) {
    const std::filesystem::path folder = args.at(0);
    paperbag::BundleOptions options;
    options.bag_name = "bench";
    bool two_pass = false;
    for (std::size_t i = 2; i < args.size(); ++i) {
        if (args[i] == "--sha512") options.sha512 = true;
        if (args[i] == "--two-pass") two_pass = true;
        if (args[i] == "--stream") options.pack_ahead_limit = 0;
        if (args[i] == "--threads" && i + 1 < args.size()) {
            const std::string& v = args[++i];
            std::from_chars(v.data(), v.data() + v.size(), options.threads);
        }
        if (args[i] == "--level" && i + 1 < args.size()) {
            const std::string& v = args[++i];
            std::from_chars(v.data(), v.data() + v.size(), options.deflate_level);
        }
    }
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::recursive_directory_iterator(folder))
        if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    const paperbag::FixedClock clock(1710741904);
    paperbag::BundleWriter writer(options, clock);
    for (const auto& f : files) {
        const std::string name = "data/" + std::filesystem::relative(f, folder).generic_string();
        if (two_pass) paperbag::checksum_file(f, name, options.sha512);
        writer.add_file(name, f);
    }
    writer.add_generated("data/summary.xml", [](const std::vector<paperbag::BagFileRecord>& r) {
        return "<summary files=\"" + std::to_string(r.size()) + "\"/>\n";
    });
    const auto result = writer.write(args.at(1));
    std::cout << "packed " << result.payload_streams << " files, " << result.payload_octets
              << " bytes -> " << result.archive_size << " bytes\n";
    return 0;
}

int verify(const std::vector<std::string>& args) {
    const auto result = paperbag::verify_bundle(args.at(0));
    for (const auto& d : result.diagnostics) std::cout << d.format() << '\n';
    std::cout << (result.ok() ? "valid: " : "INVALID: ") << result.payload_files << " files, "
              << result.payload_octets << " bytes\n";
    return result.ok() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() >= 3 && args[0] == "pack") return pack({args.begin() + 1, args.end()});
        if (args.size() == 2 && args[0] == "verify") return verify({args.begin() + 1, args.end()});
    } catch (const paperbag::Error& e) {
        std::cerr << e.what() << '\n';
        return 2;
    }
    std::cerr << "usage: paperbag_bench_package pack FOLDER OUT.zip [--level N] [--sha512] "
                 "[--two-pass] [--threads N] [--stream] | verify BUNDLE\n";
    return 2;
}
