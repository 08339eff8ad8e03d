// The merged shard report as text or JSON, and the dispatch to JUnit and SARIF.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "job/report_merged.hpp"
#include "paperbag/shard_report.hpp"

namespace paperbag {

namespace {

std::string text_report(const MergedReport& report) {
    std::string out;
    for (const Diagnostic& d : report.problems) out += d.format() + "\n";
    for (const ShardItem& item : report.items) {
        if (item.outcome != ItemOutcome::refused) continue;
        out += "refused    " + item.key + " (" + item.input + "): " + item.state + "\n";
        for (const std::string& m : item.messages) out += "  " + m + "\n";
    }
    out += "shards: " + std::to_string(report.shards - report.missing.size()) + " of " +
           std::to_string(report.shards) + " reported (" + report.command + ", plan " +
           report.plan + ", " + std::to_string(report.plan_items) + " items)\n";
    out += "summary: " + std::to_string(report.count(ItemOutcome::built)) + " built, " +
           std::to_string(report.count(ItemOutcome::skipped)) + " skipped, " +
           std::to_string(report.count(ItemOutcome::refused)) + " refused\n";
    return out;
}

std::string json_report(const MergedReport& report) {
    using Poco::JSON::Array;
    using Poco::JSON::Object;
    auto object = [] { return Object::Ptr(new Object(Poco::JSON_PRESERVE_KEY_ORDER)); };
    Object::Ptr root = object();
    root->set("command", report.command);
    root->set("plan", report.plan);
    root->set("plan_items", report.plan_items);
    root->set("shards", report.shards);
    Array::Ptr missing = new Array;
    for (std::size_t k : report.missing) missing->add(k);
    root->set("missing_shards", missing);
    Array::Ptr problems = new Array;
    for (const Diagnostic& d : report.problems) problems->add(d.format());
    root->set("problems", problems);
    root->set("built", report.count(ItemOutcome::built));
    root->set("skipped", report.count(ItemOutcome::skipped));
    root->set("refused", report.count(ItemOutcome::refused));
    root->set("exit_code", report.exit_code);
    Array::Ptr items = new Array;
    for (const ShardItem& item : report.items) {
        Object::Ptr o = object();
        o->set("index", item.index);
        o->set("key", item.key);
        o->set("input", item.input);
        o->set("state", item.state);
        o->set("output", item.output);
        Array::Ptr messages = new Array;
        for (const std::string& m : item.messages) messages->add(m);
        o->set("messages", messages);
        items->add(o);
    }
    root->set("items", items);
    std::ostringstream out;
    Poco::JSON::Stringifier::stringify(root, out, 1);
    return out.str() + "\n";
}

}  // namespace

std::string format_merged_report(const MergedReport& report, ReportFormat format) {
    switch (format) {
        case ReportFormat::text: return text_report(report);
        case ReportFormat::json: return json_report(report);
        case ReportFormat::junit: return merged_junit_report(report);
        case ReportFormat::sarif: return merged_sarif_report(report);
    }
    return text_report(report);
}

}  // namespace paperbag
