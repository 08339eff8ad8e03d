// Schema errors of an issue manifest in plain words. libxml2 says
//   Element '{urn:x-paperbag:issue:1}date': This element is not expected. Expected is one of
//   ( {urn:x-paperbag:issue:1}language ).
// which a person preparing a delivery should not have to decode. The common errors (a missing,
// unexpected or misordered element, a missing or unknown attribute, a bad value, libxml2's
// "No precomputed value available") become one sentence naming the element as it is written
// in the manifest (with its prefix, if it has one), with the line. Others keep libxml2's text,
// with namespaces written as prefixes.
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include <string>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

// Translates one libxml2 schema-validation error about a manifest; `path` names the manifest.
// Used when paperbag reads a manifest (PB-MANIFEST-SCHEMA) and when `paperbag validate`
// checks one (PB-XSD).
Diagnostic manifest_schema_error(const xmlError& error, const std::string& path,
                                 const std::string& code = "PB-MANIFEST-SCHEMA");

}  // namespace paperbag
