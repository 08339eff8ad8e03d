# Shards record into one holdings ledger (issue #19 with #15): 4 shard processes of
# `paperbag build --plan P --shard K/4 --ledger L` run at once and record every issue they
# build into one ledger, SQLite and (when PAPERBAG_TEST_POSTGRES names a server, as .ci/run
# does through scripts/with-postgres) PostgreSQL: every issue is recorded once with its
# bundle's digest, each title once, and rerunning the shards records nothing twice.
source "$(dirname "$0")/../support/cli_lib.sh"
source "$(dirname "$0")/../support/scale_lib.sh"
set -e
cd "$work"
command -v python3 >/dev/null || { echo "skipped: python3 is not installed"; exit 77; }
export SOURCE_DATE_EPOCH=1710720000
make_issues "$work/issues" 24
run "$PAPERBAG" plan "$work/issues" -o "$work/plan.jsonl"
expect_rc 0

# shards LEDGER OUT: the 4 shards at once; fails when any shard fails.
shards() {
  local ledger=$1 out=$2 k pids=() failed=0
  for k in 0 1 2 3; do
    "$PAPERBAG" build --plan "$work/plan.jsonl" --shard "$k/4" -j 1 -o "$out" \
      --ledger "$ledger" --shard-report "$work/report-$k.json" >"$work/shard-$k.out" 2>&1 &
    pids+=($!)
  done
  for k in 0 1 2 3; do
    wait "${pids[$k]}" || { failed=1; fail "shard $k failed: $(tail -c 400 "$work/shard-$k.out")"; }
  done
  return $failed
}

# check_ledger LEDGER OUT: the 24 bundles of OUT are recorded once each, by depositor
# "build", with their SHA-256 and absolute path; titles once each; no duplicates.
check_ledger() {
  local ledger=$1 out=$2
  run "$PAPERBAG" ledger report --ledger "$ledger" --format json
  expect_rc 0
  cp "$work/out" "$work/report.json"
  run "$PAPERBAG" ledger duplicates --ledger "$ledger" --format json
  expect_rc 0
  cp "$work/out" "$work/duplicates.json"
  for title in riverton-courier jianghe-daily; do
    run "$PAPERBAG" ledger gaps --ledger "$ledger" --title "$title" --from 2024-01-01 \
      --to 2024-01-24 --format json
    expect_rc 0
    cp "$work/out" "$work/gaps-$title.json"
  done
  python3 - "$work" "$out" <<'PY' || fail "the ledger does not hold each issue once"
import json, os, sys
work, out = sys.argv[1], sys.argv[2]
report = json.load(open(os.path.join(work, "report.json")))
built = sum(r["issues"] for r in report["received"] if r["depositor"] == "build")
assert built == 24, f"{built} issues recorded by the shards, 24 expected"
dups = json.load(open(os.path.join(work, "duplicates.json")))
ours = [g for g in dups if any(v["title"] in ("riverton-courier", "jianghe-daily") for v in g)]
assert not ours, f"duplicates: {ours}"
# Every title's calendar (daily, added by the first shard that met it) misses exactly the
# days of the other title: the two samples alternate.
for title, first in (("riverton-courier", 0), ("jianghe-daily", 1)):
    gaps = {g["date"] for g in json.load(open(os.path.join(work, f"gaps-{title}.json")))}
    expected = {f"2024-01-{d:02d}" for d in range(1, 25) if (d - 1) % 2 != first}
    assert gaps == expected, f"{title}: gaps {sorted(gaps)}"
PY
}

# SQLite: rows also checked against the files (path and SHA-256).
shards "sqlite:$work/ledger.sqlite" "$work/out-sqlite"
check_ledger "sqlite:$work/ledger.sqlite" "$work/out-sqlite"
python3 - "$work/ledger.sqlite" "$work/out-sqlite" <<'PY' || fail "ledger rows and bundles differ"
import hashlib, os, sqlite3, sys
rows = sqlite3.connect(sys.argv[1]).execute("SELECT path, sha256, depositor FROM issues").fetchall()
files = sorted(os.path.join(sys.argv[2], f) for f in os.listdir(sys.argv[2]) if f.endswith(".zip"))
assert len(files) == 24, len(files)
assert sorted(r[0] for r in rows) == [os.path.abspath(f) for f in files], rows[:2]
for path, sha, who in rows:
    assert who == "build" and hashlib.sha256(open(path, "rb").read()).hexdigest() == sha, path
PY
# Rerun: every bundle unchanged, nothing recorded twice.
shards "sqlite:$work/ledger.sqlite" "$work/out-sqlite"
for k in 0 1 2 3; do
  grep -q "summary: 0 built, [1-9][0-9]* unchanged, 0 failed" "$work/shard-$k.out" ||
    fail "shard $k rebuilt on the rerun: $(tail -3 "$work/shard-$k.out")"
done
check_ledger "sqlite:$work/ledger.sqlite" "$work/out-sqlite"

# An unreachable ledger fails the shard (exit 2) and its report says so.
run "$PAPERBAG" build --plan "$work/plan.jsonl" --shard 0/4 -o "$work/out-bad" \
  --ledger "sqlite:$work/no/such/folder/ledger.sqlite" --shard-report "$work/bad.json"
[ "$rc" = 2 ] || fail "a ledger that cannot be opened must fail the build with exit 2, got $rc"
expect_err "PB-LEDGER"

if [ -z "${PAPERBAG_TEST_POSTGRES:-}" ]; then
  echo "PostgreSQL part skipped: PAPERBAG_TEST_POSTGRES is not set (.ci/run starts one through scripts/with-postgres)"
elif ! command -v psql >/dev/null; then
  echo "PostgreSQL part skipped: psql is not installed (to create a database of the test's own)"
else
  # A database of its own: the server's database holds other tests' titles (the unit tests
  # add one with the Riverton Courier's ISSN, under which these issues would be catalogued).
  db=scale_ledger_$$
  psql -q "$PAPERBAG_TEST_POSTGRES" -c "CREATE DATABASE $db" >/dev/null
  pg=${PAPERBAG_TEST_POSTGRES%/*}/$db
  shards "$pg" "$work/out-pg"
  check_ledger "$pg" "$work/out-pg"
  shards "$pg" "$work/out-pg"
  check_ledger "$pg" "$work/out-pg"
  psql -q "$PAPERBAG_TEST_POSTGRES" -c "DROP DATABASE $db" >/dev/null || true
fi
finish
