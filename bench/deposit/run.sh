#!/usr/bin/env bash
# Receive + verify benchmark of the intake server (not run by ctest):
#
#     bench/deposit/run.sh [SIZE_MB]      (default 1024)
#
# One bundle of SIZE_MB (a riverton issue with a page scan of random bytes) is verified by
# `paperbag verify` alone, then deposited on loopback to `paperbag serve` (received once and
# written, MD5-, SHA-256- and per-entry-hashed on four threads at once, verified by the same
# engine with the entry digests of the arrival, stored, recorded) two ways:
#   - with `curl` and a Content-MD5 computed beforehand: the server's receive + verify alone;
#   - with `paperbag deposit`: end to end, including the client's MD5 pass before sending.
# Each is given in wall seconds and CPU seconds (user + system: for the server, of the
# server process during the deposit), with its ratio to `paperbag verify`; the target of
# issue #15 is a ratio of at most 1.3 for receiving and verifying. CPU seconds matter on a
# shared machine, where wall times follow the load more than the program.
#
# The load (20 concurrent 50 MiB deposits, peak memory) and crash (SIGKILL in the middle of
# them) runs are ctests: tests/cli/deposit_load.sh and tests/cli/deposit_crash.sh.
# Needs a built paperbag (scripts/build); PAPERBAG overrides the executable.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
size=${1:-1024}
pb=${PAPERBAG:-${PAPERBAG_BUILD_DIR:-$root/build/main}/src/paperbag}
[ -x "$pb" ] || { echo "build paperbag first (scripts/build)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/paperbag-bench-deposit-XXXXXX")
pid=
trap '[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1710720000

dir=$work/in/riverton-courier-2024-03-18
mkdir -p "$dir"
cp "$root/samples/riverton-courier-2024-03-18/"page-*.txt "$dir/"
sed -e 's|<file role="text" href="page-01.txt"/>|<file role="text" href="page-01.txt"/><file role="image" href="scan.jpg"/>|' \
  "$root/samples/riverton-courier-2024-03-18/issue.xml" >"$dir/issue.xml"
head -c "$((size << 20))" /dev/urandom >"$dir/scan.jpg"
"$pb" build "$dir" -o "$work/one" >/dev/null 2>&1
rm -f "$dir/scan.jpg"
bundle=$(ls "$work"/one/*.zip)

start_server() {  # start_server STORE
  "$pb" serve add-depositor bench --store "$1" >"$work/token"
  rm -f "$work/serve.out"
  "$pb" serve --store "$1" --listen 127.0.0.1:0 -j 8 --max-upload 4G >"$work/serve.out" 2>"$work/serve.err" &
  pid=$!
  for _ in $(seq 1 600); do grep -q "listening on" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
  base=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/serve.out")
}
stop_server() { kill -TERM "$pid"; wait "$pid" || true; pid=; }
cpu_of_server() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$pid/stat"; }
now() { date +%s.%N; }
ratio() { python3 -c "print('%.2f' % ($1 / $2))"; }
row() { printf '%-52s %8s s wall %8s s CPU\n' "$@"; }

echo "== receive + verify of a ${size} MiB bundle, $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
cat "$bundle" >/dev/null
/usr/bin/time -f "%e %U %S" -o "$work/time" "$pb" verify "$bundle" >/dev/null
read -r v_wall v_user v_sys <"$work/time"
v_cpu=$(python3 -c "print('%.2f' % ($v_user + $v_sys))")
row "paperbag verify" "$v_wall" "$v_cpu"

md5=$(md5sum "$bundle" | cut -d' ' -f1)
start_server "$work/store-curl"
c0=$(cpu_of_server); t0=$(now)
curl -sS -o "$work/curl.out" -w '%{http_code}' -H "Authorization: Bearer $(cat "$work/token")" \
  -H "Content-Type: application/zip" -H "Packaging: http://purl.org/net/sword/package/BagIt" \
  -H "Content-MD5: $md5" -H "Content-Disposition: attachment; filename=$(basename "$bundle")" \
  -X POST -T "$bundle" "$base/sword/collection/bench" >"$work/status"
t1=$(now); c1=$(cpu_of_server)
[ "$(cat "$work/status")" = 201 ] || { echo "curl deposit refused: $(cat "$work/status")" >&2; exit 1; }
r_wall=$(python3 -c "print('%.2f' % ($t1 - $t0))"); r_cpu=$(python3 -c "print('%.2f' % ($c1 - $c0))")
row "curl -> paperbag serve (receive + verify)" "$r_wall" "$r_cpu"
echo "  server peak memory $(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status") MiB"
stop_server

start_server "$work/store-deposit"
c0=$(cpu_of_server)
/usr/bin/time -f "%e %U %S" -o "$work/time" "$pb" deposit "$bundle" --to "$base/sword/servicedocument" \
  --token-file "$work/token" >/dev/null
c1=$(cpu_of_server)
read -r d_wall d_user d_sys <"$work/time"
d_cpu=$(python3 -c "print('%.2f' % ($c1 - $c0 + $d_user + $d_sys))")
row "paperbag deposit -> serve (client + server)" "$d_wall" "$d_cpu"
stop_server

echo "ratio to paperbag verify (target <= 1.30):"
printf '  receive + verify (curl)      %s wall  %s CPU\n' "$(ratio "$r_wall" "$v_wall")" "$(ratio "$r_cpu" "$v_cpu")"
printf '  end to end (paperbag deposit) %s wall  %s CPU\n' "$(ratio "$d_wall" "$v_wall")" "$(ratio "$d_cpu" "$v_cpu")"
