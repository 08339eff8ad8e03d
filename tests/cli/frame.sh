# The command-line frame: --version/-V/version anywhere, help and `help CMD`, unknown commands
# with a suggestion, one error style for every usage error, help without CLI11 internals and
# with defaults, -q/-v/-V on every command.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e

for args in "--version" "-V" "version" "build --version" "validate -V" "ledger gaps --version"; do
  run "$PAPERBAG" $args
  expect_rc 0
  expect_out "paperbag 0."
  [ "$(wc -l <"$work/out")" = 1 ] || fail "'$args' printed more than the version"
done

run "$PAPERBAG" --help
expect_rc 0
expect_out "inspect"
expect_out "Exit codes"
run "$PAPERBAG" help
expect_rc 0
expect_out "usage: paperbag"
expect_out "Exit codes"
run "$PAPERBAG" help build
expect_rc 0
expect_out "usage: paperbag build"
expect_out "--dry-run"
run "$PAPERBAG" help ledger gaps
expect_rc 0
expect_out "usage: paperbag ledger gaps"
run "$PAPERBAG" help biuld
expect_rc 2
expect_err "paperbag: error: unknown command 'biuld'; did you mean 'build'? [PB-USAGE]"

# Unknown commands, at the top and below.
run "$PAPERBAG" biuld samples/ -o out
expect_rc 2
expect_err "paperbag: error: unknown command 'biuld'; did you mean 'build'? [PB-USAGE]"
run "$PAPERBAG" ledger gap --store "$work"
expect_rc 2
expect_err "unknown command 'ledger gap'; did you mean 'ledger gaps'?"
run "$PAPERBAG" frobnicate
expect_rc 2
expect_err "unknown command 'frobnicate'; the commands are: {build, "

run "$PAPERBAG"
expect_rc 2
expect_err "paperbag: error: no command given; the commands are: build, "
run "$PAPERBAG" ledger
expect_rc 2
expect_err "paperbag: error: 'paperbag ledger' needs a command; the commands are: add-title, "

# Every usage error: one line, "paperbag: error: ... [PB-USAGE]", exit 2, no CLI11 wording.
touch "$work/a.xml"
usage_error() {  # EXPECTED ARGS...
  local expected=$1
  shift
  run "$PAPERBAG" "$@"
  expect_rc 2
  expect_err "$expected"
  [ "$(wc -l <"$work/err")" = 1 ] || fail "'$*': more than one line: $(cat "$work/err")"
  grep -qE '^paperbag: error: .+ \[PB-[A-Z-]+\]$' "$work/err" || fail "'$*': not the error style: $(cat "$work/err")"
  if grep -qE 'ENUM|TEXT|INT|Run with|--help for more|FAILED|\{' "$work/err"; then
    fail "'$*': CLI11 internals: $(cat "$work/err")"
  fi
}
usage_error "--profile: 'xml' is not one of none, mets, paperbag" validate --profile xml "$work/a.xml"
usage_error "--format: 'xml' is not one of text, json, junit, sarif" verify --format xml "$work/a.xml"
usage_error "--output is required" build "$work"
usage_error "--jobs: 'abc' is not a valid value" build -j abc "$work" -o "$work/o"
usage_error "--algorithms takes sha256 or sha256,sha512" build --algorithms md5 "$work" -o "$work/o"
usage_error "--timeout: " schemas install --timeout 700
usage_error "INPUT is required" inspect
usage_error "no FILE, DIR or BUNDLE given" validate
usage_error "no BUNDLE given" verify
usage_error "unexpected argument: --bogus" build --bogus "$work" -o "$work/o"
usage_error "--missing: 'maybe' is not one of fail, warn" build --missing maybe "$work" -o "$work/o"
usage_error "--format: 'yaml' is not one of text, csv, json" ledger report --store "$work" --format yaml
usage_error " excludes --" build -q -v "$work" -o "$work/o"
usage_error "--output needs a value" validate "$work/a.xml" -o
usage_error "SHELL is required" completion
usage_error "--unknown: 'maybe' is not one of ignore, warn, fail" validate --unknown maybe "$work/a.xml"
usage_error "--from '2024-13' is not a date" export "$work/a.xml" --from 2024-13
usage_error "the date range is reversed" stats "$work/a.xml" --from 2024-05 --to 2024-01
usage_error "--max-page-text: " build --max-page-text lots "$work" -o "$work/o"

# Help as people read it: no CLI11 internals, defaults shown, -q/-v/-V everywhere.
commands() {  # the commands listed in a help text
  sed -n '/^Commands:/,/^$/p' "$1" | awk 'NR > 1 && NF { print $1 }'
}
"$PAPERBAG" help >"$work/top"
paths=()
for c in $(commands "$work/top"); do
  paths+=("$c")
  "$PAPERBAG" help "$c" >"$work/sub"
  for s in $(commands "$work/sub"); do paths+=("$c $s"); done
done
[ "${#paths[@]}" -ge 20 ] || fail "only ${#paths[@]} commands found: ${paths[*]}"
for p in "" "${paths[@]}"; do
  "$PAPERBAG" help $p >"$work/h" || fail "help $p failed"
  if grep -nE 'ENUM|(TEXT|INT|UINT|FLOAT):|->|in \{|in \[|REQUIRED|Excludes:|Needs:' "$work/h"; then
    fail "help '$p' shows CLI11 internals"
  fi
  for flag in "-q,--quiet" "-v,--verbose" "-V,--version" "-h,--help"; do
    grep -qF -- "$flag" "$work/h" || fail "help '$p' lacks $flag"
  done
done
"$PAPERBAG" help validate >"$work/h"
grep -qF -- "--profile none|mets|paperbag (default: paperbag)" "$work/h" || fail "--profile: $(grep -F -- --profile "$work/h")"
grep -qF -- "--format text|json|junit|sarif (default: text)" "$work/h" || fail "--format: $(grep -F -- --format "$work/h")"
"$PAPERBAG" help build >"$work/h"
grep -qF -- "--algorithms TEXT (default: sha256)" "$work/h" || fail "build --algorithms default"
grep -qF -- "--missing fail|warn (default: fail)" "$work/h" || fail "build --missing default"
grep -qF -- "-o,--output DIR|FILE.zip (required)" "$work/h" || fail "build -o"
"$PAPERBAG" help schemas install >"$work/h"
grep -qF -- "--timeout N (default: 30)" "$work/h" || fail "schemas install --timeout default"
"$PAPERBAG" help export >"$work/h"
grep -qF -- "--format jsonl|csv|txt|xml (default: jsonl)" "$work/h" || fail "export --format default"

finish
