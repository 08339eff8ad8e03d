# The command-line frame: --version, --help, exit codes for usage errors.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e

run "$PAPERBAG" --version
expect_rc 0
expect_out "paperbag 0."

run "$PAPERBAG" --help
expect_rc 0
expect_out "inspect"
expect_out "Exit codes"

run "$PAPERBAG"
expect_rc 2
expect_err "subcommand"

run "$PAPERBAG" no-such-command
expect_rc 2

run "$PAPERBAG" inspect
expect_rc 2
expect_err "INPUT"

finish
