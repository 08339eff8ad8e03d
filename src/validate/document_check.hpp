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
};

// Never throws for anything about the document; problems become findings and a verdict.
DocumentOutcome check_document(const DocumentSource& source, SchemaRegistry& registry,
                               const ValidateOptions& options);

}  // namespace paperbag
