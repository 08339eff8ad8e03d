#!/usr/bin/env bash
# End-to-end `paperbag build` of N sample issues (default 200): import, segment, write,
# validate, package. Prints issues/s and pages/s for -j 1 and -j (all cores), and peak RSS.
# Not run by ctest. Usage: bench/build/run.sh [N]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
n=${1:-200}
paperbag=${PAPERBAG:-$root/build/main/src/paperbag}
[ -x "$paperbag" ] || { echo "build paperbag first (scripts/build)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# N issue folders: the two samples in turn, each with its own local id and date.
pages=0
for i in $(seq 1 "$n"); do
  if [ $((i % 2)) = 0 ]; then src=$root/samples/jianghe-daily-2024-03-18; else src=$root/samples/riverton-courier-2024-03-18; fi
  d=$work/in/issue-$i
  mkdir -p "$d"
  cp "$src"/*.txt "$d/"
  day=$(date -u -d "2020-01-01 + $i days" +%F)
  sed -e "s|<identifier type=\"local\">[^<]*</identifier>|<identifier type=\"local\">bench-$i</identifier>|" \
      -e "s|<date>[^<]*</date>|<date>$day</date>|" "$src/issue.xml" >"$d/issue.xml"
  pages=$((pages + $(grep -c '<page ' "$d/issue.xml")))
done
catalog=()
[ -f "$root/../shared/schemas/catalog.xml" ] && catalog=(--catalog "$root/../shared/schemas/catalog.xml")

measure() {  # measure LABEL ARGS...: wall seconds and peak RSS of one build
  local label=$1; shift
  rm -rf "$work/out"
  /usr/bin/time -f "%e %M" -o "$work/time" "$paperbag" build "$work"/in/*/ -o "$work/out" "$@" >/dev/null 2>&1
  read -r secs rss <"$work/time"
  printf '%-34s %7.2f s  %7.1f issues/s  %7.1f pages/s  peak RSS %6.1f MiB\n' "$label" "$secs" \
    "$(echo "$n / $secs" | bc -l)" "$(echo "$pages / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
}

echo "paperbag build: $n issues, $pages pages (samples), $(nproc) cores"
measure "-j 1, profile schemas" -j 1
measure "-j $(nproc), profile schemas" -j "$(nproc)"
if [ ${#catalog[@]} -gt 0 ]; then
  measure "-j $(nproc), + official schemas" -j "$(nproc)" "${catalog[@]}"
fi
rm -rf "$work/out"
"$paperbag" build "$work"/in/*/ -o "$work/out" >/dev/null 2>&1
/usr/bin/time -f "%e" -o "$work/time" "$paperbag" build "$work"/in/*/ -o "$work/out" >/dev/null 2>&1
printf '%-34s %7.2f s  (every issue unchanged)\n' "incremental rebuild" "$(cat "$work/time")"
