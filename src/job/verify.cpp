#include "paperbag/verify.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <sstream>

namespace paperbag {

std::vector<BundleVerification> verify_bundles(const std::vector<std::filesystem::path>& bundles,
                                               const VerifyJobOptions& options) {
    std::vector<BundleVerification> out;
    for (const auto& bundle : bundles) {
        BundleVerification v;
        v.bundle = bundle.string();
        try {
            v.result = verify_bundle(bundle, options.verify);
            v.opened = true;
            v.valid = !v.result.diagnostics.has_errors() &&
                      !(options.strict && v.result.diagnostics.count(Severity::warning) > 0);
        } catch (const Error& e) {
            v.result.diagnostics.add(e.diagnostic());
        }
        out.push_back(std::move(v));
    }
    return out;
}

int verify_exit_code(const std::vector<BundleVerification>& results) {
    if (std::any_of(results.begin(), results.end(), [](const auto& r) { return !r.opened; }))
        return 2;
    if (std::any_of(results.begin(), results.end(), [](const auto& r) { return !r.valid; }))
        return 1;
    return 0;
}

std::string format_verify_text(const std::vector<BundleVerification>& results, bool xml_validated) {
    std::ostringstream out;
    for (const auto& v : results) {
        for (const Diagnostic& d : v.result.diagnostics) out << d.format() << '\n';
        out << v.bundle << ": ";
        if (!v.opened) {
            out << "not verified (cannot open)\n";
            continue;
        }
        out << (v.valid ? "valid" : "INVALID") << ": " << v.result.payload_files
            << " payload files, " << v.result.payload_octets << " bytes";
        const auto errors = v.result.diagnostics.count(Severity::error);
        const auto warnings = v.result.diagnostics.count(Severity::warning);
        if (errors || warnings) out << "; " << errors << " errors, " << warnings << " warnings";
        out << '\n';
    }
    if (!xml_validated)
        out << "note: checked ZIP structure and BagIt fixity; schema and profile validation of "
               "the XML inside is not part of this build yet\n";
    return out.str();
}

std::string format_verify_json(const std::vector<BundleVerification>& results, bool xml_validated) {
    Poco::JSON::Object::Ptr root = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    root->set("tool", "paperbag verify");
    root->set("xml_validated", xml_validated);
    Poco::JSON::Array::Ptr bundles = new Poco::JSON::Array;
    for (const auto& v : results) {
        Poco::JSON::Object::Ptr b = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        b->set("path", v.bundle);
        b->set("opened", v.opened);
        b->set("valid", v.valid);
        b->set("bag_name", v.result.info.bag_name);
        b->set("payload_files", v.result.payload_files);
        b->set("payload_octets", v.result.payload_octets);
        Poco::JSON::Array::Ptr diagnostics = new Poco::JSON::Array;
        for (const Diagnostic& d : v.result.diagnostics) {
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            o->set("severity", std::string(to_string(d.severity)));
            o->set("code", d.code);
            o->set("path", d.path);
            o->set("line", d.line);
            o->set("message", d.message);
            diagnostics->add(o);
        }
        b->set("diagnostics", diagnostics);
        bundles->add(b);
    }
    root->set("bundles", bundles);
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(root, out);
    return out.str();
}

}  // namespace paperbag
