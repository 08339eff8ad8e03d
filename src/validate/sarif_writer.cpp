#include "validate/sarif_writer.hpp"

#include <Poco/JSON/Stringifier.h>
#include <Poco/URI.h>

#include <sstream>

#include "paperbag/version.hpp"

namespace paperbag::sarif {

Object::Ptr object() {
    return new Object(Poco::JSON_PRESERVE_KEY_ORDER);
}

Object::Ptr text(const std::string& s) {
    Object::Ptr o = object();
    o->set("text", s);
    return o;
}

std::string level(Severity s) {
    return s == Severity::error ? "error" : s == Severity::warning ? "warning" : "note";
}

std::string uri(const std::string& path) {
    std::string encoded;
    Poco::URI::encode(path, " %?#[]", encoded);
    // '!' may stay as it is in a URI path (RFC 3986 sub-delims): "bundle.zip!/entry" reads as
    // the text report writes it. A '%' of the path itself is "%25", so "%21" is always a '!'.
    std::string out;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        if (encoded.compare(i, 3, "%21") == 0) {
            out += '!';
            i += 2;
        } else {
            out += encoded[i];
        }
    }
    return out;
}

Object::Ptr tool(const std::string& information_uri, Array::Ptr rules) {
    Object::Ptr driver = object();
    driver->set("name", "paperbag");
    driver->set("version", PAPERBAG_VERSION);
    driver->set("informationUri", information_uri);
    if (rules) driver->set("rules", rules);
    Object::Ptr out = object();
    out->set("driver", driver);
    return out;
}

Object::Ptr invocation(int exit_code) {
    Object::Ptr o = object();
    o->set("executionSuccessful", exit_code != 2);
    o->set("exitCode", exit_code);
    return o;
}

std::string log(Object::Ptr run) {
    Array::Ptr runs = new Array;
    runs->add(run);
    Object::Ptr root = object();
    root->set("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root->set("version", "2.1.0");
    root->set("runs", runs);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(root, out, 2);
    out << '\n';
    return out.str();
}

}  // namespace paperbag::sarif
