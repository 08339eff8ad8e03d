// METS 1.12.1 for an issue: header, MODS per issue and article, PREMIS objects/events/agent,
// one fileGrp per role, a PHYSICAL structMap (issue > page > files) and a LOGICAL one
// (issue > article > heading/byline/body, illustration > caption) whose areas point into the
// ALTO TextBlocks (BETYPE="IDREF") and into the byte ranges of the original page text
// (BETYPE="BYTE", 0-based BEGIN, EXTENT in bytes).
#include <algorithm>
#include <map>
#include <set>

#include "core/uri.hpp"
#include "paperbag/ids.hpp"
#include "write/mods.hpp"
#include "write/premis.hpp"

namespace paperbag {

namespace {

constexpr const char* mets_ns = "http://www.loc.gov/METS/";

struct FileIndex {
    std::map<std::pair<int, std::string>, std::vector<const DescribedFile*>> by_page_group;
    std::map<std::string, const DescribedFile*> by_item;
    const DescribedFile* package = nullptr;
    std::vector<const DescribedFile*> issue_files;  // originals of the whole issue (a PDF)
    std::map<std::string, std::vector<const Illustration*>> illustrations_of;  // by article id

    const std::vector<const Illustration*>& illustrations(const std::string& article_id) const {
        static const std::vector<const Illustration*> none;
        const auto it = illustrations_of.find(article_id);
        return it == illustrations_of.end() ? none : it->second;
    }

    const DescribedFile* first(int page, const std::string& group) const {
        const auto it = by_page_group.find({page, group});
        return it == by_page_group.end() || it->second.empty() ? nullptr : it->second.front();
    }
};

std::string physical_id(const Page& page) {
    return "PHYS_" + sequence_id("", static_cast<std::size_t>(page.sequence), 4);
}

void write_header(XmlOut& xml, const WriteContext& context) {
    xml.start("mets:metsHdr");
    xml.attr("CREATEDATE", context.created);
    xml.start("mets:agent");
    xml.attr("ROLE", "CREATOR");
    xml.attr("TYPE", "OTHER");
    xml.attr("OTHERTYPE", "SOFTWARE");
    xml.element("mets:name", "paperbag");
    xml.element("mets:note", "version " + context.tool_version);
    xml.end();
    xml.end();
}

void start_wrap(XmlOut& xml, const char* section, const std::string& id, const char* type,
                const char* other_type = nullptr) {
    xml.start(section);
    xml.attr("ID", id);
    xml.start("mets:mdWrap");
    xml.attr("MDTYPE", type);
    if (other_type) xml.attr("OTHERMDTYPE", other_type);
    xml.attr("MIMETYPE", "text/xml");
    xml.start("mets:xmlData");
}

void end_wrap(XmlOut& xml) {
    xml.end();
    xml.end();
    xml.end();
}

void write_dmd(XmlOut& xml, const WriteContext& context) {
    start_wrap(xml, "mets:dmdSec", "DMD_ISSUE", "MODS");
    write_issue_mods(xml, context);
    end_wrap(xml);
    for (const Article& article : context.issue->articles) {
        start_wrap(xml, "mets:dmdSec", "DMD_" + article.id, "MODS");
        write_article_mods(xml, context, article);
        end_wrap(xml);
    }
}

std::string event_id(std::size_t number) {
    return "PROV_EVENT_" + sequence_id("", number, 2);
}

// Returns the ADMIDs of the digital provenance sections.
std::string write_amd(XmlOut& xml, const WriteContext& context,
                      const std::vector<DescribedFile>& files) {
    xml.start("mets:amdSec");
    xml.attr("ID", "AMD");
    for (const DescribedFile& file : files) {
        start_wrap(xml, "mets:techMD", "TECH_" + file.id, "PREMIS:OBJECT");
        write_premis_object(xml, file);
        end_wrap(xml);
    }
    std::string admids;
    std::size_t number = 0;
    for (const PreservationEvent& event : events_to_record(context)) {
        ++number;
        start_wrap(xml, "mets:digiprovMD", event_id(number), "PREMIS:EVENT");
        const EventScope scope = event_scope(event, files);
        write_premis_event(xml, context, event, number, scope.objects, scope.note);
        end_wrap(xml);
        admids += event_id(number) + " ";
    }
    start_wrap(xml, "mets:digiprovMD", "PROV_AGENT", "PREMIS:AGENT");
    write_premis_agent(xml, context);
    end_wrap(xml);
    admids += "PROV_AGENT";
    std::vector<std::string> reviewers;  // people named by events, once each
    for (const PreservationEvent& event : events_to_record(context))
        if (!event.reviewer.empty() &&
            std::find(reviewers.begin(), reviewers.end(), event.reviewer) == reviewers.end())
            reviewers.push_back(event.reviewer);
    for (std::size_t i = 0; i < reviewers.size(); ++i) {
        const std::string id = "PROV_AGENT_REVIEWER_" + sequence_id("", i + 1, 2);
        start_wrap(xml, "mets:digiprovMD", id, "PREMIS:AGENT");
        write_premis_reviewer(xml, reviewers[i]);
        end_wrap(xml);
        admids += " " + id;
    }
    xml.end();
    return admids;
}

// The conventional fileGrp USE values viewers look for (DFG-Viewer, Kitodo): page images in
// DEFAULT, paperbag's ALTO in FULLTEXT, the deposited texts, PDFs and OCR files in ORIGINAL;
// NewsML-G2 items in NEWSML. Every file also carries its role (text, ocr, image, pdf, alto,
// newsml) in its own USE, so ORIGINAL keeps the kinds of originals apart.
struct FileGroup {
    const char* use;
    std::vector<const char*> roles;
};

const std::vector<FileGroup>& file_groups() {
    static const std::vector<FileGroup> groups = {
        {"DEFAULT", {"image"}},
        {"FULLTEXT", {"alto"}},
        {"ORIGINAL", {"text", "pdf", "ocr"}},
        {"NEWSML", {"newsml"}},
    };
    return groups;
}

void write_file(XmlOut& xml, const WriteContext& context, const DescribedFile& file) {
    xml.start("mets:file");
    xml.attr("ID", file.id);
    xml.attr("MIMETYPE", file.mime_type);
    xml.attr("USE", file.group);
    xml.attr("SIZE", file.size);
    // Only for files paperbag created; the creation date of an original is unknown.
    if (written_by_paperbag(file)) xml.attr("CREATED", context.created);
    xml.attr("CHECKSUM", file.sha256);
    xml.attr("CHECKSUMTYPE", "SHA-256");
    xml.attr("ADMID", "TECH_" + file.id);
    xml.start("mets:FLocat");
    xml.attr("LOCTYPE", "URL");
    xml.attr("xlink:href", uri_from_path(file.path));  // RFC 3986
    xml.end();
    xml.end();
}

void write_file_sec(XmlOut& xml, const WriteContext& context,
                    const std::vector<DescribedFile>& files) {
    xml.start("mets:fileSec");
    for (const FileGroup& group : file_groups()) {
        bool open = false;
        for (const char* role : group.roles) {
            for (const DescribedFile& file : files) {
                if (file.group != role) continue;
                if (!open) {
                    xml.start("mets:fileGrp");
                    xml.attr("ID", std::string("GRP_") + group.use);
                    xml.attr("USE", group.use);
                    open = true;
                }
                write_file(xml, context, file);
            }
        }
        if (open) xml.end();
    }
    xml.end();
}

void fptr(XmlOut& xml, const std::string& file_id) {
    xml.start("mets:fptr");
    xml.attr("FILEID", file_id);
    xml.end();
}

void write_physical(XmlOut& xml, const WriteContext& context, const FileIndex& index) {
    xml.start("mets:structMap");
    xml.attr("TYPE", "PHYSICAL");
    xml.start("mets:div");
    xml.attr("ID", "PHYS_ISSUE");
    xml.attr("TYPE", "physSequence");
    // An issue-level PDF belongs to the whole sequence: the page div of ORDER n is its page n.
    for (const DescribedFile* file : index.issue_files) fptr(xml, file->id);
    for (const Page& page : context.issue->pages) {
        xml.start("mets:div");
        xml.attr("ID", physical_id(page));
        xml.attr("TYPE", "page");
        xml.attr("ORDER", static_cast<std::uint64_t>(page.sequence));
        xml.attr("ORDERLABEL", page.label);
        if (has_text(page.section)) xml.attr("LABEL", page.section);
        for (const char* group : {"text", "ocr", "image", "pdf", "alto"}) {
            const auto it = index.by_page_group.find({page.sequence, group});
            if (it == index.by_page_group.end()) continue;
            for (const DescribedFile* file : it->second) fptr(xml, file->id);
        }
        xml.end();
    }
    xml.end();
    xml.end();
}

void area(XmlOut& xml, const std::string& file_id, const char* type, const std::string& begin,
          const ByteRange* range, std::uint64_t order = 0) {
    xml.start("mets:area");
    xml.attr("FILEID", file_id);
    xml.attr("BEGIN", begin);
    if (order > 0) xml.attr("ORDER", order);
    if (range) {
        xml.attr("EXTENT", range->length);
        xml.attr("EXTTYPE", "BYTE");
    }
    xml.attr("BETYPE", type);
    xml.end();
}

// One fptr per block: the ALTO TextBlock and, in parallel, its bytes in the page text. The
// ALTO area's ORDER is the block's position among its owner's blocks (parts group blocks by
// function, so the document order alone does not keep it).
void block_pointer(XmlOut& xml, const FileIndex& index, const BlockRef& ref, std::uint64_t order) {
    const DescribedFile* alto = index.first(ref.page->sequence, "alto");
    const DescribedFile* text = index.first(ref.page->sequence, "text");
    const std::vector<ByteRange>& source = ref.block->source;
    xml.start("mets:fptr");
    const bool parallel = text && !source.empty();
    if (parallel) xml.start("mets:par");
    area(xml, alto->id, "IDREF", ref.block->id, nullptr, order);
    if (parallel) {
        if (source.size() > 1) xml.start("mets:seq");
        for (const ByteRange& range : source)
            area(xml, text->id, "BYTE", decimal(range.offset), &range);
        if (source.size() > 1) xml.end();
        xml.end();
    }
    xml.end();
}

// The part divs of an article or illustration, in reading order.
constexpr const char* part_order[] = {"heading", "byline", "body", "caption"};

const char* part_of(BlockKind kind) {
    switch (kind) {
        case BlockKind::kicker:
        case BlockKind::headline:
        case BlockKind::subtitle: return "heading";
        case BlockKind::byline:
        case BlockKind::dateline: return "byline";
        case BlockKind::caption:
        case BlockKind::credit: return "caption";
        default: return "body";
    }
}

// Reading order of the blocks of a part on one page: kicker, headline, subtitle in the
// heading; the signature after the rest of the body. Everything else keeps the model's order.
int reading_rank(BlockKind kind) {
    switch (kind) {
        case BlockKind::kicker: return 0;
        case BlockKind::headline: return 1;
        case BlockKind::subtitle: return 2;
        case BlockKind::signature: return 4;
        default: return 3;
    }
}

// The blocks grouped into part divs in reading order (heading, byline, body, caption). The
// ALTO area's ORDER keeps each block's position in the model (the owner's block_ids), which
// the heading may have been found after.
void write_parts(XmlOut& xml, const WriteContext& context, const FileIndex& index,
                 const std::string& owner, const std::vector<std::string>& block_ids) {
    using Ordered = std::pair<std::uint64_t, const BlockRef*>;
    std::map<std::string, std::vector<Ordered>> parts;
    std::uint64_t order = 0;
    for (const std::string& id : block_ids) {
        const BlockRef& ref = context.blocks.at(id);
        parts[part_of(ref.block->kind)].emplace_back(++order, &ref);
    }
    for (const char* part : part_order) {
        auto it = parts.find(part);
        if (it == parts.end()) continue;
        std::vector<Ordered>& refs = it->second;
        // Page by page (a jump head on page 2 stays after the page-1 subtitle).
        const auto key = [](const Ordered& o) {
            return std::pair(o.second->page->sequence, reading_rank(o.second->block->kind));
        };
        std::stable_sort(refs.begin(), refs.end(),
                         [&](const Ordered& a, const Ordered& b) { return key(a) < key(b); });
        xml.start("mets:div");
        xml.attr("ID", "LOG_" + owner + "_" + part);
        xml.attr("TYPE", part);
        for (const auto& [position, ref] : refs) block_pointer(xml, index, *ref, position);
        xml.end();
    }
}

// ORDER is the illustration's position in the issue (page order): nesting under articles
// changes the document order.
void write_illustration(XmlOut& xml, const WriteContext& context, const FileIndex& index,
                        const Illustration& illustration) {
    const auto& all = context.issue->illustrations;
    xml.start("mets:div");
    xml.attr("ID", "LOG_" + illustration.id);
    xml.attr("TYPE", "illustration");
    xml.attr("ORDER", static_cast<std::uint64_t>(&illustration - all.data()) + 1);
    if (const auto it = index.by_item.find(illustration.id); it != index.by_item.end())
        fptr(xml, it->second->id);
    // The photo itself: the ALTO Illustration of each graphic that shows it.
    for (const std::string& id : illustration.graphic_ids) {
        xml.start("mets:fptr");
        area(xml, index.first(context.graphics.at(id)->sequence, "alto")->id, "IDREF", id, nullptr);
        xml.end();
    }
    write_parts(xml, context, index, illustration.id, illustration.block_ids);
    xml.end();
}

void write_logical(XmlOut& xml, const WriteContext& context, const FileIndex& index,
                   const std::string& admids) {
    const Issue& issue = *context.issue;
    xml.start("mets:structMap");
    xml.attr("TYPE", "LOGICAL");
    xml.start("mets:div");
    xml.attr("ID", "LOG_ISSUE");
    xml.attr("TYPE", "issue");
    xml.attr("LABEL", issue.title + " " + issue.date.to_string());
    xml.attr("DMDID", "DMD_ISSUE");
    xml.attr("ADMID", admids);
    if (index.package) fptr(xml, index.package->id);
    std::uint64_t order = 0;
    for (const Article& article : issue.articles) {
        xml.start("mets:div");
        xml.attr("ID", "LOG_" + article.id);
        xml.attr("TYPE", "article");
        if (article.headline && has_text(*article.headline)) xml.attr("LABEL", *article.headline);
        xml.attr("ORDER", ++order);
        xml.attr("DMDID", "DMD_" + article.id);
        if (const auto it = index.by_item.find(article.id); it != index.by_item.end())
            fptr(xml, it->second->id);
        write_parts(xml, context, index, article.id, article.block_ids);
        for (const Illustration* illustration : index.illustrations(article.id))
            write_illustration(xml, context, index, *illustration);
        xml.end();
    }
    for (const Illustration& illustration : issue.illustrations)
        if (illustration.article_id.empty()) write_illustration(xml, context, index, illustration);
    xml.end();
    xml.end();
}

void sm_link(XmlOut& xml, const std::string& from, const std::string& to) {
    xml.start("mets:smLink");
    xml.attr("xlink:from", from);
    xml.attr("xlink:to", to);
    xml.end();
}

// What viewers use to show a logical unit on its pages: the issue on every page, each article
// and illustration on the pages it is on (in the order of its parts).
void write_struct_link(XmlOut& xml, const WriteContext& context) {
    const Issue& issue = *context.issue;
    xml.start("mets:structLink");
    for (const Page& page : issue.pages) sm_link(xml, "LOG_ISSUE", physical_id(page));
    const auto link_pages = [&](const std::string& id, const std::vector<std::string>& labels) {
        std::set<std::string> linked;
        for (const std::string& label : labels)
            if (linked.insert(label).second)
                sm_link(xml, "LOG_" + id, physical_id(*issue.page_by_label(label)));
    };
    for (const Article& article : issue.articles) link_pages(article.id, article.pages);
    for (const Illustration& illustration : issue.illustrations)
        link_pages(illustration.id, illustration.pages);
    xml.end();
}

}  // namespace

std::string write_mets(const WriteContext& context, const std::vector<DescribedFile>& files,
                       Diagnostics& warnings) {
    const Issue& issue = *context.issue;
    FileIndex index;
    for (const DescribedFile& file : files) {
        if (file.page_sequence > 0)
            index.by_page_group[{file.page_sequence, file.group}].push_back(&file);
        else if (file.group == "pdf")
            index.issue_files.push_back(&file);
        if (!file.item_id.empty()) index.by_item[file.item_id] = &file;
        if (file.path == newsml_package_path) index.package = &file;
    }
    for (const Illustration& illustration : issue.illustrations)
        if (!illustration.article_id.empty())
            index.illustrations_of[illustration.article_id].push_back(&illustration);
    for (const Page& page : issue.pages)
        if ((!page.blocks.empty() || !page.graphics.empty()) && !index.first(page.sequence, "alto"))
            throw Error("PB-WRITE-MODEL", "mets.xml", "page " + page.label + " has no ALTO file");

    XmlOut xml("mets.xml");
    xml.start("mets:mets");
    xml.attr("xmlns:mets", mets_ns);
    xml.attr("xmlns:mods", mods_ns);
    xml.attr("xmlns:premis", premis_ns);
    xml.attr("xmlns:xlink", "http://www.w3.org/1999/xlink");
    xml.attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    xml.attr("xsi:schemaLocation",
             "http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/mets.xsd "
             "http://www.loc.gov/mods/v3 http://www.loc.gov/standards/mods/v3/mods-3-8.xsd "
             "http://www.loc.gov/premis/v3 http://www.loc.gov/standards/premis/v3/premis.xsd");
    xml.attr("OBJID", context.issue_key);
    xml.attr("LABEL", issue.title + " " + issue.date.to_string());
    xml.attr("TYPE", "newspaper issue");
    xml.attr("PROFILE", "urn:x-paperbag:profile:mets:1");
    write_header(xml, context);
    write_dmd(xml, context);
    const std::string admids = write_amd(xml, context, files);
    write_file_sec(xml, context, files);
    write_physical(xml, context, index);
    write_logical(xml, context, index, admids);
    if (!issue.pages.empty()) write_struct_link(xml, context);
    xml.end();
    return xml.finish(warnings);
}

}  // namespace paperbag
