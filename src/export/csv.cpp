// CSV export (RFC 4180, UTF-8 without BOM, CRLF between records): a header row with the
// record fields (all_fields(), or --fields), one row per record. Lists are joined with "; ",
// null is an empty cell, source ranges are written "file:offset+length".
#include <charconv>

#include "export/exporter.hpp"
#include "export/json_text.hpp"

namespace paperbag::exporting {

namespace {

constexpr std::string_view list_separator = "; ";

std::string decimal(std::uint64_t v) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, ec == std::errc() ? end : buffer);
}

struct CellText {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(const std::vector<std::string>& list) const {
        std::string out;
        for (std::size_t i = 0; i < list.size(); ++i)
            out += (i > 0 ? std::string(list_separator) : std::string()) + list[i];
        return out;
    }
    std::string operator()(double number) const {
        char buffer[32];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
        return std::string(buffer, ec == std::errc() ? end : buffer);
    }
    std::string operator()(const std::vector<SourceSpan>& spans) const {
        std::string out;
        for (std::size_t i = 0; i < spans.size(); ++i)
            out += (i > 0 ? std::string(list_separator) : std::string()) + spans[i].file + ":" +
                   decimal(spans[i].range.offset) + "+" + decimal(spans[i].range.length);
        return out;
    }
    // "1 mm10 x,y,w,h x,y,w,h" per page, pages separated like list items.
    std::string operator()(const std::vector<PageGeometry>& pages) const {
        std::string out;
        for (std::size_t i = 0; i < pages.size(); ++i) {
            out += (i > 0 ? std::string(list_separator) : std::string()) + pages[i].page + " " +
                   pages[i].unit;
            for (const Box& b : pages[i].boxes)
                out += " " + (*this)(b.hpos) + "," + (*this)(b.vpos) + "," + (*this)(b.width) +
                       "," + (*this)(b.height);
        }
        return out;
    }
};

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
                append_cell(out, std::visit(CellText{}, record.fields[i].value));
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
