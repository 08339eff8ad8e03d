// PREMIS 3 entities embedded in METS amdSecs: an object (with fixity) per file, the
// provenance events of the issue, and paperbag as the agent that executed them.
#pragma once

#include <vector>

#include "write/layout.hpp"
#include "write/xml_out.hpp"

namespace paperbag {

inline constexpr const char* premis_ns = "http://www.loc.gov/premis/v3";
// The PREMIS agent identifier value of paperbag itself.
inline constexpr const char* premis_agent_id = "paperbag";

// <premis:object xsi:type="premis:file"> identified by its path, with SHA-256 fixity, size
// and format (MIME type).
void write_premis_object(XmlOut& xml, const DescribedFile& file);

// <premis:event>; `objects` are the paths of the files it concerns, `outcome_note` (may be
// empty) says what its outcome covered.
void write_premis_event(XmlOut& xml, const WriteContext& context, const PreservationEvent& event,
                        std::size_t number, const std::vector<std::string>& objects,
                        const std::string& outcome_note);

// True for the files the writers produce (ALTO, NewsML-G2), false for the originals.
bool written_by_paperbag(const DescribedFile& file);

// The files an event concerned (PREMIS linkingObjectIdentifier) and what its outcome covered
// (eventOutcomeDetailNote; empty for a failed event). Ingestion read the originals; message
// digest calculation took the SHA-256 of every file METS describes; metadata extraction
// (segmentation) wrote ALTO and NewsML-G2; validation checked mets.xml and every ALTO and
// NewsML-G2 file (the originals are not validated, only fixity-checked); packing put all of
// them into the bundle. Other event types concern no file in particular.
struct EventScope {
    std::vector<std::string> objects;  // paths relative to mets.xml
    std::string note;
};
EventScope event_scope(const PreservationEvent& event, const std::vector<DescribedFile>& files);

// The PREMIS agent identifier value of a reviewer ("reviewer: NAME").
std::string reviewer_agent_id(const std::string& name);

// <premis:agent> of type "person" for a reviewer named in an event (PreservationEvent::reviewer).
void write_premis_reviewer(XmlOut& xml, const std::string& name);

// <premis:agent> for paperbag and its version.
void write_premis_agent(XmlOut& xml, const WriteContext& context);

// The events to record: options.events, or ingestion, message digest calculation and metadata
// extraction at clock time.
std::vector<PreservationEvent> events_to_record(const WriteContext& context);

}  // namespace paperbag
