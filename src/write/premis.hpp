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

// <premis:agent> for paperbag and its version.
void write_premis_agent(XmlOut& xml, const WriteContext& context);

// The events to record: options.events, or ingestion, message digest calculation and metadata
// extraction at clock time.
std::vector<PreservationEvent> events_to_record(const WriteContext& context);

}  // namespace paperbag
