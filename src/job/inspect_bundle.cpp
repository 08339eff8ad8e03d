#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <sstream>

#include "paperbag/inspect.hpp"

namespace paperbag {

namespace {

std::uint64_t payload_bytes(const BundleInfo& info, std::uint64_t& count) {
    std::uint64_t octets = 0;
    count = 0;
    for (const BundleEntry& f : info.files)
        if (!f.directory && f.name.rfind("data/", 0) == 0) octets += f.size, ++count;
    return octets;
}

std::string structure_state(const Diagnostics& findings) {
    if (findings.has_errors())
        return "INVALID (" + std::to_string(findings.count(Severity::error)) + " errors)";
    return "ok (fixity not checked: run paperbag verify)";
}

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

void describe_issue_of_bundle(std::ostream& out, const Issue& issue) {
    out << "title:     " << issue.title << '\n';
    out << "date:      " << (issue.date.valid() ? issue.date.to_string() : "unknown") << '\n';
    std::vector<std::string> labels;
    for (const Page& page : issue.pages) labels.push_back(page.label);
    out << "pages:     " << issue.pages.size() << " (" << joined(labels) << ")\n";
    out << "articles:  " << issue.articles.size() << '\n';
    for (const Article& a : issue.articles)
        out << "  " << a.id << "  p. " << joined(a.pages) << "  "
            << (a.headline ? *a.headline : "(no headline)") << '\n';
    if (!issue.articles.empty())
        out << "review:    " << review_segmentation(issue).summary() << '\n';
    out << "illustrations: " << issue.illustrations.size() << '\n';
    for (const Illustration& ill : issue.illustrations)
        out << "  " << ill.id << "  p. " << joined(ill.pages)
            << (ill.article_id.empty() ? "" : "  in " + ill.article_id) << '\n';
    // The validation state as recorded when the bundle was made (PREMIS events in METS).
    out << "provenance: " << issue.events.size() << " events recorded\n";
    for (const RecordedEvent& event : issue.events)
        out << "  " << event.date_time << "  " << event.type << ": " << event.outcome << '\n';
}

Poco::JSON::Object::Ptr issue_json(const Issue& issue) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("title", issue.title);
    o->set("date", issue.date.valid() ? issue.date.to_string() : std::string());
    Poco::JSON::Array::Ptr pages = new Poco::JSON::Array;
    for (const Page& page : issue.pages) pages->add(page.label);
    o->set("pages", pages);
    Poco::JSON::Array::Ptr articles = new Poco::JSON::Array;
    for (const Article& a : issue.articles) {
        Poco::JSON::Object::Ptr ao = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        ao->set("id", a.id);
        Poco::JSON::Array::Ptr labels = new Poco::JSON::Array;
        for (const std::string& label : a.pages) labels->add(label);
        ao->set("pages", labels);
        if (a.headline)
            ao->set("headline", *a.headline);
        else
            ao->set("headline", Poco::Dynamic::Var());
        articles->add(ao);
    }
    o->set("articles", articles);
    o->set("articles_without_headline", review_segmentation(issue).no_headline);
    o->set("illustrations", issue.illustrations.size());
    Poco::JSON::Array::Ptr events = new Poco::JSON::Array;
    for (const RecordedEvent& event : issue.events) {
        Poco::JSON::Object::Ptr e = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        e->set("type", event.type);
        e->set("date_time", event.date_time);
        e->set("outcome", event.outcome);
        e->set("detail", event.detail);
        events->add(e);
    }
    o->set("events", events);
    return o;
}

}  // namespace

std::string describe_bundle(const std::string& bundle, const BundleInfo& info,
                            const Diagnostics& findings, const Issue* issue) {
    std::ostringstream out;
    std::uint64_t count = 0;
    const std::uint64_t octets = payload_bytes(info, count);
    out << "bundle:    " << bundle << '\n';
    if (issue) describe_issue_of_bundle(out, *issue);
    out << "bag:       " << info.bag_name << '\n';
    for (const auto& [label, value] : info.bag_info) out << "  " << label << ": " << value << '\n';
    out << "payload:   " << count << " files, " << octets << " bytes\n";
    out << "files:     " << info.files.size() << '\n';
    for (const BundleEntry& f : info.files) {
        if (f.directory) continue;
        out << "  " << f.size << '\t' << (f.method == 0 ? "stored  " : "deflated") << '\t' << f.name
            << '\n';
    }
    out << "structure: " << structure_state(findings) << '\n';
    for (const Diagnostic& d : findings) out << "  " << d.format() << '\n';
    return out.str();
}

std::string describe_bundle_json(const std::string& bundle, const BundleInfo& info,
                                 const Diagnostics& findings, const Issue* issue) {
    Poco::JSON::Object::Ptr root = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    std::uint64_t count = 0;
    const std::uint64_t octets = payload_bytes(info, count);
    root->set("bundle", bundle);
    if (issue)
        root->set("issue", issue_json(*issue));
    else
        root->set("issue", Poco::Dynamic::Var());
    root->set("bag_name", info.bag_name);
    Poco::JSON::Object::Ptr fields = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [label, value] : info.bag_info) fields->set(label, value);
    root->set("bag_info", fields);
    root->set("payload_files", count);
    root->set("payload_octets", octets);
    Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
    for (const BundleEntry& f : info.files) {
        if (f.directory) continue;
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("path", f.name);
        o->set("size", f.size);
        o->set("compressed_size", f.compressed_size);
        o->set("method", std::string(f.method == 0 ? "stored" : "deflated"));
        files->add(o);
    }
    root->set("files", files);
    root->set("structure_valid", !findings.has_errors());
    root->set("fixity_checked", false);
    Poco::JSON::Array::Ptr diagnostics = new Poco::JSON::Array;
    for (const Diagnostic& d : findings) diagnostics->add(d.format());
    root->set("findings", diagnostics);
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(root, out);
    return out.str();
}

}  // namespace paperbag
