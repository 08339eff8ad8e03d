// Reading whole (bounded) files and small file-system helpers that report errors as
// paperbag::Error naming the file and the reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace paperbag {

// Reads a regular file into memory. Throws Error (PB-IO) when it cannot be opened or read,
// is not a regular file, or is larger than `max_size` bytes (PB-TOO-LARGE).
std::string read_file(const std::filesystem::path& path,
                      std::uint64_t max_size = std::uint64_t{1} << 31);

// True when `child`, after lexical normalisation, lies inside `root` (also normalised).
// Symbolic links are not followed: callers that open files check them separately.
bool path_is_within(const std::filesystem::path& root, const std::filesystem::path& child);

// Throws Error (PB-OUTPUT-IS-INPUT) when `output` names the same file as one of `inputs`
// (the same path, or the same file through a symbolic or hard link): writing it would
// destroy that input. An output that does not exist yet conflicts with nothing.
void refuse_output_over_input(const std::filesystem::path& output,
                              const std::vector<std::filesystem::path>& inputs);

}  // namespace paperbag
