// The `paperbag verify` job: checks bundles (BagIt-in-ZIP) and reports, as text or JSON.
//
// What is checked is described in bundle_reader.hpp and docs/bundles.md: ZIP structure and
// hostile entries, BagIt completeness and fixity, Payload-Oxum, tag manifests. Schema and
// profile validation of the XML inside (and METS SIZE/CHECKSUM against the bytes) runs when a
// validator is passed in VerifyJobOptions::validate_xml; until the validation engine is
// wired in, reports say that it was not done.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "paperbag/bundle_reader.hpp"

namespace paperbag {

struct VerifyJobOptions {
    VerifyOptions verify;
    bool strict = false;  // warnings make a bundle invalid
};

struct BundleVerification {
    std::string bundle;   // as given
    bool opened = false;  // false when the file could not be opened at all (I/O error)
    bool valid = false;
    VerifyResult result;  // diagnostics include the I/O error when !opened
};

// Verifies each bundle in turn (memory does not grow with their number or size).
std::vector<BundleVerification> verify_bundles(const std::vector<std::filesystem::path>& bundles,
                                               const VerifyJobOptions& options);

// 0 when every bundle is valid, 2 when one could not be opened, else 1.
int verify_exit_code(const std::vector<BundleVerification>& results);

// Text: every finding as "path:line: severity: message [CODE]", then one summary line per
// bundle ("x.zip: valid: 4 payload files, 5422 bytes").
std::string format_verify_text(const std::vector<BundleVerification>& results, bool xml_validated);
// One JSON object: {"tool":"paperbag verify","xml_validated":false,"bundles":[...]}.
std::string format_verify_json(const std::vector<BundleVerification>& results, bool xml_validated);

}  // namespace paperbag
