#include "write/premis.hpp"

#include "paperbag/clock.hpp"
#include "paperbag/ids.hpp"

namespace paperbag {

namespace {

void start_premis(XmlOut& xml, const char* element) {
    xml.start(element);  // the premis prefix is declared on mets:mets
    xml.attr("version", "3.0");
}

void pair(XmlOut& xml, const char* element, const char* type_element, const char* type,
          const char* value_element, const std::string& value) {
    xml.start(element);
    xml.element(type_element, type);
    xml.element(value_element, value);
    xml.end();
}

}  // namespace

void write_premis_object(XmlOut& xml, const DescribedFile& file) {
    start_premis(xml, "premis:object");
    xml.attr("xsi:type", "premis:file");
    pair(xml, "premis:objectIdentifier", "premis:objectIdentifierType", "local",
         "premis:objectIdentifierValue", file.path);
    xml.start("premis:objectCharacteristics");
    xml.element("premis:compositionLevel", "0");
    xml.start("premis:fixity");
    xml.element("premis:messageDigestAlgorithm", "SHA-256");
    xml.element("premis:messageDigest", file.sha256);
    xml.element("premis:messageDigestOriginator", "paperbag");
    xml.end();
    xml.element("premis:size", decimal(file.size));
    xml.start("premis:format");
    xml.start("premis:formatDesignation");
    xml.element("premis:formatName", file.mime_type);
    xml.end();
    xml.end();
    xml.end();
    xml.end();
}

void write_premis_event(XmlOut& xml, const WriteContext& context, const PreservationEvent& event,
                        std::size_t number, const std::vector<std::string>& objects,
                        const std::string& outcome_note) {
    start_premis(xml, "premis:event");
    pair(xml, "premis:eventIdentifier", "premis:eventIdentifierType", "local",
         "premis:eventIdentifierValue", context.issue_key + "-event-" + sequence_id("", number, 2));
    xml.element("premis:eventType", event.type);
    xml.element("premis:eventDateTime", format_iso8601_utc(event.time));
    if (!event.detail.empty()) {
        xml.start("premis:eventDetailInformation");
        xml.element("premis:eventDetail", event.detail);
        xml.end();
    }
    xml.start("premis:eventOutcomeInformation");
    xml.element("premis:eventOutcome", event.outcome);
    if (has_text(outcome_note)) {
        xml.start("premis:eventOutcomeDetail");
        xml.element("premis:eventOutcomeDetailNote", outcome_note);
        xml.end();
    }
    xml.end();
    xml.start("premis:linkingAgentIdentifier");
    xml.element("premis:linkingAgentIdentifierType", "local");
    xml.element("premis:linkingAgentIdentifierValue", premis_agent_id);
    xml.element("premis:linkingAgentRole", "executing program");
    xml.end();
    if (!event.reviewer.empty()) {
        xml.start("premis:linkingAgentIdentifier");
        xml.element("premis:linkingAgentIdentifierType", "local");
        xml.element("premis:linkingAgentIdentifierValue", reviewer_agent_id(event.reviewer));
        xml.element("premis:linkingAgentRole", "reviewer");
        xml.end();
    }
    for (const std::string& object : objects)
        pair(xml, "premis:linkingObjectIdentifier", "premis:linkingObjectIdentifierType", "local",
             "premis:linkingObjectIdentifierValue", object);
    xml.end();
}

void write_premis_agent(XmlOut& xml, const WriteContext& context) {
    start_premis(xml, "premis:agent");
    pair(xml, "premis:agentIdentifier", "premis:agentIdentifierType", "local",
         "premis:agentIdentifierValue", premis_agent_id);
    xml.element("premis:agentName", "paperbag");
    xml.element("premis:agentType", "software");
    xml.element("premis:agentVersion", context.tool_version);
    xml.end();
}

std::string reviewer_agent_id(const std::string& name) {
    return "reviewer: " + name;
}

void write_premis_reviewer(XmlOut& xml, const std::string& name) {
    start_premis(xml, "premis:agent");
    pair(xml, "premis:agentIdentifier", "premis:agentIdentifierType", "local",
         "premis:agentIdentifierValue", reviewer_agent_id(name));
    xml.element("premis:agentName", name);
    xml.element("premis:agentType", "person");
    xml.end();
}

bool written_by_paperbag(const DescribedFile& file) {
    return file.group == "alto" || file.group == "newsml";
}

EventScope event_scope(const PreservationEvent& event, const std::vector<DescribedFile>& files) {
    std::vector<std::string> sources;
    std::vector<std::string> generated;
    std::vector<std::string> all;
    std::size_t alto = 0;
    for (const DescribedFile& file : files) {
        (written_by_paperbag(file) ? generated : sources).push_back(file.path);
        all.push_back(file.path);
        if (file.group == "alto") ++alto;
    }
    // A failed event concerned the same files, but its outcome covered nothing.
    const bool failed = event.outcome == "failure";
    const auto note = [&](std::string text) { return failed ? std::string() : text; };
    const std::string xml_files = "mets.xml, " + decimal(alto) + " ALTO file(s) and " +
                                  decimal(generated.size() - alto) + " NewsML-G2 item(s)";
    if (event.type == "ingestion")
        return {sources, note(decimal(sources.size()) + " original file(s) read")};
    if (event.type == "message digest calculation")
        return {all, note("SHA-256 of " + decimal(all.size()) +
                          " file(s) recorded (METS CHECKSUM, PREMIS fixity): the originals "
                          "as read, ALTO and NewsML-G2 as written; mets.xml cannot hold its "
                          "own digest")};
    if (event.type == "metadata extraction")
        return {generated, note(decimal(generated.size()) + " ALTO and NewsML-G2 file(s) written")};
    if (event.type == "metadata modification")
        return {generated, note("article structure corrected in review: mets.xml, ALTO and "
                                "NewsML-G2 written from the corrected articles")};
    if (event.type == "validation") {
        generated.insert(generated.begin(), "mets.xml");
        return {generated,
                note("validated: " + xml_files + "; not validated: " + decimal(sources.size()) +
                     " original file(s) (page texts, images, PDFs, OCR files), kept "
                     "byte for byte with their SHA-256")};
    }
    if (event.type == "packing") {
        all.insert(all.begin(), "mets.xml");
        return {all, note(decimal(all.size()) + " file(s) packed: " + xml_files + " and " +
                          decimal(sources.size()) + " original file(s)")};
    }
    return {};
}

std::vector<PreservationEvent> events_to_record(const WriteContext& context) {
    if (!context.options->events.empty()) return context.options->events;
    const Issue& issue = *context.issue;
    const std::int64_t now = context.options->clock->now();
    bool warnings = false;
    for (const Article& article : issue.articles) warnings = warnings || !article.warnings.empty();
    for (const Illustration& illustration : issue.illustrations)
        warnings = warnings || !illustration.warnings.empty();
    return {
        {"ingestion", "page files of the issue read", "success", now},
        {"message digest calculation", "SHA-256 of every file of the issue", "success", now},
        {"metadata extraction",
         "page text segmented into " + decimal(issue.articles.size()) + " article(s) and " +
             decimal(issue.illustrations.size()) + " illustration(s)",
         warnings ? "warning" : "success", now},
    };
}

}  // namespace paperbag
