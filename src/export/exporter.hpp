// Exporters for researchers: one class per output format behind one small interface, listed
// in one registry table (registry.cpp). Adding a format adds a file and a row.
//
// Stream formats (jsonl, csv) turn an issue into bytes that the job writes to one output, in
// input order; folder formats (txt, xml) write their own files under ExportSettings::folder.
// write_issue() is called from several worker threads at once (one issue each), so
// exporters keep no mutable state.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "export/record.hpp"
#include "paperbag/model.hpp"

namespace paperbag {
class Clock;
}

namespace paperbag::exporting {

struct ExportSettings {
    std::vector<std::string> fields;          // --fields, in the order wanted; empty: every field
    std::function<bool(const Record&)> keep;  // record filter; empty keeps every record
    std::filesystem::path folder;             // folder formats: where files go
    bool several_issues = false;              // xml: one sub-folder per issue
    const Clock* clock = nullptr;             // xml: timestamps
};

class Exporter {
public:
    virtual ~Exporter() = default;
    // Bytes written once before the first issue (the CSV header); empty for most formats.
    virtual std::string header() const { return {}; }
    // Exports one issue: stream formats append to `out`, folder formats write files (each
    // atomically) and append nothing. Throws Error (PB-IO) when a file cannot be written.
    virtual void write_issue(const Issue& issue, const IssueSource& source,
                             std::string& out) const = 0;
};

struct ExporterRow {
    std::string_view name;  // the --format value
    std::string_view description;
    bool folder = false;           // writes files into the -o folder (else one stream)
    bool needs_originals = false;  // needs page files on disk (not readable from a bundle)
    std::unique_ptr<Exporter> (*make)(const ExportSettings&);
};

std::span<const ExporterRow> exporters();
const ExporterRow* find_exporter(std::string_view name);

std::unique_ptr<Exporter> make_jsonl_exporter(const ExportSettings& settings);
std::unique_ptr<Exporter> make_csv_exporter(const ExportSettings& settings);
std::unique_ptr<Exporter> make_txt_exporter(const ExportSettings& settings);
std::unique_ptr<Exporter> make_xml_exporter(const ExportSettings& settings);

// The records of `issue` that `settings.keep` accepts, restricted to `settings.fields`.
std::vector<Record> kept_records(const Issue& issue, const IssueSource& source,
                                 const ExportSettings& settings);

}  // namespace paperbag::exporting
