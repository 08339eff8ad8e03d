#include "paperbag/export.hpp"

#include "paperbag/bundle_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <memory>
#include <set>

#include "export/exporter.hpp"
#include "io/atomic_file.hpp"
#include "io/file.hpp"
#include "io/gzip.hpp"
#include "job/export_inputs.hpp"
#include "job/parallel.hpp"
#include "job/progress.hpp"
#include "paperbag/clock.hpp"
#include "paperbag/error_codes.hpp"
#include "paperbag/ids.hpp"

namespace paperbag {

namespace {

// Writes to the atomic file (or the stream) as it goes, through gzip when asked.
class Sink {
public:
    Sink(const std::optional<std::filesystem::path>& output, bool gzip, std::ostream& out)
        : out_(out) {
        if (output) file_.emplace(*output);
        if (gzip) gzip_ = std::make_unique<GzipEncoder>();
    }
    void write(std::string_view data) {
        if (data.empty()) return;
        if (gzip_)
            put(gzip_->add(data));
        else
            put(data);
    }
    void commit() {
        if (gzip_) put(gzip_->finish());
        if (file_) file_->commit();
        if (!file_) {
            errno = 0;
            out_.flush();
            check_stream();
        }
    }

private:
    void put(std::string_view data) {
        if (data.empty()) return;
        if (file_)
            file_->write(data);
        else {
            errno = 0;
            out_.write(data.data(), static_cast<std::streamsize>(data.size()));
            check_stream();
        }
    }
    // A stream that failed (full disk, closed pipe) stops the export: exit 2, not success.
    void check_stream() const {
        if (out_) return;
        if (errno == 0) errno = EIO;
        throw_system_error("cannot write", "standard output");
    }
    std::ostream& out_;
    std::optional<AtomicFile> file_;
    std::unique_ptr<GzipEncoder> gzip_;
};

// What a worker hands back for one input, in input order.
struct IssueDone {
    std::string records;
    std::size_t kept = 0;  // records the filter took
    Diagnostics diagnostics;
    bool skipped = false;
    bool output_failed = false;
};

Diagnostic usage(const std::string& message) {
    return make_error("PB-USAGE", "", 0, message);
}

// The entries a run adds to an output folder (and the folder itself when it did not exist):
// removed on destruction unless keep() was called.
class CreatedFiles {
public:
    explicit CreatedFiles(std::filesystem::path folder) : folder_(std::move(folder)) {
        std::error_code ec;
        existed_ = std::filesystem::exists(folder_, ec);
        if (existed_)
            for (const auto& entry : std::filesystem::directory_iterator(folder_, ec))
                before_.insert(entry.path().filename().string());
        std::filesystem::create_directories(folder_, ec);
        if (ec) throw Error("PB-IO", folder_.string(), "cannot create: " + ec.message());
    }
    ~CreatedFiles() {
        if (kept_) return;
        std::error_code ec;
        if (!existed_) {
            std::filesystem::remove_all(folder_, ec);
            return;
        }
        std::vector<std::filesystem::path> added;
        for (const auto& entry : std::filesystem::directory_iterator(folder_, ec))
            if (!before_.contains(entry.path().filename().string())) added.push_back(entry.path());
        for (const auto& path : added) std::filesystem::remove_all(path, ec);
    }
    CreatedFiles(const CreatedFiles&) = delete;
    CreatedFiles& operator=(const CreatedFiles&) = delete;
    void keep() { kept_ = true; }

private:
    std::filesystem::path folder_;
    bool existed_ = false;
    bool kept_ = false;
    std::set<std::string> before_;
};

bool ends_with_gz(const std::optional<std::filesystem::path>& output) {
    return output && output->extension() == ".gz";
}

// --fields "id, headline": names without the spaces around them; empty names left out.
std::vector<std::string> trimmed_fields(const std::vector<std::string>& fields) {
    std::vector<std::string> out;
    for (const std::string& field : fields) {
        const auto first = field.find_first_not_of(" \t");
        if (first == std::string::npos) continue;
        out.push_back(field.substr(first, field.find_last_not_of(" \t") - first + 1));
    }
    return out;
}

}  // namespace

std::vector<std::string> export_field_names() {
    std::vector<std::string> out;
    for (std::string_view name : exporting::all_fields()) out.emplace_back(name);
    return out;
}

std::vector<std::filesystem::path> read_export_list(std::istream& in, const std::string& name) {
    return read_path_list(in, name);
}

ExportStatus run_export(const ExportOptions& options, std::ostream& out, Diagnostics& diagnostics) {
    auto report = [&](const Diagnostic& d) {
        if (options.report)
            options.report(d);
        else
            diagnostics.add(d);
    };
    const auto* row = exporting::find_exporter(options.format);
    if (row == nullptr) {
        report(usage("unknown export format '" + options.format + "' (jsonl, csv, txt, xml)"));
        return ExportStatus::failure;
    }
    if (options.inputs.empty()) {
        report(usage("no input given"));
        return ExportStatus::failure;
    }
    const std::vector<std::string> fields = trimmed_fields(options.fields);
    for (const std::string& field : fields) {
        const auto names = exporting::all_fields();
        if (std::find(names.begin(), names.end(), field) == names.end()) {
            report(usage("unknown field '" + field + "' for --fields"));
            return ExportStatus::failure;
        }
    }
    try {
        options.filter.check();
    } catch (const Error& e) {
        report(e.diagnostic());
        return ExportStatus::failure;
    }
    const bool gzip = options.gzip || ends_with_gz(options.output);
    if (row->folder && (!options.output || gzip)) {
        report(usage(std::string("--format ") + std::string(row->name) +
                     (gzip ? " writes files; --gzip applies to jsonl and csv"
                           : " needs an output folder: -o DIR")));
        return ExportStatus::failure;
    }

    Diagnostics problems;
    const std::vector<ExportInput> inputs = collect_export_inputs(options.inputs, problems);
    bool skipped_any = !problems.empty();
    // An input that could not be read at all (missing, unreadable) is a failure of the run
    // (exit 2), an input that was read and rejected only makes it exit 1.
    bool could_not_read = false;
    for (const Diagnostic& d : problems) {
        could_not_read = could_not_read || is_failure_to_run(d);
        report(d);
    }
    if (options.output) {
        // Also the bundles found in folders: "-o corpus/a.zip" must not replace one.
        std::vector<std::filesystem::path> read = options.inputs;
        for (const ExportInput& input : inputs)
            read.insert(read.end(), input.paths.begin(), input.paths.end());
        try {
            refuse_output_over_input(*options.output, read);
        } catch (const Error& e) {
            report(e.diagnostic());
            return ExportStatus::failure;
        }
    }
    // What a folder export (txt, xml) adds to its -o folder; removed again when it fails, so
    // a full disk leaves no partial folder.
    std::optional<CreatedFiles> created;
    try {
        // Usage is checked before anything is read.
        for (const ExportInput& input : inputs) {
            if (input.kind != ExportInput::Kind::pages) continue;
            // --title is also the title of page text files: one title, not a choice of several.
            if (options.filter.titles.size() > 1)
                throw Error(usage("page text files take one --title, their publication title; " +
                                  std::to_string(options.filter.titles.size()) + " were given"));
            (void)issue_from_page_files(input.paths, options.pages);
        }
        const std::unique_ptr<Clock> clock = clock_from_environment();
        exporting::ExportSettings settings;
        settings.fields = fields;
        settings.clock = clock.get();
        if (row->folder) {
            settings.folder = *options.output;
            settings.several_issues = inputs.size() > 1;
            created.emplace(settings.folder);
        }
        const ExportFilter& filter = options.filter;
        if (filter.filters_records()) {
            settings.keep = [&filter](const exporting::Record& r) {
                return filter.record_wanted(r.text("type"), r.text("language"));
            };
        }
        const std::unique_ptr<exporting::Exporter> exporter = row->make(settings);

        std::optional<Sink> sink;
        if (!row->folder) {
            sink.emplace(options.output, gzip, out);
            if (options.header) sink->write(exporter->header());
        }
        std::optional<Progress> progress;
        if (options.progress) progress.emplace(*options.progress, inputs.size(), "issues", true);
        bool output_failed = false;
        std::size_t read_ok = 0;
        std::size_t kept = 0;

        auto work = [&](std::size_t i) {
            IssueDone done;
            if (row->needs_originals && inputs[i].kind == ExportInput::Kind::bundle) {
                // A bundle already holds its XML and originals: unpack its data/ folder.
                const std::filesystem::path& bundle = inputs[i].paths.front();
                unpack_bundle_payload(
                    bundle,
                    settings.several_issues ? settings.folder / bundle.stem() : settings.folder,
                    options.max_output);
                done.kept = 1;  // unpacked whole: the filters do not apply to a bundle's data/
                return done;
            }
            LoadedIssue loaded = load_export_input(
                inputs[i], options.pages,
                [&filter](const Issue& issue) { return filter.issue_wanted(issue); });
            done.diagnostics = std::move(loaded.diagnostics);
            if (!loaded.issue) {
                done.skipped = true;
                return done;
            }
            if (!loaded.wanted) return done;
            done.kept =
                filter.wanted_articles(*loaded.issue) + filter.wanted_illustrations(*loaded.issue);
            try {
                exporter->write_issue(*loaded.issue, {loaded.source}, done.records);
            } catch (const Error& e) {
                done.diagnostics.add(e.diagnostic());
                done.output_failed = true;
            }
            return done;
        };
        auto deliver = [&](std::size_t i, Outcome<IssueDone>&& outcome) {
            IssueDone done;
            if (outcome.value) {
                done = std::move(*outcome.value);
            } else {
                done.skipped = true;
                try {
                    std::rethrow_exception(outcome.error);
                } catch (const Error& e) {
                    done.diagnostics.add(e.diagnostic());
                    done.output_failed = is_failure_to_run(e.diagnostic());
                } catch (const std::exception& e) {
                    done.diagnostics.add(
                        make_error("PB-EXPORT", inputs[i].paths.front().string(), 0, e.what()));
                }
            }
            if (done.skipped)
                done.diagnostics.add(make_error("PB-EXPORT-SKIPPED",
                                                inputs[i].paths.front().string(), 0,
                                                "skipped: nothing exported from this input"));
            skipped_any = skipped_any || done.skipped;
            could_not_read =
                could_not_read ||
                std::any_of(done.diagnostics.begin(), done.diagnostics.end(), is_failure_to_run);
            if (!done.skipped) ++read_ok;
            kept += done.kept;
            output_failed = output_failed || done.output_failed;
            if (sink && !output_failed) sink->write(done.records);
            std::string lines;
            for (const Diagnostic& d : done.diagnostics) {
                if (progress)
                    lines += (lines.empty() ? "" : "\n") + d.format();
                else
                    report(d);
            }
            if (progress) progress->item_done(lines);
        };
        ordered_parallel<IssueDone>(inputs.size(), options.jobs, work, deliver);
        if (progress) progress->finish();
        if (filter.active() && kept == 0 && read_ok > 0)
            report(filter.nothing_matched(read_ok, "nothing exported"));
        if (output_failed) return ExportStatus::failure;  // `created` removes what it made
        if (created) created->keep();
        // Skipped inputs are reported and the rest is written; only when nothing at all could
        // be read is no output file left behind.
        if (sink && (read_ok > 0 || !skipped_any)) sink->commit();
        if (could_not_read) return ExportStatus::failure;
        return skipped_any ? ExportStatus::invalid_input : ExportStatus::ok;
    } catch (const Error& e) {
        report(e.diagnostic());
        return exit_code_for(e.diagnostic()) == 1 ? ExportStatus::invalid_input
                                                  : ExportStatus::failure;
    }
}

}  // namespace paperbag
