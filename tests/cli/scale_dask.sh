# The Dask recipe (contrib/dask/paperbag_dask.py) on a LocalCluster: 40 issues in 4 shards,
# one task per shard running the paperbag executable, byte for byte the single-machine build,
# the same report summary, and export parts that concatenate to the single-machine export.
# Needs scripts/setup-scale-deps (python3-distributed; skips, saying why).
source "$(dirname "$0")/../support/cli_lib.sh"
source "$(dirname "$0")/../support/scale_lib.sh"
set -e
setup_scale_deps
export SOURCE_DATE_EPOCH=1710720000 PAPERBAG
recipe=$SOURCE_DIR/contrib/dask/paperbag_dask.py
# Debian's python3-distributed belongs to Debian's Python (another python3 may come first).
python=/usr/bin/python3
if ! "$python" -c 'import distributed' 2>/dev/null; then
  echo "SKIP: $python cannot import distributed (python3-distributed)"
  exit 77
fi

make_issues "$work/issues" 40
run "$PAPERBAG" plan "$work/issues" -o "$work/plan.jsonl"
expect_rc 0
run "$PAPERBAG" build --plan "$work/plan.jsonl" -o "$work/single" -j 2 \
  --shard-report "$work/single.json"
expect_rc 0
run "$PAPERBAG" report "$work/single.json"
summary_line "$work/out" >"$work/single.summary"

cd "$work"
run timeout 300 "$python" "$recipe" --local-workers 2 --shards 4 build "$work/plan.jsonl" \
  "$work/reports" -- -o "$work/sharded"
expect_rc 0
expect_out "shards: 4 of 4 reported (build"
summary_line "$work/out" >"$work/dask.summary"
cmp -s "$work/single.summary" "$work/dask.summary" ||
  fail "summaries differ: $(cat "$work/single.summary") / $(cat "$work/dask.summary")"
same_tree "$work/single" "$work/sharded"

run "$PAPERBAG" plan "$work/single" -o "$work/bundles.jsonl"
run "$PAPERBAG" export --plan "$work/bundles.jsonl" --format csv -o "$work/all.csv"
expect_rc 0
run timeout 300 "$python" "$recipe" --local-workers 2 --shards 4 export "$work/bundles.jsonl" \
  "$work/reports" -- --format csv -o "$work/articles.csv"
expect_rc 0
cat "$work"/articles.part-*.csv >"$work/joined.csv"
cmp -s "$work/all.csv" "$work/joined.csv" || fail "the export parts do not concatenate"
finish
