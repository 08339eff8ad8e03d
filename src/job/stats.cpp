#include "paperbag/stats.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <optional>
#include <sstream>

#include "export/json_text.hpp"
#include "job/export_inputs.hpp"
#include "job/parallel.hpp"
#include "job/progress.hpp"
#include "paperbag/error_codes.hpp"

namespace paperbag {

namespace {

struct IssueCounts {
    std::optional<std::pair<std::string, int>> key;  // nothing when skipped or not wanted
    bool read = false;                               // false when skipped
    CorpusCounts counts;
    Diagnostics diagnostics;
};

IssueCounts count_issue(const ExportInput& input, const PageFilesOptions& pages,
                        const ExportFilter& filter) {
    IssueCounts out;
    LoadedIssue loaded = load_export_input(
        input, pages, [&filter](const Issue& issue) { return filter.issue_wanted(issue); });
    out.diagnostics = std::move(loaded.diagnostics);
    if (!loaded.issue) return out;
    out.read = true;
    const Issue& issue = *loaded.issue;
    if (!loaded.wanted) return out;
    out.counts.articles = filter.wanted_articles(issue);
    out.counts.illustrations = filter.wanted_illustrations(issue);
    if (filter.filters_records() && out.counts.articles + out.counts.illustrations == 0) return out;
    out.key = {issue.title, issue.date.valid() ? issue.date.year : 0};
    out.counts.issues = 1;
    out.counts.pages = issue.pages.size();
    const std::string issue_language = issue.language();
    for (const Article& a : issue.articles) {
        if (!filter.record_wanted("article", a.language.empty() ? issue_language : a.language))
            continue;
        out.counts.characters += exporting::code_points(a.body_text());
        if (!a.headline) ++out.counts.without_headline;
    }
    return out;
}

void add(CorpusCounts& into, const CorpusCounts& c) {
    into.issues += c.issues;
    into.pages += c.pages;
    into.articles += c.articles;
    into.illustrations += c.illustrations;
    into.characters += c.characters;
    into.without_headline += c.without_headline;
}

Poco::JSON::Object::Ptr counts_json(const CorpusCounts& c) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("issues", c.issues);
    o->set("pages", c.pages);
    o->set("articles", c.articles);
    o->set("illustrations", c.illustrations);
    o->set("characters", c.characters);
    o->set("articles_without_headline", c.without_headline);
    return o;
}

// Display width of a cell: CJK characters take two columns.
std::size_t width(const std::string& text) {
    std::size_t w = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        w += n >= 3 ? 2 : 1;
        i += n;
    }
    return w;
}

}  // namespace

CorpusStats collect_stats(const StatsOptions& options) {
    options.filter.check();
    CorpusStats stats;
    auto report = [&](const Diagnostic& d) {
        if (options.report) options.report(d);
    };
    Diagnostics problems;
    const std::vector<ExportInput> inputs = collect_export_inputs(options.inputs, problems);
    for (const Diagnostic& d : problems) {
        report(d);
        ++stats.skipped;
        stats.io_failure = stats.io_failure || is_failure_to_run(d);
    }
    std::optional<Progress> progress;
    if (options.progress) progress.emplace(*options.progress, inputs.size(), "issues", true);
    ordered_parallel<IssueCounts>(
        inputs.size(), options.jobs,
        [&](std::size_t i) { return count_issue(inputs[i], options.pages, options.filter); },
        [&](std::size_t i, Outcome<IssueCounts>&& outcome) {
            IssueCounts counts;
            if (outcome.value) {
                counts = std::move(*outcome.value);
            } else {
                try {
                    std::rethrow_exception(outcome.error);
                } catch (const std::exception& e) {
                    counts.diagnostics.add(
                        make_error("PB-INTERNAL", inputs[i].paths.front().string(), 0, e.what()));
                }
            }
            stats.io_failure =
                stats.io_failure || std::any_of(counts.diagnostics.begin(),
                                                counts.diagnostics.end(), is_failure_to_run);
            if (counts.read) {
                ++stats.read;
                if (counts.key) {
                    add(stats.rows[*counts.key], counts.counts);
                    add(stats.total, counts.counts);
                }
            } else {
                ++stats.skipped;
                counts.diagnostics.add(make_error("PB-EXPORT-SKIPPED",
                                                  inputs[i].paths.front().string(), 0,
                                                  "skipped: not counted"));
            }
            std::string lines;
            for (const Diagnostic& d : counts.diagnostics) {
                if (d.severity != Severity::error) continue;  // segmenter warnings: not here
                if (progress)
                    lines += (lines.empty() ? "" : "\n") + d.format();
                else
                    report(d);
            }
            if (progress) progress->item_done(lines);
        });
    if (progress) progress->finish();
    if (options.filter.active() && stats.total.issues == 0 && stats.read > 0)
        report(options.filter.nothing_matched(stats.read, "nothing counted"));
    return stats;
}

std::string format_stats_table(const CorpusStats& stats) {
    std::vector<std::vector<std::string>> cells;
    cells.push_back({"title", "year", "issues", "pages", "articles", "illustrations", "characters",
                     "no headline"});
    auto row = [](std::string title, std::string year, const CorpusCounts& c) {
        return std::vector<std::string>{std::move(title),
                                        std::move(year),
                                        std::to_string(c.issues),
                                        std::to_string(c.pages),
                                        std::to_string(c.articles),
                                        std::to_string(c.illustrations),
                                        std::to_string(c.characters),
                                        std::to_string(c.without_headline)};
    };
    for (const auto& [key, counts] : stats.rows)
        cells.push_back(row(key.first, key.second == 0 ? "?" : std::to_string(key.second), counts));
    cells.push_back(row("total", "", stats.total));
    std::vector<std::size_t> widths(cells.front().size(), 0);
    for (const auto& line : cells)
        for (std::size_t i = 0; i < line.size(); ++i)
            widths[i] = std::max(widths[i], width(line[i]));
    std::ostringstream out;
    for (const auto& line : cells) {
        std::string text;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const std::string pad(widths[i] - width(line[i]), ' ');
            // Names left-aligned, numbers right-aligned.
            text += i < 2 ? line[i] + pad : pad + line[i];
            if (i + 1 < line.size()) text += "  ";
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << '\n';
    }
    if (stats.skipped > 0) out << "skipped: " << stats.skipped << " inputs could not be read\n";
    return out.str();
}

std::string format_stats_json(const CorpusStats& stats) {
    Poco::JSON::Object::Ptr root = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    Poco::JSON::Array::Ptr rows = new Poco::JSON::Array;
    for (const auto& [key, counts] : stats.rows) {
        Poco::JSON::Object::Ptr o = counts_json(counts);
        Poco::JSON::Object::Ptr r = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
        r->set("title", key.first);
        if (key.second == 0)
            r->set("year", Poco::Dynamic::Var());
        else
            r->set("year", key.second);
        for (const auto& name : {"issues", "pages", "articles", "illustrations", "characters",
                                 "articles_without_headline"})
            r->set(name, o->get(name));
        rows->add(r);
    }
    root->set("rows", rows);
    root->set("total", counts_json(stats.total));
    root->set("skipped", stats.skipped);
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(root, out);
    return out.str();
}

}  // namespace paperbag
