// The frame around the subcommands: help as people read it (no CLI11 internals, defaults
// shown), `help`, `version`, --version anywhere, unknown commands with a suggestion, and one
// error style for every usage error.
#include <cctype>
#include <iostream>
#include <memory>
#include <regex>

#include "cli/frame.hpp"
#include "paperbag/version.hpp"

namespace paperbag::cli {

namespace {

constexpr std::string_view version_line = "paperbag " PAPERBAG_VERSION;

// "FILE", "DIR", "N" or "TEXT" for an option that takes a value and was given no help text.
std::string placeholder(const CLI::Option* opt) {
    const std::string type = opt->get_type_name();
    const std::string base = type.substr(0, type.find(':'));
    if (type.find("DIR") != std::string::npos) return "DIR";
    if (type.find("FILE") != std::string::npos) return "FILE";
    if (base == "INT" || base == "UINT" || base == "FLOAT" || base == "NUMBER") return "N";
    return "TEXT";
}

class HelpFormatter : public CLI::Formatter {
public:
    HelpFormatter() {
        label("SUBCOMMAND", "COMMAND");
        label("SUBCOMMANDS", "COMMANDS");
        label("Usage", "usage");
    }

    std::string make_option_opts(const CLI::Option* opt) const override {
        std::string out;
        const bool vector = opt->get_expected_max() > 1;
        if (!opt->nonpositional()) return vector ? " ..." : "";
        if (opt->get_expected_max() == 0) return out;  // a flag
        out += " " + (opt->get_option_text().empty() ? placeholder(opt) : opt->get_option_text());
        if (vector) out += " ...";
        const std::string& fallback = opt->get_default_str();
        if (!fallback.empty() && opt->get_description().find("default") == std::string::npos)
            out += " (default: " + fallback + ")";
        if (opt->get_required()) out += " (required)";
        for (const CLI::Option* other : opt->get_excludes())
            out += " (not with " + other->get_name() + ")";
        return out;
    }
};

// The subcommands of `command` that a user may type (hidden ones have an empty group).
std::vector<CLI::App*> commands_of(CLI::App& command) {
    return command.get_subcommands([](CLI::App* sub) { return !sub->get_group().empty(); });
}

CLI::App* find_command(CLI::App& command, std::string_view name) {
    for (CLI::App* sub : commands_of(command))
        if (sub->get_name() == name) return sub;
    return nullptr;
}

[[noreturn]] void unknown_command(CLI::App& parent, const std::string& prefix,
                                  const std::string& word) {
    std::string best;
    std::size_t best_distance = 3;  // at most two edits away
    std::string all;
    for (CLI::App* sub : commands_of(parent)) {
        const std::string& name = sub->get_name();
        all += (all.empty() ? "" : ", ") + name;
        const std::size_t d =
            name.starts_with(word) && word.size() >= 2 ? 1 : edit_distance(word, name);
        if (d < best_distance) best_distance = d, best = name;
    }
    std::string message = "unknown command '" + prefix + word + "'; ";
    message += best.empty() ? "the commands are: " + prefix + "{" + all + "}"
                            : "did you mean '" + prefix + best + "'?";
    throw Error("PB-USAGE", "", message);
}

// The command a user names on `help`'s command line, or an unknown-command error.
CLI::App* command_at(CLI::App& app, const std::vector<std::string>& path) {
    CLI::App* current = &app;
    std::string prefix;
    for (const std::string& word : path) {
        CLI::App* next = find_command(*current, word);
        if (next == nullptr) unknown_command(*current, prefix, word);
        prefix += word + " ";
        current = next;
    }
    return current;
}

// Options of `command` that take a value, by every name ("-o", "--output").
bool takes_value(CLI::App& command, const std::string& arg) {
    const std::string name = arg.substr(0, arg.find('='));
    if (name.size() != arg.size()) return false;  // --name=value
    for (const CLI::Option* opt : command.get_options()) {
        if (opt->get_expected_max() == 0 || !opt->nonpositional()) continue;
        if (opt->check_name(name)) return true;
    }
    return false;
}

bool has_positionals(CLI::App& command) {
    return !command.get_options([](const CLI::Option* o) { return !o->nonpositional(); }).empty();
}

void set_up_command(CLI::App* command, const std::shared_ptr<HelpFormatter>& formatter) {
    command->formatter(formatter);
    if (command->get_group() == "Subcommands") command->group("Commands");
    add_verbosity_flags(command);
    // Handled in before_parse, here for the help and completion.
    command->add_flag("-V,--version")->description("Print paperbag's version and exit");
    for (CLI::App* sub : command->get_subcommands({})) set_up_command(sub, formatter);
}

std::string clean_message(std::string message) {
    static const std::regex mismatch(R"(^(\S+): \d+ required \S+ missing$)");
    static const std::regex expected(
        R"(^Expected (?:exactly|at least) \d+ arguments? to (\S+).*$)");
    static const std::regex conversion(R"(^Could not convert: (\S+) = (.*)$)");
    static const std::regex not_allowed(R"(^The value (.*) is not an allowed value for (\S+)$)");
    static const std::regex extras(R"(^The following arguments? (?:was|were) not expected: (.*)$)");
    message = std::regex_replace(message, mismatch, "$1 needs a value");
    message = std::regex_replace(message, expected, "$1 needs a value");
    message = std::regex_replace(message, conversion, "$1: '$2' is not a valid value");
    message = std::regex_replace(message, not_allowed, "$2: '$1' is not a valid value");
    message = std::regex_replace(message, extras, "unexpected argument: $1");
    // "Expected ..." -> "expected ...", but "SHELL: ..." stays.
    if (message.size() > 1 && std::isupper(static_cast<unsigned char>(message[0])) &&
        std::islower(static_cast<unsigned char>(message[1])))
        message[0] = static_cast<char>(std::tolower(message[0]));
    return message;
}

}  // namespace

std::string help_text(CLI::App& app, const std::vector<std::string>& path) {
    CLI::App* command = command_at(app, path);
    // The formatter itself: App::help() would show the help of the command being run
    // (`help`) instead.
    std::string name = "paperbag";
    for (const std::string& word : path) name += " " + word;
    return command->get_formatter()->make_help(command, name, CLI::AppFormatMode::Normal);
}

void setup_frame(CLI::App& app, int& exit_code) {
    auto help_path = std::make_shared<std::vector<std::string>>();
    auto man = std::make_shared<bool>(false);
    CLI::App* help = app.add_subcommand("help", "Show the help of paperbag or of a command");
    help->add_option("COMMAND", *help_path, "The command, e.g. 'build' or 'ledger gaps'");
    help->add_flag("--man", *man, "Print the man page (roff) instead")->group("");
    help->callback([&app, help_path, man, &exit_code] {
        std::cout << (*man ? man_page(app) : help_text(app, *help_path));
        exit_code = exit_ok;
    });
    app.add_subcommand("version", "Print paperbag's version")->callback([&exit_code] {
        std::cout << version_line << '\n';
        exit_code = exit_ok;
    });
    auto shell = std::make_shared<std::string>();
    CLI::App* completion = app.add_subcommand(
        "completion",
        "Print a shell completion script (e.g. paperbag completion bash >> ~/.bashrc)");
    choices(completion->add_option("SHELL", *shell, "The shell")->required(),
            {"bash", "zsh", "fish"});
    completion->callback([&app, shell, &exit_code] {
        std::cout << completion_script(app, *shell);
        exit_code = exit_ok;
    });

    auto formatter = std::make_shared<HelpFormatter>();
    app.formatter(formatter);
    add_verbosity_flags(&app);
    app.add_flag("-V,--version")->description("Print paperbag's version and exit");
    for (CLI::App* sub : app.get_subcommands({})) set_up_command(sub, formatter);
}

std::optional<int> before_parse(CLI::App& app, const std::vector<std::string>& args) {
    for (const std::string& arg : args) {
        if (arg == "--") break;
        if (arg == "--version" || arg == "-V") {
            std::cout << version_line << '\n';
            return exit_ok;
        }
    }
    // Walk the command words: each must name a command of the one before while there are
    // commands to choose from.
    CLI::App* current = &app;
    std::string prefix;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--" || commands_of(*current).empty() || has_positionals(*current)) break;
        if (arg.starts_with("-")) {
            if (takes_value(*current, arg)) ++i;
            continue;
        }
        CLI::App* next = find_command(*current, arg);
        if (next == nullptr) unknown_command(*current, prefix, arg);
        prefix += arg + " ";
        current = next;
    }
    return std::nullopt;
}

int parse_error(CLI::App& app, const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e) == 0 ? exit_ok : exit_failure;  // --help
    std::string message = e.what();
    if (message == "A subcommand is required") {
        // The deepest command given is the one that lacks its subcommand.
        CLI::App* current = &app;
        std::string prefix = "paperbag";
        for (auto given = current->get_subcommands(); !given.empty();
             given = current->get_subcommands()) {
            current = given.front();
            prefix += " " + current->get_name();
        }
        std::string names;
        for (CLI::App* sub : commands_of(*current))
            names += (names.empty() ? "" : ", ") + sub->get_name();
        message =
            (current == &app ? "no command given" : "'" + prefix + "' needs a command") +
            std::string("; the commands are: ") + names + " (see '" +
            (current == &app ? std::string("paperbag help") : "paperbag help " + prefix.substr(9)) +
            "')";
    } else {
        message = clean_message(message);
    }
    std::cerr << "paperbag: error: " << message << " [PB-USAGE]\n";
    return exit_failure;
}

}  // namespace paperbag::cli
