// JSON Lines export (SPEC section 8): one object per article, then one per illustration.
// Field order is fixed: the SPEC fields first, in SPEC order, then paperbag's additions
// (headline_confidence, block_ids, source byte ranges).
#include <charconv>
#include <map>
#include <optional>
#include <string>

#include "export/exporter.hpp"
#include "export/json_text.hpp"

namespace paperbag::exporting {

namespace {

struct SourceRef {
    std::string file;
    std::vector<ByteRange> ranges;
};

class JsonRecord {
public:
    JsonRecord() { out_ = "{"; }
    void string(std::string_view key, std::string_view value) {
        name(key);
        append_json_string(out_, value);
    }
    void optional(std::string_view key, const std::optional<std::string>& value) {
        name(key);
        if (value)
            append_json_string(out_, *value);
        else
            out_ += "null";
    }
    void list(std::string_view key, const std::vector<std::string>& values) {
        name(key);
        out_ += '[';
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (i > 0) out_ += ',';
            append_json_string(out_, values[i]);
        }
        out_ += ']';
    }
    void number(std::string_view key, double value) {
        name(key);
        char buffer[32];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
        out_.append(buffer, ec == std::errc() ? end : buffer);
    }
    void raw(std::string_view key, std::string_view json) {
        name(key);
        out_ += json;
    }
    std::string finish() {
        out_ += "}\n";
        return std::move(out_);
    }

private:
    void name(std::string_view key) {
        if (out_.size() > 1) out_ += ',';
        append_json_string(out_, key);
        out_ += ':';
    }
    std::string out_;
};

std::vector<std::string> formatted(const std::vector<Diagnostic>& warnings) {
    std::vector<std::string> out;
    for (const Diagnostic& d : warnings) {
        const std::string where = d.location();
        out.push_back(where.empty() ? d.message : where + ": " + d.message);
    }
    return out;
}

std::string to_decimal(std::uint64_t v) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, ec == std::errc() ? end : buffer);
}

// [{"file":...,"offset":N,"length":M},...], adjacent ranges of one file merged.
std::string source_json(const std::vector<std::string>& block_ids,
                        const std::map<std::string, SourceRef>& blocks) {
    std::vector<std::pair<std::string, ByteRange>> ranges;
    for (const std::string& id : block_ids) {
        auto it = blocks.find(id);
        if (it == blocks.end()) continue;
        for (const ByteRange& r : it->second.ranges) {
            if (!ranges.empty() && ranges.back().first == it->second.file &&
                ranges.back().second.end() == r.offset) {
                ranges.back().second.length += r.length;
            } else {
                ranges.emplace_back(it->second.file, r);
            }
        }
    }
    std::string out = "[";
    for (std::size_t i = 0; i < ranges.size(); ++i) {
        if (i > 0) out += ',';
        out += "{\"file\":";
        append_json_string(out, ranges[i].first);
        out += ",\"offset\":" + to_decimal(ranges[i].second.offset) +
               ",\"length\":" + to_decimal(ranges[i].second.length) + "}";
    }
    return out + "]";
}

class JsonlExporter final : public Exporter {
public:
    void write_issue(const Issue& issue, const IssueSource& source, std::ostream& out) override {
        std::map<std::string, SourceRef> blocks;
        for (const Page& page : issue.pages) {
            const PageFile* file = page.file(FileRole::text);
            const std::string name = file == nullptr      ? std::string()
                                     : file->href.empty() ? file->path.filename().string()
                                                          : file->href;
            for (const Block& b : page.blocks) blocks[b.id] = {name, b.source};
        }
        const std::string date = issue.date.valid() ? issue.date.to_string() : std::string();
        const std::optional<std::string> bundle =
            source.bundle.empty() ? std::nullopt : std::optional<std::string>(source.bundle);
        for (const Article& a : issue.articles) {
            JsonRecord r;
            r.string("type", "article");
            r.string("id", a.id);
            r.optional("bundle", bundle);
            r.string("title", issue.title);
            r.string("date", date);
            r.list("pages", a.pages);
            r.optional("kicker", a.kicker);
            r.optional("headline", a.headline);
            r.optional("subtitle", a.subtitle);
            std::vector<std::string> bylines;
            for (const Byline& b : a.bylines) bylines.push_back(b.text.empty() ? b.name : b.text);
            r.list("bylines", bylines);
            r.optional("dateline", a.dateline);
            r.string("body", a.body_text());
            r.list("intertitles", a.intertitles());
            r.optional("continued_on", a.continued_on);
            r.optional("continued_from", a.continued_from);
            r.optional("signature", a.signature);
            r.string("language", a.language.empty() ? issue.language() : a.language);
            r.list("warnings", formatted(a.warnings));
            r.number("headline_confidence", a.headline_confidence);
            r.list("block_ids", a.block_ids);
            r.raw("source", source_json(a.block_ids, blocks));
            out << r.finish();
        }
        for (const Illustration& ill : issue.illustrations) {
            JsonRecord r;
            r.string("type", "illustration");
            r.string("id", ill.id);
            r.optional("bundle", bundle);
            r.string("title", issue.title);
            r.string("date", date);
            r.list("pages", ill.pages);
            r.string("caption", ill.caption);
            r.optional("credit", ill.credit);
            r.optional("headline", ill.headline);
            r.optional("article", ill.article_id.empty()
                                      ? std::nullopt
                                      : std::optional<std::string>(ill.article_id));
            r.string("language", issue.language());
            r.list("warnings", formatted(ill.warnings));
            r.list("block_ids", ill.block_ids);
            r.raw("source", source_json(ill.block_ids, blocks));
            out << r.finish();
        }
    }
};

}  // namespace

std::unique_ptr<Exporter> make_jsonl_exporter() {
    return std::make_unique<JsonlExporter>();
}

}  // namespace paperbag::exporting
