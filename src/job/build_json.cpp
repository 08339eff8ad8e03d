// `paperbag build --json`: the run as one JSON object, for scripts.
#include "export/json_text.hpp"
#include "paperbag/build.hpp"

namespace paperbag {

namespace {

std::string_view state_name(IssueState state) {
    switch (state) {
        case IssueState::built: return "built";
        case IssueState::unchanged: return "unchanged";
        case IssueState::planned: return "planned";
        case IssueState::failed: break;
    }
    return "failed";
}

void append_number_or_null(std::string& out, std::uint64_t n) {
    out += n == 0 ? "null" : std::to_string(n);
}

void append_diagnostics(std::string& out, const Diagnostics& diagnostics) {
    out += '[';
    bool first = true;
    for (const Diagnostic& d : diagnostics) {
        if (!first) out += ',';
        first = false;
        out += "{\"severity\":";
        exporting::append_json_string(out, to_string(d.severity));
        out += ",\"code\":";
        exporting::append_json_string(out, d.code);
        out += ",\"path\":";
        exporting::append_json_string(out, d.path);
        out += ",\"line\":";
        append_number_or_null(out, d.line);
        out += ",\"column\":";
        append_number_or_null(out, d.column);
        out += ",\"message\":";
        exporting::append_json_string(out, d.message);
        out += '}';
    }
    out += ']';
}

}  // namespace

std::string format_build_json(const BuildRun& run, bool dry_run) {
    std::size_t counts[4] = {};
    for (const IssueBuild& issue : run.issues) ++counts[static_cast<int>(issue.state)];
    std::string out = "{\"dry_run\":";
    out += dry_run ? "true" : "false";
    out += ",\"exit_code\":" + std::to_string(run.exit_code());
    out += ",\"summary\":{\"built\":" + std::to_string(counts[0]) +
           ",\"unchanged\":" + std::to_string(counts[1]) +
           ",\"failed\":" + std::to_string(counts[2]) +
           ",\"planned\":" + std::to_string(counts[3]) + "},\"issues\":[";
    bool first = true;
    for (const IssueBuild& issue : run.issues) {
        if (!first) out += ',';
        first = false;
        out += "{\"input\":";
        exporting::append_json_string(out, issue.input);
        out += ",\"state\":";
        exporting::append_json_string(out, state_name(issue.state));
        out += ",\"bundle\":";
        if (issue.bundle.empty() || issue.state == IssueState::failed)
            out += "null";
        else
            exporting::append_json_string(out, issue.bundle.generic_string());
        out += ",\"reason\":";
        if (issue.reason.empty())
            out += "null";
        else
            exporting::append_json_string(out, issue.reason);
        out += ",\"pages\":" + std::to_string(issue.pages);
        out += ",\"articles\":" + std::to_string(issue.articles);
        out += ",\"illustrations\":" + std::to_string(issue.illustrations);
        out += ",\"bytes\":" + std::to_string(issue.bundle_size);
        out += ",\"diagnostics\":";
        append_diagnostics(out, issue.diagnostics);
        out += '}';
    }
    out += "],\"messages\":";
    append_diagnostics(out, run.messages);
    return out + "}";
}

}  // namespace paperbag
