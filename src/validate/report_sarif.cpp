// SARIF 2.1.0 report (for GitHub code scanning and other SARIF viewers): one run, every rule
// the command can report as the driver's rules, one result per finding. A finding about a
// bundle entry names it as "bundle.zip!/entry" and points at a nested artifact (the entry,
// with parentIndex the bundle). Results carry partialFingerprints, so that a viewer follows a
// finding from run to run even when lines move.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <map>
#include <string_view>

#include "core/digest.hpp"
#include "paperbag/error_codes.hpp"
#include "validate/report.hpp"
#include "validate/sarif_writer.hpp"

namespace paperbag {

namespace {

using namespace sarif;
using sarif::Array;
using sarif::Object;

// The rules of the command, and any other code a result carries (from the error-code
// table), so that every ruleId of the run is described.
std::vector<RuleInfo> rules_of(const ValidationRun& run) {
    std::vector<RuleInfo> rules =
        run.command == "verify"
            ? verify_rules()
            : std::vector<RuleInfo>(validation_rules().begin(), validation_rules().end());
    const auto known = [&](const std::string& id) {
        return std::any_of(rules.begin(), rules.end(),
                           [&](const RuleInfo& r) { return r.id == id; });
    };
    std::vector<std::string> extra;
    for (const FileResult& file : run.files)
        for (const Diagnostic& d : file.findings)
            if (!d.code.empty() && !known(d.code) &&
                std::find(extra.begin(), extra.end(), d.code) == extra.end())
                extra.push_back(d.code);
    for (const std::string& id : extra) {
        const ErrorCode* row = find_error_code(id);
        if (row)  // every code the sources use is in the table (a unit test checks)
            rules.push_back({row->code, Severity::error, "xml", row->meaning});
    }
    std::sort(rules.begin(), rules.end(),
              [](const RuleInfo& a, const RuleInfo& b) { return a.id < b.id; });
    return rules;
}

// The artifacts of the run: files, and bundle entries nested in their bundle.
class Artifacts {
public:
    // The index of the artifact for `path` ("bundle.zip!/entry" nests "entry" in the bundle).
    std::size_t index_of(const std::string& path) {
        if (const auto it = index_.find(path); it != index_.end()) return it->second;
        const auto bang = path.find("!/");
        Object::Ptr location = object();
        Object::Ptr artifact = object();
        if (bang == std::string::npos) {
            location->set("uri", uri(path));
            artifact->set("location", location);
        } else {
            const std::size_t parent = index_of(path.substr(0, bang));
            location->set("uri", uri(path.substr(bang + 2)));
            artifact->set("location", location);
            artifact->set("parentIndex", parent);
        }
        list_->add(artifact);
        return index_[path] = list_->size() - 1;
    }
    Array::Ptr list() const { return list_; }

private:
    std::map<std::string, std::size_t> index_;
    Array::Ptr list_ = new Array;
};

// The message without the numbers of "line N", "lines N", "column N", "offset N" in it
// ("first at line 12"): they move with the file, the finding does not.
std::string without_places(std::string_view message) {
    static constexpr std::string_view words[] = {"line", "lines", "column", "columns", "offset"};
    std::string out;
    out.reserve(message.size());
    std::size_t i = 0;
    while (i < message.size()) {
        const auto is_alpha = [&](std::size_t at) {
            return at < message.size() && std::isalpha(static_cast<unsigned char>(message[at]));
        };
        if (!is_alpha(i) || (i > 0 && is_alpha(i - 1))) {
            out += message[i++];
            continue;
        }
        std::size_t end = i;
        while (is_alpha(end)) ++end;
        std::string word(message.substr(i, end - i));
        for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.append(message.substr(i, end - i));
        i = end;
        if (std::find(std::begin(words), std::end(words), word) == std::end(words)) continue;
        std::size_t j = i;
        while (j < message.size() && (message[j] == ' ' || message[j] == '\t')) ++j;
        const std::size_t digits = j;
        while (j < message.size() && std::isdigit(static_cast<unsigned char>(message[j]))) ++j;
        if (j > digits) i = j;  // the word stays, its number goes
    }
    return out;
}

}  // namespace

std::string finding_fingerprint(const Diagnostic& d) {
    std::string key = d.code;
    key += '\0';
    key += d.path;
    key += '\0';
    key += without_places(d.message);
    return digest_hex(DigestAlgorithm::sha256, key);
}

std::string sarif_report(const ValidationRun& run) {
    const std::vector<RuleInfo> rule_list = rules_of(run);
    std::map<std::string_view, std::size_t> rule_index;
    Array::Ptr rules = new Array;
    for (const RuleInfo& rule : rule_list) {
        Object::Ptr r = object();
        r->set("id", std::string(rule.id));
        r->set("shortDescription", text(std::string(rule.summary)));
        Object::Ptr config = object();
        config->set("level", level(rule.severity));
        r->set("defaultConfiguration", config);
        rule_index[rule.id] = rules->size();
        rules->add(r);
    }

    Artifacts artifacts;
    std::map<std::string, std::size_t> seen;  // fingerprint -> occurrences so far
    Array::Ptr results = new Array;
    for (const FileResult& file : run.files) {
        for (const Diagnostic& d : file.findings) {
            const std::string path = d.path.empty() ? file.path : d.path;
            Object::Ptr r = object();
            r->set("ruleId", d.code);
            if (const auto it = rule_index.find(d.code); it != rule_index.end())
                r->set("ruleIndex", it->second);
            r->set("level", level(d.severity));
            r->set("message", text(d.message));
            Object::Ptr artifact = object();
            artifact->set("uri", uri(path));
            artifact->set("index", artifacts.index_of(path));
            Object::Ptr physical = object();
            physical->set("artifactLocation", artifact);
            if (d.line > 0) {
                Object::Ptr region = object();
                region->set("startLine", d.line);
                if (d.column > 0) region->set("startColumn", d.column);
                physical->set("region", region);
            }
            Object::Ptr location = object();
            location->set("physicalLocation", physical);
            Array::Ptr locations = new Array;
            locations->add(location);
            r->set("locations", locations);
            Diagnostic keyed = d;
            keyed.path = path;
            const std::string fingerprint = finding_fingerprint(keyed);
            const std::size_t occurrence = ++seen[fingerprint];
            Object::Ptr fingerprints = object();
            fingerprints->set("paperbag/v1", fingerprint + ":" + std::to_string(occurrence));
            r->set("partialFingerprints", fingerprints);
            results->add(r);
        }
    }
    Object::Ptr invoked = invocation(run.exit_code());
    if (!run.messages.empty()) {
        Array::Ptr notes = new Array;
        for (const Diagnostic& d : run.messages) {
            Object::Ptr n = object();
            n->set("level", level(d.severity));
            n->set("message", text(d.message));
            Object::Ptr descriptor = object();
            descriptor->set("id", d.code);
            n->set("descriptor", descriptor);
            notes->add(n);
        }
        invoked->set("toolExecutionNotifications", notes);
    }
    Array::Ptr invocations = new Array;
    invocations->add(invoked);

    Object::Ptr automation = object();
    automation->set("id", "paperbag " + run.command + "/");
    Object::Ptr sarif_run = object();
    sarif_run->set("tool",
                   tool("https://github.com/paperbag/paperbag/blob/main/docs/validate.md", rules));
    sarif_run->set("automationDetails", automation);
    sarif_run->set("invocations", invocations);
    sarif_run->set("artifacts", artifacts.list());
    sarif_run->set("results", results);
    return log(sarif_run);
}

}  // namespace paperbag
