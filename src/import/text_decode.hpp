// Stage 1 of page-text import: bytes -> UTF-8, with a map back to the original bytes.
//
// Accepted: UTF-8 with or without BOM, UTF-16LE/BE with BOM, GB18030/GBK/GB2312 and Big5
// (detected with ICU's charset detector, or named by the caller: --encoding or the manifest's
// encoding attribute). Any other ICU converter name given explicitly is used as is.
//
// Policy for invalid bytes: they are never dropped silently. Each invalid sequence becomes
// U+FFFD in the decoded text; each place with invalid bytes (sequences at most 3 bytes apart
// form one place, e.g. a stretch of GB18030 pasted into a UTF-8 page) gives a warning
// (PB-TEXT-INVALID) naming its byte offset and range; after 20 places one summary warning
// gives the total. A file that is mostly valid UTF-8 is read as UTF-8 even when some of it
// is not, so the foreign stretch is reported rather than the whole file misdetected. Input that is
// not text at all (NUL bytes outside UTF-16, or more than a quarter of the bytes invalid) is
// refused with an Error (PB-TEXT-BINARY).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "paperbag/diagnostic.hpp"

namespace paperbag::text {

// Maps byte offsets of the decoded UTF-8 text back to byte offsets of the original input.
// Stored as runs of characters that have the same encoded length on both sides, so the map
// is small for real text and lookups are a binary search.
class OffsetMap {
public:
    // Identity map shifted by `shift` bytes (UTF-8 input with a BOM has shift 3).
    static OffsetMap identity(std::uint64_t shift, std::uint64_t decoded_size);

    // Appends one character: `out_len` decoded bytes that came from `in_len` original bytes
    // at `in_offset`.
    void add(std::uint64_t in_offset, unsigned out_len, unsigned in_len);
    // Ends the map at `decoded_size` / `original_size`.
    void finish(std::uint64_t decoded_size, std::uint64_t original_size);

    // The original offset of the character that starts at (or contains) decoded `offset`;
    // the original size for offsets at or past the end.
    std::uint64_t original(std::uint64_t offset) const;
    // The original byte ranges (offset, length) of decoded [begin, end), in decoded order,
    // neighbouring ranges merged: one range unless the text was rearranged (text_columns).
    std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges(std::uint64_t begin,
                                                                std::uint64_t end) const;

private:
    struct Run {
        std::uint64_t out_start;
        std::uint64_t in_start;
        std::uint64_t count;  // characters in the run
        unsigned out_len;
        unsigned in_len;
    };
    std::vector<Run> runs_;
    std::uint64_t decoded_size_ = 0;
    std::uint64_t original_size_ = 0;
};

struct DecodedText {
    std::string text;      // valid UTF-8, no BOM
    std::string encoding;  // what was used: "UTF-8", "UTF-16LE", "GB18030", "Big5", ...
    OffsetMap map;
};

// Decodes `bytes`. `encoding` empty means detect. Warnings go to `diagnostics` with `path`;
// throws Error for binary input or an unknown encoding name.
DecodedText decode_text(std::string_view bytes, std::string_view encoding, const std::string& path,
                        Diagnostics& diagnostics);

// True when ICU has a converter for the encoding `name` ("GB18030", "Big5", "UTF-8", ...).
bool encoding_known(const std::string& name);

}  // namespace paperbag::text
