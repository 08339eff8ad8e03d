// paperbag's entry point: builds the command line, runs the chosen subcommand and maps
// exceptions to exit codes. The work itself happens in the library.
#include <pthread.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "cli/frame.hpp"
#include "io/temp_cleanup.hpp"
#include "paperbag/diagnostic.hpp"
#include "paperbag/error_codes.hpp"

namespace {

// Last resort for an exception no one caught (in a worker thread, or a noexcept boundary):
// remove the temporary files, say so, exit 2. Never a bare std::terminate.
[[noreturn]] void on_terminate() {
    paperbag::remove_registered_temporaries();
    constexpr char message[] =
        "paperbag: error: internal error: an exception was not handled; temporary files "
        "removed [PB-INTERNAL]\n";
    (void)!::write(STDERR_FILENO, message, sizeof message - 1);
    ::_exit(paperbag::cli::exit_failure);
}

// Everything a command printed must have reached stdout: a full disk or a closed pipe is
// a failure (exit 2), never a silent success.
bool flush_stdout() {
    std::cout.flush();
    errno = 0;
    const bool stream_ok = static_cast<bool>(std::cout);
    if (std::fflush(stdout) == 0 && std::ferror(stdout) == 0 && stream_ok) return true;
    const int saved = errno != 0 ? errno : EIO;
    std::cerr << "paperbag: error: cannot write to standard output: " << std::strerror(saved)
              << " [PB-IO]\n";
    return false;
}

int run(int argc, char** argv) {
    CLI::App app{
        "paperbag: newspaper issues to METS/MODS/PREMIS, ALTO and NewsML-G2,\n"
        "validated and packed into reproducible BagIt-in-ZIP bundles.",
        "paperbag"};
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
    paperbag::cli::setup_serve(app, exit_code);
    paperbag::cli::setup_deposit(app, exit_code);
    paperbag::cli::setup_ledger(app, exit_code);
    paperbag::cli::setup_view(app, exit_code);
    paperbag::cli::setup_frame(app, exit_code);

    const std::vector<std::string> args(argv + 1, argv + argc);
    if (const auto done = paperbag::cli::before_parse(app, args)) return *done;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        exit_code = paperbag::cli::parse_error(app, e);
    }
    return exit_code;
}

}  // namespace

// A reader that stops reading (`paperbag export ... | head`) ends the command quietly, as it
// does any Unix filter: the network library blocks SIGPIPE process-wide, so every command but
// the two that talk HTTP (which must survive a peer closing its socket) takes it back.
// (A static initializer of the network library blocks SIGPIPE before main.)
static void default_sigpipe(int argc, char** argv) {
    const std::string_view command = argc > 1 ? argv[1] : "";
    if (command == "serve" || command == "deposit") return;
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    ::pthread_sigmask(SIG_UNBLOCK, &pipe, nullptr);
    std::signal(SIGPIPE, SIG_DFL);
}

int main(int argc, char** argv) {
    default_sigpipe(argc, argv);
    paperbag::install_cleanup_handlers();
    std::set_terminate(on_terminate);
    int exit_code = paperbag::cli::exit_failure;
    try {
        exit_code = run(argc, argv);
    } catch (const paperbag::Error& e) {
        std::cerr << "paperbag: " << e.what() << '\n';
        exit_code = paperbag::exit_code_for(e.diagnostic());
    } catch (const std::bad_alloc&) {
        std::cerr << "paperbag: error: out of memory [PB-OUT-OF-MEMORY]\n";
        exit_code = paperbag::cli::exit_failure;
    } catch (const std::exception& e) {
        std::cerr << "paperbag: error: internal error: " << e.what() << " [PB-INTERNAL]\n";
        exit_code = paperbag::cli::exit_failure;
    } catch (...) {
        std::cerr << "paperbag: error: internal error: unknown exception [PB-INTERNAL]\n";
        exit_code = paperbag::cli::exit_failure;
    }
    if (!flush_stdout()) return paperbag::cli::exit_failure;
    return exit_code;
}
