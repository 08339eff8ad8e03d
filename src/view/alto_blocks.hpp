// Reading back the blocks of a page from the ALTO that paperbag wrote into a bundle: the
// page size and unit, every TextBlock with its ID, function (TAGREFS="TAG_<kind>"), box and
// text, and the illustrations and rules. What read_bundle_issue() leaves out and the review
// needs to draw the page.
#pragma once

#include <string>
#include <string_view>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag::view {

// Fills page.width/height/unit, page.blocks and page.graphics from `bytes` (named `path` in
// messages). Returns false, with an error in `diagnostics`, when the ALTO is not well-formed.
bool read_alto_blocks(std::string_view bytes, const std::string& path, Page& page,
                      Diagnostics& diagnostics);

}  // namespace paperbag::view
