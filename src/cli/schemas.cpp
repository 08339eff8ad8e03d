// paperbag schemas list|install|status: the official schema set in the user's schema
// directory (see include/paperbag/schemas.hpp).
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/frame.hpp"
#include "paperbag/schemas.hpp"

namespace paperbag::cli {

namespace {

struct SchemasOptions {
    std::string dir;
    std::string from;
    std::string mirror;
    int timeout = 30;
};

int run_list() {
    for (const OfficialSchema& s : official_schemas())
        std::cout << s.path << "  " << s.title << "\n    " << s.urls.front() << '\n';
    return exit_ok;
}

int run_status(const SchemasOptions& o) {
    const auto dir = schema_directory(o.dir);
    std::cout << "schema directory: " << dir.string() << '\n';
    std::size_t ok = 0, total = 0;
    for (const SchemaStatus& s : schema_status(o.dir)) {
        ++total;
        ok += s.matches ? 1 : 0;
        std::cout << (s.matches   ? "ok        "
                      : s.present ? "MODIFIED  "
                                  : "missing   ")
                  << s.schema->path << '\n';
    }
    std::error_code ec;
    const bool catalog = std::filesystem::is_regular_file(dir / "catalog.xml", ec);
    std::cout << "catalog.xml: " << (catalog ? "present" : "missing") << '\n'
              << ok << " of " << total << " official schemas installed and matching\n";
    if (ok == total && catalog) return exit_ok;
    std::cout << "run 'paperbag schemas install' to install or repair them\n";
    return exit_invalid;
}

int run_install(const SchemasOptions& o) {
    SchemaInstallOptions options;
    options.target = o.dir;
    options.from = o.from;
    options.mirror = o.mirror;
    options.timeout_seconds = o.timeout;
    Diagnostics problems;
    const bool complete = install_schemas(options, problems);
    for (const Diagnostic& d : problems) print_diagnostic(d);
    const auto dir = schema_directory(o.dir);
    // What is in place now, whatever was there before: "partly" only when some are.
    std::size_t in_place = 0, total = 0;
    for (const SchemaStatus& s : schema_status(o.dir)) {
        ++total;
        in_place += s.matches ? 1 : 0;
    }
    if (in_place == 0) {
        std::cerr << "paperbag: error: nothing installed in " << dir.string() << ": 0 of " << total
                  << " official schemas"
                  << (o.from.empty() ? " (no network, or the sites cannot be reached? "
                                       "--from DIR installs from a folder)"
                                     : "")
                  << " [PB-SCHEMA-MISSING]\n";
        return exit_failure;
    }
    if (complete)
        human_out() << "installed the official schemas in " << dir.string()
                    << " (catalog: " << (dir / "catalog.xml").string() << ")\n";
    else
        human_out() << "partly installed the official schemas in " << dir.string() << ": "
                    << in_place << " of " << total
                    << " in place (catalog: " << (dir / "catalog.xml").string() << ")\n";
    return complete ? exit_ok : exit_failure;
}

}  // namespace

void setup_schemas(CLI::App& app, int& exit_code) {
    auto o = std::make_shared<SchemasOptions>();
    CLI::App* sub = app.add_subcommand(
        "schemas", "Install and check the official schemas that 'paperbag validate' uses");
    sub->require_subcommand(1);
    auto add_dir = [&](CLI::App* cmd) {
        cmd->add_option("--dir", o->dir,
                        "Schema directory (default: $XDG_DATA_HOME/paperbag/schemas or "
                        "~/.local/share/paperbag/schemas)");
    };
    CLI::App* list = sub->add_subcommand("list", "List the official schemas paperbag knows");
    list->callback([&exit_code] { exit_code = run_list(); });
    CLI::App* status =
        sub->add_subcommand("status", "Say what is installed and whether it matches");
    add_dir(status);
    status->callback([o, &exit_code] { exit_code = run_status(*o); });
    CLI::App* install = sub->add_subcommand(
        "install",
        "Install the official schemas (each checked against its pinned SHA-256) and "
        "a catalog");
    add_dir(install);
    auto* from = install->add_option("--from", o->from,
                                     "Copy from this folder (same layout as the schema set)");
    from->check(CLI::ExistingDirectory);
    install
        ->add_option("--mirror", o->mirror,
                     "Download MIRROR/<path> instead of the canonical web addresses")
        ->excludes(from);
    install->add_option("--timeout", o->timeout, "Seconds per connection and read, 1 to 600")
        ->check(CLI::Range(1, 600))
        ->capture_default_str();
    install->callback([o, &exit_code] { exit_code = run_install(*o); });
}

}  // namespace paperbag::cli
