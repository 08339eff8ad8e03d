// SWORD v2 documents: the service document, the deposit receipt (an Atom entry), the
// statement (an Atom feed) and error documents, written with libxml2 (write/xml_out.hpp);
// and the few things the client reads back from them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "paperbag/ledger.hpp"

namespace paperbag::sword {

inline constexpr std::string_view bagit_packaging = "http://purl.org/net/sword/package/BagIt";
inline constexpr std::string_view error_base = "http://purl.org/net/sword/error/";

// One workspace with the depositor's own collection at BASE/sword/collection/NAME.
std::string service_document(const std::string& base, const std::string& depositor,
                             std::uint64_t max_upload);

// The receipt of an accepted deposit: edit (BASE/sword/edit/ID), edit-media
// (BASE/sword/media/ID) and statement (BASE/sword/statement/ID) links. Built from the ledger
// row only, so the same deposit always gets the same receipt.
std::string deposit_receipt(const std::string& base, const HeldIssue& issue);

// The statement: the deposit's state and the verification report (JSON) that accepted it.
std::string statement(const std::string& base, const HeldIssue& issue,
                      const std::string& report_json);

// <sword:error href="..."> with a summary and a verbose description; `when` is ISO 8601.
std::string error_document(std::string_view href, const std::string& summary,
                           const std::string& verbose, const std::string& when);

// The first collection href of a service document.
std::optional<std::string> collection_href(std::string_view service_document);

struct ErrorInfo {
    std::string href, summary, verbose;
};
// The fields of an error document, or nothing when `body` is not one.
std::optional<ErrorInfo> parse_error(std::string_view body);

}  // namespace paperbag::sword
