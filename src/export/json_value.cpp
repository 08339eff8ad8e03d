#include "export/json_value.hpp"

#include <charconv>

#include "export/json_text.hpp"

namespace paperbag::exporting {

namespace {

void append_decimal(std::string& out, std::uint64_t v) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, ec == std::errc() ? end : buffer);
}

struct JsonValue {
    std::string& out;
    void operator()(std::monostate) const { out += "null"; }
    void operator()(const std::string& s) const { append_json_string(out, s); }
    void operator()(const std::vector<std::string>& list) const {
        out += '[';
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i > 0) out += ',';
            append_json_string(out, list[i]);
        }
        out += ']';
    }
    void operator()(double number) const {
        char buffer[32];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, number);
        out.append(buffer, ec == std::errc() ? end : buffer);
    }
    void operator()(const std::vector<SourceSpan>& spans) const {
        out += '[';
        for (std::size_t i = 0; i < spans.size(); ++i) {
            if (i > 0) out += ',';
            out += "{\"file\":";
            append_json_string(out, spans[i].file);
            out += ",\"offset\":";
            append_decimal(out, spans[i].range.offset);
            out += ",\"length\":";
            append_decimal(out, spans[i].range.length);
            out += '}';
        }
        out += ']';
    }
    void operator()(const std::vector<PageGeometry>& pages) const {
        out += '[';
        for (std::size_t i = 0; i < pages.size(); ++i) {
            const PageGeometry& g = pages[i];
            if (i > 0) out += ',';
            out += "{\"page\":";
            append_json_string(out, g.page);
            out += ",\"unit\":";
            append_json_string(out, g.unit);
            out += ",\"width\":";
            (*this)(g.width);
            out += ",\"height\":";
            (*this)(g.height);
            out += ",\"image\":";
            if (g.image.empty())
                out += "null";
            else
                append_json_string(out, g.image);
            out += ",\"boxes\":[";
            for (std::size_t b = 0; b < g.boxes.size(); ++b) {
                if (b > 0) out += ',';
                out += '[';
                (*this)(g.boxes[b].hpos);
                out += ',';
                (*this)(g.boxes[b].vpos);
                out += ',';
                (*this)(g.boxes[b].width);
                out += ',';
                (*this)(g.boxes[b].height);
                out += ']';
            }
            out += "]}";
        }
        out += ']';
    }
};

}  // namespace

void append_json_value(std::string& out, const FieldValue& value) {
    std::visit(JsonValue{out}, value);
}

}  // namespace paperbag::exporting
