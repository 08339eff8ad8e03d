// The merged shard report as JUnit XML, written with xmlTextWriter.
#include <libxml/xmlwriter.h>

#include "io/xml_handles.hpp"
#include "job/report_merged.hpp"

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
        check(xmlTextWriterWriteAttribute(writer_.get(), BAD_CAST name,
                                          BAD_CAST printable(value).c_str()));
    }
    void text(const std::string& value) {
        check(xmlTextWriterWriteString(writer_.get(), BAD_CAST printable(value).c_str()));
    }
    std::string finish() {
        check(xmlTextWriterEndDocument(writer_.get()));
        writer_.reset();
        return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                           static_cast<std::size_t>(xmlBufferLength(buffer_.get())));
    }

private:
    // XML 1.0 cannot carry most control characters; messages may quote them from input.
    static std::string printable(const std::string& s) {
        std::string out;
        for (char c : s) {
            const auto u = static_cast<unsigned char>(c);
            out += (u < 0x20 && c != '\n' && c != '\t') ? '?' : c;
        }
        return out;
    }
    static void check(int rc) {
        if (rc < 0) throw Error("PB-REPORT", "", "cannot write the JUnit report");
    }
    XmlBufferPtr buffer_;
    XmlTextWriterPtr writer_;
};

std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += l + "\n";
    return out;
}

}  // namespace

std::string merged_junit_report(const MergedReport& report) {
    const std::string suite = "paperbag " + report.command;
    Writer w;
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
