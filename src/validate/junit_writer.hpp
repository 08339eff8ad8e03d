// JUnit XML, written with xmlTextWriter: the one writer behind the `validate`/`verify` report
// and the merged shard report. Attribute values and text are made XML 1.0-safe (control
// characters that findings may quote from input become '?').
#pragma once

#include <string>

#include "io/xml_handles.hpp"

namespace paperbag {

class JunitWriter {
public:
    // Starts the document. Throws Error (PB-REPORT) when libxml2 cannot write.
    JunitWriter();
    void start(const char* name);
    void end();
    void attribute(const char* name, const std::string& value);
    void text(const std::string& value);
    // Ends the document and returns it.
    std::string finish();

private:
    XmlBufferPtr buffer_;
    XmlTextWriterPtr writer_;
};

}  // namespace paperbag
