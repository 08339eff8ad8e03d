// Export records: what every research format writes for an article or an illustration, as an
// ordered list of named values. The SPEC section 8 fields come first, in SPEC order, then
// paperbag's additions (uid, the issue-level section, issn, edition, volume and number, then
// headline_confidence, block_ids, source byte ranges, geometry). The formats
// (jsonl.cpp, csv.cpp, txt.cpp) only serialise records, so they agree field by field.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "paperbag/model.hpp"

namespace paperbag::exporting {

// Where an issue came from.
struct IssueSource {
    std::string bundle;  // bundle name (file name without .zip) or issue key; empty writes null
};

// A byte range of an original page text: {"file":..., "offset":N, "length":M}.
struct SourceSpan {
    std::string file;
    ByteRange range;
};

// Where an article is on one page of an input with geometry (ALTO, hOCR, PAGE, PDF): the boxes
// of its blocks in the page's unit, the page's size, and the page image's path in the bundle:
// {"page":"1","unit":"mm10","width":2580,"height":4060,"image":"data/images/p1.jp2",
//  "boxes":[[x,y,w,h],...]}.
struct PageGeometry {
    std::string page;  // page label
    std::string unit;  // "pixel", "mm10", "inch1200", "pt"
    double width = 0;
    double height = 0;
    std::string image;  // "data/images/<name>" in the bundle; empty: the page has no image
    std::vector<Box> boxes;
};

// null | string | list of strings | number | list of source spans | list of page geometries.
using FieldValue = std::variant<std::monostate, std::string, std::vector<std::string>, double,
                                std::vector<SourceSpan>, std::vector<PageGeometry>>;

struct Field {
    std::string_view name;
    FieldValue value;
};

struct Record {
    std::vector<Field> fields;
    // The value of a field, or nullptr.
    const FieldValue* find(std::string_view name) const;
    // A string field's value ("" when absent or null).
    std::string text(std::string_view name) const;
};

// Every field name a record can have, in column order (the CSV header).
std::span<const std::string_view> all_fields();

// The records of one issue: one per article, then one per illustration, in model order.
std::vector<Record> issue_records(const Issue& issue, const IssueSource& source);

// The record restricted to `fields` in that order (absent fields become null); all of it
// when `fields` is empty.
Record select_fields(const Record& record, const std::vector<std::string>& fields);

}  // namespace paperbag::exporting
