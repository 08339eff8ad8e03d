// The review's own style sheet and script (src/view/assets/), compiled into the binary by
// cmake/EmbedScript.cmake and put inline into every review.
#pragma once

#include <span>
#include <string_view>

#include "core/embedded.hpp"

namespace paperbag::view_assets {

// review.css and review.js, sorted by name.
std::span<const paperbag::EmbeddedFile> embedded_files();

}  // namespace paperbag::view_assets

namespace paperbag::view {

// The bytes of asset `name` ("review.css"); throws Error (PB-INTERNAL) when it is missing.
std::string_view asset(std::string_view name);

}  // namespace paperbag::view
