// XML export: the issue's METS/MODS/PREMIS, ALTO and NewsML-G2 files (export_issue_xml, with
// copies of the originals so every FLocat resolves) into the -o folder, or into a sub-folder
// named by the issue key when several issues are exported. Issue-level filters apply (an
// issue is written whole or not at all); record filters and --fields do not.
#include "export/exporter.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/writers.hpp"

namespace paperbag::exporting {

namespace {

class XmlExporter final : public Exporter {
public:
    explicit XmlExporter(const ExportSettings& settings) : settings_(settings) {}

    void write_issue(const Issue& issue, const IssueSource&, std::string&) const override {
        const std::filesystem::path folder =
            settings_.several_issues ? settings_.folder / issue_key(issue) : settings_.folder;
        export_issue_xml(issue, folder, *settings_.clock);
    }

private:
    ExportSettings settings_;
};

}  // namespace

std::unique_ptr<Exporter> make_xml_exporter(const ExportSettings& settings) {
    return std::make_unique<XmlExporter>(settings);
}

}  // namespace paperbag::exporting
