// JSON Lines export (SPEC section 8): one object per record, fields in record order.
#include "export/exporter.hpp"
#include "export/json_text.hpp"
#include "export/json_value.hpp"

namespace paperbag::exporting {

namespace {

class JsonlExporter final : public Exporter {
public:
    explicit JsonlExporter(const ExportSettings& settings) : settings_(settings) {}

    void write_issue(const Issue& issue, const IssueSource& source,
                     std::string& out) const override {
        for (const Record& record : kept_records(issue, source, settings_)) {
            out += '{';
            bool first = true;
            for (const Field& field : record.fields) {
                if (!first) out += ',';
                first = false;
                append_json_string(out, field.name);
                out += ':';
                append_json_value(out, field.value);
            }
            out += "}\n";
        }
    }

private:
    ExportSettings settings_;
};

}  // namespace

std::unique_ptr<Exporter> make_jsonl_exporter(const ExportSettings& settings) {
    return std::make_unique<JsonlExporter>(settings);
}

}  // namespace paperbag::exporting
