#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

#include "core/embedded.hpp"
#include "io/xml_parse.hpp"
#include "job/parallel.hpp"
#include "paperbag/validate.hpp"
#include "validate/catalog.hpp"
#include "validate/document_check.hpp"
#include "validate/findings.hpp"
#include "validate/memory_space.hpp"

namespace paperbag {

namespace {

// NewsML-G2 packageItem references resolve to items among the inputs of the run. A feed's
// package may point to items that are not among them (a warning); inside a bundle every item
// must be present in that bundle (an error).
void resolve_item_refs(std::vector<DocumentOutcome>& outcomes, const ValidateOptions& options) {
    if (options.skip.contains("PB-NEWSML-001")) return;
    std::set<std::string> all_guids;
    std::map<const void*, std::set<std::string>> bundle_guids;
    for (const DocumentOutcome& o : outcomes) {
        all_guids.insert(o.cross.guids.begin(), o.cross.guids.end());
        if (o.in_bundle) bundle_guids[o.space].insert(o.cross.guids.begin(), o.cross.guids.end());
    }
    for (DocumentOutcome& o : outcomes) {
        const std::set<std::string>& guids = o.in_bundle ? bundle_guids[o.space] : all_guids;
        bool added = false;
        for (const ItemRef& ref : o.cross.item_refs) {
            if (guids.contains(ref.residref)) continue;
            FileResult& r = o.result;
            const Severity severity = o.in_bundle ? Severity::error : Severity::warning;
            r.findings.add(Diagnostic{
                severity,
                "PB-NEWSML-001",
                r.path,
                ref.line,
                0,
                {},
                "itemRef residref '" + ref.residref + "' is not the guid of any item " +
                    (o.in_bundle ? "in the bundle (every item of a bundle's package must be in "
                                   "it)"
                                 : "among the inputs (an item of the feed not given here?)")});
            added = true;
            if (severity == Severity::error && r.verdict == Verdict::valid)
                r.verdict = Verdict::invalid;
        }
        if (added) o.result.findings = sorted_findings(o.result.findings);
    }
}

// Official schemas that are not installed: one message for the run, with the fix, instead of
// the same advice on every file.
void note_missing_schemas(const std::vector<DocumentOutcome>& outcomes, ValidationRun& run) {
    ValidationRun::MissingSchemas& missing = run.missing_schemas;
    for (const DocumentOutcome& o : outcomes) {
        if (o.official_missing.empty()) continue;
        missing.locations.insert(o.official_missing);
        ++(o.result.verdict == Verdict::not_validated ? missing.not_validated
                                                      : missing.profile_only);
    }
    if (!missing.locations.empty()) run.messages.add(missing_schemas_message(missing));
}

// --skip names rules that exist: a typo must not silently skip nothing.
void check_skip(const ValidateOptions& options) {
    for (const std::string& id : options.skip) {
        const auto rules = validation_rules();
        if (std::none_of(rules.begin(), rules.end(), [&](const RuleInfo& r) { return r.id == id; }))
            throw Error("PB-USAGE", "",
                        "unknown rule '" + id +
                            "' given to --skip; 'paperbag validate --list-rules' lists the rules");
    }
}

void note_profile_schemas(const ValidateOptions& options, Diagnostics& messages) {
    if (options.profile != Profile::paperbag) return;
    std::set<std::string_view> seen;
    for (const SchemaRow& row : schema_rows()) {
        if (row.profile_schema.empty() || !seen.insert(row.profile_schema).second) continue;
        if (builtin::embedded_file(row.profile_schema).empty())
            messages.add(Diagnostic{Severity::warning,
                                    "PB-SCHEMA-MISSING",
                                    "xsd/" + std::string(row.profile_schema),
                                    0,
                                    0,
                                    {},
                                    "paperbag profile schema is not built into this paperbag; "
                                    "only the official schema and the profile rules apply"});
    }
}

}  // namespace

std::string_view to_string(Verdict verdict) {
    switch (verdict) {
        case Verdict::valid: return "valid";
        case Verdict::invalid: return "invalid";
        case Verdict::not_validated: return "not validated";
        case Verdict::skipped: return "skipped";
    }
    return "not validated";
}

int ValidationRun::exit_code() const {
    if (require_documents && validated() == 0) return 2;
    int code = 0;
    for (const FileResult& f : files) {
        if (f.verdict == Verdict::not_validated) return 2;
        if (f.verdict == Verdict::invalid) code = 1;
        if (strict && f.findings.count(Severity::warning) > 0) code = 1;
    }
    if (strict && messages.count(Severity::warning) > 0) code = 1;
    return code;
}

std::size_t ValidationRun::validated() const {
    return static_cast<std::size_t>(
        std::count_if(files.begin(), files.end(),
                      [](const FileResult& f) { return f.verdict != Verdict::skipped; }));
}

struct Validator::Impl {
    ValidateOptions options;
    Diagnostics messages;
    mutable SchemaRegistry registry;

    ValidationRun run(const std::vector<DocumentSource>& sources) const {
        ValidationRun run;
        run.strict = options.strict;
        run.messages = messages;
        std::vector<DocumentOutcome> outcomes(sources.size());
        std::atomic<std::size_t> next{0};
        auto worker = [&] {
            for (std::size_t i = next++; i < sources.size(); i = next++)
                outcomes[i] = check_document(sources[i], registry, options);
        };
        const auto jobs = static_cast<unsigned>(std::min<std::size_t>(
            effective_jobs(options.jobs), std::max<std::size_t>(1, sources.size())));
        {
            // The calling thread is a worker too, so the work gets done with any number started.
            const std::vector<std::jthread> threads = start_workers(jobs - 1, worker);
            worker();
        }
        if (options.profile != Profile::none ||
            options.bundle_profile.value_or(Profile::none) != Profile::none)
            resolve_item_refs(outcomes, options);
        note_missing_schemas(outcomes, run);
        run.files.reserve(outcomes.size());
        for (DocumentOutcome& o : outcomes) {
            if (o.ignored)
                ++run.ignored;
            else
                run.files.push_back(std::move(o.result));
        }
        return run;
    }
};

Validator::Validator(ValidateOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    check_skip(impl_->options);
    init_libxml();
    configure_catalogs(impl_->options.catalogs, impl_->messages);  // process-global
    note_profile_schemas(impl_->options, impl_->messages);
}

Validator::~Validator() = default;

const Diagnostics& Validator::messages() const {
    return impl_->messages;
}

ValidationRun Validator::validate() const {
    const ValidateOptions& options = impl_->options;
    ValidationRun run = impl_->run(collect_documents(
        options.inputs, {options.include, options.exclude}, options.known_digests));
    run.require_documents = !options.inputs.empty();
    if (run.require_documents && run.validated() == 0) {
        std::string message = "nothing validated: no XML file found in the input";
        if (options.inputs.size() > 1) message += "s";
        if (!options.include.empty() || !options.exclude.empty())
            message += " (after --include/--exclude)";
        const std::size_t skipped = run.files.size() + run.ignored;
        if (skipped > 0)
            message += "; " + std::to_string(skipped) +
                       " file(s) skipped (formats paperbag has no schema for)";
        run.messages.add(Diagnostic{Severity::error,
                                    "PB-NOTHING-VALIDATED",
                                    options.inputs.size() == 1 ? options.inputs.front() : "",
                                    0,
                                    0,
                                    {},
                                    message});
    }
    return run;
}

ValidationRun Validator::validate_tree(
    const std::map<std::string, std::string>& files,
    const std::map<std::string, std::filesystem::path>& disk_files,
    const std::string& display_prefix) const {
    const auto space = memory_space(files, disk_files);
    std::vector<DocumentSource> sources;
    for (const auto& [path, bytes] : files) {
        if (!path.ends_with(".xml")) continue;
        DocumentSource source;
        source.name = display_prefix + path;
        source.space = space;
        source.path = path;
        source.size = bytes.size();
        source.in_bundle = true;  // the bundle being built: every item must be in it
        sources.push_back(std::move(source));
    }
    return impl_->run(sources);
}

ValidationRun validate_inputs(const ValidateOptions& options) {
    return Validator(options).validate();
}

}  // namespace paperbag
