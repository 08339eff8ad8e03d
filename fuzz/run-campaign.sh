#!/usr/bin/env bash
# The fuzzing campaign of docs/fuzzing.md: runs libFuzzer targets of the fuzz build in turn,
# each for SECONDS on JOBS processes, and adds each run's executions to a tally, so that a
# campaign can be spread over several sittings and still be counted per target.
#
#     fuzz/run-campaign.sh [--seconds N] [--jobs N] [--build DIR] [--rounds N] [TARGET...]
#
# Defaults: 600 seconds, 2 jobs, build/fuzz, 1 round, every target. Per target, new inputs go
# to DIR/campaign/<target>/corpus (not the repository), crashes, timeouts and leaks to
# DIR/campaign/<target>/artifacts, logs to DIR/campaign/<target>/logs. The tally is
# DIR/campaign/tally.tsv: one line per run (UTC start, target, wall seconds it took,
# executions, new artifacts, CPU seconds of its workers: user + system, so that a run
# starved by other work is not counted as more than it got); a run that executed nothing
# is reported and not counted. Runs at the
# lowest CPU priority, so it uses what other work leaves; the timeout is 120 s because a
# starved process can wait that long for a core (a timeout artifact is replayed with the
# normal build before it counts as a hang). Slow units are reported only past an hour: a
# campaign paused with SIGSTOP would otherwise report every input it was stopped in.
# Build the targets first (docs/fuzzing.md, "Running the fuzzer").
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=600 jobs=2 build=$root/build/fuzz rounds=1
targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --seconds) seconds=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    -*) echo "run-campaign: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(importer alto hocr page pdf bundle validate_zip mets manifest zip_stream source_mets)
campaign=$build/campaign
mkdir -p "$campaign"
# fontconfig's own cache (poppler looks fonts up) is never freed: the suppression the
# sanitizer ctests use (scripts/test-sanitize).
export LSAN_OPTIONS=suppressions=$root/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}
tally=$campaign/tally.tsv
[ -f "$tally" ] || printf 'start\ttarget\tseconds\texecutions\tartifacts\tcpu_seconds\n' >"$tally"

# CPU seconds (user + system) of this shell's finished children, from the builtin `times`
# (run in this shell, not in a command substitution, whose subshell has no children).
children_cpu() {
  times >"$campaign/.times"
  awk 'NR == 2 {
    n = split($0, f, " ")
    for (i = 1; i <= n; i++) { split(f[i], p, "m"); total += p[1] * 60 + p[2] }
    printf "%d\n", total }' "$campaign/.times"
}

for _ in $(seq 1 "$rounds"); do
  for target in "${targets[@]}"; do
    binary=$build/fuzz/paperbag_fuzz_$target
    [ -x "$binary" ] || { echo "run-campaign: $binary is not built" >&2; exit 2; }
    dir=$campaign/$target
    mkdir -p "$dir/corpus" "$dir/artifacts" "$dir/logs"
    seeds=("$root/fuzz/corpus/$target")
    # The walk of an arriving ZIP has no corpus of its own: its seeds are the ZIP targets'.
    [ "$target" = zip_stream ] && seeds=("$root/fuzz/corpus/bundle" "$root/fuzz/corpus/validate_zip")
    [ "$target" = pdf ] && [ -d "$root/build/main/test-pdfs" ] && seeds+=("$root/build/main/test-pdfs")
    before=$(find "$dir/artifacts" -type f | wc -l)
    start=$(date -u +%Y-%m-%dT%H:%M:%SZ) started=$SECONDS
    children_cpu >"$campaign/.cpu"; cpu_before=$(cat "$campaign/.cpu")
    rm -f "$dir"/logs/fuzz-*.log
    (cd "$dir/logs" && nice -n 19 "$binary" -jobs="$jobs" -workers="$jobs" \
      -max_total_time="$seconds" -timeout=120 -report_slow_units=3600 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$dir/artifacts/" "$dir/corpus" "${seeds[@]}" >/dev/null 2>&1) || true
    elapsed=$((SECONDS - started))
    children_cpu >"$campaign/.cpu"; cpu=$(($(cat "$campaign/.cpu") - cpu_before))
    # Per worker: its final count, or the last progress line of a worker that was killed.
    executions=0
    for log in "$dir"/logs/fuzz-*.log; do
      [ -f "$log" ] || continue
      n=$(awk '/stat::number_of_executed_units/ {final = $2}
               /^#[0-9]+/ {last = substr($1, 2)}
               END {print (final != "" ? final : last) + 0}' "$log")
      executions=$((executions + n))
    done
    after=$(find "$dir/artifacts" -type f | wc -l)
    if [ "$executions" -eq 0 ]; then
      echo "run-campaign: $target ran no input; not counted. Its log:" >&2
      tail -n 5 "$dir"/logs/fuzz-*.log >&2 2>/dev/null || true
      continue
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$start" "$target" "$elapsed" "$executions" "$((after - before))" "$cpu" >>"$tally"
    echo "$target: $executions executions in ${elapsed}s (${cpu} CPU s), $((after - before)) new artifacts"
  done
done
echo "totals per target:"
awk -F'\t' 'NR > 1 {n[$2] += $4; s[$2] += $3; a[$2] += $5; if ($6 != "") {c[$2] += $6} else {u[$2] = 1}}
  END {for (t in n) printf "  %-13s %12d executions %7d s %7d CPU s%s %3d artifacts\n",
                            t, n[t], s[t], c[t], (t in u ? "+" : " "), a[t]}' "$tally" | sort
echo "(CPU s+: some runs predate the CPU column and are not in that sum)"
