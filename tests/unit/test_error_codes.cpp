#include "paperbag/error_codes.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

using namespace paperbag;

TEST_CASE("The error code table is sorted, unique and gives every kind its exit code") {
    const auto codes = error_codes();
    REQUIRE(codes.size() > 50);
    const std::regex shape("PB-[A-Z0-9]+(-[A-Z0-9]+)*");
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const ErrorCode& row = codes[i];
        CAPTURE(row.code);
        CHECK(std::regex_match(std::string(row.code), shape));
        CHECK_FALSE(row.meaning.empty());
        if (i > 0) CHECK(codes[i - 1].code < row.code);  // sorted: binary search works
        CHECK(find_error_code(row.code) == &row);
        CHECK(error_kind(row.code) == row.kind);
        CHECK(exit_code_for(row.kind) == (row.kind == ErrorKind::input ? 1 : 2));
    }
    CHECK(error_kind("PB-IO") == ErrorKind::io);
    CHECK(error_kind("PB-USAGE") == ErrorKind::usage);
    CHECK(error_kind("PB-BAG-WRITE") == ErrorKind::io);
    CHECK(error_kind("PB-OUT-OF-MEMORY") == ErrorKind::internal);
    CHECK(error_kind("PB-METS-007") == ErrorKind::input);
    CHECK(find_error_code("PB-NO-SUCH-CODE") == nullptr);
    CHECK(error_kind("PB-NO-SUCH-CODE") == ErrorKind::input);
    CHECK(exit_code_for(make_error("PB-IO", "x", 0, "m")) == 2);
    CHECK(exit_code_for(make_error("PB-XSD", "x", 0, "m")) == 1);
    CHECK(is_failure_to_run(make_error("PB-HTTP", "", 0, "m")));
    CHECK_FALSE(is_failure_to_run(make_warning("PB-IO", "", 0, "m")));
    CHECK_FALSE(is_failure_to_run(make_error("PB-BAG-CHECKSUM", "", 0, "m")));
}

TEST_CASE("Every code the sources use is in the table") {
    const std::filesystem::path root = PAPERBAG_SOURCE_DIR;
    const std::regex literal("\"(PB-[A-Z0-9]+(?:-[A-Z0-9]+)*)\"");
    std::set<std::string> used;
    for (const auto& dir : {root / "src", root / "include"}) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
            const auto ext = entry.path().extension();
            if (ext != ".cpp" && ext != ".hpp") continue;
            std::ifstream in(entry.path());
            std::stringstream text;
            text << in.rdbuf();
            const std::string s = text.str();
            for (std::sregex_iterator it(s.begin(), s.end(), literal), end; it != end; ++it)
                used.insert((*it)[1].str());
        }
    }
    REQUIRE(used.size() > 50);
    for (const std::string& code : used) {
        CAPTURE(code);
        CHECK(find_error_code(code) != nullptr);
    }
}
