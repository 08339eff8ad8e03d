#include "paperbag/export.hpp"

#include <algorithm>
#include <sstream>

#include "export/exporter.hpp"
#include "io/atomic_file.hpp"
#include "paperbag/ids.hpp"
#include "paperbag/manifest.hpp"

namespace paperbag {

namespace {

bool is_issue_folder(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::is_directory(p, ec) || p.filename() == "issue.xml";
}

// Writes to the atomic file as it goes, or to the stream.
class Sink {
public:
    Sink(const std::optional<std::filesystem::path>& output, std::ostream& out) : out_(out) {
        if (output) file_.emplace(*output);
    }
    void write(const std::string& data) {
        if (file_)
            file_->write(data);
        else
            out_ << data << std::flush;
    }
    void commit() {
        if (file_) file_->commit();
    }

private:
    std::ostream& out_;
    std::optional<AtomicFile> file_;
};

}  // namespace

ExportStatus run_export(const ExportOptions& options, std::ostream& out, Diagnostics& diagnostics) {
    const auto* row = exporting::find_exporter(options.format);
    if (row == nullptr) {
        diagnostics.add(
            make_error("PB-USAGE", "", 0, "unknown export format '" + options.format + "'"));
        return ExportStatus::failure;
    }
    if (options.inputs.empty()) {
        diagnostics.add(make_error("PB-USAGE", "", 0, "no input given"));
        return ExportStatus::failure;
    }
    try {
        // Group the inputs: each issue folder alone, consecutive page files as one issue.
        std::vector<std::vector<std::filesystem::path>> groups;
        bool last_was_file = false;
        for (const auto& input : options.inputs) {
            const bool folder = is_issue_folder(input);
            if (folder || !last_was_file) groups.emplace_back();
            groups.back().push_back(input);
            last_was_file = !folder;
        }
        // Usage is checked before anything is read.
        for (const auto& group : groups)
            if (!is_issue_folder(group.front())) (void)issue_from_page_files(group, options.pages);

        Sink sink(options.output, out);
        auto exporter = row->make();
        ExportStatus status = ExportStatus::ok;
        for (const auto& group : groups) {
            std::optional<Issue> issue;
            if (is_issue_folder(group.front())) {
                issue = read_manifest(group.front(), diagnostics);
                if (!issue) {
                    const bool io =
                        std::any_of(diagnostics.begin(), diagnostics.end(),
                                    [](const Diagnostic& d) { return d.code == "PB-IO"; });
                    return io ? ExportStatus::failure : ExportStatus::invalid_input;
                }
            } else {
                issue = issue_from_page_files(group, options.pages);
            }
            segment_issue(*issue, diagnostics);
            exporting::IssueSource source{issue_key(*issue)};
            std::ostringstream records;
            exporter->write_issue(*issue, source, records);
            sink.write(records.str());
        }
        sink.commit();
        return status;
    } catch (const Error& e) {
        diagnostics.add(e.diagnostic());
        const std::string& code = e.diagnostic().code;
        return code == "PB-IO" || code == "PB-USAGE" ? ExportStatus::failure
                                                     : ExportStatus::invalid_input;
    }
}

}  // namespace paperbag
