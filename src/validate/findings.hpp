// Collecting the findings of one document: bounded by --max-errors, filtered by --skip, and
// fed directly by libxml2's structured error callbacks (parser and schema validator).
#pragma once

#include <libxml/xmlerror.h>

#include <set>
#include <string>

#include "io/xml_guard.hpp"
#include "io/xml_parse.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag {

class FindingSink {
public:
    FindingSink(std::string path, std::size_t max_errors, const std::set<std::string>& skip)
        : path_(std::move(path)), max_(max_errors), skip_(skip) {}

    // Adds a finding (path filled in when empty) unless its rule is skipped; counts it as
    // suppressed when the limit is reached.
    void add(Diagnostic d);
    void add(Severity severity, const std::string& code, std::uint64_t line, std::string message);
    bool skipped(const std::string& code) const { return skip_.contains(code); }

    // The code given to libxml2 messages routed here (PB-XML-SYNTAX, PB-XSD, ...).
    void set_libxml_code(std::string code) { libxml_code_ = std::move(code); }
    static void on_libxml_error(void* self, xmlErrorPtr error);
    // While `guard` is set and has stopped the input, libxml2's messages are dropped: they
    // only say that the input ended, after the guard's own finding. See MuteAfterLimit.
    void mute_libxml_after(const XmlGuard* guard) { guard_ = guard; }

    const std::string& path() const { return path_; }
    Diagnostics& findings() { return findings_; }
    std::size_t suppressed() const { return suppressed_; }
    std::size_t errors() const { return errors_; }

private:
    std::string path_;
    std::size_t max_;
    const std::set<std::string>& skip_;
    std::string libxml_code_ = "PB-XML-SYNTAX";
    const XmlGuard* guard_ = nullptr;
    Diagnostics findings_;
    std::size_t suppressed_ = 0;
    std::size_t errors_ = 0;
};

// While alive, `sink` drops libxml2's messages once `guard` has stopped the input.
class MuteAfterLimit {
public:
    MuteAfterLimit(FindingSink& sink, const XmlGuard& guard) : sink_(sink) {
        sink_.mute_libxml_after(&guard);
    }
    ~MuteAfterLimit() { sink_.mute_libxml_after(nullptr); }
    MuteAfterLimit(const MuteAfterLimit&) = delete;
    MuteAfterLimit& operator=(const MuteAfterLimit&) = delete;

private:
    FindingSink& sink_;
};

// While alive, libxml2 errors of this thread (thread-local handlers in libxml2 2.9) go to
// `sink`; the previous handlers are restored afterwards.
class LibxmlErrorsTo {
public:
    explicit LibxmlErrorsTo(FindingSink& sink) : scope_(&sink, &FindingSink::on_libxml_error) {}

private:
    ScopedXmlErrorHandler scope_;
};

}  // namespace paperbag
