#include "paperbag/diagnostic.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace paperbag {

std::string_view to_string(Severity severity) {
    switch (severity) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "error";
}

std::string Diagnostic::location() const {
    std::string out = path;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    } else if (offset) {
        out += " (offset " + std::to_string(*offset) + ")";
    }
    return out;
}

namespace {

// Text for a terminal or a log, on one line: a run of whitespace (a libxml2 message quoting a
// value with newlines) becomes one space, and any other control character (an ESC in a
// hostile entry name) is shown as \xNN instead of reaching the terminal.
// A path keeps its spaces (collapse false) and shows every control character.
std::string one_printable_line(std::string_view text, bool collapse = true) {
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (collapse &&
            (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f')) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        if (u < 0x20 || u == 0x7f) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 15];
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::string Diagnostic::format() const {
    std::string out = one_printable_line(location(), false);
    if (!out.empty()) out += ": ";
    out += to_string(severity);
    out += ": ";
    out += one_printable_line(message);
    if (!code.empty()) out += " [" + code + "]";
    return out;
}

Diagnostic make_error(std::string code, std::string path, std::uint64_t line, std::string message) {
    return Diagnostic{Severity::error,   std::move(code), std::move(path), line, 0, {},
                      std::move(message)};
}

Diagnostic make_warning(std::string code, std::string path, std::uint64_t line,
                        std::string message) {
    return Diagnostic{Severity::warning, std::move(code), std::move(path), line, 0, {},
                      std::move(message)};
}

Error::Error(Diagnostic diagnostic)
    : std::runtime_error(diagnostic.format()), diagnostic_(std::move(diagnostic)) {}

Error::Error(std::string code, std::string path, std::string message)
    : Error(make_error(std::move(code), std::move(path), 0, std::move(message))) {}

void throw_system_error(std::string_view action, const std::string& path) {
    const int saved = errno;
    throw Error("PB-IO", path, std::string(action) + ": " + std::strerror(saved));
}

void Diagnostics::add(Diagnostic diagnostic) {
    items_.push_back(std::move(diagnostic));
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::size_t Diagnostics::count(Severity severity) const noexcept {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace paperbag
