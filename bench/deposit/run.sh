#!/usr/bin/env bash
# Deposit benchmarks and load test (not run by ctest):
#
#     bench/deposit/run.sh [SIZE_MB] [N] [EACH_MB]     (defaults 1024 20 50)
#
# (a) receive + verify: `paperbag deposit` of one SIZE_MB bundle to `paperbag serve` on
#     loopback (streamed to disk with MD5 + SHA-256, verified, stored, recorded) against
#     `paperbag verify` of the same file alone; the target is a ratio of at most 1.3.
# (b) load: N concurrent deposits of EACH_MB bundles; every bundle stored once, the ledger
#     consistent with the store, the server's peak memory (VmHWM) under 200 MB.
# (c) crash: the same N uploads again into a fresh store, the server SIGKILLed in the middle;
#     after a restart nothing is partial (no file under a bundle's name without its ledger
#     row, no row without its file, no leftovers) and every receipt a client got is held.
# Needs a built paperbag (scripts/build); PAPERBAG overrides the executable.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
size=${1:-1024}
n=${2:-20}
each=${3:-50}
pb=${PAPERBAG:-${PAPERBAG_BUILD_DIR:-$root/build/main}/src/paperbag}
[ -x "$pb" ] || { echo "build paperbag first (scripts/build)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/paperbag-bench-deposit-XXXXXX")
pid=
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1710720000

# make_bundle DATE MB OUTDIR: a riverton issue of DATE with a MB-MiB random page scan.
make_bundle() {
  local date=$1 mb=$2 out=$3 dir="$work/in/riverton-courier-$1"
  mkdir -p "$dir"
  cp "$root/samples/riverton-courier-2024-03-18/"page-*.txt "$dir/"
  sed -e "s/2024-03-18/$date/g" \
      -e 's|<file role="text" href="page-01.txt"/>|<file role="text" href="page-01.txt"/><file role="image" href="scan.jpg"/>|' \
      "$root/samples/riverton-courier-2024-03-18/issue.xml" >"$dir/issue.xml"
  head -c "$((mb << 20))" /dev/urandom >"$dir/scan.jpg"
  "$pb" build "$dir" -o "$out" >/dev/null 2>&1
  rm -f "$dir/scan.jpg"
}

start_server() {  # start_server STORE
  "$pb" serve --store "$1" --listen 127.0.0.1:0 -j 8 --max-upload 4G >"$work/serve.out" 2>"$work/serve.err" &
  pid=$!
  for _ in $(seq 1 600); do grep -q "listening on" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
  base=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/serve.out")
}
peak_mib() { awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status"; }
stop_server() { kill -TERM "$pid"; wait "$pid" || true; pid=; }
secs() { python3 -c 'import time; print(time.time())'; }

echo "== (a) receive + verify of a ${size} MiB bundle, $(nproc) cores"
make_bundle 2024-03-18 "$size" "$work/one"
bundle=$(ls "$work"/one/*.zip)
cat "$bundle" >/dev/null
t0=$(secs); "$pb" verify "$bundle" >/dev/null; t1=$(secs)
verify=$(python3 -c "print('%.2f' % ($t1 - $t0))")
start_server "$work/store-a"
"$pb" serve add-depositor bench --store "$work/store-a" >"$work/token"
t0=$(secs); "$pb" deposit "$bundle" --to "$base/sword/servicedocument" --token-file "$work/token" >/dev/null; t1=$(secs)
deposit=$(python3 -c "print('%.2f' % ($t1 - $t0))")
printf '%-40s %8s s\n' "paperbag verify" "$verify" "paperbag deposit -> serve (receive+verify)" "$deposit"
printf '%-40s %8s   (target <= 1.30)\n' "ratio" "$(python3 -c "print('%.2f' % ($deposit / $verify))")"
printf '%-40s %8s MiB\n' "server peak memory" "$(peak_mib)"
stop_server
rm -rf "$work/one" "$work/store-a"

echo "== (b) $n concurrent deposits of ${each} MiB bundles"
for i in $(seq 1 "$n"); do make_bundle "2024-04-$(printf %02d "$i")" "$each" "$work/many"; done
deposit_all() {  # deposit_all STORE: one client per bundle, all at once; waits for them
  local pids=()
  for b in "$work"/many/*.zip; do
    "$pb" deposit "$b" --to "$base/sword/servicedocument" --token-file "$work/token" >/dev/null 2>&1 &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
}
consistent() {  # consistent STORE: files under title folders == ledger rows
  local files rows
  files=$(cd "$1" && find . -path './.*' -prune -o -name '*.zip' -print | sed 's|^\./||' | sort)
  rows=$(python3 -c 'import sqlite3,sys; [print(r[0]) for r in sqlite3.connect(sys.argv[1]).execute("select path from issues order by path")]' "$1/ledger.sqlite")
  [ "$files" = "$rows" ] || { echo "INCONSISTENT: files vs ledger rows"; diff <(echo "$files") <(echo "$rows") || true; return 1; }
  [ -z "$(ls -A "$1/.incoming")" ] || { echo "INCONSISTENT: leftovers in .incoming"; return 1; }
  echo "consistent: $(printf '%s' "$rows" | grep -c . || true) bundle(s), each with its ledger row"
}
start_server "$work/store-b"
"$pb" serve add-depositor bench --store "$work/store-b" >"$work/token"
t0=$(secs); deposit_all; t1=$(secs)
echo "deposited $(ls "$work"/many/*.receipt.xml | wc -l)/$n in $(python3 -c "print('%.1f' % ($t1 - $t0))") s; server peak memory $(peak_mib) MiB (target < 200)"
stop_server
consistent "$work/store-b"

echo "== (c) SIGKILL in the middle of $n uploads"
rm -f "$work"/many/*.receipt.xml
start_server "$work/store-c"
"$pb" serve add-depositor bench --store "$work/store-c" >"$work/token"
deposit_all &
clients=$!
sleep "${KILL_AFTER:-12}"
kill -KILL "$pid"; wait "$pid" 2>/dev/null || true; pid=
wait "$clients" || true
start_server "$work/store-c"
consistent "$work/store-c"
lost=0
for r in "$work"/many/*.receipt.xml; do
  [ -e "$r" ] || continue
  id=$(python3 -c 'import sys,xml.etree.ElementTree as E; print(E.parse(sys.argv[1]).getroot().find("{http://www.w3.org/2005/Atom}id").text.rsplit(":",1)[1])' "$r")
  python3 -c 'import sqlite3,sys; sys.exit(0 if sqlite3.connect(sys.argv[1]).execute("select 1 from issues where id=?", (sys.argv[2],)).fetchone() else 1)' "$work/store-c/ledger.sqlite" "$id" || lost=$((lost + 1))
done
echo "acknowledged before the kill: $(ls "$work"/many/*.receipt.xml 2>/dev/null | wc -l); lost after restart: $lost"
stop_server
