#!/usr/bin/env bash
# OCR import benchmark: ALTO pages per second read and segmented by paperbag, against
# `xmllint --noout` (a plain libxml2 parse, what a user would otherwise run over the same
# files), one process each, the same files, several rounds. Not run by ctest.
#
#     bench/ocr/run.sh [ROUNDS]            (default 5)
#
# Files: every ALTO page of ../shared/ocr-dev (21 pages, 1.x to 4.x). Target: paperbag at
# least half as fast as xmllint --noout.
# Needs the driver: cmake -DPAPERBAG_BUILD_BENCH=ON (scripts/build does not build it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
rounds=${1:-5}
bin=${PAPERBAG_BENCH_BIN:-$root/build/main/bench/paperbag_bench_ocr}
[ -x "$bin" ] || { echo "build the driver first: cmake -S $root -B $root/build/main -DPAPERBAG_BUILD_BENCH=ON && cmake --build $root/build/main --target paperbag_bench_ocr" >&2; exit 2; }
dev=$root/../shared/ocr-dev
[ -d "$dev" ] || { echo "../shared/ocr-dev not found" >&2; exit 77; }
mapfile -t files < <(grep -l -m1 '<alto' $(find "$dev/alto" "$dev/mets-alto" -name '*.xml' | sort))
echo "${#files[@]} ALTO files, $(cat "${files[@]}" | wc -c) bytes, $rounds rounds, $(nproc) cores"

args=()
for _ in $(seq "$rounds"); do args+=("${files[@]}"); done
start=$(date +%s.%N)
xmllint --noout "${args[@]}"
end=$(date +%s.%N)
xml_rate=$(python3 -c "print(${#args[@]} / ($end - $start))")
printf 'xmllint --noout           %d pages: %.3f s, %.1f pages/s\n' "${#args[@]}" "$(python3 -c "print($end-$start)")" "$xml_rate"

read_line=$("$bin" --rounds "$rounds" --read-only "${files[@]}")
echo "paperbag read             $read_line"
full_line=$("$bin" --rounds "$rounds" "${files[@]}")
echo "paperbag read + segment   $full_line"
rate=$(sed -E 's/.* ([0-9.]+) pages\/s.*/\1/' <<<"$full_line")
python3 -c "print('ratio (read + segment) / xmllint: %.2f  (target >= 0.5)' % ($rate / $xml_rate))"
