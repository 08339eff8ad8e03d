// Text export: one UTF-8 file per article under the -o folder, named
// "<date>_<source>_<article-id>.txt" (source = bundle name or issue key), with a small
// header ("key: value" lines: title, date, pages, section, id, bundle, uid, headline, bylines,
// dateline, language, source ranges), a blank line, then the article as read: kicker, headline,
// subtitle, the body paragraphs and intertitles in reading order, the signature; paragraphs
// separated by blank lines. Illustrations have no file of their own.
#include <map>

#include "export/exporter.hpp"
#include "export/json_text.hpp"
#include "io/atomic_file.hpp"

namespace paperbag::exporting {

namespace {

// A file-name-safe form of `text`: letters, digits, '-', '_' and '.' kept (non-ASCII kept
// too), anything else becomes '_'.
std::string safe_name(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool keep = u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        out += keep ? c : '_';
    }
    if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
    return valid_utf8(out);
}

std::string joined(const FieldValue* value) {
    if (value == nullptr) return {};
    if (const auto* s = std::get_if<std::string>(value)) return *s;
    std::string out;
    if (const auto* list = std::get_if<std::vector<std::string>>(value))
        for (const std::string& item : *list) out += (out.empty() ? "" : "; ") + item;
    if (const auto* spans = std::get_if<std::vector<SourceSpan>>(value))
        for (const SourceSpan& span : *spans)
            out += (out.empty() ? "" : "; ") + span.file + ":" + std::to_string(span.range.offset) +
                   "+" + std::to_string(span.range.length);
    return out;
}

// Header lines: one per known field present in the record and not empty. No newline inside a
// value (a header line stays one line).
void header_line(std::string& out, const Record& record, std::string_view name) {
    std::string value = joined(record.find(name));
    if (value.empty()) return;
    for (char& c : value)
        if (c == '\n' || c == '\r') c = ' ';
    out += std::string(name) + ": " + value + "\n";
}

std::string article_text(const Article& article) {
    std::string out;
    auto paragraph = [&](const std::string& text) {
        if (text.empty()) return;
        if (!out.empty()) out += "\n\n";
        out += text;
    };
    if (article.kicker) paragraph(*article.kicker);
    if (article.headline) paragraph(*article.headline);
    if (article.subtitle) paragraph(*article.subtitle);
    for (const Paragraph& p : article.body) paragraph(p.text);
    if (article.signature) paragraph(*article.signature);
    return out + "\n";
}

class TxtExporter final : public Exporter {
public:
    explicit TxtExporter(const ExportSettings& settings) : settings_(settings) {}

    void write_issue(const Issue& issue, const IssueSource& source, std::string&) const override {
        std::map<std::string_view, const Article*> articles;
        for (const Article& a : issue.articles) articles[a.id] = &a;
        ExportSettings all = settings_;
        all.fields.clear();  // the header shows what it shows, whatever --fields says
        const std::string date = issue.date.valid() ? issue.date.to_string() : "undated";
        for (const Record& record : kept_records(issue, source, all)) {
            if (record.text("type") != "article") continue;
            const auto it = articles.find(record.text("id"));
            if (it == articles.end()) continue;
            std::string text;
            for (std::string_view name :
                 {"title", "date", "pages", "section", "id", "bundle", "uid", "kicker", "headline",
                  "subtitle", "bylines", "dateline", "language", "source"})
                header_line(text, record, name);
            text += "\n" + valid_utf8(article_text(*it->second));
            const std::string name = safe_name(date) + "_" +
                                     safe_name(source.bundle.empty() ? "issue" : source.bundle) +
                                     "_" + safe_name(it->second->id) + ".txt";
            write_file_atomic(settings_.folder / name, text);
        }
    }

private:
    ExportSettings settings_;
};

}  // namespace

std::unique_ptr<Exporter> make_txt_exporter(const ExportSettings& settings) {
    return std::make_unique<TxtExporter>(settings);
}

}  // namespace paperbag::exporting
