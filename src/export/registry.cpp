#include "export/exporter.hpp"

#include <array>

namespace paperbag::exporting {

namespace {

constexpr std::array rows{
    ExporterRow{"jsonl", "JSON Lines: one record per article and illustration (SPEC section 8)",
                &make_jsonl_exporter},
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

}  // namespace paperbag::exporting
