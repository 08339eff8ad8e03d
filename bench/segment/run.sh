#!/usr/bin/env bash
# Segmenter benchmark: decode + segment 1,000 generated pages the size of the seed page,
# single-threaded and on two threads, and the time per byte for pages of growing length
# (it must stay flat: the segmenter is linear). Not run by ctest.
#
#     bench/segment/run.sh [PAGES]          (default 1000)
#
# Pages are made by the driver from chunks (paragraph runs) of the sample pages and, when
# ../shared is there, the seed page. There is no other tool that segments newspaper page
# text, so the reference lines are what any import has to pay anyway: paperbag's own decode
# step alone, and iconv converting the same bytes.
# Needs the driver: cmake -DPAPERBAG_BUILD_BENCH=ON (scripts/build does not build it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pages=${1:-1000}
bin=${PAPERBAG_BENCH_BIN:-$root/build/main/bench/paperbag_bench_segment}
[ -x "$bin" ] || { echo "build the driver first: cmake -S $root -B $root/build/main -DPAPERBAG_BUILD_BENCH=ON && cmake --build $root/build/main" >&2; exit 2; }
sources=("$root"/samples/*/page-*.txt)
seed="$root/../shared/seeds/000_5d98f6ef572bbe6c.txt"
if [ -f "$seed" ]; then sources+=("$seed"); else echo "(seed page not found: samples only)"; fi

echo "sources: ${#sources[@]} pages; $(nproc) cores"
"$bin" pages --pages "$pages" -j 1 --decode-only "${sources[@]}" | sed 's/^/decode only        /'
"$bin" pages --pages "$pages" -j 1 "${sources[@]}" | sed 's/^/decode + segment   /'
"$bin" pages --pages "$pages" -j 2 "${sources[@]}" | sed 's/^/decode + segment   /'

# iconv over the same amount of page text, for scale.
work=$(mktemp -d "${TMPDIR:-/tmp}/paperbag-bench-XXXXXX")
trap 'rm -rf "$work"' EXIT
cat "${sources[@]}" >"$work/one"
size=$(stat -c %s "$work/one")
copies=$(( pages * 21000 / size + 1 ))
for _ in $(seq "$copies"); do cat "$work/one"; done >"$work/all"
start=$(date +%s.%N)
iconv -f UTF-8 -t UTF-16LE "$work/all" >/dev/null
end=$(date +%s.%N)
python3 -c "import sys; b=$(stat -c %s "$work/all"); s=$end-$start; print('iconv UTF-8 -> UTF-16LE   %.1f MB: %.3f s, %.2f MB/s' % (b/1e6, s, b/1e6/s))"

echo
echo "linearity (best of 5; ns/byte should stay flat):"
"$bin" linear "${sources[@]}"

# Layout-preserving extractor text (pdftotext -layout, columns side by side), when the
# development set is there: column reading + segmentation of whole pages.
layout=("$root"/../shared/eval-dev/pdf/pages/*-layout.txt)
if [ -f "${layout[0]}" ]; then
  echo
  echo "layout text (${#layout[@]} pdftotext -layout pages of ../shared/eval-dev):"
  "$bin" columns --pages 200 "${layout[@]}"
fi
