// paperbag's entry point: builds the command line, runs the chosen subcommand and maps
// exceptions to exit codes. The work itself happens in the library.
#include <iostream>

#include "cli/commands.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/version.hpp"

int main(int argc, char** argv) {
    CLI::App app{
        "paperbag: newspaper issues to METS/MODS/PREMIS, ALTO and NewsML-G2,\n"
        "validated and packed into reproducible BagIt-in-ZIP bundles.",
        "paperbag"};
    app.set_version_flag("--version", "paperbag " PAPERBAG_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Exit codes: 0 success or valid, 1 invalid input or document, 2 usage error or "
        "the tool could not do its job.");

    int exit_code = paperbag::cli::exit_ok;
    paperbag::cli::setup_build(app, exit_code);
    paperbag::cli::setup_inspect(app, exit_code);
    paperbag::cli::setup_export(app, exit_code);
    paperbag::cli::setup_stats(app, exit_code);
    paperbag::cli::setup_verify(app, exit_code);
    paperbag::cli::setup_validate(app, exit_code);
    paperbag::cli::setup_schemas(app, exit_code);
    paperbag::cli::setup_plan(app, exit_code);
    paperbag::cli::setup_report(app, exit_code);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? paperbag::cli::exit_ok : paperbag::cli::exit_failure;
    } catch (const paperbag::Error& e) {
        std::cerr << "paperbag: " << e.what() << '\n';
        return paperbag::cli::exit_failure;
    } catch (const std::exception& e) {
        std::cerr << "paperbag: error: " << e.what() << '\n';
        return paperbag::cli::exit_failure;
    }
    return exit_code;
}
