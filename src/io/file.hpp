// Reading whole (bounded) files and small file-system helpers that report errors as
// paperbag::Error naming the file and the reason.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "io/unique_fd.hpp"

namespace paperbag {

// Opens a regular file for reading. A FIFO, device or socket is refused with Error (PB-IO,
// "not a regular file") without blocking: opening a FIFO for reading would wait for a writer
// forever. Throws Error (PB-IO) when the file cannot be opened.
UniqueFd open_regular_file(const std::filesystem::path& path);

// The first `size` bytes of a regular file (fewer when it is shorter), for sniffing its format.
// Throws like open_regular_file.
std::string read_head(const std::filesystem::path& path, std::size_t size);

// Throws Error (PB-IO) unless `path` is a regular file or a folder (after following symbolic
// links): the check every command makes on its input arguments before opening them. "-"
// (standard input) is accepted.
void require_file_or_folder(const std::filesystem::path& path);

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
