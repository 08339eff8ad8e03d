// The command-line frame every subcommand shares: -q/-v, --no-progress, choices shown and
// checked without CLI11's internals, `-o -` for standard output, and the parts of main that
// are not a subcommand (help, version, completion, the man page, usage errors).
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "paperbag/diagnostic.hpp"

namespace paperbag::cli {

// -q: only errors; -v: also notes (info) and details. Set once while parsing, before any
// command runs (never from worker threads).
enum class Verbosity { quiet, normal, verbose };
Verbosity verbosity();
inline bool quiet() {
    return verbosity() == Verbosity::quiet;
}
inline bool verbose() {
    return verbosity() == Verbosity::verbose;
}

// Human output on stdout (result lines, summaries): std::cout, or a stream that discards
// everything under -q. Data a command exists to print (records, reports, plans) goes to
// std::cout directly.
std::ostream& human_out();

// A finding of an item (an issue, a file): errors always, warnings and notes unless -q.
void print_diagnostic(const Diagnostic& d);
// A run-level message: errors always, warnings unless -q, notes (info) only with -v.
void print_run_message(const Diagnostic& d);

// --no-progress on a command that draws a progress bar.
void add_progress_flag(CLI::App* sub);
// Whether a bar may be drawn on stderr: it can redraw (a terminal, TERM not dumb), neither -q
// nor --no-progress was given, and, when the command writes its data to stdout as it goes
// (`stdout_busy`), stdout is not the same terminal.
bool progress_wanted(bool stdout_busy = false);
// &std::cerr when progress_wanted(stdout_busy), else nullptr (for the job options).
std::ostream* progress_stream(bool stdout_busy = false);

// `-o -`: standard output.
inline bool is_stdout(std::string_view output) {
    return output == "-";
}

// The option takes one of `names` (case-insensitive; the value is lower-cased before other
// validators and transforms see it). Help shows "a|b|c (default: d)"; a wrong value is
// "--opt: 'x' is not one of a, b, c".
CLI::Option* choices(CLI::Option* option, std::vector<std::string> names,
                     std::string default_name = {});
// A size in bytes: "1048576", "50K", "16M", "2G", "1T", also with "iB" or "B" after the unit
// ("16MiB", "16MB"); units are powers of 1024. Throws Error (PB-USAGE) naming `option`.
std::uint64_t parse_size(const std::string& text, const std::string& option = "size");

// An option taking a size (parse_size) into `target`; help shows SIZE and the default.
CLI::Option* size_option(CLI::App* sub, const std::string& name, std::uint64_t& target,
                         const std::string& help);

// The names given to choices(), from the option's help text ("a|b|c"), or empty.
std::vector<std::string> choice_names(const CLI::Option* option);

// -q/--quiet and -v/--verbose on one command (setup_frame adds them to every command).
void add_verbosity_flags(CLI::App* command);

// Everything a subcommand did not add itself: the help formatter, -q/-v/-V on every command,
// `help`, `version`, `completion`. Call after every setup_*.
void setup_frame(CLI::App& app, int& exit_code);

// Handles what CLI11 cannot: --version/-V anywhere (before "--"), unknown commands with a
// suggestion, a missing command. Returns the exit code when the run ends here.
std::optional<int> before_parse(CLI::App& app, const std::vector<std::string>& args);

// Prints a CLI11 parse error in paperbag's one style ("paperbag: error: ... [PB-USAGE]"), or
// the help it asked for, and returns the exit code.
int parse_error(CLI::App& app, const CLI::ParseError& e);

// The help of the command at `path` (empty: paperbag itself), as --help prints it.
std::string help_text(CLI::App& app, const std::vector<std::string>& path);
// The man page (roff), generated from the command definitions.
std::string man_page(CLI::App& app);
// A completion script for bash, zsh or fish.
std::string completion_script(CLI::App& app, std::string_view shell);

// The Levenshtein distance, for "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace paperbag::cli
