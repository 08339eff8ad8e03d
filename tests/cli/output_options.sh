# Output on the command line: `-o -` is standard output (reports, export, plan), -o REPORT
# leaves only the summary line on stdout, plurals in human output, build --dry-run and
# --json, -q and -v.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
export SOURCE_DATE_EPOCH=1710720000
samples=("$SOURCE_DIR"/samples/jianghe-daily-2024-03-18 "$SOURCE_DIR"/samples/riverton-courier-2024-03-18)
cd "$work"

# build --dry-run: what would be built, and why; nothing written, not even the folder.
run "$PAPERBAG" build --dry-run "${samples[@]}" -o "$work/b"
expect_rc 0
expect_out "would build $work/b/jianghe-daily-2024-03-18.zip (no bundle)"
expect_out "summary (dry run): 2 would be built, 0 unchanged, 0 refused; nothing written"
[ ! -e "$work/b" ] || fail "--dry-run created $work/b"

run "$PAPERBAG" build "${samples[@]}" -o "$work/b"
expect_rc 0
expect_out "(2 pages, "
expect_out " illustrations, "

mkdir -p "$work/changed" "$work/broken"
cp "${samples[1]}"/* "$work/changed/"
echo "one more line" >>"$work/changed/page-02.txt"
cp "${samples[0]}"/* "$work/broken/"
sed -i 's/2024-03-18/2024-02-30/' "$work/broken/issue.xml"
run "$PAPERBAG" build --dry-run "${samples[0]}" "$work/changed" "$work/broken" -o "$work/b"
expect_rc 1
expect_out "unchanged  $work/b/jianghe-daily-2024-03-18.zip"
expect_out "would build $work/b/riverton-courier-2024-03-18.zip (built from other inputs)"
expect_out "FAILED     $work/broken"
expect_out "summary (dry run): 1 would be built, 1 unchanged, 1 refused; nothing written"
expect_err "broken/issue.xml"
cmp -s <(unzip -p "$work/b/riverton-courier-2024-03-18.zip" riverton-courier-2024-03-18/data/text/page-02.txt) \
  "${samples[1]}/page-02.txt" || fail "--dry-run replaced a bundle"
run "$PAPERBAG" build --dry-run --force "${samples[0]}" -o "$work/b"
expect_out "would build $work/b/jianghe-daily-2024-03-18.zip (--force)"

# build --json: one JSON object for scripts.
run "$PAPERBAG" build --json "${samples[0]}" "$work/changed" "$work/broken" -o "$work/j"
expect_rc 1
python3 - "$work/out" <<'PY' || fail "build --json: $(head -c 600 "$work/out")"
import json, sys
text = open(sys.argv[1]).read()
run = json.loads(text)
assert text.count("\n") == 1, "one object on one line"
assert run["summary"] == {"built": 2, "unchanged": 0, "failed": 1, "planned": 0}, run["summary"]
assert run["exit_code"] == 1 and run["dry_run"] is False
zh, en, bad = run["issues"]
assert zh["state"] == "built" and zh["bundle"].endswith("/j/jianghe-daily-2024-03-18.zip"), zh
assert zh["pages"] == 2 and zh["articles"] > 0 and zh["bytes"] > 0, zh
assert bad["state"] == "failed" and bad["bundle"] is None, bad
d = [d for d in bad["diagnostics"] if d["severity"] == "error"][0]
assert d["path"].endswith("broken/issue.xml") and isinstance(d["line"], int), d
assert d["code"].startswith("PB-MANIFEST"), d
PY
run "$PAPERBAG" build --json --dry-run "${samples[0]}" -o "$work/j"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["dry_run"] and r["summary"]["unchanged"] == 1, r' "$work/out" \
  || fail "build --json --dry-run: $(cat "$work/out")"

# Plurals: one page, one illustration.
printf 'Town hall opens\n\nThe new town hall opened on Monday with a concert.\n' >"$work/page.txt"
run "$PAPERBAG" build "$work/page.txt" --title "The Daily" --date 2024-05-01 --page 1 -o "$work/one"
expect_rc 0
expect_out "(1 page, "
# (a rate such as "10.1 issues/s" is not a count of one)
if grep -qE '(^|[^0-9.])1 (pages|articles|illustrations|issues|files)\b' "$work/out" "$work/err"; then
  fail "a count of one in the plural: $(cat "$work/out" "$work/err")"
fi

# verify -o REPORT: the report in the file, only the summary line on stdout.
run "$PAPERBAG" verify "$work/b/"*.zip --format junit -o "$work/verify.xml"
expect_rc 0
[ "$(wc -l <"$work/out")" = 1 ] || fail "-o REPORT printed $(wc -l <"$work/out") lines: $(head -c 300 "$work/out")"
expect_out "summary: "
grep -q "<testsuite" "$work/verify.xml" || fail "the JUnit report is not in the file"

# -o - means standard output: reports, export, plan; no file named '-'.
run "$PAPERBAG" verify "$work/b/"*.zip --format json -o -
expect_rc 0
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/out" || fail "verify -o - is not JSON on stdout"
run "$PAPERBAG" validate "$work/b/jianghe-daily-2024-03-18.zip" --format sarif -o -
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["version"] == "2.1.0"' "$work/out" \
  || fail "validate -o - is not SARIF on stdout"
run "$PAPERBAG" export "$work/b" --format jsonl -o -
expect_rc 0
expect_out '"type":"article"'
run "$PAPERBAG" plan "$work/b" -o -
expect_rc 0
expect_out '"key":'
"$PAPERBAG" plan "$work/b" -o "$work/plan.jsonl" 2>"$work/plan.err"
grep -qE '^plan: 2 issues, [0-9]+ bytes' "$work/plan.err" || fail "plan: $(cat "$work/plan.err")"
"$PAPERBAG" verify --plan "$work/plan.jsonl" --shard 0/1 --shard-report "$work/shard.json" >/dev/null 2>&1 \
  || fail "verify --plan"
run "$PAPERBAG" report "$work/shard.json" --format json -o -
expect_rc 0
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/out" || fail "report -o - is not JSON"
run "$PAPERBAG" report "$work/shard.json" --format junit -o "$work/merged.xml"
[ "$(wc -l <"$work/out")" = 1 ] || fail "report -o FILE printed more than the summary"
[ ! -e "$work/-" ] || fail "a file named '-' was written"
run "$PAPERBAG" build "${samples[0]}" -o -
expect_rc 2
expect_err "-o - (standard output) is not supported"

# -q: only errors; -v: run-level notes too.
run "$PAPERBAG" verify -q "$work/b/"*.zip
expect_rc 0
[ ! -s "$work/out" ] && [ ! -s "$work/err" ] || fail "verify -q printed: $(cat "$work/out" "$work/err")"
run "$PAPERBAG" build -q "$work/broken" -o "$work/q"
expect_rc 1
[ ! -s "$work/out" ] || fail "build -q printed results: $(cat "$work/out")"
expect_err "error:"
if grep -q "warning:\|info:" "$work/err"; then fail "build -q printed warnings"; fi
mkdir -p "$work/store"
run "$PAPERBAG" ledger add-title courier --title "The Courier" --store "$work/store" --skip 2024-12-25
expect_rc 0
expect_out "title courier: daily, 1 non-publication date, 0 extra editions"
run "$PAPERBAG" ledger add-title courier --title "The Courier" --store "$work/store" -q
expect_rc 0
[ ! -s "$work/out" ] || fail "ledger add-title -q printed: $(cat "$work/out")"
run "$PAPERBAG" build -v "${samples[0]}" -o "$work/b"
expect_rc 0
expect_out "unchanged  "
echo '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"/>' >"$work/catalog.xml"
run "$PAPERBAG" verify --catalog "$work/catalog.xml" "$work/b/jianghe-daily-2024-03-18.zip"
if grep -q "XML catalog loaded" "$work/err"; then fail "a note without -v"; fi
run "$PAPERBAG" verify -v --catalog "$work/catalog.xml" "$work/b/jianghe-daily-2024-03-18.zip"
expect_err "info: XML catalog loaded"

finish
