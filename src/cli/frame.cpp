#include "cli/frame.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <iostream>

#include "job/progress.hpp"

namespace paperbag::cli {

namespace {

// Set by the flags while parsing; read by commands after it.
int quiet_flags = 0;
int verbose_flags = 0;
bool no_progress = false;

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string joined(const std::vector<std::string>& names, std::string_view separator) {
    std::string out;
    for (const std::string& name : names) {
        if (!out.empty()) out += separator;
        out += name;
    }
    return out;
}

}  // namespace

Verbosity verbosity() {
    if (quiet_flags > 0) return Verbosity::quiet;
    return verbose_flags > 0 ? Verbosity::verbose : Verbosity::normal;
}

std::ostream& human_out() {
    static std::ostream discard(nullptr);
    return quiet() ? discard : std::cout;
}

void print_diagnostic(const Diagnostic& d) {
    if (d.severity == Severity::error || !quiet()) std::cerr << d.format() << '\n';
}

void print_run_message(const Diagnostic& d) {
    if (d.severity == Severity::info && !verbose()) return;
    print_diagnostic(d);
}

std::uint64_t parse_size(const std::string& text, const std::string& option) {
    std::size_t used = 0;
    std::uint64_t value = 0;
    if (!text.empty() && text.front() >= '0' && text.front() <= '9') {
        try {
            value = std::stoull(text, &used);
        } catch (const std::exception&) {
            used = 0;
        }
    }
    std::string unit = used == 0 ? "?" : text.substr(used);
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (unit.size() > 1 && unit.ends_with("IB"))
        unit.resize(unit.size() - 2);
    else if (unit.size() > 1 && unit.ends_with("B"))
        unit.resize(unit.size() - 1);
    static const std::string units = "KMGT";
    unsigned shift = 0;
    if (unit.size() == 1 && units.find(unit[0]) != std::string::npos)
        shift = 10 * static_cast<unsigned>(units.find(unit[0]) + 1);
    else if (!unit.empty() && unit != "B")
        throw Error("PB-USAGE", "",
                    option + ": '" + text +
                        "' is not a size (a number of bytes, or with K, M, G or T: 16MiB)");
    if (shift > 0 && value > (~std::uint64_t{0} >> shift))
        throw Error("PB-USAGE", "", option + ": '" + text + "' is too large");
    return value << shift;
}

CLI::Option* size_option(CLI::App* sub, const std::string& name, std::uint64_t& target,
                         const std::string& help) {
    const std::string shown = name.substr(0, name.find(','));
    return sub
        ->add_option_function<std::string>(
            name, [&target, shown](const std::string& text) { target = parse_size(text, shown); },
            help)
        ->option_text("SIZE");
}

void add_progress_flag(CLI::App* sub) {
    sub->add_flag("--no-progress", no_progress,
                  "Draw no progress bar (none is drawn off a terminal or with TERM=dumb)");
}

bool progress_wanted(bool stdout_busy) {
    if (quiet() || no_progress || !terminal_can_redraw(STDERR_FILENO)) return false;
    return !(stdout_busy && ::isatty(STDOUT_FILENO) != 0);
}

std::ostream* progress_stream(bool stdout_busy) {
    return progress_wanted(stdout_busy) ? &std::cerr : nullptr;
}

CLI::Option* choices(CLI::Option* option, std::vector<std::string> names,
                     std::string default_name) {
    option->option_text(joined(names, "|"));
    if (!default_name.empty()) option->default_str(default_name);
    // transform() runs before the validators and transforms added earlier (CheckedTransformer
    // maps names to enums), so they only ever see a known, lower-case name.
    option->transform(CLI::Validator(
        [names](std::string& value) -> std::string {
            const std::string wanted = lower(value);
            if (std::find(names.begin(), names.end(), wanted) == names.end())
                return "'" + value + "' is not one of " + joined(names, ", ");
            value = wanted;
            return {};
        },
        "", "choices"));
    return option;
}

std::vector<std::string> choice_names(const CLI::Option* option) {
    const std::string& text = option->get_option_text();
    if (text.find('|') == std::string::npos || text.find(' ') != std::string::npos) return {};
    std::vector<std::string> names;
    std::size_t start = 0;
    for (std::size_t bar = text.find('|'); bar != std::string::npos; bar = text.find('|', start)) {
        names.push_back(text.substr(start, bar - start));
        start = bar + 1;
    }
    names.push_back(text.substr(start));
    return names;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

void add_verbosity_flags(CLI::App* command) {
    auto* q = command->add_flag("-q,--quiet", quiet_flags,
                                "Print only errors (no results, summaries, warnings or progress)");
    auto* v = command->add_flag("-v,--verbose", verbose_flags,
                                "Also print notes and details (e.g. run-level notes)");
    q->excludes(v);
}

}  // namespace paperbag::cli
