#!/usr/bin/env bash
# PDF import benchmark: pages per second of paperbag's PDF import + segmentation
# (paperbag_bench_pdf) side by side with `pdftotext` (poppler-utils, what a user would run to
# get the text alone) on the same PDFs, in one run; then peak memory over PDFs of 50 and 500
# generated pages (it must stay flat: one page at a time). Not run by ctest.
#
#     bench/pdf/run.sh [PAGES]       (default 500)
#
# The PDFs: the 47 typeset pages of ../shared/eval-dev/pdf when present, and a PDF of PAGES
# three-column pages typeset by scripts/make-test-pdf.
# Needs the driver: cmake -DPAPERBAG_BUILD_BENCH=ON (scripts/build does not build it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
pages=${1:-500}
build=${PAPERBAG_BUILD_DIR:-$root/build/main}
bin=${PAPERBAG_BENCH_BIN:-$build/bench/paperbag_bench_pdf}
[ -x "$bin" ] || { echo "build the driver first: cmake -S $root -B $build -DPAPERBAG_BUILD_BENCH=ON && cmake --build $build --target paperbag_bench_pdf" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/paperbag-bench-pdf-XXXXXX")
trap 'rm -rf "$work"' EXIT
"$root/scripts/make-test-pdf" --lang en --seed 7 --pages 50 "$work/gen-50.pdf"
"$root/scripts/make-test-pdf" --lang en --seed 7 --pages "$pages" "$work/gen-$pages.pdf"
sets=("gen-$pages.pdf:$work/gen-$pages.pdf")
dev=("$root"/../shared/eval-dev/pdf/pdfs/*.pdf)
[ -f "${dev[0]}" ] && sets=("eval-dev (${#dev[@]} PDFs):${dev[*]}" "${sets[@]}")

# Best of 3 wall-clock seconds of a command.
best() {
  local best_s=999999
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N)
    best_s=$(python3 -c "print(min($best_s, $e - $s))")
  done
  echo "$best_s"
}
pdftotext_all() { for f in "$@"; do pdftotext -enc UTF-8 "$f" - >/dev/null; done; }

printf '%-24s %6s %12s %12s %12s %8s\n' set pages "pdftotext/s" "import/s" "+segment/s" ratio
for entry in "${sets[@]}"; do
  name=${entry%%:*}
  read -r -a files <<<"${entry#*:}"
  n=$("$bin" --no-segment "${files[@]}" | cut -d' ' -f1)
  t_ref=$(best pdftotext_all "${files[@]}")
  t_imp=$(best "$bin" --no-segment "${files[@]}")
  t_seg=$(best "$bin" "${files[@]}")
  python3 -c "n=$n; a=$t_ref; b=$t_imp; c=$t_seg; print('%-24s %6d %12.1f %12.1f %12.1f %7.2fx' % ('$name', n, n/a, n/b, n/c, c/a))"
done
echo "(ratio: time of paperbag import + segmentation / time of pdftotext; best of 3 runs each)"
echo
echo "peak memory (import + segmentation, one page at a time):"
for n in 50 "$pages"; do
  printf '  %4s pages: ' "$n"; "$bin" "$work/gen-$n.pdf" | sed 's/.*peak RSS/peak RSS/'
  printf '  %4s pages, pdftotext: ' "$n"
  /usr/bin/time -f 'peak RSS %M KB' pdftotext -enc UTF-8 "$work/gen-$n.pdf" /dev/null 2>&1 | tail -1
done
