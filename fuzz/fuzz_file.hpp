// For fuzz entry points whose code under test reads a file, not memory: the input is written to
// one scratch file per process (in $TMPDIR), rewritten for every input.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace paperbag::fuzz {

// A private folder for this process, made once, removed at exit.
inline const std::filesystem::path& scratch_folder() {
    static const std::filesystem::path folder = [] {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/paperbag-fuzz-XXXXXX";
        if (::mkdtemp(pattern.data()) == nullptr) std::abort();
        static const std::filesystem::path made(pattern);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(made, ec);
        });
        return made;
    }();
    return folder;
}

// Writes `data` to `name` inside the scratch folder and returns its path.
inline std::filesystem::path write_scratch(const std::string& name, const std::uint8_t* data,
                                           std::size_t size) {
    const std::filesystem::path path = scratch_folder() / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) std::abort();
    return path;
}

}  // namespace paperbag::fuzz
