// The `paperbag verify` job: checks bundles (BagIt-in-ZIP) received from others.
//
// For each bundle, without extracting it to disk:
//   1. ZIP structure, hostile entries, BagIt completeness and fixity, Payload-Oxum and tag
//      manifests (verify_bundle in bundle_reader.hpp; docs/bundles.md lists every check);
//   2. when the structure is sound, every XML file inside goes through the validation engine
//      (validate.hpp): schemas by namespace, embedded MODS/PREMIS, and the profile rules,
//      which include METS SIZE/CHECKSUM against the bytes and FLocat files present.
// The result is one ValidationRun: per bundle, a first FileResult for the bundle itself
// ("BagIt bundle", its structure and fixity findings), followed by one per XML file. Reports
// and exit codes are therefore exactly those of `paperbag validate`. OCR files the issue came
// with (data/ocr/: PAGE, ALTO 1.x, hOCR, ...) are kept as received: build does not validate
// them and records so in PREMIS, and verify checks their fixity only and lists them in the
// bundle's entry (PB-OCR-NOT-VALIDATED, info), so build and verify agree on every bundle.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "paperbag/bundle_reader.hpp"
#include "paperbag/validate.hpp"

namespace paperbag {

struct VerifyJobOptions {
    VerifyOptions verify;  // limits for the structure and fixity checks
    // Validation of the XML inside: catalogs, profile (default paperbag), skip, max_errors,
    // jobs, strict. Its `inputs` are ignored (each bundle is the input).
    ValidateOptions validation;
    bool validate_xml = true;  // false: structure and fixity only (--no-xml)
};

// Default options: profile paperbag, XML validation on.
VerifyJobOptions default_verify_options();

// Verifies each bundle in turn; memory does not grow with their number or size. Never throws
// for a bad bundle: an unreadable one becomes a "not validated" entry (exit 2).
ValidationRun verify_bundles(const std::vector<std::filesystem::path>& bundles,
                             const VerifyJobOptions& options);

}  // namespace paperbag
