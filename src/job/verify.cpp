#include "paperbag/verify.hpp"

#include <algorithm>

namespace paperbag {

namespace {

// The bundle's own entry in the run: structure and fixity findings, and the verdict.
FileResult bundle_entry(const std::filesystem::path& bundle, const VerifyResult& result,
                        bool opened, bool strict) {
    FileResult entry;
    entry.path = bundle.string();
    entry.kind = "BagIt bundle";
    entry.schemas = {"BagIt 1.0 (RFC 8493)"};
    entry.findings = result.diagnostics;
    if (!opened)
        entry.verdict = Verdict::not_validated;
    else if (result.diagnostics.has_errors() ||
             (strict && result.diagnostics.count(Severity::warning) > 0))
        entry.verdict = Verdict::invalid;
    else
        entry.verdict = Verdict::valid;
    return entry;
}

}  // namespace

VerifyJobOptions default_verify_options() {
    VerifyJobOptions options;
    options.validation.profile = Profile::paperbag;
    return options;
}

ValidationRun verify_bundles(const std::vector<std::filesystem::path>& bundles,
                             const VerifyJobOptions& options) {
    ValidationRun run;
    run.strict = options.validation.strict;
    for (const auto& bundle : bundles) {
        VerifyResult result;
        bool opened = false;
        try {
            result = verify_bundle(bundle, options.verify);
            opened = true;
        } catch (const Error& e) {
            result.diagnostics.add(e.diagnostic());
        }
        FileResult entry = bundle_entry(bundle, result, opened, run.strict);
        const bool structure_sound = opened && !result.diagnostics.has_errors();
        if (opened && !structure_sound && options.validate_xml)
            entry.findings.add(Diagnostic{Severity::info,
                                          "PB-VERIFY-XML-SKIPPED",
                                          entry.path,
                                          0,
                                          0,
                                          {},
                                          "the XML inside was not validated because the "
                                          "bundle's structure or fixity is broken"});
        run.files.push_back(std::move(entry));
        if (!structure_sound || !options.validate_xml) continue;

        ValidateOptions validation = options.validation;
        validation.inputs = {bundle.string()};
        try {
            ValidationRun inner = validate_inputs(validation);
            run.messages.append(inner.messages);
            for (FileResult& file : inner.files) run.files.push_back(std::move(file));
        } catch (const Error& e) {
            FileResult failed;
            failed.path = bundle.string();
            failed.verdict = Verdict::not_validated;
            failed.findings.add(e.diagnostic());
            run.files.push_back(std::move(failed));
        }
    }
    return run;
}

}  // namespace paperbag
