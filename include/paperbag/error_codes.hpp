// The table of paperbag's error codes.
//
// Every code a Diagnostic can carry ("PB-IO", "PB-METS-007", ...) is listed once, with its
// kind. The kind, not the spelling of the code, decides what a failure means for the run:
//
//   usage     the command line asks for something impossible         -> exit 2
//   input     the input (or a document) is invalid; the run worked    -> exit 1
//   io        the tool could not do its job: a file system, network
//             or resource failure, a missing schema                   -> exit 2
//   internal  a bug or an exhausted resource inside paperbag          -> exit 2
//
// Codes that are not in the table (a typo, a code from a newer file format) count as input:
// they describe a document. A unit test checks that every code the sources use is here.
#pragma once

#include <span>
#include <string_view>

#include "paperbag/diagnostic.hpp"

namespace paperbag {

enum class ErrorKind { usage, input, io, internal };

// "usage", "input", "io" or "internal".
std::string_view to_string(ErrorKind kind);

struct ErrorCode {
    std::string_view code;
    ErrorKind kind;
    std::string_view meaning;
};

// Every code, sorted by name.
std::span<const ErrorCode> error_codes();

// The row of `code`, or nullptr.
const ErrorCode* find_error_code(std::string_view code);

// The kind of `code`; ErrorKind::input for codes not in the table.
ErrorKind error_kind(std::string_view code);

// 1 for input, 2 for usage, io and internal.
int exit_code_for(ErrorKind kind);

// The exit code of a run that stopped with `diagnostic`.
int exit_code_for(const Diagnostic& diagnostic);

// True when the diagnostic is an error that means the tool could not do its job (io,
// internal or usage): the input was not judged.
bool is_failure_to_run(const Diagnostic& diagnostic);

}  // namespace paperbag
