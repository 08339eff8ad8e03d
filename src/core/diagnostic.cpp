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

std::string Diagnostic::format() const {
    std::string out = location();
    if (!out.empty()) out += ": ";
    out += to_string(severity);
    out += ": ";
    out += message;
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
