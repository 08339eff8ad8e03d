#!/usr/bin/env bash
# Packaging and verification benchmarks, side by side with the tools users would otherwise
# use. Not run by ctest.
#
#     bench/package/run.sh [SIZE_MB]        (default 256; the issue's target run is 2048)
#
# (a) pack: paperbag (one pass: SHA-256 + CRC + deflate/store, by worker threads ahead of the
#     ZIP writer) vs `sha256sum` over the files followed by `zip -r -n .jpg` (same
#     store/deflate choices); also paperbag on one thread (--threads 1), everything streamed
#     through libzip (--stream, the packer before worker threads) and checksums first
#     (two reads). Every paperbag archive at a level must have the same bytes.
# (b) verify: paperbag verify (no extraction) vs `unzip` to a temp folder + `sha256sum -c`
# Needs the driver: cmake -DPAPERBAG_BUILD_BENCH=ON (scripts/build does not build it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
size=${1:-256}
bin=${PAPERBAG_BENCH_BIN:-$root/build/main/bench/paperbag_bench_package}
[ -x "$bin" ] || { echo "build the driver first: cmake -S $root -B $root/build/main -DPAPERBAG_BUILD_BENCH=ON && cmake --build $root/build/main" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/paperbag-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT

python3 "$root/bench/package/make_payload.py" "$work/payload" "$size"
cat "$work"/payload/*/* >/dev/null  # warm the page cache for every contender alike

# timed NAME CMD...: runs CMD, records seconds and peak RSS (KiB) in $secs and $rss.
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/$name.log" 2>&1 || { cat "$work/$name.log"; exit 1; }
  read -r secs rss <"$work/time"
}
ratio() { python3 -c "print('%.2f' % ($1 / $2))"; }

echo "payload: $(du -sh "$work/payload" | cut -f1) ($size MiB requested), $(nproc) cores"
printf '%-44s %8s %10s %12s\n' "pack" "seconds" "peak MiB" "zip MiB"

timed zip bash -c "cd '$work/payload' && find . -type f -print0 | sort -z | xargs -0 sha256sum >'$work/manifest.txt' && zip -q -r -n .jpg '$work/zip.zip' ."
zip_secs=$secs
printf '%-44s %8s %10s %12s\n' "sha256sum + zip -r -n .jpg (level 6)" "$secs" "$((rss / 1024))" "$(( $(stat -c %s "$work/zip.zip") >> 20 ))"
rm -f "$work/zip.zip"

for level in 1 6; do
  timed pack$level "$bin" pack "$work/payload" "$work/pb$level.zip" --level $level
  printf '%-44s %8s %10s %12s   %sx faster\n' "paperbag pack (deflate level $level)" "$secs" "$((rss / 1024))" \
    "$(( $(stat -c %s "$work/pb$level.zip") >> 20 ))" "$(ratio "$zip_secs" "$secs")"
  [ $level = 1 ] || rm -f "$work/pb$level.zip"
done
# variant NAME LABEL FLAGS...: a level-1 pack that must give pb1.zip's bytes.
variant() {
  local name=$1 label=$2; shift 2
  timed "$name" "$bin" pack "$work/payload" "$work/$name.zip" --level 1 "$@"
  printf '%-44s %8s %10s %12s   %sx faster\n' "$label" "$secs" "$((rss / 1024))" \
    "$(( $(stat -c %s "$work/$name.zip") >> 20 ))" "$(ratio "$zip_secs" "$secs")"
  cmp -s "$work/$name.zip" "$work/pb1.zip" || { echo "$label: bytes differ from level 1" >&2; exit 1; }
  rm -f "$work/$name.zip"
}
variant one "paperbag pack, one worker thread (level 1)" --threads 1
variant stream "paperbag pack, streamed by libzip (level 1)" --stream
variant twopass "paperbag pack, checksums first (two reads)" --two-pass

echo
printf '%-44s %8s %10s\n' "verify" "seconds" "peak MiB"
timed unzip bash -c "mkdir '$work/x' && unzip -q '$work/pb1.zip' -d '$work/x' && cd '$work/x/bench' && sha256sum --quiet -c manifest-sha256.txt"
unzip_secs=$secs
printf '%-44s %8s %10s\n' "unzip to a temp folder + sha256sum -c" "$secs" "$((rss / 1024))"
rm -rf "$work/x"
timed verify "$bin" verify "$work/pb1.zip"
printf '%-44s %8s %10s   %sx faster\n' "paperbag verify" "$secs" "$((rss / 1024))" "$(ratio "$unzip_secs" "$secs")"
