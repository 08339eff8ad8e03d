// The merged shard report as JUnit XML, written with xmlTextWriter.
#include "job/report_merged.hpp"
#include "validate/junit_writer.hpp"

namespace paperbag {

namespace {

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

}  // namespace

std::string merged_junit_report(const MergedReport& report) {
    const std::string suite = "paperbag " + report.command;
    JunitWriter w;
    w.start("testsuites");
    w.start("testsuite");
    w.attribute("name", suite);
    w.attribute("tests", std::to_string(report.items.size() + report.problems.size()));
    w.attribute("failures", std::to_string(report.count(ItemOutcome::refused)));
    w.attribute("errors", std::to_string(report.problems.size()));
    w.attribute("skipped", "0");
    for (const Diagnostic& d : report.problems) {
        w.start("testcase");
        w.attribute("classname", suite);
        w.attribute("name", d.path.empty() ? "shards" : d.path);
        w.start("error");
        w.attribute("message", d.message);
        w.attribute("type", d.code);
        w.text(d.format());
        w.end();
        w.end();
    }
    for (const ShardItem& item : report.items) {
        w.start("testcase");
        w.attribute("classname", suite);
        w.attribute("name", item.key);
        w.attribute("file", item.input);
        if (item.outcome == ItemOutcome::refused) {
            w.start("failure");
            w.attribute("message", item.messages.empty() ? item.state : item.messages.front());
            w.attribute("type", item.codes.empty() ? item.state : item.codes.front());
            w.text(joined(item.messages));
            w.end();
        }
        w.end();
    }
    w.end();
    w.end();
    return w.finish();
}

}  // namespace paperbag
