// The ledger's reports (gaps, duplicates, holdings) as text, CSV or JSON.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <map>
#include <sstream>

#include "core/plural.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/ledger.hpp"

namespace paperbag {

namespace {

// RFC 4180: quoted when it holds a comma, quote or line break.
std::string csv_field(std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_row(std::initializer_list<std::string_view> fields) {
    std::string out;
    for (std::string_view f : fields) {
        if (!out.empty()) out += ',';
        out += csv_field(f);
    }
    return out + "\r\n";
}

std::string json_text(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    return out.str() + "\n";
}

Poco::JSON::Object::Ptr issue_json(const HeldIssue& i) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("id", i.id);
    o->set("title", i.title_key);
    o->set("date", i.date.to_string());
    o->set("edition", i.edition);
    o->set("number", i.number);
    o->set("version", i.version);
    o->set("path", i.path);
    o->set("sha256", i.sha256);
    o->set("size", i.size);
    o->set("pages", i.pages);
    o->set("articles", i.articles);
    o->set("depositor", i.depositor);
    o->set("received_at", i.received_at);
    o->set("verdict", i.verdict);
    return o;
}

Date first_of_month(Date d) {
    d.day = 1;
    return d;
}

Date last_of_month(Date d) {
    d.day = 28;
    while (true) {
        const Date next = next_day(d);
        if (next.month != d.month) return d;
        d = next;
    }
}

}  // namespace

LedgerFormat parse_ledger_format(std::string_view name) {
    if (name == "text") return LedgerFormat::text;
    if (name == "csv") return LedgerFormat::csv;
    if (name == "json") return LedgerFormat::json;
    throw Error("PB-USAGE", "", "unknown format '" + std::string(name) + "': text, csv or json");
}

std::string format_gaps(const std::vector<Gap>& gaps, LedgerFormat format) {
    std::string out;
    switch (format) {
        case LedgerFormat::text:
            for (const Gap& g : gaps)
                out += g.title_key + " " + g.date.to_string() +
                       (g.edition.empty() ? std::string() : " (" + g.edition + ")") + " missing\n";
            out += plural(gaps.size(), "issue") + " missing\n";
            return out;
        case LedgerFormat::csv:
            out = csv_row({"title", "date", "edition"});
            for (const Gap& g : gaps) out += csv_row({g.title_key, g.date.to_string(), g.edition});
            return out;
        case LedgerFormat::json: {
            Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
            for (const Gap& g : gaps) {
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                o->set("title", g.title_key);
                o->set("date", g.date.to_string());
                o->set("edition", g.edition);
                list->add(o);
            }
            return json_text(list);
        }
    }
    return out;
}

std::string format_duplicates(const std::vector<std::vector<HeldIssue>>& groups,
                              LedgerFormat format) {
    std::string out;
    switch (format) {
        case LedgerFormat::text:
            for (const auto& group : groups) {
                const HeldIssue& first = group.front();
                out += first.title_key + " " + first.date.to_string() +
                       (first.edition.empty() ? std::string() : " (" + first.edition + ")") + ": " +
                       std::to_string(group.size()) + " versions\n";
                for (const HeldIssue& i : group)
                    out += "  v" + std::to_string(i.version) + " " + i.path +
                           " sha256:" + i.sha256 + " from " + i.depositor + " at " + i.received_at +
                           "\n";
            }
            out += plural(groups.size(), "issue") + " held more than once\n";
            return out;
        case LedgerFormat::csv:
            out = csv_row({"title", "date", "edition", "version", "path", "sha256", "depositor",
                           "received_at"});
            for (const auto& group : groups)
                for (const HeldIssue& i : group)
                    out += csv_row({i.title_key, i.date.to_string(), i.edition,
                                    std::to_string(i.version), i.path, i.sha256, i.depositor,
                                    i.received_at});
            return out;
        case LedgerFormat::json: {
            Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
            for (const auto& group : groups) {
                Poco::JSON::Array::Ptr versions = new Poco::JSON::Array;
                for (const HeldIssue& i : group) versions->add(issue_json(i));
                list->add(versions);
            }
            return json_text(list);
        }
    }
    return out;
}

std::string format_ledger_report(Ledger& ledger, LedgerFormat format) {
    const std::vector<HeldIssue> held = ledger.issues();
    // Received per depositor and month of receipt.
    std::map<std::pair<std::string, std::string>, std::uint64_t> received;
    for (const HeldIssue& i : held) ++received[{i.depositor, i.received_at.substr(0, 7)}];
    // Missing per title, over the months of the issues received.
    std::vector<Gap> missing;
    for (const Title& t : ledger.titles()) {
        std::optional<Date> lo, hi;
        for (const HeldIssue& i : held) {
            if (i.title_key != t.key) continue;
            if (!lo || i.date < *lo) lo = i.date;
            if (!hi || *hi < i.date) hi = i.date;
        }
        if (!lo) continue;
        for (Gap& g : find_gaps(t, first_of_month(*lo), last_of_month(*hi), held))
            missing.push_back(std::move(g));
    }
    const std::vector<Refusal> refused = ledger.refusals();

    std::string out;
    switch (format) {
        case LedgerFormat::text:
            out += "received (depositor, month, issues):\n";
            for (const auto& [key, n] : received)
                out += "  " + key.first + " " + key.second + " " + std::to_string(n) + "\n";
            out += "missing:\n";
            for (const Gap& g : missing)
                out += "  " + g.title_key + " " + g.date.to_string() +
                       (g.edition.empty() ? std::string() : " (" + g.edition + ")") + "\n";
            out += "refused:\n";
            for (const Refusal& r : refused)
                out += "  " + r.received_at + " " + r.depositor + " " + r.filename + " " +
                       std::to_string(r.status) + " " + r.reason + "\n";
            out += "summary: " + std::to_string(held.size()) + " held, " +
                   std::to_string(missing.size()) + " missing, " + std::to_string(refused.size()) +
                   " refused\n";
            return out;
        case LedgerFormat::csv:
            out = csv_row({"kind", "depositor", "month", "count", "title", "date", "edition",
                           "status", "reason"});
            for (const auto& [key, n] : received)
                out += csv_row(
                    {"received", key.first, key.second, std::to_string(n), "", "", "", "", ""});
            for (const Gap& g : missing)
                out += csv_row({"missing", "", g.date.to_string().substr(0, 7), "1", g.title_key,
                                g.date.to_string(), g.edition, "", ""});
            for (const Refusal& r : refused)
                out += csv_row({"refused", r.depositor, r.received_at.substr(0, 7), "1", "", "", "",
                                std::to_string(r.status), r.reason});
            return out;
        case LedgerFormat::json: {
            Poco::JSON::Object::Ptr root = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
            Poco::JSON::Array::Ptr rec = new Poco::JSON::Array;
            for (const auto& [key, n] : received) {
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                o->set("depositor", key.first);
                o->set("month", key.second);
                o->set("issues", n);
                rec->add(o);
            }
            Poco::JSON::Array::Ptr miss = new Poco::JSON::Array;
            for (const Gap& g : missing) {
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                o->set("title", g.title_key);
                o->set("date", g.date.to_string());
                o->set("edition", g.edition);
                miss->add(o);
            }
            Poco::JSON::Array::Ptr ref = new Poco::JSON::Array;
            for (const Refusal& r : refused) {
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
                o->set("depositor", r.depositor);
                o->set("received_at", r.received_at);
                o->set("filename", r.filename);
                o->set("status", r.status);
                o->set("reason", r.reason);
                o->set("quarantine", r.quarantine);
                ref->add(o);
            }
            root->set("received", rec);
            root->set("missing", miss);
            root->set("refused", ref);
            return json_text(root);
        }
    }
    return out;
}

}  // namespace paperbag
