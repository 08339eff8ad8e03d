#include "paperbag/inspect.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <cstdio>
#include <sstream>

namespace paperbag {

namespace {

constexpr double low_confidence = 0.5;  // as segment_page's PB-SEG-LOW-CONFIDENCE

std::string two_decimals(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

}  // namespace

SegmentationReview review_segmentation(const Issue& issue) {
    SegmentationReview r;
    r.articles = issue.articles.size();
    for (const Article& a : issue.articles) {
        std::string reason;
        if (!a.headline) {
            ++r.no_headline;
            reason = "no headline";
        } else if (a.headline_confidence > 0 && a.headline_confidence < low_confidence) {
            ++r.low_confidence;
            reason = "low-confidence headline link (" + two_decimals(a.headline_confidence) + ")";
        } else {
            continue;
        }
        r.items.push_back({a.id, a.source_path, a.first_line, reason});
    }
    return r;
}

std::string SegmentationReview::summary() const {
    return std::to_string(no_headline) + " of " + std::to_string(articles) +
           " articles without headline, " + std::to_string(low_confidence) +
           " with a low-confidence headline link";
}

std::string describe_issue(const Issue& issue) {
    std::ostringstream out;
    out << "title:     " << issue.title << '\n';
    out << "date:      " << issue.date.to_string() << '\n';
    for (const Identifier& id : issue.identifiers)
        out << "id:        " << id.type << ' ' << id.value << '\n';
    if (!issue.publisher.empty()) out << "publisher: " << issue.publisher << '\n';
    if (!issue.place.empty()) out << "place:     " << issue.place << '\n';
    out << "language:  ";
    for (std::size_t i = 0; i < issue.languages.size(); ++i)
        out << (i ? ", " : "") << issue.languages[i];
    out << '\n';
    if (!issue.volume.empty()) out << "volume:    " << issue.volume << '\n';
    if (!issue.number.empty()) out << "number:    " << issue.number << '\n';
    if (!issue.edition.empty()) out << "edition:   " << issue.edition << '\n';
    out << "pages:     " << issue.pages.size() << '\n';
    for (const Page& page : issue.pages) {
        out << "  page " << page.sequence << " [" << page.label << "]";
        if (!page.section.empty()) out << ' ' << page.section;
        out << '\n';
        for (const PageFile& file : page.files) {
            out << "    " << to_string(file.role) << ": " << file.href;
            if (file.pdf_page > 0) out << " page " << file.pdf_page;  // of a multi-page PDF
            out << " (" << file.mime_type << ")\n";
        }
    }
    if (!issue.articles.empty()) {
        out << "articles:  " << issue.articles.size() << '\n';
        for (const Article& a : issue.articles) {
            out << "  " << a.id << " p." << (a.pages.empty() ? "?" : a.pages.front()) << ": "
                << a.headline.value_or("(no headline)") << '\n';
        }
    }
    if (!issue.illustrations.empty())
        out << "illustrations: " << issue.illustrations.size() << '\n';
    if (!issue.articles.empty()) {
        const SegmentationReview review = review_segmentation(issue);
        out << "review:    " << review.summary() << '\n';
        for (const auto& item : review.items) {
            out << "  ";
            if (!item.path.empty())
                out << item.path << ':' << (item.line ? std::to_string(item.line) + ":" : "")
                    << ' ';
            out << item.article << ": " << item.reason << '\n';
        }
    }
    return out.str();
}

std::string describe_issue_json(const Issue& issue) {
    Poco::JSON::Object::Ptr root = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    root->set("title", issue.title);
    root->set("date", issue.date.to_string());
    Poco::JSON::Array::Ptr ids = new Poco::JSON::Array;
    for (const Identifier& id : issue.identifiers) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("type", id.type);
        o->set("value", id.value);
        ids->add(o);
    }
    root->set("identifiers", ids);
    root->set("publisher", issue.publisher);
    root->set("place", issue.place);
    Poco::JSON::Array::Ptr languages = new Poco::JSON::Array;
    for (const std::string& l : issue.languages) languages->add(l);
    root->set("languages", languages);
    root->set("volume", issue.volume);
    root->set("number", issue.number);
    root->set("edition", issue.edition);
    Poco::JSON::Array::Ptr pages = new Poco::JSON::Array;
    for (const Page& page : issue.pages) {
        Poco::JSON::Object::Ptr p = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        p->set("sequence", page.sequence);
        p->set("label", page.label);
        p->set("section", page.section);
        Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
        for (const PageFile& file : page.files) {
            Poco::JSON::Object::Ptr f = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            f->set("role", std::string(to_string(file.role)));
            f->set("href", file.href);
            f->set("mimetype", file.mime_type);
            if (file.pdf_page > 0) f->set("pdf_page", file.pdf_page);
            files->add(f);
        }
        p->set("files", files);
        pages->add(p);
    }
    root->set("pages", pages);
    root->set("articles", static_cast<unsigned>(issue.articles.size()));
    root->set("illustrations", static_cast<unsigned>(issue.illustrations.size()));
    const SegmentationReview review = review_segmentation(issue);
    Poco::JSON::Object::Ptr r = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    r->set("no_headline", static_cast<unsigned>(review.no_headline));
    r->set("low_confidence", static_cast<unsigned>(review.low_confidence));
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& item : review.items) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        o->set("article", item.article);
        o->set("file", item.path);
        o->set("line", static_cast<Poco::UInt64>(item.line));
        o->set("reason", item.reason);
        items->add(o);
    }
    r->set("articles", items);
    root->set("review", r);
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(root, out);
    return out.str();
}

}  // namespace paperbag
