// One file per subcommand: each registers itself on the CLI11 app with an options struct and
// a callback that runs the library job and stores the exit code (0 ok, 1 invalid input,
// 2 usage or tool error; see SPEC section 2).
#pragma once

#include <CLI/CLI.hpp>

namespace paperbag::cli {

enum ExitCode : int { exit_ok = 0, exit_invalid = 1, exit_failure = 2 };

void setup_inspect(CLI::App& app, int& exit_code);
void setup_export(CLI::App& app, int& exit_code);
void setup_stats(CLI::App& app, int& exit_code);
void setup_verify(CLI::App& app, int& exit_code);
void setup_validate(CLI::App& app, int& exit_code);
void setup_schemas(CLI::App& app, int& exit_code);
void setup_build(CLI::App& app, int& exit_code);
void setup_plan(CLI::App& app, int& exit_code);
void setup_report(CLI::App& app, int& exit_code);
void setup_serve(CLI::App& app, int& exit_code);
void setup_deposit(CLI::App& app, int& exit_code);
void setup_ledger(CLI::App& app, int& exit_code);
void setup_view(CLI::App& app, int& exit_code);

}  // namespace paperbag::cli
