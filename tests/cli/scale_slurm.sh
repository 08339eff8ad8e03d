# The Slurm recipe (contrib/slurm/paperbag-shard.sbatch) on a private single-node cluster:
# 40 issues built in 4 shards by a job array are byte for byte the single-machine build, and
# `paperbag report` gives the same summary; the export shards' parts concatenate to the
# single-machine export. Needs root and scripts/setup-scale-deps (skips, saying why).
source "$(dirname "$0")/../support/cli_lib.sh"
source "$(dirname "$0")/../support/scale_lib.sh"
source "$(dirname "$0")/../support/slurm_cluster.sh"
set -e
cd "$work"   # reports written to the current folder stay in the test's folder
setup_scale_deps
export SOURCE_DATE_EPOCH=1710720000 PAPERBAG
recipe=$SOURCE_DIR/contrib/slurm/paperbag-shard.sbatch

make_issues "$work/issues" 40
run "$PAPERBAG" plan "$work/issues" -o "$work/plan.jsonl"
expect_rc 0
[ "$(wc -l <"$work/plan.jsonl")" = 40 ] || fail "40 issues expected in the plan"

# The single-machine build, with its report.
run "$PAPERBAG" build --plan "$work/plan.jsonl" -o "$work/single" -j 2 \
  --shard-report "$work/single.json"
expect_rc 0
run "$PAPERBAG" report "$work/single.json"
expect_rc 0
summary_line "$work/out" >"$work/single.summary"

start_slurm
run sbatch --wait --array=0-3 -D "$work" -o "$work/slurm-%a.out" \
  "$recipe" build "$work/plan.jsonl" "$work/reports" -o "$work/sharded"
expect_rc 0
same_tree "$work/single" "$work/sharded"
run "$PAPERBAG" report "$work"/reports/build-shard-*.json
expect_rc 0
expect_out "shards: 4 of 4 reported (build"
summary_line "$work/out" >"$work/sharded.summary"
cmp -s "$work/single.summary" "$work/sharded.summary" ||
  fail "summaries differ: $(cat "$work/single.summary") / $(cat "$work/sharded.summary")"
grep -q "summary: 40 built, 0 skipped, 0 refused" "$work/sharded.summary" || fail "40 built"
for k in 0 1 2 3; do
  grep -q "\"built\": [1-9]" "$work/reports/build-shard-000$k.json" || fail "shard $k built nothing"
done

# Export of the bundles in 4 shards: the parts concatenate to the single-machine export.
run "$PAPERBAG" plan "$work/single" -o "$work/bundles.jsonl"
expect_rc 0
run "$PAPERBAG" export --plan "$work/bundles.jsonl" --format jsonl -o "$work/all.jsonl"
expect_rc 0
run sbatch --wait --array=0-3 -D "$work" -o "$work/export-%a.out" \
  "$recipe" export "$work/bundles.jsonl" "$work/reports" --format jsonl -o "$work/articles.jsonl"
expect_rc 0
cat "$work"/articles.part-*.jsonl >"$work/joined.jsonl"
cmp -s "$work/all.jsonl" "$work/joined.jsonl" || fail "the export parts do not concatenate"
run "$PAPERBAG" report "$work"/reports/export-shard-*.json
expect_rc 0
expect_out "summary: 40 built, 0 skipped, 0 refused"
finish
