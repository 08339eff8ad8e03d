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
