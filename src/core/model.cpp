#include "paperbag/model.hpp"

#include <array>
#include <charconv>

namespace paperbag {

namespace {

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(int year, unsigned month) {
    static constexpr std::array<unsigned, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && is_leap(year)) return 29;
    return days[month - 1];
}

template <typename T>
bool parse_digits(std::string_view text, T& out) {
    for (char c : text)
        if (c < '0' || c > '9') return false;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

std::string two_digits(unsigned value) {
    std::string out = std::to_string(value);
    return out.size() < 2 ? "0" + out : out;
}

}  // namespace

bool Date::valid() const noexcept {
    return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
           day <= days_in_month(year, month);
}

std::string Date::to_string() const {
    std::string y = std::to_string(year);
    while (y.size() < 4) y.insert(y.begin(), '0');
    return y + "-" + two_digits(month) + "-" + two_digits(day);
}

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    Date date;
    if (!parse_digits(text.substr(0, 4), date.year) ||
        !parse_digits(text.substr(5, 2), date.month) || !parse_digits(text.substr(8, 2), date.day))
        return std::nullopt;
    if (!date.valid()) return std::nullopt;
    return date;
}

std::string_view to_string(FileRole role) {
    switch (role) {
        case FileRole::text: return "text";
        case FileRole::ocr: return "ocr";
        case FileRole::image: return "image";
        case FileRole::pdf: return "pdf";
    }
    return "text";
}

std::optional<FileRole> parse_file_role(std::string_view text) {
    for (FileRole role : {FileRole::text, FileRole::ocr, FileRole::image, FileRole::pdf})
        if (to_string(role) == text) return role;
    return std::nullopt;
}

std::string_view to_string(BlockKind kind) {
    switch (kind) {
        case BlockKind::body: return "body";
        case BlockKind::headline: return "headline";
        case BlockKind::kicker: return "kicker";
        case BlockKind::subtitle: return "subtitle";
        case BlockKind::byline: return "byline";
        case BlockKind::dateline: return "dateline";
        case BlockKind::intertitle: return "intertitle";
        case BlockKind::caption: return "caption";
        case BlockKind::credit: return "credit";
        case BlockKind::continuation: return "continuation";
        case BlockKind::signature: return "signature";
        case BlockKind::furniture: return "furniture";
        case BlockKind::unknown: return "unknown";
    }
    return "unknown";
}

std::string Article::body_text() const {
    std::string out;
    for (const Paragraph& p : body) {
        if (p.kind != Paragraph::Kind::text) continue;
        if (!out.empty()) out += '\n';
        out += p.text;
    }
    return out;
}

std::vector<std::string> Article::intertitles() const {
    std::vector<std::string> out;
    for (const Paragraph& p : body)
        if (p.kind == Paragraph::Kind::intertitle) out.push_back(p.text);
    return out;
}

const PageFile* Page::file(FileRole role) const noexcept {
    for (const PageFile& f : files)
        if (f.role == role) return &f;
    return nullptr;
}

const std::string* Issue::identifier(std::string_view type) const noexcept {
    for (const Identifier& id : identifiers)
        if (id.type == type) return &id.value;
    return nullptr;
}

std::string Issue::language() const {
    return languages.empty() ? "und" : languages.front();
}

const Page* Issue::page_by_label(std::string_view label) const noexcept {
    for (const Page& p : pages)
        if (p.label == label) return &p;
    return nullptr;
}

const Block* Issue::block(std::string_view id) const noexcept {
    for (const Page& p : pages)
        for (const Block& b : p.blocks)
            if (b.id == id) return &b;
    return nullptr;
}

}  // namespace paperbag
