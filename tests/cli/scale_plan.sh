# paperbag plan, --plan/--shard on build, validate, verify and export, and paperbag report,
# on one machine (the engines' recipes are tested in scale_slurm*.sh and scale_dask.sh).
source "$(dirname "$0")/../support/cli_lib.sh"
source "$(dirname "$0")/../support/scale_lib.sh"
set -e
cd "$work"   # reports written to the current folder stay in the test's folder
export SOURCE_DATE_EPOCH=1710720000
make_issues "$work/issues" 7

# A METS issue folder, a PDF and a bundle are issues too; other files are not.
mkdir -p "$work/more/mets-issue" "$work/more/sub"
printf '<?xml version="1.0"?>\n<mets:mets xmlns:mets="http://www.loc.gov/METS/"/>\n' \
  >"$work/more/mets-issue/issue-mets.xml"
printf '<?xml version="1.0"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"/>\n' \
  >"$work/more/sub/page.xml"
printf '%%PDF-1.4\n%%EOF\n' >"$work/more/sub/gazette-1901-05-02.pdf"
: >"$work/more/.hidden.zip"

ln -s .. "$work/more/sub/loop"   # a link back up is not followed
run "$PAPERBAG" plan "$work/issues" "$work/more" -o "$work/plan.jsonl"
expect_rc 0
expect_err "plan: 9 issues"
[ "$(wc -l <"$work/plan.jsonl")" = 9 ] || fail "9 plan lines expected: $(cat "$work/plan.jsonl")"
grep -q '"key":"riverton-courier-2024-01-01","kind":"issue-folder"' "$work/plan.jsonl" ||
  fail "issue folder keyed by its issue key: $(head -2 "$work/plan.jsonl")"
grep -q '"key":"mets-issue","kind":"mets-folder"' "$work/plan.jsonl" || fail "METS issue folder"
grep -q '"key":"gazette-1901-05-02","kind":"pdf"' "$work/plan.jsonl" || fail "PDF"
grep -q '"digest":"sha256:[0-9a-f]\{64\}"' "$work/plan.jsonl" || fail "digest"
python3 - "$work/plan.jsonl" <<'PY' || fail "plan lines are JSON sorted by key with sizes"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
keys = [l["key"] for l in lines]
assert keys == sorted(keys) and len(set(keys)) == len(keys), keys
assert all(l["size"] > 0 for l in lines if l["kind"] == "issue-folder")
PY

# Deterministic: the inputs in another order give the same bytes.
run "$PAPERBAG" plan "$work/more" "$work/issues" -o "$work/plan2.jsonl"
expect_rc 0
cmp -s "$work/plan.jsonl" "$work/plan2.jsonl" || fail "plan depends on the order of its inputs"

# Inputs that are not issues: exit 1 (2 for a missing one), no plan written.
printf 'x\n' >"$work/notes.txt"
run "$PAPERBAG" plan "$work/notes.txt" -o "$work/bad.jsonl"
expect_rc 1
expect_err "notes.txt: error: not an issue folder, METS issue folder, PDF or bundle [PB-PLAN-INPUT]"
[ ! -e "$work/bad.jsonl" ] || fail "a failed plan must not be written"
run "$PAPERBAG" plan "$work/missing" -o "$work/bad.jsonl"
expect_rc 2
# Two issues with one key would write one bundle: refused.
cp -r "$work/issues/riverton-courier-2024-01-01" "$work/twin"
run "$PAPERBAG" plan "$work/issues" "$work/twin" -o "$work/bad.jsonl"
expect_rc 2
expect_err "same key 'riverton-courier-2024-01-01'"

# Build in 3 shards: together exactly the single-machine build, byte for byte.
run "$PAPERBAG" plan "$work/issues" -o "$work/issues.jsonl"
expect_rc 0
run "$PAPERBAG" build "$work"/issues/*/ -o "$work/single" -j 2
expect_rc 0
for k in 0 1 2; do
  run "$PAPERBAG" build --plan "$work/issues.jsonl" --shard "$k/3" -o "$work/sharded" \
    --shard-report "$work/reports/build-$k.json"
  expect_rc 0
  expect_err "shard $k/3:"
  expect_out "summary: "
done
same_tree "$work/single" "$work/sharded"
python3 - "$work"/reports/build-*.json <<'PY' || fail "every item in exactly one shard"
import json, sys
reports = [json.load(open(f)) for f in sys.argv[1:]]
keys = [i["key"] for r in reports for i in r["items"]]
assert len(keys) == 7 and len(set(keys)) == 7, keys
assert all(r["built"] > 0 and r["exit_code"] == 0 for r in reports), reports
outs = [i["output"] for r in reports for i in r["items"]]
assert len(set(outs)) == 7, outs
PY
run "$PAPERBAG" report "$work"/reports/build-*.json
expect_rc 0
expect_out "shards: 3 of 3 reported (build"
expect_out "summary: 7 built, 0 skipped, 0 refused"

# The whole plan without --shard: the same build, and no shard report unless asked.
run "$PAPERBAG" build --plan "$work/issues.jsonl" -o "$work/whole"
expect_rc 0
same_tree "$work/single" "$work/whole"
[ ! -e build-shard-0000-of-0001.json ] || fail "--plan alone wrote a shard report"

# Idempotent: a shard run again skips what it built; the bytes stay.
run "$PAPERBAG" build --plan "$work/issues.jsonl" --shard 1/3 -o "$work/sharded" \
  --shard-report "$work/again.json"
expect_rc 0
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["built"]==0 and r["skipped"]>0' \
  "$work/again.json" || fail "the rerun rebuilt: $(head -c 400 "$work/again.json")"
same_tree "$work/single" "$work/sharded"

# A missing shard, or a report of another plan: exit 2, named.
run "$PAPERBAG" report "$work/reports/build-0.json" "$work/reports/build-2.json"
expect_rc 2
expect_out "shard 1/3 has no report"
run "$PAPERBAG" build --plan "$work/plan.jsonl" --shard 0/3 -o "$work/other" \
  --shard-report "$work/other.json"
run "$PAPERBAG" report "$work/reports/build-0.json" "$work/other.json" "$work/reports/build-1.json" \
  "$work/reports/build-2.json"
expect_rc 2
expect_out "other.json: error: this report was made from another plan"

# CI formats.
run "$PAPERBAG" report "$work"/reports/build-*.json --format junit -o "$work/report.xml"
expect_rc 0
xmllint --noout "$work/report.xml" || fail "JUnit report is not well-formed"
grep -q 'tests="7"' "$work/report.xml" || fail "JUnit: 7 testcases"
run "$PAPERBAG" report "$work"/reports/build-*.json --format sarif -o "$work/report.sarif"
expect_rc 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["version"]=="2.1.0"' \
  "$work/report.sarif" || fail "SARIF report"

# A broken issue is refused by its shard (exit 1) and by the merged report.
mkdir -p "$work/broken/bad-issue"
printf '<issue xmlns="urn:x-paperbag:issue:1"><title>T</title></issue>\n' \
  >"$work/broken/bad-issue/issue.xml"
cp -r "$work/issues/jianghe-daily-2024-01-02" "$work/broken/"
run "$PAPERBAG" plan "$work/broken" -o "$work/broken.jsonl"
expect_rc 0
expect_err "listed under its folder name 'bad-issue'"
run "$PAPERBAG" build --plan "$work/broken.jsonl" --shard 0/1 -o "$work/broken-out" \
  --shard-report "$work/broken.json"
expect_rc 1
run "$PAPERBAG" report "$work/broken.json"
expect_rc 1
expect_out "refused    bad-issue"
expect_out "summary: 1 built, 0 skipped, 1 refused"
# Its SARIF describes every rule a result carries (the manifest's PB-MANIFEST-SCHEMA here).
run "$PAPERBAG" report "$work/broken.json" --format sarif
expect_rc 1
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"][0]; ids={x["id"] for x in r["tool"]["driver"]["rules"]}; used={x["ruleId"] for x in r["results"]}; assert used and used <= ids and any(u.startswith("PB-MANIFEST-") for u in used), (used, ids)' \
  "$work/out" || fail "merged SARIF: a result's rule is not in tool.driver.rules"

# verify and validate over a plan of the bundles.
run "$PAPERBAG" plan "$work/single" -o "$work/bundles.jsonl"
expect_rc 0
grep -q '"kind":"bundle"' "$work/bundles.jsonl" || fail "bundles in the plan"
for k in 0 1; do
  run "$PAPERBAG" verify --plan "$work/bundles.jsonl" --shard "$k/2" \
    --shard-report "$work/verify-$k.json"
  expect_rc 0
done
run "$PAPERBAG" report "$work"/verify-*.json
expect_rc 0
expect_out "summary: 7 built, 0 skipped, 0 refused"
run "$PAPERBAG" validate --plan "$work/bundles.jsonl" --shard 1/2 --profile paperbag \
  --shard-report "$work/validate-1.json"
expect_rc 0
grep -q '"command": "validate"' "$work/validate-1.json" || fail "validate shard report"
# The merged report keeps a shard's exit code (2 here when the official schemas are absent:
# not validated is refused).
run "$PAPERBAG" validate --plan "$work/bundles.jsonl" --shard 0/2 --profile mets \
  --shard-report "$work/validate-0.json"
shard_rc=$rc
run "$PAPERBAG" report "$work/validate-0.json" "$work/validate-1.json"
expect_rc "$shard_rc"
if [ "$shard_rc" = 2 ]; then expect_out "refused    "; fi

# export: the parts concatenate, in shard order, to the single-machine output.
for format in jsonl csv; do
  run "$PAPERBAG" export "$work/single" --format "$format" -o "$work/all.$format"
  expect_rc 0
  for k in 0 1 2; do
    run "$PAPERBAG" export --plan "$work/bundles.jsonl" --shard "$k/3" --format "$format" \
      -o "$work/parts.$format" --shard-report "$work/export-$k.json"
    expect_rc 0
  done
  cat "$work"/parts.part-*."$format" >"$work/joined.$format"
  cmp -s "$work/all.$format" "$work/joined.$format" || fail "$format parts do not concatenate"
  [ "$(ls "$work"/parts.part-*."$format" | wc -l)" = 3 ] || fail "3 $format parts expected"
done
[ -f "$work/parts.part-0000-of-0003.csv" ] || fail "part names: $(ls "$work")"

# Usage errors: exit 2.
run "$PAPERBAG" build --shard 0/2 -o "$work/x"
expect_rc 2
expect_err "--shard and --shard-report need --plan FILE"
run "$PAPERBAG" build --plan "$work/issues.jsonl" --shard 3/3 -o "$work/x"
expect_rc 2
expect_err "--shard takes K/N with 0 <= K < N"
run "$PAPERBAG" build "$work/issues/riverton-courier-2024-01-01" --plan "$work/issues.jsonl" -o "$work/x"
expect_rc 2
expect_err "give either INPUT... or --plan FILE"
printf '{"key":"a"}\n' >"$work/broken-plan.jsonl"
run "$PAPERBAG" build --plan "$work/broken-plan.jsonl" -o "$work/x"
expect_rc 2
expect_err "broken-plan.jsonl:1: error: not a plan line"
finish
