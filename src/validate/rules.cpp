#include "validate/rules.hpp"

#include <algorithm>
#include <charconv>

#include "io/xml_handles.hpp"
#include "paperbag/validate.hpp"

namespace paperbag {

namespace {

// The one list of what `paperbag validate` can report, sorted by id.
constexpr RuleInfo rules[] = {
    {"PB-ALTO-001", Severity::error, "mets", "ALTO ID values are unique in the file"},
    {"PB-ALTO-002", Severity::error, "mets",
     "ALTO STYLEREFS/TAGREFS/PROCESSINGREFS/IDNEXT point to an existing ID"},
    {"PB-BUNDLE", Severity::error, "xml", "a bundle (ZIP) that cannot be opened: not validated"},
    {"PB-BUNDLE-PATH", Severity::error, "xml",
     "a bundle entry with an absolute name or '..': refused, never read"},
    {"PB-DATE", Severity::error, "mets",
     "W3CDTF/ISO 8601 dates in MODS and PREMIS are real calendar dates"},
    {"PB-IO", Severity::error, "xml", "an input that cannot be read: not validated"},
    {"PB-LINK-UNCHECKED", Severity::info, "mets",
     "a FLocat link that is not followed (remote URL, absolute file URL): not checked"},
    {"PB-METS-001", Severity::error, "mets", "METS ID values are unique in the document"},
    {"PB-METS-002", Severity::error, "mets", "every FILEID (fptr, area) points to a METS file"},
    {"PB-METS-003", Severity::error, "mets", "every DMDID points to a dmdSec"},
    {"PB-METS-004", Severity::error, "mets",
     "every ADMID points to an amdSec or a techMD/rightsMD/sourceMD/digiprovMD"},
    {"PB-METS-005", Severity::error, "mets",
     "area BEGIN/END with BETYPE=\"IDREF\" names an ID in the referenced XML file"},
    {"PB-METS-006", Severity::warning, "mets",
     "every file of the fileSec is used by a structMap (fptr or area)"},
    {"PB-METS-007", Severity::error, "mets", "every local FLocat file exists"},
    {"PB-METS-008", Severity::error, "mets",
     "FLocat hrefs are URI references that stay inside the input folder or bundle"},
    {"PB-METS-009", Severity::error, "mets", "file SIZE matches the size of the FLocat file"},
    {"PB-METS-010", Severity::error, "mets", "file CHECKSUM matches the FLocat file's digest"},
    {"PB-METS-011", Severity::warning, "mets",
     "CHECKSUMTYPE paperbag cannot compute (checksum not verified)"},
    {"PB-METS-012", Severity::error, "mets",
     "an FLocat file referenced by BETYPE=IDREF areas is well-formed XML"},
    {"PB-METS-013", Severity::warning, "mets",
     "articles in a LOGICAL structMap follow the order of the pages they start on"},
    {"PB-METS-014", Severity::error, "mets",
     "every structLink smLink@xlink:from and @xlink:to points to a structMap div"},
    {"PB-NEWSML-001", Severity::error, "mets",
     "every packageItem itemRef@residref is the guid of an item among the inputs"},
    {"PB-NEWSML-002", Severity::error, "mets",
     "inlineXML XHTML uses only XHTML element names (the power schema checks it laxly)"},
    {"PB-NEWSML-003", Severity::error, "mets",
     "inlineXML NITF is valid against NITF 3.6 (checked when the schema is available)"},
    {"PB-PROFILE-XSD", Severity::error, "paperbag",
     "violations of paperbag's profile schema (xsd/paperbag-*.xsd)"},
    {"PB-SCHEMA-MISSING", Severity::error, "xml",
     "the document's schema is not available: not validated (exit 2)"},
    {"PB-SCHEMA-UNKNOWN", Severity::error, "xml",
     "no schema is known for the root element: not validated (exit 2)"},
    {"PB-STREAMED", Severity::info, "xml",
     "a huge file validated streaming; tree-based profile rules skipped"},
    {"PB-TOO-LARGE", Severity::error, "xml", "an input beyond paperbag's size limits"},
    {"PB-XML-DTD", Severity::error, "xml",
     "DOCTYPE refused: no DTD or entity is loaded or expanded (XXE, billion laughs)"},
    {"PB-XML-LIMIT", Severity::error, "xml",
     "over an XML limit: a run of character data over 10 MiB or more than 10,000 attributes on "
     "one element (docs/limits.md)"},
    {"PB-XML-SYNTAX", Severity::error, "xml",
     "not well-formed XML (also: encoding errors, NUL bytes, depth and size limits)"},
    {"PB-XSD", Severity::error, "xml", "violation of the official XML schema"},
};

bool digits(std::string_view s, std::size_t n) {
    return s.size() >= n && std::all_of(s.begin(), s.begin() + static_cast<long>(n),
                                        [](char c) { return c >= '0' && c <= '9'; });
}

int number(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

}  // namespace

std::span<const RuleInfo> validation_rules() {
    return rules;
}

std::uint64_t line_of(const xmlNode* node) {
    const long line = xmlGetLineNo(node);
    return line > 0 ? static_cast<std::uint64_t>(line) : 0;
}

std::string attr(const xmlNode* node, const char* name) {
    XmlCharPtr value(xmlGetNoNsProp(node, BAD_CAST name));
    return value ? reinterpret_cast<const char*>(value.get()) : "";
}

std::string attr_ns(const xmlNode* node, const char* name, const char* ns) {
    XmlCharPtr value(xmlGetNsProp(node, BAD_CAST name, BAD_CAST ns));
    return value ? reinterpret_cast<const char*>(value.get()) : "";
}

bool is(const xmlNode* node, const char* ns, const char* name) {
    return node->type == XML_ELEMENT_NODE && node->ns != nullptr &&
           xmlStrEqual(node->ns->href, BAD_CAST ns) && xmlStrEqual(node->name, BAD_CAST name);
}

std::vector<std::string> split_tokens(const std::string& value) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < value.size()) {
        start = value.find_first_not_of(" \t\r\n", start);
        if (start == std::string::npos) break;
        const auto end = std::min(value.find_first_of(" \t\r\n", start), value.size());
        out.push_back(value.substr(start, end - start));
        start = end;
    }
    return out;
}

bool is_real_date(std::string_view s) {
    if (!digits(s, 4)) return false;
    const int year = number(s.substr(0, 4));
    if (s.size() == 4) return true;
    if (s[4] != '-' || !digits(s.substr(5), 2)) return false;
    const int month = number(s.substr(5, 2));
    if (month < 1 || month > 12) return false;
    if (s.size() == 7) return true;
    if (s[7] != '-' || !digits(s.substr(8), 2)) return false;
    const int day = number(s.substr(8, 2));
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int limit = days[month - 1] + (month == 2 && leap ? 1 : 0);
    if (day < 1 || day > limit) return false;
    if (s.size() == 10) return true;
    // Time: Thh:mm[:ss[.f]] then Z or +hh:mm/-hh:mm.
    std::string_view t = s.substr(10);
    if (t.front() != 'T' || !digits(t.substr(1), 2) || t.size() < 6 || t[3] != ':' ||
        !digits(t.substr(4), 2))
        return false;
    const int hour = number(t.substr(1, 2)), minute = number(t.substr(4, 2));
    if (hour > 24 || minute > 59) return false;
    t.remove_prefix(6);
    if (!t.empty() && t.front() == ':') {
        if (!digits(t.substr(1), 2) || number(t.substr(1, 2)) > 60) return false;
        t.remove_prefix(3);
        if (!t.empty() && t.front() == '.') {
            t.remove_prefix(1);
            if (t.empty() || !digits(t, 1)) return false;
            while (!t.empty() && t.front() >= '0' && t.front() <= '9') t.remove_prefix(1);
        }
    }
    if (t.empty() || t == "Z") return true;
    return (t.front() == '+' || t.front() == '-') && t.size() == 6 && digits(t.substr(1), 2) &&
           t[3] == ':' && digits(t.substr(4), 2) && number(t.substr(1, 2)) <= 14;
}

void check_metadata_dates(RuleContext& context, xmlNode* root) {
    static constexpr const char* mods_ns = "http://www.loc.gov/mods/v3";
    static constexpr const char* premis_ns = "http://www.loc.gov/premis/v3";
    static constexpr const char* mods_dates[] = {
        "dateIssued",    "dateCreated", "dateCaptured",       "dateValid",       "dateModified",
        "copyrightDate", "dateOther",   "recordCreationDate", "recordChangeDate"};
    for_each_element(root, [&](xmlNode* n) {
        if (n->ns == nullptr) return;
        bool check = false;
        if (xmlStrEqual(n->ns->href, BAD_CAST mods_ns)) {
            const std::string encoding = attr(n, "encoding");
            if (encoding != "w3cdtf" && encoding != "iso8601") return;
            for (const char* name : mods_dates)
                check = check || xmlStrEqual(n->name, BAD_CAST name);
        } else if (xmlStrEqual(n->ns->href, BAD_CAST premis_ns)) {
            check = xmlStrEqual(n->name, BAD_CAST "eventDateTime") ||
                    xmlStrEqual(n->name, BAD_CAST "dateCreatedByApplication");
        }
        if (!check) return;
        XmlCharPtr content(xmlNodeGetContent(n));
        std::string value = content ? reinterpret_cast<const char*>(content.get()) : "";
        const auto first = value.find_first_not_of(" \t\r\n");
        const auto last = value.find_last_not_of(" \t\r\n");
        value = first == std::string::npos ? "" : value.substr(first, last - first + 1);
        // An ISO 8601 interval or a MODS range point may use '/'; check each end.
        std::size_t start = 0;
        while (start <= value.size()) {
            const auto end = std::min(value.find('/', start), value.size());
            const std::string part = value.substr(start, end - start);
            if (!part.empty() && part != ".." && !is_real_date(part))
                context.sink.add(Severity::error, "PB-DATE", line_of(n),
                                 std::string("'") + part + "' in " +
                                     reinterpret_cast<const char*>(n->name) +
                                     " is not a real date (W3CDTF / ISO 8601)");
            start = end + 1;
        }
    });
}

}  // namespace paperbag
