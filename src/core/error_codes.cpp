#include "paperbag/error_codes.hpp"

#include <algorithm>
#include <array>

namespace paperbag {

namespace {

using enum ErrorKind;

// Sorted by code (a unit test checks the order, the uniqueness and that every code the
// sources use is listed).
constexpr std::array codes{
    ErrorCode{"PB-ALTO-001", input, "ALTO profile rule 001"},
    ErrorCode{"PB-ALTO-002", input, "ALTO profile rule 002"},
    ErrorCode{"PB-BAG-ALGORITHM", input, "a manifest uses an unsupported checksum algorithm"},
    ErrorCode{"PB-BAG-BAGIT-TXT", input, "bagit.txt is missing or malformed"},
    ErrorCode{"PB-BAG-BOMB", input, "entry sizes or compression ratio of a zip bomb"},
    ErrorCode{"PB-BAG-CHANGED", io, "a payload file changed while it was being packed"},
    ErrorCode{"PB-BAG-CHECKSUM", input, "a payload file does not match its manifest checksum"},
    ErrorCode{"PB-BAG-CORRUPT", input, "an entry's data is damaged (CRC, inflate, size)"},
    ErrorCode{"PB-BAG-DUPLICATE", input, "two entries with the same name"},
    ErrorCode{"PB-BAG-ENCRYPTED", input, "an encrypted entry"},
    ErrorCode{"PB-BAG-IDENTITY", usage,
              "the existing bundle holds a different issue; not replaced without --force"},
    ErrorCode{"PB-BAG-INFO-SYNTAX", input, "bag-info.txt is malformed"},
    ErrorCode{"PB-BAG-LAYOUT", input, "the bag is not one top folder"},
    ErrorCode{"PB-BAG-MANIFEST-DUPLICATE", input, "a manifest lists a path twice"},
    ErrorCode{"PB-BAG-MANIFEST-PATH", input, "a manifest path is unsafe"},
    ErrorCode{"PB-BAG-MANIFEST-SYNTAX", input, "a manifest line is malformed"},
    ErrorCode{"PB-BAG-METHOD", input, "an unsupported compression method"},
    ErrorCode{"PB-BAG-MISSING-FILE", input, "a manifest lists a file that is not there"},
    ErrorCode{"PB-BAG-NAME", input, "an unsafe or duplicate name for a bundle entry"},
    ErrorCode{"PB-BAG-NAME-COLLISION", input, "two payload files collide after normalisation"},
    ErrorCode{"PB-BAG-NFC-TWIN", input, "two entry names equal after NFC normalisation"},
    ErrorCode{"PB-BAG-NO-BAGIT", input, "no bagit.txt"},
    ErrorCode{"PB-BAG-NO-MANIFEST", input, "no payload manifest"},
    ErrorCode{"PB-BAG-NOT-NFC", input, "an entry name not in Unicode NFC"},
    ErrorCode{"PB-BAG-OPTION", internal, "the bundle writer was misused"},
    ErrorCode{"PB-BAG-OXUM", input, "Payload-Oxum does not match the payload"},
    ErrorCode{"PB-BAG-SIZE-MISMATCH", input, "an entry's size differs from what was recorded"},
    ErrorCode{"PB-BAG-SPECIAL-FILE", input, "an entry that is not a regular file or folder"},
    ErrorCode{"PB-BAG-SYMLINK", input, "a symbolic link entry"},
    ErrorCode{"PB-BAG-TOO-LARGE", input, "an entry beyond the size limits"},
    ErrorCode{"PB-BAG-TOO-MANY-ENTRIES", input, "more entries than the limit"},
    ErrorCode{"PB-BAG-UNLISTED", input, "a payload file no manifest lists"},
    ErrorCode{"PB-BAG-UNSAFE-NAME", input, "an entry name that escapes the bag (.., absolute)"},
    ErrorCode{"PB-BAG-WRITE", io, "the bundle could not be written"},
    ErrorCode{"PB-BAG-ZIP", input, "not a readable ZIP archive, or an unreadable entry"},
    ErrorCode{"PB-BUILD", internal, "an issue's build stopped on an unexpected error"},
    ErrorCode{"PB-BUILD-CHANGED", io, "an input file changed while the issue was built"},
    ErrorCode{"PB-BUILD-INVALID", input, "a file written for the issue is not valid"},
    ErrorCode{"PB-BUILD-REBUILT", input, "a damaged bundle on disk was rebuilt"},
    ErrorCode{"PB-BUNDLE", io, "a bundle that cannot be opened: not validated"},
    ErrorCode{"PB-BUNDLE-DAMAGED", input, "a damaged or hostile bundle, skipped whole"},
    ErrorCode{"PB-BUNDLE-PATH", input, "a bundle entry with an unsafe path"},
    ErrorCode{"PB-CATALOG", io, "an XML catalog cannot be read or written"},
    ErrorCode{"PB-CORRECTIONS-ISSUE", input, "a corrections file for another issue"},
    ErrorCode{"PB-CORRECTIONS-SYNTAX", input, "a corrections file that breaks its schema"},
    ErrorCode{"PB-CORRECTIONS-UNKNOWN", input,
              "a correction naming a block or article the issue lacks"},
    ErrorCode{"PB-DATE", input, "a date that is not a valid ISO 8601 date"},
    ErrorCode{"PB-DEPOSIT-REFUSED", input, "the intake server refused a deposit"},
    ErrorCode{"PB-DEPOSIT-UNREACHABLE", io, "the intake server could not be reached"},
    ErrorCode{"PB-DIGEST", internal, "the digest library failed"},
    ErrorCode{"PB-EXPORT", internal, "an export input stopped on an unexpected error"},
    ErrorCode{"PB-EXPORT-EMPTY", input, "an input without articles"},
    ErrorCode{"PB-EXPORT-METS", input, "the METS of a bundle cannot be used"},
    ErrorCode{"PB-EXPORT-NEWSML", input, "a NewsML-G2 item of a bundle cannot be used"},
    ErrorCode{"PB-EXPORT-NO-MATCH", input, "the export or stats filters took nothing"},
    ErrorCode{"PB-EXPORT-NOT-PAPERBAG", input, "a bundle paperbag did not write"},
    ErrorCode{"PB-EXPORT-READ", input, "a file of a bundle cannot be read"},
    ErrorCode{"PB-EXPORT-SKIPPED", input, "an input skipped: nothing exported from it"},
    ErrorCode{"PB-GZIP", internal, "zlib failed"},
    ErrorCode{"PB-HTTP", io, "a download failed"},
    ErrorCode{"PB-INTERNAL", internal, "an unexpected error inside paperbag"},
    ErrorCode{"PB-IO", io, "a file cannot be opened, read or written"},
    ErrorCode{"PB-LEDGER", io, "the holdings ledger cannot be opened, migrated or written"},
    ErrorCode{"PB-LINK-UNCHECKED", input, "a METS link that was not followed"},
    ErrorCode{"PB-MANIFEST-DATE", input, "issue.xml has an invalid date"},
    ErrorCode{"PB-MANIFEST-FILE", input, "a page file of issue.xml is missing or unusable"},
    ErrorCode{"PB-MANIFEST-PATH", input, "a page file path of issue.xml is unsafe"},
    ErrorCode{"PB-MANIFEST-SCHEMA", input, "issue.xml does not match its schema"},
    ErrorCode{"PB-MANIFEST-SYNTAX", input, "issue.xml is not well-formed"},
    ErrorCode{"PB-METS-001", input, "METS profile rule 001"},
    ErrorCode{"PB-METS-002", input, "METS profile rule 002"},
    ErrorCode{"PB-METS-003", input, "METS profile rule 003"},
    ErrorCode{"PB-METS-004", input, "METS profile rule 004"},
    ErrorCode{"PB-METS-005", input, "METS profile rule 005"},
    ErrorCode{"PB-METS-006", input, "METS profile rule 006"},
    ErrorCode{"PB-METS-007", input, "METS profile rule 007"},
    ErrorCode{"PB-METS-008", input, "METS profile rule 008"},
    ErrorCode{"PB-METS-009", input, "METS profile rule 009"},
    ErrorCode{"PB-METS-010", input, "METS profile rule 010"},
    ErrorCode{"PB-METS-011", input, "METS profile rule 011"},
    ErrorCode{"PB-METS-012", input, "METS profile rule 012"},
    ErrorCode{"PB-METS-013", input, "METS profile rule 013"},
    ErrorCode{"PB-METS-014", input, "METS profile rule 014"},
    ErrorCode{"PB-NEWSML-001", input, "NewsML-G2 profile rule 001"},
    ErrorCode{"PB-NEWSML-002", input, "NewsML-G2 profile rule 002"},
    ErrorCode{"PB-NEWSML-003", input, "NewsML-G2 profile rule 003"},
    ErrorCode{"PB-NOTHING-VALIDATED", usage, "validate found no document to validate"},
    ErrorCode{"PB-OCR-DEPTH", input, "OCR elements nested too deep: ignored"},
    ErrorCode{"PB-OCR-FORMAT", input,
              "an OCR file that is not ALTO, hOCR or PAGE as paperbag reads them"},
    ErrorCode{"PB-OCR-GEOMETRY", input, "an OCR page size that is not usable"},
    ErrorCode{"PB-OCR-NOT-VALIDATED", input, "an OCR file in a format paperbag does not validate"},
    ErrorCode{"PB-OCR-PAGES", input, "more than one page in an OCR file"},
    ErrorCode{"PB-OCR-TOO-LARGE", input, "an OCR page beyond paperbag's limits"},
    ErrorCode{"PB-OCR-UNIT", input, "an unknown OCR measurement unit"},
    ErrorCode{"PB-OUT-OF-MEMORY", internal, "memory ran out"},
    ErrorCode{"PB-OUTPUT-IS-INPUT", usage, "the output would overwrite an input"},
    ErrorCode{"PB-PATH", input, "an unsafe output path"},
    ErrorCode{"PB-PATTERN", internal, "a built-in pattern table is broken"},
    ErrorCode{"PB-PDF-DAMAGED", input, "a damaged PDF, or not a PDF"},
    ErrorCode{"PB-PDF-ENCRYPTED", input, "an encrypted PDF"},
    ErrorCode{"PB-PDF-LIMIT", input, "a PDF beyond paperbag's limits"},
    ErrorCode{"PB-PDF-NO-TEXT", input, "a PDF page without text"},
    ErrorCode{"PB-PDF-PAGE", input, "a PDF page that does not exist"},
    ErrorCode{"PB-PDF-PAGES", input, "a PDF whose pages do not match the issue"},
    ErrorCode{"PB-PDF-UNMAPPED", input, "PDF glyphs without Unicode mapping"},
    ErrorCode{"PB-PLAN-DUPLICATE", usage, "two issues with one key in a plan"},
    ErrorCode{"PB-PLAN-EMPTY", input, "a folder given to plan holds no issues"},
    ErrorCode{"PB-PLAN-INPUT", input, "an input of plan that is no issue"},
    ErrorCode{"PB-PLAN-MANIFEST", input, "an issue folder whose manifest cannot be read"},
    ErrorCode{"PB-PLAN-SYNTAX", usage, "a plan file line that is not a plan line"},
    ErrorCode{"PB-PROFILE-XSD", input, "a file does not match paperbag's profile schema"},
    ErrorCode{"PB-REPORT", internal, "a report could not be formatted"},
    ErrorCode{"PB-REPORT-MISMATCH", usage,
              "a shard report of another plan, command or shard count"},
    ErrorCode{"PB-REPORT-MISSING", io, "a shard of the plan has no report"},
    ErrorCode{"PB-REPORT-SYNTAX", usage, "a file given to report is not a shard report"},
    ErrorCode{"PB-SCHEMA-COMPILE", io, "a schema cannot be compiled"},
    ErrorCode{"PB-SCHEMA-DIGEST", io, "a downloaded schema has the wrong checksum"},
    ErrorCode{"PB-SCHEMA-MISSING", io, "a schema needed for validation is not available"},
    ErrorCode{"PB-SCHEMA-UNKNOWN", input, "a document in a namespace no schema is known for"},
    ErrorCode{"PB-SEG-JUMP-UNMATCHED", input, "a continuation line without its other part"},
    ErrorCode{"PB-SEG-LOW-CONFIDENCE", input, "a page segmented with low confidence"},
    ErrorCode{"PB-SEG-NO-BODY", input, "an article without body text"},
    ErrorCode{"PB-SEG-NO-HEADLINE", input, "an article without headline"},
    ErrorCode{"PB-SEG-ORPHAN-HEADLINE", input, "a headline without article"},
    ErrorCode{"PB-SEG-REVIEW", input, "segmentation review summary"},
    ErrorCode{"PB-SOURCE-CHECKSUM", input, "a METS source file with a wrong checksum"},
    ErrorCode{"PB-SOURCE-DATE-EPOCH", usage, "SOURCE_DATE_EPOCH is not a number of seconds"},
    ErrorCode{"PB-SOURCE-EMPTY", input, "an article of a METS source without text"},
    ErrorCode{"PB-SOURCE-FORMAT", input, "a METS source file in a format paperbag does not read"},
    ErrorCode{"PB-SOURCE-METS", input, "a METS source that is not METS"},
    ErrorCode{"PB-SOURCE-MISSING", input, "a file a METS source names is missing"},
    ErrorCode{"PB-SOURCE-REF", input, "a METS source reference that points nowhere"},
    ErrorCode{"PB-SOURCE-UNPAGED", input, "a METS source file on no page"},
    ErrorCode{"PB-STREAMED", input, "a huge file validated while streaming"},
    ErrorCode{"PB-TEXT-BINARY", input, "a page text file that is binary"},
    ErrorCode{"PB-TEXT-ENCODING", input, "a page text file that cannot be decoded"},
    ErrorCode{"PB-TEXT-INVALID", input, "invalid bytes in a page text file"},
    ErrorCode{"PB-TOO-LARGE", input, "an input beyond paperbag's size limits"},
    ErrorCode{"PB-USAGE", usage, "the command line asks for something impossible"},
    ErrorCode{"PB-VERIFY-XML-SKIPPED", input, "XML not validated: the bundle is broken"},
    ErrorCode{"PB-VIEW-IMAGE", input, "a page image or PDF page that cannot be shown"},
    ErrorCode{"PB-WRITE", internal, "libxml2 failed while writing XML"},
    ErrorCode{"PB-WRITE-MODEL", input, "the issue cannot be written as it is"},
    ErrorCode{"PB-WRITE-PAYLOAD", input, "a page file cannot be described"},
    ErrorCode{"PB-WRITE-TEXT", input, "text repaired while writing XML"},
    ErrorCode{"PB-XML", internal, "libxml2 cannot create a parser"},
    ErrorCode{"PB-XML-DTD", input, "a DOCTYPE in a document"},
    ErrorCode{"PB-XML-LIMIT", input,
              "a document over an XML limit (text run, attributes per element)"},
    ErrorCode{"PB-XML-SYNTAX", input, "a document that is not well-formed XML"},
    ErrorCode{"PB-XSD", input, "a document that does not match its schema"},
};

}  // namespace

std::string_view to_string(ErrorKind kind) {
    switch (kind) {
        case usage: return "usage";
        case input: return "input";
        case io: return "io";
        case internal: return "internal";
    }
    return "internal";
}

std::span<const ErrorCode> error_codes() {
    return codes;
}

const ErrorCode* find_error_code(std::string_view code) {
    const auto it =
        std::lower_bound(codes.begin(), codes.end(), code,
                         [](const ErrorCode& row, std::string_view c) { return row.code < c; });
    return it != codes.end() && it->code == code ? &*it : nullptr;
}

ErrorKind error_kind(std::string_view code) {
    const ErrorCode* row = find_error_code(code);
    return row != nullptr ? row->kind : input;
}

int exit_code_for(ErrorKind kind) {
    return kind == input ? 1 : 2;
}

int exit_code_for(const Diagnostic& diagnostic) {
    return exit_code_for(error_kind(diagnostic.code));
}

bool is_failure_to_run(const Diagnostic& diagnostic) {
    return diagnostic.severity == Severity::error && error_kind(diagnostic.code) != input;
}

}  // namespace paperbag
