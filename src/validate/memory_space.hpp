// A FileSpace over files held in memory plus originals on disk: what `paperbag build` has
// just written, validated before anything reaches the bundle.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "validate/document_source.hpp"

namespace paperbag {

// The space refers to both maps; they must outlive it.
std::shared_ptr<FileSpace> memory_space(
    const std::map<std::string, std::string>& files,
    const std::map<std::string, std::filesystem::path>& disk_files);

}  // namespace paperbag
