// JUnit XML report: one testsuite, one testcase per file; an invalid file is a <failure>,
// a file that could not be validated an <error>. Written with xmlTextWriter.
#include "validate/junit_writer.hpp"
#include "validate/report.hpp"

namespace paperbag {

std::string junit_report(const ValidationRun& run) {
    std::size_t failures = 0, errors = 0, skipped = 0;
    for (const FileResult& f : run.files) {
        if (f.verdict == Verdict::invalid) ++failures;
        if (f.verdict == Verdict::not_validated) ++errors;
        if (f.verdict == Verdict::skipped) ++skipped;
    }
    const std::string suite = "paperbag " + run.command;
    const std::string tests = std::to_string(run.files.size());
    JunitWriter w;
    w.start("testsuites");
    w.attribute("name", suite);
    w.attribute("tests", tests);
    w.attribute("failures", std::to_string(failures));
    w.attribute("errors", std::to_string(errors));
    w.attribute("skipped", std::to_string(skipped));
    w.start("testsuite");
    w.attribute("name", suite);
    w.attribute("tests", tests);
    w.attribute("failures", std::to_string(failures));
    w.attribute("errors", std::to_string(errors));
    w.attribute("skipped", std::to_string(skipped));
    for (const FileResult& f : run.files) {
        std::string body;
        for (const Diagnostic& d : f.findings) body += d.format() + '\n';
        w.start("testcase");
        w.attribute("classname", "paperbag." + run.command);
        w.attribute("name", f.path);
        if (f.verdict == Verdict::invalid || f.verdict == Verdict::not_validated) {
            w.start(f.verdict == Verdict::invalid ? "failure" : "error");
            w.attribute("type", std::string(to_string(f.verdict)));
            w.attribute("message", file_summary(f));
            w.text(body);
            w.end();
        } else if (f.verdict == Verdict::skipped) {
            w.start("skipped");
            w.attribute("message", (f.findings.empty() ? std::string("skipped")
                                                       : f.findings.begin()->message));
            w.end();
        } else if (!f.findings.empty()) {
            w.start("system-out");
            w.text(body);
            w.end();
        }
        w.end();
    }
    if (!run.messages.empty()) {
        std::string body;
        for (const Diagnostic& d : run.messages) body += d.format() + '\n';
        w.start("system-err");
        w.text(body);
        w.end();
    }
    w.end();
    w.end();
    return w.finish();
}

}  // namespace paperbag
