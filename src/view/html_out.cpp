#include "view/html_out.hpp"

#include "core/unicode.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag::view {

std::string escape_html(std::string_view text) {
    const std::string valid = printable_utf8(text);
    std::string out;
    out.reserve(valid.size());
    for (const char c : valid) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                // C0 controls other than tab and line feed are not allowed in HTML text.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') break;
                out += c;
        }
    }
    return out;
}

HtmlOut::HtmlOut() : out_("<!DOCTYPE html>\n") {}

void HtmlOut::start_tag(std::string_view tag, const Attributes& attributes) {
    out_ += '<';
    out_ += tag;
    for (const auto& [name, value] : attributes) {
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        out_ += escape_html(value);
        out_ += '"';
    }
}

void HtmlOut::open(std::string_view tag, const Attributes& attributes) {
    start_tag(tag, attributes);
    out_ += '>';
    open_.emplace_back(tag);
}

void HtmlOut::close() {
    if (open_.empty()) throw Error("PB-INTERNAL", "", "HtmlOut: close() without open()");
    out_ += "</" + open_.back() + ">";
    if (open_.back() == "div" || open_.back() == "li" || open_.back() == "section") out_ += '\n';
    open_.pop_back();
}

void HtmlOut::element(std::string_view tag, std::string_view text, const Attributes& attributes) {
    open(tag, attributes);
    this->text(text);
    close();
}

void HtmlOut::empty(std::string_view tag, const Attributes& attributes) {
    start_tag(tag, attributes);
    // Inside <svg> the HTML parser reads "/>" as self-closing; before void elements it is
    // ignored.
    out_ += "/>";
}

void HtmlOut::text(std::string_view text) {
    out_ += escape_html(text);
}

void HtmlOut::raw(std::string_view trusted) {
    out_ += trusted;
}

std::string HtmlOut::finish() {
    if (!open_.empty()) throw Error("PB-INTERNAL", "", "HtmlOut: <" + open_.back() + "> left open");
    out_ += '\n';
    return std::move(out_);
}

}  // namespace paperbag::view
