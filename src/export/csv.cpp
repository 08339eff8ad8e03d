// CSV export (RFC 4180, UTF-8 without BOM, CRLF between records): a header row with the
// record fields (all_fields(), or --fields), one row per record. Null is an empty cell; list
// cells (pages, bylines, warnings, source, geometry, ...) hold the field's JSON array.
#include "export/exporter.hpp"
#include "export/json_text.hpp"
#include "export/json_value.hpp"

namespace paperbag::exporting {

namespace {

// A cell's text: null is empty, a string as it is, a number as JSON writes it, and a list
// (also source ranges and geometry) as the JSON array JSON Lines writes, so that
// json.loads(cell) gives back exactly the list, whatever its items hold ("; " included).
std::string cell_text(const FieldValue& value) {
    if (std::holds_alternative<std::monostate>(value)) return {};
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    std::string out;
    append_json_value(out, value);
    return out;
}

// One cell: quoted when it holds a comma, quote, CR or LF (quotes doubled); valid UTF-8.
void append_cell(std::string& out, std::string_view raw) {
    const std::string text = valid_utf8(raw);
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        out += text;
        return;
    }
    out += '"';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

class CsvExporter final : public Exporter {
public:
    explicit CsvExporter(const ExportSettings& settings) : settings_(settings) {
        if (settings_.fields.empty())
            for (std::string_view name : all_fields()) settings_.fields.emplace_back(name);
    }

    std::string header() const override {
        std::string out;
        for (std::size_t i = 0; i < settings_.fields.size(); ++i) {
            if (i > 0) out += ',';
            append_cell(out, settings_.fields[i]);
        }
        return out + "\r\n";
    }

    void write_issue(const Issue& issue, const IssueSource& source,
                     std::string& out) const override {
        for (const Record& record : kept_records(issue, source, settings_)) {
            for (std::size_t i = 0; i < record.fields.size(); ++i) {
                if (i > 0) out += ',';
                append_cell(out, cell_text(record.fields[i].value));
            }
            out += "\r\n";
        }
    }

private:
    ExportSettings settings_;
};

}  // namespace

std::unique_ptr<Exporter> make_csv_exporter(const ExportSettings& settings) {
    return std::make_unique<CsvExporter>(settings);
}

}  // namespace paperbag::exporting
