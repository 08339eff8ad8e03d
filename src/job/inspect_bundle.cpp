#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "paperbag/inspect.hpp"

namespace paperbag {

namespace {

std::uint64_t payload_bytes(const BundleInfo& info, std::uint64_t& count) {
    std::uint64_t octets = 0;
    count = 0;
    for (const BundleEntry& f : info.files)
        if (!f.directory && f.name.rfind("data/", 0) == 0) octets += f.size, ++count;
    return octets;
}

std::string structure_state(const Diagnostics& findings) {
    if (findings.has_errors())
        return "INVALID (" + std::to_string(findings.count(Severity::error)) + " errors)";
    return "ok (fixity not checked: run paperbag verify)";
}

}  // namespace

std::string describe_bundle(const std::string& bundle, const BundleInfo& info,
                            const Diagnostics& findings) {
    std::ostringstream out;
    std::uint64_t count = 0;
    const std::uint64_t octets = payload_bytes(info, count);
    out << "bundle:    " << bundle << '\n';
    out << "bag:       " << info.bag_name << '\n';
    for (const auto& [label, value] : info.bag_info) out << "  " << label << ": " << value << '\n';
    out << "payload:   " << count << " files, " << octets << " bytes\n";
    out << "files:     " << info.files.size() << '\n';
    for (const BundleEntry& f : info.files) {
        if (f.directory) continue;
        out << "  " << f.size << '\t' << (f.method == 0 ? "stored  " : "deflated") << '\t' << f.name
            << '\n';
    }
    out << "structure: " << structure_state(findings) << '\n';
    for (const Diagnostic& d : findings) out << "  " << d.format() << '\n';
    return out.str();
}

std::string describe_bundle_json(const std::string& bundle, const BundleInfo& info,
                                 const Diagnostics& findings) {
    Poco::JSON::Object::Ptr root = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    std::uint64_t count = 0;
    const std::uint64_t octets = payload_bytes(info, count);
    root->set("bundle", bundle);
    root->set("bag_name", info.bag_name);
    Poco::JSON::Object::Ptr fields = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [label, value] : info.bag_info) fields->set(label, value);
    root->set("bag_info", fields);
    root->set("payload_files", count);
    root->set("payload_octets", octets);
    Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
    for (const BundleEntry& f : info.files) {
        if (f.directory) continue;
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("path", f.name);
        o->set("size", f.size);
        o->set("compressed_size", f.compressed_size);
        o->set("method", std::string(f.method == 0 ? "stored" : "deflated"));
        files->add(o);
    }
    root->set("files", files);
    root->set("structure_valid", !findings.has_errors());
    root->set("fixity_checked", false);
    Poco::JSON::Array::Ptr diagnostics = new Poco::JSON::Array;
    for (const Diagnostic& d : findings) diagnostics->add(d.format());
    root->set("findings", diagnostics);
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(root, out);
    return out.str();
}

}  // namespace paperbag
