// Cues in the words of a region that the geometric segmenter uses besides typography: the
// label of an advertisement section, and the language a region is written in. Both must hold
// up under OCR noise (Fraktur read as Antiqua, "Annonces" read as "AumoMces").
#pragma once

#include <string_view>

namespace paperbag::layout {

// A short heading that labels the advertisements ("Anzeigen.", "Annonces.", "Inserate",
// "ADVERTISEMENTS.", "Anzeigen. — Annonces."): one of its words is such a label once the
// letters OCR confuses are folded together (n u m; i l t f; e c; o) and one other letter
// may differ. At most five words.
bool advertisement_label(std::string_view text);

enum class Language { unknown, german, french, english };

// The language of a region's text by its function words ("der und nicht" / "les dans que" /
// "the and which"): the one with at least three of them and twice as many as the next;
// unknown otherwise (tables, lists of names, short text).
Language guess_language(std::string_view text);

}  // namespace paperbag::layout
