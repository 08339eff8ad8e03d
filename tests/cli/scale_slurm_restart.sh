# A shard killed mid-run (SIGKILL, as on a node failure) and resubmitted finishes the rest:
# the bundles are byte for byte the single-machine build and nothing half-written remains.
# Private single-node Slurm cluster; needs root and scripts/setup-scale-deps (skips otherwise).
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
run "$PAPERBAG" build --plan "$work/plan.jsonl" -o "$work/single" -j 2
expect_rc 0

start_slurm
job=$(sbatch --parsable --array=0-3 -D "$work" -o "$work/slurm-%a.out" \
  "$recipe" build "$work/plan.jsonl" "$work/reports" -o "$work/sharded")
# Kill shard 1 once it has built two bundles and before it has finished.
killed=0
for _ in $(seq 600); do
  built=$(grep -c '^built' "$work/slurm-1.out" 2>/dev/null) || true
  if [ "${built:-0}" -ge 2 ] &&
     ! grep -q '^summary:' "$work/slurm-1.out"; then
    scancel --signal=KILL --full "${job}_1"
    killed=1
    break
  fi
  sleep 0.05
done
[ "$killed" = 1 ] || fail "shard 1 finished before it could be killed"
for _ in $(seq 1200); do squeue -h -j "$job" 2>/dev/null | grep -q . || break; sleep 0.1; done
[ ! -e "$work/reports/build-shard-0001.json" ] || fail "a killed shard must not leave a report"
run "$PAPERBAG" report "$work"/reports/build-shard-*.json
expect_rc 2
expect_out "shard 1/4 has no report"

# Resubmitted alone (PAPERBAG_SHARDS keeps N=4 for a one-task array).
export PAPERBAG_SHARDS=4
run sbatch --wait --array=1 -D "$work" -o "$work/slurm-again-%a.out" \
  "$recipe" build "$work/plan.jsonl" "$work/reports" -o "$work/sharded"
expect_rc 0
unset PAPERBAG_SHARDS
grep -q '^unchanged' "$work/slurm-again-1.out" || fail "the rerun should skip what was built"
same_tree "$work/single" "$work/sharded"
run "$PAPERBAG" report "$work"/reports/build-shard-*.json
expect_rc 0
expect_out "shards: 4 of 4 reported"
expect_out " 0 refused"
finish
