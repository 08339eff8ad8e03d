// Validating one document: parse safely, find its schema(s) by root element, validate
// (in memory, or streaming for huge files), then run the profile rules.
#pragma once

#include "paperbag/validate.hpp"
#include "validate/document_source.hpp"
#include "validate/rules.hpp"
#include "validate/schema_registry.hpp"

namespace paperbag {

struct DocumentOutcome {
    FileResult result;
    CrossRefs cross;
    bool in_bundle = false;       // from the source: references must resolve inside its space
    const void* space = nullptr;  // identifies the input (folder or bundle) it came from
    bool ignored = false;         // an unknown format under --unknown=ignore: not listed
    // The official schema that was not available, when it was not (counted once per run).
    std::string official_missing;
};

// Never throws for anything about the document; problems become findings and a verdict.
DocumentOutcome check_document(const DocumentSource& source, SchemaRegistry& registry,
                               const ValidateOptions& options);

}  // namespace paperbag
