// Checks a model before anything is written and indexes its blocks, so that the format
// writers can rely on every id being a unique XML ID and every reference resolving.
#include "write/layout.hpp"

#include <set>

#include "io/output_tree.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/version.hpp"
#include "write/xml_out.hpp"

namespace paperbag {

namespace {

[[noreturn]] void model_error(const std::string& message) {
    throw Error("PB-WRITE-MODEL", "", message);
}

// xsd:language: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*
bool valid_language(std::string_view tag) {
    std::size_t start = 0;
    bool first = true;
    while (true) {
        std::size_t end = tag.find('-', start);
        if (end == std::string_view::npos) end = tag.size();
        const std::string_view part = tag.substr(start, end - start);
        if (part.empty() || part.size() > 8) return false;
        for (char c : part) {
            const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!alpha && (first || !(c >= '0' && c <= '9'))) return false;
        }
        if (end == tag.size()) return true;
        first = false;
        start = end + 1;
    }
}

void check_id(const std::string& id, const char* what, std::set<std::string>& seen) {
    if (id.empty() || xml_id(id) != id)
        model_error(std::string(what) + " id '" + id + "' is not a valid XML ID");
    if (!seen.insert(id).second) model_error(std::string(what) + " id '" + id + "' is used twice");
}

void check_language(const std::string& tag, const std::string& where) {
    if (!tag.empty() && !valid_language(tag))
        model_error(where + ": language '" + tag + "' is not a valid language tag");
}

void check_pages_exist(const Issue& issue, const std::vector<std::string>& labels,
                       const std::string& where) {
    for (const std::string& label : labels)
        if (!issue.page_by_label(label))
            model_error(where + " refers to page '" + label + "', which the issue does not have");
}

}  // namespace

const PayloadFile* WriteContext::payload_file(int page_sequence, FileRole role) const noexcept {
    for (const PayloadFile& file : payload)
        if (file.page_sequence == page_sequence && file.role == role) return &file;
    return nullptr;
}

std::string WriteContext::language_of(const Block& block) const {
    return block.language.empty() ? issue->language() : block.language;
}

WriteContext make_context(const Issue& issue, const WriteOptions& options) {
    if (!options.clock) model_error("no clock given to the writers");
    WriteContext context;
    context.issue = &issue;
    context.options = &options;
    context.issue_key = issue_key(issue);
    context.created = format_iso8601_utc(options.clock->now());
    context.tool_version = options.tool_version.empty() ? PAPERBAG_VERSION : options.tool_version;
    context.payload = options.payload;

    if (!issue.date.valid())
        model_error("the issue date '" + issue.date.to_string() + "' is not a real date");
    for (const std::string& language : issue.languages) check_language(language, "issue");

    std::set<std::string> ids;
    std::set<int> sequences;
    std::set<std::string> labels;
    for (const Page& page : issue.pages) {
        if (page.sequence <= 0 || !sequences.insert(page.sequence).second)
            model_error("page sequence " + std::to_string(page.sequence) +
                        " is not positive or used twice");
        if (!has_text(page.label) || !labels.insert(page.label).second)
            model_error("page " + std::to_string(page.sequence) +
                        ": its label is empty or used by another page");
        if (!page.unit.empty() && page.unit != "pt" && page.unit != "pixel" &&
            page.unit != "mm10" && page.unit != "inch1200")
            model_error("page " + page.label + ": unit '" + page.unit +
                        "' is none of pt, pixel, mm10, inch1200");
        for (const Graphic& graphic : page.graphics) {
            check_id(graphic.id, "graphic", ids);
            context.graphics.emplace(graphic.id, &page);
        }
        const PayloadFile* text = context.payload_file(page.sequence, FileRole::text);
        for (const Block& block : page.blocks) {
            check_id(block.id, "block", ids);
            check_language(block.language, "block " + block.id);
            for (const ByteRange& range : block.source) {
                if (!text)
                    model_error("block " + block.id + " has byte ranges but page " + page.label +
                                " has no text file in the payload");
                if (range.end() < range.offset || range.end() > text->size)
                    model_error("block " + block.id + ": byte range " + decimal(range.offset) +
                                "+" + decimal(range.length) + " lies outside " + text->path + " (" +
                                decimal(text->size) + " bytes)");
            }
            context.blocks.emplace(block.id, BlockRef{&page, &block});
        }
    }
    auto check_blocks = [&](const std::vector<std::string>& block_ids, const std::string& where) {
        for (const std::string& id : block_ids)
            if (!context.blocks.count(id))
                model_error(where + " refers to block '" + id + "', which no page has");
    };
    for (const Article& article : issue.articles) {
        check_id(article.id, "article", ids);
        check_language(article.language, "article " + article.id);
        if (article.pages.empty()) model_error("article " + article.id + " is on no page");
        check_pages_exist(issue, article.pages, "article " + article.id);
        check_blocks(article.block_ids, "article " + article.id);
        for (const Paragraph& paragraph : article.body)
            if (!paragraph.block_id.empty())
                check_blocks({paragraph.block_id}, "article " + article.id);
    }
    std::set<std::string> article_ids;
    for (const Article& article : issue.articles) article_ids.insert(article.id);
    for (const Illustration& illustration : issue.illustrations) {
        check_id(illustration.id, "illustration", ids);
        if (illustration.pages.empty())
            model_error("illustration " + illustration.id + " is on no page");
        check_pages_exist(issue, illustration.pages, "illustration " + illustration.id);
        check_blocks(illustration.block_ids, "illustration " + illustration.id);
        for (const std::string& id : illustration.graphic_ids)
            if (!context.graphics.count(id))
                model_error("illustration " + illustration.id + " refers to graphic '" + id +
                            "', which no page has");
        if (!illustration.article_id.empty() && !article_ids.count(illustration.article_id))
            model_error("illustration " + illustration.id + " refers to article '" +
                        illustration.article_id + "', which the issue does not have");
    }
    if (ids.count("package"))
        model_error("the id 'package' is reserved for the NewsML-G2 package item");
    std::set<std::string> paths;
    for (const PayloadFile& file : context.payload) {
        check_relative_path(file.path);
        if (file.path == "mets.xml" || file.path.starts_with("alto/") ||
            file.path.starts_with("newsml/"))
            model_error("payload path '" + file.path +
                        "' collides with a file the writers produce");
        if (!paths.insert(file.path).second)
            model_error("payload path '" + file.path + "' is given twice");
        // Sequence 0: a file of the whole issue (an issue-level PDF).
        const bool issue_pdf = file.page_sequence == 0 && file.role == FileRole::pdf;
        if (!issue_pdf && !sequences.count(file.page_sequence))
            model_error("payload file '" + file.path + "' belongs to page sequence " +
                        std::to_string(file.page_sequence) + ", which the issue does not have");
        if (file.sha256.size() != 64)
            model_error("payload file '" + file.path + "' has no SHA-256");
    }
    return context;
}

std::string alto_path(const Page& page) {
    return "alto/" + sequence_id("", static_cast<std::size_t>(page.sequence), 4) + ".xml";
}

std::string newsml_path(const std::string& item_id) {
    return "newsml/" + item_id + ".xml";
}

std::string newsml_guid(const WriteContext& context, const std::string& item_id) {
    return "urn:newsml:paperbag:" + context.issue_key + ":" + item_id;
}

std::string newsml_package_guid(const WriteContext& context) {
    return "urn:newsml:paperbag:" + context.issue_key;
}

std::string warning_text(const Diagnostic& warning) {
    const std::string where = warning.location();
    return where.empty() ? warning.message : where + ": " + warning.message;
}

}  // namespace paperbag
