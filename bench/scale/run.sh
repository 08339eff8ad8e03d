#!/usr/bin/env bash
# Scale-out overhead and the plan step (docs/scale.md). Not run by ctest.
#
#   1. N issues (default 200) built on 2 cores (taskset): one process with -j 2, against
#      4 shards of a plan running at once (-j 1 each, as 4 Slurm tasks on a 2-core node), and
#      against what a user would otherwise do: split the folders by hand with xargs -P 2.
#      The shards' bundles are checked to be byte for byte the single build's.
#   2. `paperbag plan` over P issue folders (default 100,000; generated on the fly, page
#      files hard-linked): seconds and peak RSS.
#
# Usage: bench/scale/run.sh [N] [P]    (PAPERBAG=path/to/paperbag; default build/main)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
n=${1:-200}
p=${2:-100000}
paperbag=${PAPERBAG:-$root/build/main/src/paperbag}
[ -x "$paperbag" ] || { echo "build paperbag first (scripts/build)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1710720000
cores=0,1
[ "$(nproc)" -ge 2 ] || cores=0

python3 "$root/bench/scale/make_issues.py" "$root/samples" "$work/in" "$n"
"$paperbag" plan "$work/in" -o "$work/plan.jsonl" 2>/dev/null

timed() {  # timed LABEL CMD...: wall seconds and peak RSS (of the largest process)
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
  read -r secs rss <"$work/time"
  printf '%-44s %8.2f s  %8.1f issues/s  peak RSS %7.1f MiB\n' "$label" "$secs" \
    "$(echo "$n / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
  echo "$secs" >"$work/last"
}

shards() {  # 4 shard processes at once on the given cores
  local k pids=()
  for k in 0 1 2 3; do
    taskset -c "$cores" "$paperbag" build --plan "$work/plan.jsonl" --shard "$k/4" -j 1 \
      -o "$work/sharded" --shard-report "$work/r-$k.json" >/dev/null 2>&1 &
    pids+=($!)
  done
  local rc=0
  for k in "${pids[@]}"; do wait "$k" || rc=1; done
  return $rc
}
export -f shards
export paperbag work cores

echo "paperbag build on 2 cores: $n issues (samples)"
timed "one process, -j 2" taskset -c "$cores" "$paperbag" build "$work"/in/*/*/ -j 2 -o "$work/single"
single=$(cat "$work/last")
timed "4 shards of a plan at once, -j 1 each" bash -c shards
sharded=$(cat "$work/last")
timed "by hand: xargs -P 2, 10 folders per process" bash -c \
  "ls -d \"$work\"/in/*/*/ | taskset -c $cores xargs -n 10 -P 2 \"$paperbag\" build -j 1 -o \"$work/xargs\""
manual=$(cat "$work/last")
diff -r "$work/single" "$work/sharded" >/dev/null && echo "shards == single build: byte for byte" ||
  { echo "shards differ from the single build" >&2; exit 1; }
printf 'overhead of 4 shards vs one process: %+.1f %%; by hand (xargs): %+.1f %%\n' \
  "$(echo "($sharded / $single - 1) * 100" | bc -l)" "$(echo "($manual / $single - 1) * 100" | bc -l)"

rm -rf "$work/in" "$work/single" "$work/sharded" "$work/xargs"
echo
echo "paperbag plan: $p issue folders (generating...)"
python3 "$root/bench/scale/make_issues.py" "$root/samples" "$work/big" "$p"
/usr/bin/time -f "%e %M" -o "$work/time" "$paperbag" plan "$work/big" -o "$work/big.jsonl" -j 2 2>/dev/null
read -r secs rss <"$work/time"
printf '%-44s %8.2f s  %8.0f issues/s  peak RSS %7.1f MiB  plan %s lines\n' "plan, -j 2" "$secs" \
  "$(echo "$p / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$(wc -l <"$work/big.jsonl")"
/usr/bin/time -f "%e %M" -o "$work/time" find "$work/big" -type f -exec cat {} + >/dev/null
read -r secs rss <"$work/time"
printf '%-44s %8.2f s  (reading every file once: the floor)\n' "find -exec cat (for comparison)" "$secs"
