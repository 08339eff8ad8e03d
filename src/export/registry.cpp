#include "export/exporter.hpp"

#include <array>

namespace paperbag::exporting {

namespace {

constexpr std::array rows{
    ExporterRow{"jsonl", "JSON Lines: one record per article and illustration (SPEC section 8)",
                false, false, &make_jsonl_exporter},
    ExporterRow{"csv",
                "CSV (RFC 4180, UTF-8): the JSON Lines fields as columns, lists joined "
                "by \"; \"",
                false, false, &make_csv_exporter},
    ExporterRow{"txt", "one text file per article with a small header, under the -o folder", true,
                false, &make_txt_exporter},
    ExporterRow{"xml", "METS/MODS/PREMIS, ALTO and NewsML-G2 per issue, under the -o folder", true,
                true, &make_xml_exporter},
};

}  // namespace

std::span<const ExporterRow> exporters() {
    return rows;
}

const ExporterRow* find_exporter(std::string_view name) {
    for (const ExporterRow& row : rows)
        if (row.name == name) return &row;
    return nullptr;
}

std::vector<Record> kept_records(const Issue& issue, const IssueSource& source,
                                 const ExportSettings& settings) {
    std::vector<Record> out;
    for (Record& record : issue_records(issue, source))
        if (!settings.keep || settings.keep(record))
            out.push_back(settings.fields.empty() ? std::move(record)
                                                  : select_fields(record, settings.fields));
    return out;
}

}  // namespace paperbag::exporting
