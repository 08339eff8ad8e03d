// Writing HTML5 into a string: elements opened and closed in order, every text and attribute
// value escaped (and repaired to valid UTF-8, control characters dropped), so that no byte of
// an input can become markup. Only the review's own CSS and JavaScript go in raw.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paperbag::view {

using Attributes = std::vector<std::pair<std::string_view, std::string>>;

class HtmlOut {
public:
    HtmlOut();  // starts with <!DOCTYPE html>

    void open(std::string_view tag, const Attributes& attributes = {});
    void close();  // the innermost open element
    // An element with text content: <tag ...>text</tag>.
    void element(std::string_view tag, std::string_view text, const Attributes& attributes = {});
    // A void element (<meta>, <img>) or an empty SVG element (<rect/>).
    void empty(std::string_view tag, const Attributes& attributes = {});
    void text(std::string_view text);
    // The review's own assets (style and script bodies); never input.
    void raw(std::string_view trusted);

    // The document; every element must be closed.
    std::string finish();

private:
    void start_tag(std::string_view tag, const Attributes& attributes);
    std::string out_;
    std::vector<std::string> open_;
};

// The text escaped for HTML content and attribute values.
std::string escape_html(std::string_view text);

}  // namespace paperbag::view
