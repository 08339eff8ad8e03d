// Exporters for researchers: one class per output format behind one small interface, listed
// in one registry table (registry.cpp). Adding a format adds a file and a row.
#pragma once

#include <memory>
#include <ostream>
#include <span>
#include <string_view>

#include "paperbag/model.hpp"

namespace paperbag::exporting {

// What an exporter knows about where an issue came from.
struct IssueSource {
    std::string bundle;  // issue key (or bundle name); empty writes null
};

class Exporter {
public:
    virtual ~Exporter() = default;
    // Writes every record of one issue. Called once per issue, in input order, so memory
    // stays flat however many issues are exported.
    virtual void write_issue(const Issue& issue, const IssueSource& source, std::ostream& out) = 0;
};

struct ExporterRow {
    std::string_view name;  // the --format value
    std::string_view description;
    std::unique_ptr<Exporter> (*make)();
};

std::span<const ExporterRow> exporters();
const ExporterRow* find_exporter(std::string_view name);

std::unique_ptr<Exporter> make_jsonl_exporter();

}  // namespace paperbag::exporting
