// Diagnostics: the one error type of paperbag.
//
// Every problem paperbag finds or meets -- a malformed manifest, a schema violation, an
// unreadable file, a headline it could not place -- is a Diagnostic. It carries a stable
// code, the path of the file it is about, the line and column (1-based) or the byte offset
// where there is one, a severity and a message, and prints as
//
//     path:line:col: severity: message [CODE]
//
// Warnings use the same type: they are collected in a Diagnostics list and the caller
// decides what to do with them (print them, fail under --strict). Nothing is dropped.
// Fatal conditions are thrown as paperbag::Error, which wraps one Diagnostic.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace paperbag {

enum class Severity { info, warning, error };

// "info", "warning" or "error".
std::string_view to_string(Severity severity);

struct Diagnostic {
    Severity severity = Severity::error;
    std::string code;          // stable identifier, e.g. "PB-MANIFEST-SCHEMA"; may be empty
    std::string path;          // file the diagnostic is about; may be empty
    std::uint64_t line = 0;    // 1-based; 0 when unknown
    std::uint64_t column = 0;  // 1-based; 0 when unknown
    std::optional<std::uint64_t> offset;  // byte offset, for inputs without lines
    std::string message;

    // "path:line:col: severity: message [code]"; parts that are unknown are left out,
    // e.g. "page-01.txt (offset 17): error: invalid UTF-8" or "error: message".
    std::string format() const;

    // The location part alone: "path:line:col", "path:line", "path (offset N)" or "path".
    std::string location() const;

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// Convenience constructors.
Diagnostic make_error(std::string code, std::string path, std::uint64_t line, std::string message);
Diagnostic make_warning(std::string code, std::string path, std::uint64_t line,
                        std::string message);

// The exception paperbag throws. what() is the formatted diagnostic.
class Error : public std::runtime_error {
public:
    explicit Error(Diagnostic diagnostic);
    // A diagnostic with severity error and no line: "path: message".
    Error(std::string code, std::string path, std::string message);

    const Diagnostic& diagnostic() const noexcept { return diagnostic_; }

private:
    Diagnostic diagnostic_;
};

// Throws an Error for `path` that reads "path: error: cannot open: No such file or
// directory [PB-IO]"; `action` is "cannot open", "cannot write", ...; reads errno.
[[noreturn]] void throw_system_error(std::string_view action, const std::string& path);

// An ordered collection of diagnostics. Adding never throws away what is there.
class Diagnostics {
public:
    void add(Diagnostic diagnostic);
    void append(const Diagnostics& other);

    const std::vector<Diagnostic>& items() const noexcept { return items_; }
    bool empty() const noexcept { return items_.empty(); }
    std::size_t size() const noexcept { return items_.size(); }
    std::size_t count(Severity severity) const noexcept;
    bool has_errors() const noexcept { return count(Severity::error) > 0; }

    auto begin() const noexcept { return items_.begin(); }
    auto end() const noexcept { return items_.end(); }

private:
    std::vector<Diagnostic> items_;
};

}  // namespace paperbag
