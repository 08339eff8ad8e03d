// SARIF 2.1.0 building blocks (Poco::JSON, key order kept), shared by the `validate`/`verify`
// report and the merged shard report: one writer for the log, the tool and the locations.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <string>

#include "paperbag/diagnostic.hpp"

namespace paperbag::sarif {

using Poco::JSON::Array;
using Poco::JSON::Object;

// A JSON object that keeps its keys in insertion order.
Object::Ptr object();
// {"text": s}: SARIF's message and description form.
Object::Ptr text(const std::string& s);
// "error", "warning" or "note".
std::string level(Severity severity);
// A path as a SARIF uri (spaces, '%', '?', '#', brackets and non-ASCII escaped; '!' kept).
std::string uri(const std::string& path);
// tool.driver: paperbag with its version, the documentation page and `rules`.
Object::Ptr tool(const std::string& information_uri, Array::Ptr rules);
// The run's invocation: success (not exit 2), the exit code.
Object::Ptr invocation(int exit_code);
// The whole log (schema, version, the one run), as text ending in a newline.
std::string log(Object::Ptr run);

}  // namespace paperbag::sarif
