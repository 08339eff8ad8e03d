#!/usr/bin/env bash
# Builds and runs the writer benchmark in build/bench (Release), then, side by side, the time
# libxml2's own xmllint needs only to parse (not write) the same amount of generated XML: the
# floor any XML pipeline pays. Each run is a separate process, so peak RSS is per size.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=$root/build/bench
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPAPERBAG_BUILD_BENCH=ON \
      -DPAPERBAG_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target bench_write -- -j2 >/dev/null
echo "== paperbag writers (METS+MODS+PREMIS, ALTO, NewsML-G2), one process per size"
echo "scaling in pages (6 articles/page):"
for pages in 125 250 500 1000; do "$build/bench/bench_write" "$pages" 6; done
echo "scaling in articles per page (250 pages):"
for n in 3 6 12 24; do "$build/bench/bench_write" 250 "$n"; done
echo "== side by side: writing 250 pages (in memory) vs. only parsing the same files with xmllint"
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
write_s=$("$build/bench/bench_write" 250 6 | awk '{print $9}')
start=$(date +%s.%N)
"$build/bench/bench_write" 250 6 "$out" >/dev/null
folder_s=$(echo "$(date +%s.%N) - $start" | bc)
if command -v xmllint >/dev/null; then
  start=$(date +%s.%N)
  find "$out" -name '*.xml' -print0 | xargs -0 -n 500 xmllint --noout --nonet
  parse_s=$(echo "$(date +%s.%N) - $start" | bc)
  printf 'paperbag write: %.2f s   xmllint parse only: %.2f s   ratio write/parse: %.2f\n' \
    "$write_s" "$parse_s" "$(echo "$write_s / $parse_s" | bc -l)"
else
  echo "xmllint not installed: comparison skipped"
fi
printf 'the same into a folder (FolderTree: atomic rename + fsync per file): %.2f s\n' "$folder_s"
