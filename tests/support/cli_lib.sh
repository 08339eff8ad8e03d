# Helpers for command-line tests: source this file. $PAPERBAG is the executable under test.
set -u
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run CMD...: runs a command, keeping stdout in $work/out, stderr in $work/err, code in $rc.
run() {
  set +e
  "$@" >"$work/out" 2>"$work/err"
  rc=$?
  set -e
}
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_rc() { [ "$rc" = "$1" ] || fail "expected exit $1, got $rc ($(head -c 400 "$work/err"))"; }
expect_out() { grep -qF -- "$1" "$work/out" || fail "stdout lacks '$1': $(head -c 400 "$work/out")"; }
expect_err() { grep -qF -- "$1" "$work/err" || fail "stderr lacks '$1': $(head -c 400 "$work/err")"; }
finish() {
  if [ "$failures" -gt 0 ]; then echo "$failures check(s) failed" >&2; exit 1; fi
  echo "all checks passed"
}
