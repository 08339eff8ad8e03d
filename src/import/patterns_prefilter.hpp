// A cheap necessary condition for one pattern-table row to match, derived from the row's
// regular expression once, when the table is compiled (see PatternSet).
//
// Most lines a row is asked about cannot match it: a body line does not start with 本报 and
// does not end with 摄. Running ICU's matcher to learn that is most of the segmenter's time,
// so each row gets three checks that only ever say "cannot match":
//   - needles: literal strings one of which every match contains ("摄", "攝" for a credit);
//   - first: the code points a match can start with, after the characters the row's leading
//     optional part (typically `\s*`) may take;
//   - last: the same at the end of a match, before its trailing optional part.
// The analysis reads the subset of ICU syntax the tables use; anything else (a back
// reference, a nested class, a flag other than (?m)) gives a weaker or no condition, never a
// wrong one: a row is still run whenever the text could match it.
#pragma once

#include <unicode/uniset.h>

#include <string>
#include <string_view>
#include <vector>

namespace paperbag::text {

class Prefilter {
public:
    // Never throws: an unreadable regex gives a filter that lets everything through.
    explicit Prefilter(std::string_view regex);

    enum class Anchor { start, end, whole };
    // False only when the row cannot match `text` anchored as `anchor` (start: ^(?:row),
    // found with lookingAt; end: (?:row)$, found with find; whole: ^(?:row)$).
    bool may_match(std::string_view text, Anchor anchor) const;

    // For tests: how many conditions were derived.
    bool has_needles() const { return !needles_.empty(); }
    bool has_first() const { return has_first_; }
    bool has_last() const { return has_last_; }

private:
    std::vector<std::string> needles_;  // UTF-8; one occurs in every match (empty: no condition)
    bool has_first_ = false;
    icu::UnicodeSet lead_skip_;  // code points the leading optional part may take
    icu::UnicodeSet first_;      // code points the rest can start with
    bool has_last_ = false;
    icu::UnicodeSet trail_skip_;  // code points the trailing optional part (or `$`) may leave
    icu::UnicodeSet last_;        // code points the rest can end with
};

}  // namespace paperbag::text
