// Segmenter and encodings: the same page in UTF-16, Big5 (traditional characters) and a page
// with a foreign stretch give the same structure as UTF-8, with byte ranges into the original
// bytes; --encoding and the manifest's encoding attribute override detection.
#include <doctest/doctest.h>

#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <memory>

#include "import/segment_page.hpp"
#include "import/text_decode.hpp"
#include "paperbag/manifest.hpp"
#include "paperbag/page_import.hpp"
#include "support/temp_dir.hpp"

using namespace paperbag;
using namespace paperbag::text;

namespace {

std::string sample(const char* relative) {
    return test::read_all(std::filesystem::path(PAPERBAG_SOURCE_DIR) / "samples" / relative);
}

// `utf8` converted to `charset`; REQUIREs that every character could be encoded.
std::string encode(const std::string& utf8, const char* charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(charset, &status),
                                                            ucnv_close);
    REQUIRE(U_SUCCESS(status));
    ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                          &status);
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    std::string out(static_cast<std::size_t>(text.length()) * 4 + 16, '\0');
    const auto n = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()),
                                   text.getBuffer(), text.length(), &status);
    REQUIRE_MESSAGE(U_SUCCESS(status),
                    "cannot encode in " << charset << ": " << u_errorName(status));
    out.resize(static_cast<std::size_t>(n));
    return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// Traditional characters that Big5 can encode: ICU's Hans-Hant, then the two characters of
// the sample that Big5 lacks replaced (啓 by its variant 啟, 墒 by 壤).
std::string to_traditional(const std::string& utf8) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, status));
    REQUIRE(U_SUCCESS(status));
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    t->transliterate(text);
    std::string out;
    text.toUTF8String(out);
    return replace_all(replace_all(out, "啓", "啟"), "墒", "壤");
}

struct Imported {
    DecodedText decoded;
    PageSegments seg;
    Diagnostics warnings;
};

Imported import(const std::string& bytes, const std::string& encoding, const char* language) {
    Imported out;
    out.decoded = decode_text(bytes, encoding, "p.txt", out.warnings);
    out.seg = segment_page(out.decoded, {"p.txt", "1", 1, language, ""});
    return out;
}

// The shape of a page: what was found, not the characters it was found in.
std::string structure(const PageSegments& seg) {
    std::string s;
    for (const Article& a : seg.articles) {
        s += "article h=" + std::to_string(a.headline.has_value()) +
             " k=" + std::to_string(a.kicker.has_value()) +
             " s=" + std::to_string(a.subtitle.has_value()) +
             " d=" + std::to_string(a.dateline.has_value()) +
             " by=" + std::to_string(a.bylines.size()) + " p=" + std::to_string(a.body.size()) +
             " it=" + std::to_string(a.intertitles().size()) +
             " on=" + a.continued_on.value_or("-") + " from=" + a.continued_from.value_or("-") +
             " sig=" + std::to_string(a.signature.has_value()) + "\n";
    }
    for (const Illustration& i : seg.illustrations)
        s += "illustration credit=" + std::to_string(i.credit.has_value()) +
             " headline=" + std::to_string(i.headline.has_value()) + "\n";
    return s;
}

void check_partition(const PageSegments& seg, std::size_t size) {
    std::uint64_t next = 0;
    for (const Block& b : seg.blocks) {
        REQUIRE(b.source.size() == 1);
        CHECK(b.source[0].offset == next);
        next = b.source[0].end();
    }
    CHECK(next == size);
}

}  // namespace

TEST_CASE("encodings: UTF-16LE and UTF-16BE pages with BOM give the UTF-8 articles") {
    for (const char* page :
         {"jianghe-daily-2024-03-18/page-01.txt", "riverton-courier-2024-03-18/page-01.txt"}) {
        const std::string utf8 = sample(page);
        const char* language = utf8.find("本报") != std::string::npos ? "zh-Hans" : "en";
        const Imported reference = import(utf8, "", language);
        REQUIRE(reference.seg.articles.size() >= 3);
        for (const char* charset : {"UTF-16LE", "UTF-16BE"}) {
            CAPTURE(page);
            CAPTURE(charset);
            const std::string bom = std::string(charset) == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
            const std::string bytes = bom + encode(utf8, charset);
            const Imported got = import(bytes, "", language);
            CHECK(got.decoded.encoding == charset);
            CHECK(got.warnings.empty());
            CHECK(structure(got.seg) == structure(reference.seg));
            REQUIRE(got.seg.articles.size() == reference.seg.articles.size());
            for (std::size_t i = 0; i < got.seg.articles.size(); ++i) {
                CHECK(got.seg.articles[i].headline == reference.seg.articles[i].headline);
                CHECK(got.seg.articles[i].body_text() == reference.seg.articles[i].body_text());
            }
            // Byte ranges are in the UTF-16 file: each block's bytes decode to the same text
            // as the block's bytes in the UTF-8 file.
            check_partition(got.seg, bytes.size());
            REQUIRE(got.seg.blocks.size() == reference.seg.blocks.size());
            for (std::size_t i = 0; i < got.seg.blocks.size(); ++i) {
                const auto& range = got.seg.blocks[i].source[0];
                const auto& ref = reference.seg.blocks[i].source[0];
                const std::size_t skip = i == 0 ? 2 : 0;  // the first block holds the BOM
                Diagnostics d;
                const auto part = decode_text(
                    std::string_view(bytes).substr(range.offset + skip, range.length - skip),
                    charset, "slice", d);
                CHECK(part.text == utf8.substr(ref.offset, ref.length));
            }
        }
    }
}

TEST_CASE("encodings: a traditional-character page in Big5 has the structure of its original") {
    const std::string simplified = sample("jianghe-daily-2024-03-18/page-01.txt");
    const std::string traditional = to_traditional(simplified);
    REQUIRE(traditional != simplified);
    CHECK(traditional.find("本報訊") != std::string::npos);
    const std::string big5 = encode(traditional, "Big5");
    const Imported reference = import(simplified, "", "zh-Hans");
    for (const char* encoding : {"", "Big5"}) {  // detected, and named
        CAPTURE(encoding);
        const Imported got = import(big5, encoding, "zh-Hant");
        CHECK(got.decoded.encoding == "Big5");
        CHECK(got.decoded.text == traditional);
        CHECK(got.warnings.empty());
        CHECK(structure(got.seg) == structure(reference.seg));
        check_partition(got.seg, big5.size());
        // Headlines are the transliterated ones.
        REQUIRE(got.seg.articles.size() == reference.seg.articles.size());
        for (std::size_t i = 0; i < got.seg.articles.size(); ++i)
            if (reference.seg.articles[i].headline)
                CHECK(got.seg.articles[i].headline ==
                      to_traditional(*reference.seg.articles[i].headline));
    }
}

TEST_CASE("encodings: a GB18030 stretch inside a UTF-8 page is one warning with its bytes") {
    const std::string utf8 = sample("jianghe-daily-2024-03-18/page-01.txt");
    const std::size_t cut = utf8.find("\n\n", 600) + 2;
    const std::string foreign = encode("西河镇召开春耕生产动员大会。", "GB18030");
    const std::string bytes = utf8.substr(0, cut) + foreign + "\n\n" + utf8.substr(cut);
    const Imported got = import(bytes, "", "zh-Hans");
    CHECK(got.decoded.encoding == "UTF-8");  // not misdetected as a whole
    REQUIRE(got.warnings.size() == 1);
    const Diagnostic& w = got.warnings.items()[0];
    CHECK(w.offset == cut);
    // Some GB18030 byte pairs happen to be valid UTF-8 ("会。" ends in E1 A1 A3), so the
    // count and the end of the range depend on the text; the start does not.
    const std::string text = w.format();
    CAPTURE(text);
    CHECK(text.starts_with("p.txt (offset " + std::to_string(cut) + "): warning: "));
    CHECK(text.find(" invalid byte sequences in bytes " + std::to_string(cut) + "..") !=
          std::string::npos);
    CHECK(text.ends_with(
        " replaced by U+FFFD (text in another encoding? see --encoding) [PB-TEXT-INVALID]"));
    check_partition(got.seg, bytes.size());
    // The UTF-8 text around it is read as before.
    const Imported reference = import(utf8, "", "zh-Hans");
    REQUIRE(got.seg.articles.size() >= reference.seg.articles.size());
    CHECK(got.seg.articles.back().body_text() == reference.seg.articles.back().body_text());
}

TEST_CASE("encodings: scattered invalid bytes give one warning per place, then a summary") {
    std::string bytes;
    for (int i = 0; i < 30; ++i) bytes += "本报讯 一段正常的文字。\xFF\n\n";
    Diagnostics d;
    const auto t = decode_text(bytes, "", "s.txt", d);
    CHECK(t.encoding == "UTF-8");
    REQUIRE(d.size() == 21);
    CHECK(d.items()[0].message == "invalid byte sequence replaced by U+FFFD");
    CHECK(d.items()[20].message ==
          "30 invalid byte sequences in 30 places of UTF-8 input replaced by U+FFFD (first 20 "
          "places listed)");
}

TEST_CASE("encodings: a named encoding overrides detection") {
    const std::string text = "本报讯 西河镇近日召开春耕生产动员大会，部署全年粮食生产任务。\n";
    const std::string gb = encode(text, "GB18030");
    Diagnostics d;
    CHECK(decode_text(gb, "", "g.txt", d).text == text);
    const auto forced = decode_text(gb, "Big5", "g.txt", d);
    CHECK(forced.encoding == "Big5");
    CHECK(forced.text != text);
    // UTF-16 without a BOM is never detected, only named.
    const std::string le = encode(text, "UTF-16LE");
    CHECK(decode_text(le, "UTF-16LE", "l.txt", d).text == text);
    CHECK_THROWS_WITH_AS(decode_text(gb, "no-such-charset", "g.txt", d),
                         "g.txt: error: unknown encoding 'no-such-charset' [PB-TEXT-ENCODING]",
                         Error);
}

TEST_CASE("encodings: the manifest's encoding attribute is honoured") {
    test::TempDir dir;
    const std::string text =
        "本报讯 西河镇近日召开春耕生产动员大会，部署全年粮食生产任务。\n\n"
        "西河镇部署春耕生产\n";
    dir.write("page-01.txt", encode(text, "UTF-16LE"));  // no BOM: detection cannot know
    dir.write("page-02.txt", encode(text, "GB18030"));
    dir.write("issue.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>江河日报</title>
  <language>zh-Hans</language>
  <date>2024-03-18</date>
  <pages>
    <page sequence="1" label="1"><file role="text" href="page-01.txt" encoding="UTF-16LE"/></page>
    <page sequence="2" label="2"><file role="text" href="page-02.txt" encoding="GB18030"/></page>
  </pages>
</issue>
)");
    Diagnostics d;
    auto issue = read_manifest(dir.path(), d);
    REQUIRE_MESSAGE(issue.has_value(), (d.empty() ? "" : d.items()[0].format()));
    segment_issue(*issue, d);
    CHECK(d.empty());
    REQUIRE(issue->pages.size() == 2);
    CHECK(issue->pages[0].encoding == "UTF-16LE");
    CHECK(issue->pages[1].encoding == "GB18030");
    REQUIRE(issue->articles.size() == 2);
    for (const Article& a : issue->articles) {
        CHECK(a.headline == "西河镇部署春耕生产");
        CHECK(a.body_text() == "西河镇近日召开春耕生产动员大会，部署全年粮食生产任务。");
    }
}
