#include "package/bagit.hpp"

#include <doctest/doctest.h>

#include "package/entry_name.hpp"

using namespace paperbag;

TEST_CASE("bagit: manifest paths percent-encode CR, LF and % only") {
    CHECK(bagit::encode_path("data/50% off\r\n.txt") == "data/50%25 off%0D%0A.txt");
    CHECK(bagit::encode_path("data/caf\xc3\xa9 #1.txt") == "data/caf\xc3\xa9 #1.txt");
    CHECK(bagit::decode_path("data/50%25 off%0d%0A.txt") == "data/50% off\r\n.txt");
    CHECK_FALSE(bagit::decode_path("data/100%").has_value());
    CHECK_FALSE(bagit::decode_path("data/%zz").has_value());
    CHECK(bagit::format_manifest({{"data/a b.txt", "ab"}}) == "ab  data/a b.txt\n");
}

TEST_CASE("bagit: manifest parsing reports bad lines with their number") {
    Diagnostics d;
    const auto lines = bagit::parse_manifest(
        "ABCD  data/a.txt\r\nabcd\tdata/b c.txt\nxyz data/c.txt\n\nabcd\n", 4, "m.txt", d);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].checksum == "abcd");  // lower-cased
    CHECK(lines[0].path == "data/a.txt");
    CHECK(lines[1].path == "data/b c.txt");
    CHECK(lines[1].line == 2);
    REQUIRE(d.size() == 2);
    CHECK(d.items()[0].format() ==
          "m.txt:3: error: not a manifest line '<4 hex digits> <path>' [PB-BAG-MANIFEST-SYNTAX]");
    CHECK(d.items()[1].line == 5);
}

TEST_CASE("bagit: bag-info fields, continuation lines and Payload-Oxum") {
    Diagnostics d;
    const auto fields = bagit::parse_fields(
        "Source-Organization: A\n  Library\nPayload-Oxum: 12.3\nbad line\n", "bag-info.txt", d);
    REQUIRE(fields.size() == 2);
    CHECK(fields[0] == std::pair<std::string, std::string>{"Source-Organization", "A Library"});
    CHECK(d.size() == 1);
    CHECK(d.items()[0].code == "PB-BAG-INFO-SYNTAX");
    CHECK(bagit::parse_payload_oxum("12.3") == std::pair<std::uint64_t, std::uint64_t>{12, 3});
    for (const char* bad : {"12", ".3", "12.", "1.2.3", "-1.2", "a.b", ""})
        CHECK_MESSAGE(!bagit::parse_payload_oxum(bad), bad);
    CHECK(bagit::format_fields({{"A", "b"}}) == "A: b\n");
    CHECK_THROWS_WITH_AS(bagit::format_fields({{"A", "b\nc"}}),
                         doctest::Contains("must be one line"), Error);
}

TEST_CASE("bagit: human sizes") {
    CHECK(bagit::human_size(0) == "0 bytes");
    CHECK(bagit::human_size(1) == "1 byte");
    CHECK(bagit::human_size(999) == "999 bytes");
    CHECK(bagit::human_size(5422) == "5.4 KB");
    CHECK(bagit::human_size(1'250'000) == "1.3 MB");
    CHECK(bagit::human_size(2'147'483'648) == "2.1 GB");
}

TEST_CASE("entry names: UTF-8, NFC and safety") {
    CHECK(is_valid_utf8("caf\xc3\xa9"));
    CHECK_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // above U+10FFFF
    CHECK(to_nfc("cafe\xcc\x81") == "caf\xc3\xa9");
    CHECK_FALSE(to_nfc("\xff").has_value());
    CHECK(printable_utf8("a\xff"
                         "b") ==
          "a\xef\xbf\xbd"
          "b");
    CHECK(unsafe_name_reason("data/a.txt") == std::nullopt);
    CHECK(unsafe_name_reason("data/") == "empty path segment");
    CHECK(unsafe_name_reason("data/", true) == std::nullopt);
    CHECK(unsafe_name_reason("a//b") == "empty path segment");
    CHECK(unsafe_name_reason("a/./b") == "'.' segment in path");
    CHECK(unsafe_name_reason("C:/x") == "drive letter in name");
    CHECK(unsafe_name_reason("..") == "'..' in path");
}
