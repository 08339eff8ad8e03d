#include "export/record.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

namespace paperbag::exporting {

namespace {

constexpr std::array<std::string_view, 31> field_names{
    "type",        "id",           "bundle",         "title",
    "date",        "pages",        "kicker",         "headline",
    "subtitle",    "bylines",      "dateline",       "body",
    "intertitles", "continued_on", "continued_from", "signature",
    "caption",     "credit",       "article",        "language",
    "warnings",    "uid",          "section",        "issn",
    "edition",     "volume",       "number",         "headline_confidence",
    "block_ids",   "source",       "geometry",
};

FieldValue optional_text(const std::optional<std::string>& value) {
    if (value) return *value;
    return std::monostate{};
}

// Empty text is null.
FieldValue text_or_null(const std::string& value) {
    if (value.empty()) return std::monostate{};
    return value;
}

// The issue-level fields every record of an issue carries: section of its first page, ISSN,
// edition, volume, issue number (null when the manifest or source METS has none).
struct IssueFields {
    const Issue& issue;
    FieldValue section(const std::vector<std::string>& pages) const {
        if (pages.empty()) return std::monostate{};
        const Page* page = issue.page_by_label(pages.front());
        return page ? text_or_null(page->section) : FieldValue{};
    }
    FieldValue issn() const {
        const std::string* value = issue.identifier("issn");
        return value ? text_or_null(*value) : FieldValue{};
    }
};

// bundle + "/" + id: unique in a corpus whose bundles have distinct names (the issue keys
// paperbag build gives them); null when the issue has no source name.
FieldValue uid_of(const IssueSource& source, const std::string& id) {
    if (source.bundle.empty()) return std::monostate{};
    return source.bundle + "/" + id;
}

std::vector<std::string> formatted(const std::vector<Diagnostic>& warnings) {
    std::vector<std::string> out;
    for (const Diagnostic& d : warnings) {
        const std::string where = d.location();
        out.push_back(where.empty() ? d.message : where + ": " + d.message);
    }
    return out;
}

struct BlockSource {
    std::string file;
    const std::vector<ByteRange>* ranges = nullptr;
};

struct BlockPlace {
    const Page* page = nullptr;
    const Block* block = nullptr;
};

// The byte ranges of the blocks, in block order; adjacent ranges of one file merged.
std::vector<SourceSpan> source_of(const std::vector<std::string>& block_ids,
                                  const std::map<std::string_view, BlockSource>& blocks) {
    std::vector<SourceSpan> spans;
    for (const std::string& id : block_ids) {
        const auto it = blocks.find(id);
        if (it == blocks.end()) continue;
        for (const ByteRange& r : *it->second.ranges) {
            if (!spans.empty() && spans.back().file == it->second.file &&
                spans.back().range.end() == r.offset)
                spans.back().range.length += r.length;
            else
                spans.push_back({it->second.file, r});
        }
    }
    return spans;
}

// Per page (in page order), the boxes of the blocks that have one, with the page's unit, size
// and image path; pages without geometry are left out.
std::vector<PageGeometry> geometry_of(const std::vector<std::string>& block_ids,
                                      const std::map<std::string_view, BlockPlace>& places) {
    std::vector<PageGeometry> out;
    for (const std::string& id : block_ids) {
        const auto it = places.find(id);
        if (it == places.end() || !it->second.block->box) continue;
        const Page& page = *it->second.page;
        if (page.unit.empty()) continue;
        auto geo = std::find_if(out.begin(), out.end(),
                                [&](const PageGeometry& g) { return g.page == page.label; });
        if (geo == out.end()) {
            PageGeometry g{page.label, page.unit, page.width, page.height, {}, {}};
            if (const PageFile* image = page.file(FileRole::image)) {
                const std::string& name =
                    image->href.empty() ? image->path.filename().string() : image->href;
                g.image = "data/images/" + name.substr(name.find_last_of('/') + 1);
            }
            out.push_back(std::move(g));
            geo = out.end() - 1;
        }
        geo->boxes.push_back(*it->second.block->box);
    }
    return out;
}

}  // namespace

const FieldValue* Record::find(std::string_view name) const {
    for (const Field& field : fields)
        if (field.name == name) return &field.value;
    return nullptr;
}

std::string Record::text(std::string_view name) const {
    const FieldValue* value = find(name);
    if (value == nullptr) return {};
    const auto* s = std::get_if<std::string>(value);
    return s ? *s : std::string();
}

std::span<const std::string_view> all_fields() {
    return field_names;
}

std::vector<Record> issue_records(const Issue& issue, const IssueSource& source) {
    std::map<std::string_view, BlockSource> blocks;
    std::map<std::string_view, BlockPlace> places;
    for (const Page& page : issue.pages) {
        const PageFile* file = page.file(FileRole::text);
        const std::string name = file == nullptr      ? std::string()
                                 : file->href.empty() ? file->path.filename().string()
                                                      : file->href;
        for (const Block& b : page.blocks) {
            blocks[b.id] = {name, &b.source};
            places[b.id] = {&page, &b};
        }
    }
    const std::string date = issue.date.valid() ? issue.date.to_string() : std::string();
    const FieldValue bundle =
        source.bundle.empty() ? FieldValue{} : FieldValue{std::string(source.bundle)};
    const IssueFields fields{issue};
    std::vector<Record> out;
    out.reserve(issue.articles.size() + issue.illustrations.size());
    for (const Article& a : issue.articles) {
        std::vector<std::string> bylines;
        for (const Byline& b : a.bylines) bylines.push_back(b.text.empty() ? b.name : b.text);
        out.push_back(Record{{
            {"type", std::string("article")},
            {"id", a.id},
            {"bundle", bundle},
            {"title", issue.title},
            {"date", date},
            {"pages", a.pages},
            {"kicker", optional_text(a.kicker)},
            {"headline", optional_text(a.headline)},
            {"subtitle", optional_text(a.subtitle)},
            {"bylines", std::move(bylines)},
            {"dateline", optional_text(a.dateline)},
            {"body", a.body_text()},
            {"intertitles", a.intertitles()},
            {"continued_on", optional_text(a.continued_on)},
            {"continued_from", optional_text(a.continued_from)},
            {"signature", optional_text(a.signature)},
            {"language", a.language.empty() ? issue.language() : a.language},
            {"warnings", formatted(a.warnings)},
            {"uid", uid_of(source, a.id)},
            {"section", fields.section(a.pages)},
            {"issn", fields.issn()},
            {"edition", text_or_null(issue.edition)},
            {"volume", text_or_null(issue.volume)},
            {"number", text_or_null(issue.number)},
            {"headline_confidence", a.headline_confidence},
            {"block_ids", a.block_ids},
            {"source", source_of(a.block_ids, blocks)},
            {"geometry", geometry_of(a.block_ids, places)},
        }});
    }
    for (const Illustration& ill : issue.illustrations) {
        out.push_back(Record{{
            {"type", std::string("illustration")},
            {"id", ill.id},
            {"bundle", bundle},
            {"title", issue.title},
            {"date", date},
            {"pages", ill.pages},
            {"caption", ill.caption},
            {"credit", optional_text(ill.credit)},
            {"headline", optional_text(ill.headline)},
            {"article", ill.article_id.empty() ? FieldValue{} : FieldValue{ill.article_id}},
            {"language", issue.language()},
            {"warnings", formatted(ill.warnings)},
            {"uid", uid_of(source, ill.id)},
            {"section", fields.section(ill.pages)},
            {"issn", fields.issn()},
            {"edition", text_or_null(issue.edition)},
            {"volume", text_or_null(issue.volume)},
            {"number", text_or_null(issue.number)},
            {"block_ids", ill.block_ids},
            {"source", source_of(ill.block_ids, blocks)},
            {"geometry", geometry_of(ill.block_ids, places)},
        }});
    }
    return out;
}

Record select_fields(const Record& record, const std::vector<std::string>& fields) {
    Record out;
    for (const std::string& name : fields) {
        const auto known = std::find(field_names.begin(), field_names.end(), name);
        if (known == field_names.end()) continue;
        const FieldValue* value = record.find(name);
        out.fields.push_back({*known, value ? *value : FieldValue{}});
    }
    return out;
}

}  // namespace paperbag::exporting
