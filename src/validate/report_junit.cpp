// JUnit XML report: one testsuite, one testcase per file; an invalid file is a <failure>,
// a file that could not be validated an <error>. Written with xmlTextWriter.
#include <libxml/xmlwriter.h>

#include "io/xml_handles.hpp"
#include "validate/report.hpp"

namespace paperbag {

namespace {

class Writer {
public:
    Writer() : buffer_(xmlBufferCreate()), writer_(xmlNewTextWriterMemory(buffer_.get(), 0)) {
        if (!buffer_ || !writer_) throw Error("PB-REPORT", "", "cannot create an XML writer");
        xmlTextWriterSetIndent(writer_.get(), 1);
        check(xmlTextWriterStartDocument(writer_.get(), nullptr, "UTF-8", nullptr));
    }
    void start(const char* name) { check(xmlTextWriterStartElement(writer_.get(), BAD_CAST name)); }
    void end() { check(xmlTextWriterEndElement(writer_.get())); }
    void attribute(const char* name, const std::string& value) {
        check(xmlTextWriterWriteAttribute(writer_.get(), BAD_CAST name, BAD_CAST value.c_str()));
    }
    void text(const std::string& value) {
        check(xmlTextWriterWriteString(writer_.get(), BAD_CAST value.c_str()));
    }
    std::string finish() {
        check(xmlTextWriterEndDocument(writer_.get()));
        writer_.reset();
        return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                           static_cast<std::size_t>(xmlBufferLength(buffer_.get())));
    }

private:
    static void check(int rc) {
        if (rc < 0) throw Error("PB-REPORT", "", "cannot write the JUnit report");
    }
    XmlBufferPtr buffer_;
    XmlTextWriterPtr writer_;
};

// XML 1.0 cannot carry most control characters; findings may quote them from input.
std::string printable(const std::string& s) {
    std::string out;
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        out += (u < 0x20 && c != '\n' && c != '\t') ? '?' : c;
    }
    return out;
}

}  // namespace

std::string junit_report(const ValidationRun& run) {
    std::size_t failures = 0, errors = 0;
    for (const FileResult& f : run.files) {
        if (f.verdict == Verdict::invalid) ++failures;
        if (f.verdict == Verdict::not_validated) ++errors;
    }
    Writer w;
    w.start("testsuites");
    w.attribute("name", "paperbag validate");
    w.attribute("tests", std::to_string(run.files.size()));
    w.attribute("failures", std::to_string(failures));
    w.attribute("errors", std::to_string(errors));
    w.start("testsuite");
    w.attribute("name", "paperbag validate");
    w.attribute("tests", std::to_string(run.files.size()));
    w.attribute("failures", std::to_string(failures));
    w.attribute("errors", std::to_string(errors));
    w.attribute("skipped", "0");
    for (const FileResult& f : run.files) {
        w.start("testcase");
        w.attribute("classname", "paperbag.validate");
        w.attribute("name", printable(f.path));
        if (f.verdict != Verdict::valid) {
            w.start(f.verdict == Verdict::invalid ? "failure" : "error");
            w.attribute("type", std::string(to_string(f.verdict)));
            w.attribute("message", printable(file_summary(f)));
            std::string body;
            for (const Diagnostic& d : f.findings) body += d.format() + '\n';
            w.text(printable(body));
            w.end();
        } else if (!f.findings.empty()) {
            std::string body;
            for (const Diagnostic& d : f.findings) body += d.format() + '\n';
            w.start("system-out");
            w.text(printable(body));
            w.end();
        }
        w.end();
    }
    w.end();
    w.end();
    return w.finish();
}

}  // namespace paperbag
