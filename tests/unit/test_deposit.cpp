// Deposit building blocks: upload names, tokens, and the SWORD documents read back.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "deposit/intake.hpp"
#include "deposit/sword_xml.hpp"
#include "paperbag/deposit.hpp"
#include "support/temp_dir.hpp"

using namespace paperbag;

TEST_CASE("Upload names are plain bundle file names") {
    for (const char* good : {"riverton-courier-2024-03-18.zip", "a.zip", "A_b.v2.zip"})
        CHECK(safe_upload_name(good));
    for (const char* bad :
         {"", ".zip", ".hidden.zip", "../evil.zip", "a/b.zip", "/etc/x.zip", "a\\b.zip", "a..b.zip",
          "evil.exe", "a b.zip", "caf\xc3\xa9.zip", "x.zip\n"})
        CHECK_MESSAGE(!safe_upload_name(bad), bad);
    CHECK_FALSE(safe_upload_name(std::string(300, 'a') + ".zip"));
}

TEST_CASE("Depositor tokens are shown once and stored as salted hashes") {
    test::TempDir store;
    const std::string token = add_depositor(store.path(), "courier", "");
    const std::string other = add_depositor(store.path(), "gazette", "");
    REQUIRE(token.starts_with("courier."));
    std::ifstream in(store / "depositors");
    const std::string stored((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
    CHECK(stored.find(token.substr(8)) == std::string::npos);

    const Depositors depositors(store.path());
    CHECK(depositors.authenticate("", token) == std::optional<std::string>("courier"));
    CHECK(depositors.authenticate("courier", token) == std::optional<std::string>("courier"));
    CHECK_FALSE(depositors.authenticate("gazette", token));  // Basic user must match
    CHECK_FALSE(depositors.authenticate("", token + "0"));
    CHECK_FALSE(depositors.authenticate("", "courier." + std::string(64, '0')));
    CHECK_FALSE(depositors.authenticate("", ""));
    CHECK(depositors.authenticate("", other) == std::optional<std::string>("gazette"));

    // A new token replaces the old one.
    const std::string again = add_depositor(store.path(), "courier", "");
    const Depositors after(store.path());
    CHECK_FALSE(after.authenticate("", token));
    CHECK(after.authenticate("", again) == std::optional<std::string>("courier"));
    CHECK(after.names().size() == 2);
    CHECK_THROWS_WITH_AS(add_depositor(store.path(), "bad name", ""),
                         doctest::Contains("depositor name"), Error);
}

TEST_CASE("SWORD documents are read back by the client, hostile ones refused") {
    const std::string service = sword::service_document("http://127.0.0.1:1", "courier", 4096);
    CHECK(sword::collection_href(service) ==
          std::optional<std::string>("http://127.0.0.1:1/sword/collection/courier"));

    const std::string error =
        sword::error_document("http://purl.org/net/sword/error/ErrorBadRequest",
                              "bad <bundle> & more", "{\"x\":1}", "2024-03-18T00:00:00Z");
    const auto info = sword::parse_error(error);
    REQUIRE(info);
    CHECK(info->href == "http://purl.org/net/sword/error/ErrorBadRequest");
    CHECK(info->summary == "bad <bundle> & more");
    CHECK(info->verbose == "{\"x\":1}");

    HeldIssue issue;
    issue.id = "abc";
    issue.path = "t/2024/t-2024-03-18.zip";
    issue.title_key = "t";
    issue.date = Date{2024, 3, 18};
    issue.received_at = "2024-03-18T00:00:00Z";
    const std::string receipt = sword::deposit_receipt("http://h", issue);
    CHECK(receipt == sword::deposit_receipt("http://h", issue));  // the same receipt twice
    CHECK(receipt.find("rel=\"edit\" href=\"http://h/sword/edit/abc\"") != std::string::npos);
    CHECK(receipt.find("http://purl.org/net/sword/terms/statement") != std::string::npos);
    CHECK_FALSE(sword::parse_error(receipt));

    CHECK_FALSE(sword::collection_href("not xml"));
    CHECK_FALSE(sword::collection_href(
        "<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><service>&x;</service>"));
    CHECK_FALSE(sword::parse_error(""));
}
