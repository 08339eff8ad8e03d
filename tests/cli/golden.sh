# Golden-file tests of paperbag export: tests/golden/jsonl/<case>/args -> expected.jsonl.
# PAPERBAG_REGENERATE=1 rewrites the expected files for review (never set in CI).
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
cd "$SOURCE_DIR"
for case_dir in tests/golden/jsonl/*/; do
  [ -f "$case_dir/args" ] || continue
  # shellcheck disable=SC2046
  run "$PAPERBAG" export $(cat "$case_dir/args") --format jsonl
  expect_rc 0
  if [ "${PAPERBAG_REGENERATE:-}" = 1 ]; then
    cp "$work/out" "$case_dir/expected.jsonl"
    echo "regenerated $case_dir"
  elif ! diff -u "$case_dir/expected.jsonl" "$work/out" >"$work/diff"; then
    fail "$case_dir differs: $(head -c 3000 "$work/diff")"
  fi
  python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$work/out" \
    || fail "$case_dir: output is not JSON Lines"
done
finish
