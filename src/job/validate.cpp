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
#include "validate/memory_space.hpp"

namespace paperbag {

namespace {

// NewsML-G2 packageItem references resolve to items among all inputs of the run.
void resolve_item_refs(std::vector<DocumentOutcome>& outcomes, const ValidateOptions& options) {
    if (options.profile == Profile::none || options.skip.contains("PB-NEWSML-001")) return;
    std::set<std::string> guids;
    for (const DocumentOutcome& o : outcomes)
        guids.insert(o.cross.guids.begin(), o.cross.guids.end());
    for (DocumentOutcome& o : outcomes) {
        for (const ItemRef& ref : o.cross.item_refs) {
            if (guids.contains(ref.residref)) continue;
            FileResult& r = o.result;
            r.findings.add(Diagnostic{Severity::error,
                                      "PB-NEWSML-001",
                                      r.path,
                                      ref.line,
                                      0,
                                      {},
                                      "itemRef residref '" + ref.residref +
                                          "' is not the guid of any item among the inputs"});
            if (r.verdict == Verdict::valid) r.verdict = Verdict::invalid;
        }
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
    }
    return "not validated";
}

int ValidationRun::exit_code() const {
    int code = 0;
    for (const FileResult& f : files) {
        if (f.verdict == Verdict::not_validated) return 2;
        if (f.verdict == Verdict::invalid) code = 1;
        if (strict && f.findings.count(Severity::warning) > 0) code = 1;
    }
    return code;
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
        resolve_item_refs(outcomes, options);
        run.files.reserve(outcomes.size());
        for (DocumentOutcome& o : outcomes) run.files.push_back(std::move(o.result));
        return run;
    }
};

Validator::Validator(ValidateOptions options) : impl_(std::make_unique<Impl>()) {
    impl_->options = std::move(options);
    init_libxml();
    configure_catalogs(impl_->options.catalogs, impl_->messages);  // process-global
    note_profile_schemas(impl_->options, impl_->messages);
}

Validator::~Validator() = default;

const Diagnostics& Validator::messages() const {
    return impl_->messages;
}

ValidationRun Validator::validate() const {
    return impl_->run(collect_documents(impl_->options.inputs));
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
        sources.push_back(std::move(source));
    }
    return impl_->run(sources);
}

ValidationRun validate_inputs(const ValidateOptions& options) {
    return Validator(options).validate();
}

}  // namespace paperbag
