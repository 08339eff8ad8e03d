#include "import/text_decode.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

namespace paperbag::text {

namespace {

constexpr std::size_t max_invalid_warnings = 20;

void add_utf8(std::string& out, UChar32 c) {
    char buffer[4];
    std::int32_t length = 0;
    UBool error = false;
    U8_APPEND(buffer, length, 4, c, error);
    if (error) {
        length = 0;
        U8_APPEND_UNSAFE(buffer, length, 0xFFFD);
    }
    out.append(buffer, static_cast<std::size_t>(length));
}

unsigned utf8_length(UChar32 c) {
    return static_cast<unsigned>(U8_LENGTH(c));
}

// Collects invalid sequences into runs (sequences at most `run_gap` bytes apart), so a
// stretch of text in another encoding gives one warning with its byte range, not one per
// byte.
struct InvalidReport {
    static constexpr std::uint64_t run_gap = 3;

    const std::string& path;
    Diagnostics& diagnostics;
    std::size_t count = 0;  // invalid sequences
    std::uint64_t invalid_bytes = 0;
    std::size_t runs = 0;
    std::uint64_t characters = 0;
    std::uint64_t run_start = 0;
    std::uint64_t run_end = 0;
    std::size_t run_count = 0;

    void report(std::uint64_t offset, unsigned length) {
        ++count;
        invalid_bytes += length;
        if (run_count > 0 && offset <= run_end + run_gap) {
            run_end = std::max(run_end, offset + length);
            ++run_count;
            return;
        }
        flush();
        run_start = offset;
        run_end = offset + length;
        run_count = 1;
    }
    void flush() {
        if (run_count == 0) return;
        ++runs;
        if (runs <= max_invalid_warnings) {
            std::string message = "invalid byte sequence replaced by U+FFFD";
            if (run_count > 1)
                message = std::to_string(run_count) + " invalid byte sequences in bytes " +
                          std::to_string(run_start) + ".." + std::to_string(run_end - 1) +
                          " replaced by U+FFFD (text in another encoding? see --encoding)";
            Diagnostic d = make_warning("PB-TEXT-INVALID", path, 0, std::move(message));
            d.offset = run_start;
            diagnostics.add(std::move(d));
        }
        run_count = 0;
    }
    // Throws for input that is not text: more than a quarter of its bytes invalid.
    void finish(std::string_view encoding, std::uint64_t size) {
        flush();
        if (runs > max_invalid_warnings)
            diagnostics.add(make_warning(
                "PB-TEXT-INVALID", path, 0,
                std::to_string(count) + " invalid byte sequences in " + std::to_string(runs) +
                    " places of " + std::string(encoding) + " input replaced by U+FFFD (first " +
                    std::to_string(max_invalid_warnings) + " places listed)"));
        if (characters > 16 && invalid_bytes * 4 > size)
            throw Error("PB-TEXT-BINARY", path,
                        "does not look like " + std::string(encoding) + " text (" +
                            std::to_string(count) + " invalid sequences)");
    }
};

DecodedText decode_utf8(std::string_view bytes, std::uint64_t shift, InvalidReport& invalid) {
    DecodedText out;
    out.encoding = "UTF-8";
    out.text.reserve(bytes.size());
    const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
    const auto length = static_cast<std::int64_t>(bytes.size());
    bool identity = true;
    std::int64_t i = 0;
    // ICU's U8_NEXT works with int32 indexes: walk in windows below 1 GiB.
    while (i < length) {
        const std::int64_t window = std::min<std::int64_t>(length - i, std::int64_t{1} << 30);
        std::int32_t j = 0;
        const auto n = static_cast<std::int32_t>(window);
        while (j < n) {
            const std::int32_t start = j;
            UChar32 c;
            U8_NEXT(s + i, j, n, c);
            const auto in_len = static_cast<unsigned>(j - start);
            const std::uint64_t offset = static_cast<std::uint64_t>(i + start) + shift;
            if (c < 0) {
                invalid.report(offset, in_len);
                c = 0xFFFD;
                identity = false;
            }
            ++invalid.characters;
            add_utf8(out.text, c);
            out.map.add(offset, utf8_length(c), in_len);
        }
        i += window;
    }
    out.map.finish(out.text.size(), bytes.size() + shift);
    if (identity) out.map = OffsetMap::identity(shift, out.text.size());
    return out;
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

DecodedText decode_icu(std::string_view bytes, std::uint64_t shift, const std::string& name,
                       const std::string& path, InvalidReport& invalid) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(name.c_str(), &status));
    if (U_FAILURE(status)) throw Error("PB-TEXT-ENCODING", path, "unknown encoding '" + name + "'");
    // The bytes that U+FFFD itself has in this encoding: a real U+FFFD is not an error.
    std::string fffd(16, '\0');
    {
        const UChar r = 0xFFFD;
        UErrorCode e = U_ZERO_ERROR;
        std::unique_ptr<UConverter, ConverterCloser> back(ucnv_open(name.c_str(), &e));
        const auto n = U_SUCCESS(e) ? ucnv_fromUChars(back.get(), fffd.data(), 16, &r, 1, &e) : 0;
        fffd.resize(U_SUCCESS(e) ? static_cast<std::size_t>(n) : 0);
    }
    DecodedText out;
    // The standard (MIME, else IANA) name, not ICU's internal one ("windows-950-2000").
    const char* internal = ucnv_getName(conv.get(), &status);
    UErrorCode name_status = U_ZERO_ERROR;
    const char* standard = ucnv_getStandardName(internal, "MIME", &name_status);
    if (standard == nullptr || U_FAILURE(name_status)) {
        name_status = U_ZERO_ERROR;
        standard = ucnv_getStandardName(internal, "IANA", &name_status);
    }
    out.encoding = standard != nullptr && U_SUCCESS(name_status) ? standard : internal;
    out.text.reserve(bytes.size() * 3 / 2);
    constexpr std::size_t chunk = std::size_t{1} << 16;
    std::vector<UChar> target(chunk);
    std::vector<std::int32_t> offsets(chunk);
    const char* source = bytes.data();
    const char* const limit = bytes.data() + bytes.size();
    UChar pending_lead = 0;
    std::uint64_t pending_offset = 0;
    bool have_previous = false;
    std::uint64_t previous_start = 0;
    unsigned previous_out = 0;
    auto emit = [&](UChar32 c, std::uint64_t start) {
        if (have_previous)
            out.map.add(previous_start + shift, previous_out,
                        static_cast<unsigned>(start - previous_start));
        have_previous = true;
        previous_start = start;
        previous_out = utf8_length(c);
        ++invalid.characters;
        if (c == 0xFFFD) {
            // Compare with the encoded form of U+FFFD; anything else was invalid input.
            const std::string_view here = bytes.substr(static_cast<std::size_t>(start));
            if (fffd.empty() || here.substr(0, fffd.size()) != fffd)
                invalid.report(start + shift, 1);
        }
        add_utf8(out.text, c);
    };
    while (true) {
        UChar* t = target.data();
        const auto base = static_cast<std::uint64_t>(source - bytes.data());
        status = U_ZERO_ERROR;
        ucnv_toUnicode(conv.get(), &t, target.data() + target.size(), &source, limit,
                       offsets.data(), true, &status);
        if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR)
            throw Error("PB-TEXT-ENCODING", path,
                        std::string("cannot decode: ") + u_errorName(status));
        const auto produced = static_cast<std::size_t>(t - target.data());
        for (std::size_t k = 0; k < produced; ++k) {
            const UChar u = target[k];
            // offsets[] are relative to where this call started reading.
            const std::uint64_t at =
                offsets[k] >= 0 ? base + static_cast<std::uint64_t>(offsets[k]) : base;
            if (U16_IS_LEAD(u)) {
                if (pending_lead != 0) emit(0xFFFD, pending_offset);
                pending_lead = u;
                pending_offset = at;
                continue;
            }
            if (U16_IS_TRAIL(u) && pending_lead != 0) {
                emit(U16_GET_SUPPLEMENTARY(pending_lead, u), pending_offset);
            } else {
                if (pending_lead != 0) emit(0xFFFD, pending_offset);
                emit(U16_IS_SURROGATE(u) ? 0xFFFD : u, at);
            }
            pending_lead = 0;
        }
        if (status != U_BUFFER_OVERFLOW_ERROR) break;
    }
    if (pending_lead != 0) emit(0xFFFD, pending_offset);
    if (have_previous)
        out.map.add(previous_start + shift, previous_out,
                    static_cast<unsigned>(bytes.size() - previous_start));
    out.map.finish(out.text.size(), bytes.size() + shift);
    return out;
}

std::string detect(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector* detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return "UTF-8";
    const auto sample = static_cast<std::int32_t>(std::min<std::size_t>(bytes.size(), 1 << 20));
    ucsdet_setText(detector, bytes.data(), sample, &status);
    const UCharsetMatch* match = ucsdet_detect(detector, &status);
    std::string name = "UTF-8";
    if (U_SUCCESS(status) && match != nullptr) {
        const char* found = ucsdet_getName(match, &status);
        const std::int32_t confidence = ucsdet_getConfidence(match, &status);
        const std::string candidate = found != nullptr ? found : "";
        // Only the legacy encodings a newspaper page text plausibly uses are trusted;
        // anything else is read as UTF-8 and its invalid bytes are reported.
        if (U_SUCCESS(status) && confidence >= 10 &&
            (candidate == "GB18030" || candidate == "Big5" || candidate == "EUC-KR" ||
             candidate == "Shift_JIS" || candidate == "EUC-JP"))
            name = candidate;
    }
    ucsdet_close(detector);
    return name;
}

// Mostly UTF-8: many valid multi-byte sequences and few invalid ones, as in a UTF-8 page
// with a pasted stretch of GB18030. Legacy-encoded text has almost no valid UTF-8
// multi-byte sequences, so it does not pass.
bool mostly_utf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
    const auto n = static_cast<std::int32_t>(std::min<std::size_t>(bytes.size(), 1u << 20));
    std::size_t multi = 0;          // valid multi-byte characters
    std::size_t multi_bytes = 0;    // ... and their bytes
    std::size_t invalid_bytes = 0;  // bytes of invalid sequences
    std::int32_t j = 0;
    while (j < n) {
        const std::int32_t start = j;
        UChar32 c;
        U8_NEXT(s, j, n, c);
        const auto length = static_cast<std::size_t>(j - start);
        if (c < 0) {
            invalid_bytes += length;
        } else if (length > 1) {
            ++multi;
            multi_bytes += length;
        }
    }
    return multi >= 8 && multi_bytes >= 2 * invalid_bytes;
}

bool valid_utf8(std::string_view bytes) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(bytes.data());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto window =
            static_cast<std::int32_t>(std::min<std::size_t>(bytes.size() - i, 1u << 30));
        std::int32_t j = 0;
        while (j < window) {
            UChar32 c;
            U8_NEXT(s + i, j, window, c);
            if (c < 0) return false;
        }
        i += static_cast<std::size_t>(window);
    }
    return true;
}

}  // namespace

OffsetMap OffsetMap::identity(std::uint64_t shift, std::uint64_t decoded_size) {
    OffsetMap map;
    if (decoded_size > 0) map.runs_.push_back({0, shift, decoded_size, 1, 1});
    map.decoded_size_ = decoded_size;
    map.original_size_ = decoded_size + shift;
    return map;
}

void OffsetMap::add(std::uint64_t in_offset, unsigned out_len, unsigned in_len) {
    if (!runs_.empty()) {
        Run& last = runs_.back();
        if (last.out_len == out_len && last.in_len == in_len &&
            last.in_start + last.count * last.in_len == in_offset) {
            ++last.count;
            return;
        }
    }
    const std::uint64_t out_start =
        runs_.empty() ? 0 : runs_.back().out_start + runs_.back().count * runs_.back().out_len;
    runs_.push_back({out_start, in_offset, 1, out_len, in_len});
}

void OffsetMap::finish(std::uint64_t decoded_size, std::uint64_t original_size) {
    decoded_size_ = decoded_size;
    original_size_ = original_size;
}

std::uint64_t OffsetMap::original(std::uint64_t offset) const {
    if (offset >= decoded_size_ || runs_.empty()) return original_size_;
    auto it = std::upper_bound(runs_.begin(), runs_.end(), offset,
                               [](std::uint64_t o, const Run& r) { return o < r.out_start; });
    if (it == runs_.begin()) return runs_.front().in_start;
    const Run& run = *std::prev(it);
    const std::uint64_t index = (offset - run.out_start) / run.out_len;
    return run.in_start + std::min(index, run.count) * run.in_len;
}

bool encoding_known(const std::string& name) {
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(name.c_str(), &status));
    return U_SUCCESS(status);
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> OffsetMap::ranges(std::uint64_t begin,
                                                                       std::uint64_t end) const {
    std::vector<std::pair<std::uint64_t, std::uint64_t>> out;
    end = std::min(end, decoded_size_);
    if (begin >= end || runs_.empty()) return out;
    auto it = std::upper_bound(runs_.begin(), runs_.end(), begin,
                               [](std::uint64_t o, const Run& r) { return o < r.out_start; });
    if (it != runs_.begin()) --it;
    for (; it != runs_.end() && it->out_start < end; ++it) {
        const std::uint64_t run_end = it->out_start + it->count * it->out_len;
        const std::uint64_t lo = std::max(begin, it->out_start);
        const std::uint64_t hi = std::min(end, run_end);
        if (lo >= hi) continue;
        const std::uint64_t i0 = (lo - it->out_start) / it->out_len;
        const std::uint64_t i1 = (hi - it->out_start + it->out_len - 1) / it->out_len;
        const std::uint64_t from = it->in_start + i0 * it->in_len;
        const std::uint64_t length = (i1 - i0) * it->in_len;
        if (length == 0) continue;
        if (!out.empty() && out.back().first + out.back().second == from)
            out.back().second += length;
        else
            out.emplace_back(from, length);
    }
    return out;
}

DecodedText decode_text(std::string_view bytes, std::string_view encoding, const std::string& path,
                        Diagnostics& diagnostics) {
    InvalidReport invalid{path, diagnostics};
    std::string name(encoding);
    std::uint64_t shift = 0;
    if (bytes.starts_with("\xEF\xBB\xBF")) {
        shift = 3;
        if (name.empty()) name = "UTF-8";
    } else if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        const bool le = bytes[0] == '\xFF';
        shift = 2;
        if (name.empty()) name = le ? "UTF-16LE" : "UTF-16BE";
    }
    std::string upper = name;
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    const std::string_view body = bytes.substr(static_cast<std::size_t>(shift));
    if (upper.empty()) {
        name = valid_utf8(body) || mostly_utf8(body) ? "UTF-8" : detect(body);
        upper = name == "UTF-8" ? "UTF-8" : name;
    }
    const bool utf16 = upper.starts_with("UTF-16");
    if (!utf16 && body.find('\0') != std::string_view::npos)
        throw Error("PB-TEXT-BINARY", path,
                    "contains NUL bytes: not a page text file (binary input?)");
    DecodedText out;
    if (upper == "UTF-8" || upper == "UTF8")
        out = decode_utf8(body, shift, invalid);
    else
        out = decode_icu(body, shift, name, path, invalid);
    invalid.finish(out.encoding, body.size());
    if (utf16 && out.text.find('\0') != std::string::npos)
        throw Error("PB-TEXT-BINARY", path, "contains NUL characters: not a page text file");
    return out;
}

}  // namespace paperbag::text
