// Reading back the NewsML-G2 items paperbag wrote (docs/profile.md): an article's body
// (XHTML paragraphs, h2 intertitles, p class="signature") and a photo caption's caption,
// credit, headline and editorial notes.
#pragma once

#include <string>
#include <string_view>

#include "paperbag/diagnostic.hpp"
#include "paperbag/model.hpp"

namespace paperbag {

// Fills article.body and article.signature from a ninat:text newsItem. Returns false (with an
// error in `diagnostics`) when the item is not well-formed or not a NewsML-G2 newsItem.
bool read_newsml_article(std::string_view bytes, const std::string& path, Article& article,
                         Diagnostics& diagnostics);

// Fills caption, credit, headline and warnings (edNotes) of a ninat:picture newsItem.
bool read_newsml_picture(std::string_view bytes, const std::string& path,
                         Illustration& illustration, Diagnostics& diagnostics);

}  // namespace paperbag
