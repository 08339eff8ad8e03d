#include "validate/manifest_messages.hpp"

#include <algorithm>
#include <cctype>
#include <regex>
#include <string_view>
#include <vector>

#include "core/unicode.hpp"

namespace paperbag {

namespace {

// libxml2 quotes the input's values and names in its messages, whatever their length. The
// messages are matched with std::regex, whose matcher recurses once per character: a value of
// tens of kilobytes would overflow the stack. Quoted parts longer than kLongValue keep their
// first kKeptValue bytes (cut at a character boundary) and "..."; the message then stops at
// kLongMessage bytes.
constexpr std::size_t kLongValue = 120;
constexpr std::size_t kKeptValue = 60;
constexpr std::size_t kLongMessage = 2000;

std::size_t char_boundary(const std::string& text, std::size_t at) {
    while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80)
        --at;
    return at;
}

std::string elide_long_values(const std::string& message) {
    std::string out;
    std::size_t pos = 0;
    while (pos < message.size()) {
        const std::size_t open = message.find('\'', pos);
        const std::size_t close =
            open == std::string::npos ? std::string::npos : message.find('\'', open + 1);
        if (close == std::string::npos) {
            out.append(message, pos, std::string::npos);
            break;
        }
        out.append(message, pos, open + 1 - pos);
        if (close - open - 1 > kLongValue) {
            out.append(message, open + 1, char_boundary(message, open + 1 + kKeptValue) - open - 1);
            out += "...";
        } else {
            out.append(message, open + 1, close - open - 1);
        }
        out += '\'';
        pos = close + 1;
    }
    if (out.size() > kLongMessage) out = out.substr(0, char_boundary(out, kLongMessage)) + "...";
    return out;
}

// "{urn}name" in a libxml2 message, written as the manifest writes it: "p:name" or "name".
std::string as_written(const std::string& text, const xmlNode* node) {
    static const std::regex qualified(R"(\{([^}]*)\}([A-Za-z_][-.\w]*))");
    std::string out;
    auto begin = std::sregex_iterator(text.begin(), text.end(), qualified);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        out.append(text, last, static_cast<std::size_t>(m.position(0)) - last);
        std::string prefix;
        if (node && node->doc) {
            const xmlNs* ns =
                xmlSearchNsByHref(node->doc, const_cast<xmlNode*>(node), BAD_CAST m.str(1).c_str());
            if (ns && ns->prefix)
                prefix = reinterpret_cast<const char*>(ns->prefix) + std::string(":");
        }
        out += prefix + m.str(2);
        last = static_cast<std::size_t>(m.position(0) + m.length(0));
    }
    out.append(text, last);
    return out;
}

std::string element_name(const xmlNode* node) {
    if (!node || node->type != XML_ELEMENT_NODE) return "the element";
    std::string name = reinterpret_cast<const char*>(node->name);
    if (node->ns && node->ns->prefix)
        name = reinterpret_cast<const char*>(node->ns->prefix) + (":" + name);
    return "<" + name + ">";
}

// "( a, b, c )" -> "<a>, <b> or <c>"
std::string element_list(std::string list) {
    std::vector<std::string> names;
    static const std::regex name(R"([^\s(),]+)");
    for (auto it = std::sregex_iterator(list.begin(), list.end(), name);
         it != std::sregex_iterator(); ++it)
        if (it->str() != "##other") names.push_back("<" + it->str() + ">");
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i)
        out += (i == 0 ? "" : i + 1 == names.size() ? " or " : ", ") + names[i];
    return out;
}

std::string kind_of_value(std::string_view type) {
    if (type == "xs:date") return "a date (YYYY-MM-DD)";
    if (type == "xs:positiveInteger") return "a whole number from 1";
    if (type == "xs:nonNegativeInteger") return "a whole number from 0";
    if (type == "xs:integer") return "a whole number";
    if (type == "xs:language") return "a language tag (BCP 47, e.g. en, zh-Hans)";
    if (type == "xs:anyURI") return "a relative file path";
    return "a valid " + std::string(type);
}

// The sentence for libxml2's message `m` (namespaces already written as prefixes).
std::string translate(const std::string& m, const xmlNode* node) {
    const std::string element = element_name(node);
    std::smatch g;
    static const std::regex unexpected(
        R"(^Element '[^']*': This element is not expected\.(?: Expected is(?: one of)? (\(.*\))\.?)?$)");
    static const std::regex missing_child(
        R"(^Element '[^']*': Missing child element\(s\)\. Expected is(?: one of)? (\(.*\))\.?$)");
    static const std::regex bad_value(
        R"(^Element '[^']*'(?:, attribute '([^']*)')?: '(.*)' is not a valid value of the (?:atomic|list|union) type '([^']*)'\.?$)");
    static const std::regex enumeration(
        R"(^Element '[^']*'(?:, attribute '([^']*)')?: \[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.?$)");
    static const std::regex facet(
        R"(^Element '[^']*'(?:, attribute '([^']*)')?: \[facet '[^']*'\] The value '(.*)'.*$)");
    static const std::regex attribute_missing(
        R"(^Element '[^']*': The attribute '([^']*)' is required but missing\.?$)");
    static const std::regex attribute_unknown(
        R"(^Element '[^']*', attribute '([^']*)': The attribute '[^']*' is not allowed\.?$)");
    static const std::regex text_content(
        R"(^Element '[^']*': Character content other than whitespace is not allowed.*$)");
    static const std::regex not_unique(
        R"(^Element '[^']*': Duplicate key-sequence \['(.*)'\] in unique identity-constraint '(?:[^':]*:)?([^']*)'\.?$)");
    if (std::regex_match(m, g, unexpected)) {
        const std::string expected = g[1].matched ? element_list(g[1].str()) : "";
        return element + " is not expected here (misplaced, misspelt or not part of the manifest)" +
               (expected.empty() ? std::string(".") : "; expected here: " + expected + ".");
    }
    if (std::regex_match(m, g, missing_child))
        return element + " is incomplete: " + element_list(g[1].str()) + " is missing.";
    const auto where = [&](const std::ssub_match& attribute) {
        return attribute.matched ? "attribute " + attribute.str() + " of " + element : element;
    };
    if (std::regex_match(m, g, bad_value))
        return where(g[1]) + " is '" + g[2].str() + "', which is not " + kind_of_value(g[3].str()) +
               ".";
    if (std::regex_match(m, g, enumeration)) {
        std::string allowed = g[3].str();
        allowed.erase(std::remove(allowed.begin(), allowed.end(), '\''), allowed.end());
        return where(g[1]) + " is '" + g[2].str() + "'; allowed: " + allowed + ".";
    }
    if (std::regex_match(m, g, facet)) {
        if (g[2].str().find_first_not_of(" \t\r\n") == std::string::npos)
            return where(g[1]) + " is empty.";
        return where(g[1]) + " is '" + g[2].str() + "', which is not allowed there (" +
               m.substr(m.find("[facet")) + ")";
    }
    if (std::regex_match(m, g, attribute_missing))
        return element + " lacks the required attribute " + g[1].str() + ".";
    if (std::regex_match(m, g, attribute_unknown))
        return element + " has an attribute " + g[1].str() + " that the manifest does not know.";
    if (std::regex_match(m, g, text_content))
        return element + " holds text; it may only hold elements.";
    if (std::regex_match(m, g, not_unique)) {
        // The manifest schema names its constraints uniqueLabel, uniqueSequence, uniqueHref.
        std::string what = g[2].str();
        if (what.starts_with("unique") && what.size() > 6) {
            what = what.substr(6);
            what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
        }
        return element + " repeats " + what + " '" + g[1].str() +
               "', which must be unique in the issue.";
    }
    if (m.find("No precomputed value available") != std::string::npos)
        return element + " has a value that is not valid, so it cannot be checked for uniqueness.";
    return m;
}

}  // namespace

Diagnostic manifest_schema_error(const xmlError& error, const std::string& path,
                                 const std::string& code) {
    const auto* node = static_cast<const xmlNode*>(error.node);
    if (node && node->type != XML_ELEMENT_NODE) node = nullptr;
    Diagnostic d;
    d.severity = error.level == XML_ERR_WARNING ? Severity::warning : Severity::error;
    d.code = code;
    d.path = path;
    d.line = error.line > 0 ? static_cast<std::uint64_t>(error.line) : 0;
    const std::string message =
        elide_long_values(one_line(error.message ? error.message : "schema error"));
    d.message = translate(as_written(message, node), node);
    return d;
}

}  // namespace paperbag
