#include "paperbag/verify.hpp"

#include <algorithm>

#include "core/unicode.hpp"
#include "validate/findings.hpp"
#include "validate/schema_registry.hpp"

namespace paperbag {

namespace {

// The bundle reader names an entry "bundle.zip:entry"; reports name bundle entries
// "bundle.zip!/entry" everywhere (as `validate` does), in every format.
Diagnostic entry_named(Diagnostic d, const std::string& bundle) {
    if (d.path.size() > bundle.size() + 1 && d.path.starts_with(bundle) &&
        d.path[bundle.size()] == ':')
        d.path = bundle + "!/" + d.path.substr(bundle.size() + 1);
    d.message = one_line(d.message);
    return d;
}

// The bundle's own entry in the run: structure and fixity findings, and the verdict.
FileResult bundle_entry(const std::filesystem::path& bundle, const VerifyResult& result,
                        bool opened, const ValidateOptions& validation) {
    FileResult entry;
    entry.path = bundle.string();
    entry.kind = "BagIt bundle";
    entry.schemas = {"BagIt 1.0 (RFC 8493)"};
    Diagnostics kept;
    for (const Diagnostic& d : result.diagnostics)
        if (!validation.skip.contains(d.code)) kept.add(entry_named(d, entry.path));
    entry.findings = sorted_findings(kept);
    if (!opened)
        entry.verdict = Verdict::not_validated;
    else if (kept.has_errors() || (validation.strict && kept.count(Severity::warning) > 0))
        entry.verdict = Verdict::invalid;
    else
        entry.verdict = Verdict::valid;
    return entry;
}

bool is_validation_rule(const std::string& id) {
    const auto rules = validation_rules();
    return std::any_of(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == id; });
}

// --skip names rules verify can report; the validation of the XML inside gets its share.
ValidateOptions checked_validation(const ValidateOptions& options) {
    const std::vector<RuleInfo> rules = verify_rules();
    ValidateOptions validation = options;
    validation.skip.clear();
    for (const std::string& id : options.skip) {
        if (std::none_of(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == id; }))
            throw Error("PB-USAGE", "",
                        "unknown rule '" + id +
                            "' given to --skip; 'paperbag verify --list-rules' lists the rules");
        if (is_validation_rule(id)) validation.skip.insert(id);
    }
    return validation;
}

// Run-level messages of one bundle's validation, each said once for the run; the official
// schemas that were missing are counted over all bundles and said once at the end.
void merge_messages(ValidationRun& run, const ValidationRun& inner) {
    for (const Diagnostic& d : inner.messages) {
        if ((d.code == "PB-SCHEMA-MISSING" && d.path.empty()) || d.code == "PB-NOTHING-VALIDATED")
            continue;
        if (std::find(run.messages.begin(), run.messages.end(), d) == run.messages.end())
            run.messages.add(d);
    }
    ValidationRun::MissingSchemas& missing = run.missing_schemas;
    missing.locations.insert(inner.missing_schemas.locations.begin(),
                             inner.missing_schemas.locations.end());
    missing.not_validated += inner.missing_schemas.not_validated;
    missing.profile_only += inner.missing_schemas.profile_only;
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
    run.command = "verify";
    run.strict = options.validation.strict;
    const ValidateOptions checked = checked_validation(options.validation);
    for (const auto& bundle : bundles) {
        VerifyResult result;
        bool opened = false;
        try {
            result = verify_bundle(bundle, options.verify);
            opened = true;
        } catch (const Error& e) {
            result.diagnostics.add(e.diagnostic());
        }
        FileResult entry = bundle_entry(bundle, result, opened, checked);
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
        entry.findings = sorted_findings(entry.findings);
        run.files.push_back(std::move(entry));
        if (!structure_sound || !options.validate_xml) continue;

        ValidateOptions validation = checked;
        validation.inputs = {bundle.string()};
        validation.known_digests = result.digests;
        try {
            ValidationRun inner = validate_inputs(validation);
            merge_messages(run, inner);
            run.ignored += inner.ignored;
            for (FileResult& file : inner.files) run.files.push_back(std::move(file));
        } catch (const Error& e) {
            FileResult failed;
            failed.path = bundle.string();
            failed.verdict = Verdict::not_validated;
            failed.findings.add(e.diagnostic());
            run.files.push_back(std::move(failed));
        }
    }
    if (!run.missing_schemas.locations.empty())
        run.messages.add(missing_schemas_message(run.missing_schemas));
    return run;
}

}  // namespace paperbag
