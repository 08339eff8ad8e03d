// A record field's value as JSON: what JSON Lines writes for every field and CSV writes in a
// list cell (docs/export.md), so that both read back to the same value.
#pragma once

#include <string>

#include "export/record.hpp"

namespace paperbag::exporting {

// Appends `value` as JSON: null, a string, a number, an array of strings, of source ranges
// {"file","offset","length"} or of page geometries {"page","unit","width","height","image",
// "boxes"}. Numbers are the shortest text that reads back as the same double.
void append_json_value(std::string& out, const FieldValue& value);

}  // namespace paperbag::exporting
