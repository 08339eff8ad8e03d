#!/usr/bin/env bash
# Time and peak memory of paperbag on the hostile inputs of issue #16 (docs/limits.md), for one
# or two executables side by side (e.g. before and after a change):
#
#     bench/limits/run.sh build/main/src/paperbag [OLD_PAPERBAG] [CATALOG]
#
# Inputs are generated in a scratch folder (about 1.5 GB of disk). Every case runs under a
# 120 s timeout; "timeout" in the table means it did not finish. CATALOG (default
# ../shared/schemas/catalog.xml) makes validate parse whole documents.
set -uo pipefail
new=${1:?usage: run.sh PAPERBAG [OLD_PAPERBAG] [CATALOG]}
old=${2:-}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
catalog=${3:-$root/../shared/schemas/catalog.xml}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat_args=()
[ -f "$catalog" ] && cat_args=(--catalog "$catalog")

python3 - "$work" <<'PY'
import sys, zipfile
w = sys.argv[1]
alto = '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout><Page ID="p" HEIGHT="1" WIDTH="1" PHYSICAL_IMG_NR="1"><PrintSpace><TextBlock ID="b"><TextLine ID="l"><String ID="s" CONTENT="'
with open(f"{w}/text-80mb.xml", "w") as f:
    f.write(alto + "x" * (80 << 20) + '"/></TextLine></TextBlock></PrintSpace></Page></Layout></alto>')
with open(f"{w}/node-80mb.xml", "w") as f:
    f.write(alto + 'x"/><x>' + "x" * (80 << 20) + "</x></TextLine></TextBlock></PrintSpace></Page></Layout></alto>")
with open(f"{w}/attributes.xml", "w") as f:
    f.write('<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#" ' + " ".join(f'a{i}="1"' for i in range(200000)) + "/>")
with open(f"{w}/space-1gb.xml", "w") as f:
    chunk = " " * (1 << 20)
    for _ in range(1024): f.write(chunk)
    f.write("<alto/>")
head = '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout><Page ID="p" HEIGHT="1" WIDTH="1" PHYSICAL_IMG_NR="1"><PrintSpace><TextBlock ID="b">'
line = '<TextLine ID="l%d"><String ID="s%d" CONTENT="word"/></TextLine>'
with zipfile.ZipFile(f"{w}/alto-300mb.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    with z.open("bag/data/alto/p1.xml", "w", force_zip64=True) as f:
        f.write(head.encode())
        batch = "".join(line % (i, i) for i in range(10000)).encode()
        for k in range(500):
            f.write(batch.replace(b'ID="l', b'ID="l%d_' % k).replace(b'ID="s', b'ID="s%d_' % k))
        f.write(b"</TextBlock></PrintSpace></Page></Layout></alto>")
PY
mkdir -p "$work/issue-attrs" "$work/fifo-issue"
python3 -c "import sys; open(sys.argv[1], 'w').write('<issue xmlns=\"urn:x-paperbag:issue:1\" ' + ' '.join(f'a{i}=\"1\"' for i in range(100000)) + '/>')" "$work/issue-attrs/issue.xml"
mkfifo "$work/fifo.xml" "$work/fifo-issue/issue.xml"
head -c $((60 << 20)) /dev/zero | tr '\0' 'a' | fold -w 60 >"$work/page-60mb.txt"

# measure LABEL EXE ARGS...: prints "seconds peak-MiB exit" for one run.
measure() {
  local exe=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" timeout 120 "$exe" "$@" >/dev/null 2>&1 </dev/null
  local rc=$?
  read -r secs kib < <(tail -n 1 "$work/time") 2>/dev/null || { secs=?; kib=0; }
  [ "$rc" = 124 ] && secs=timeout
  printf '%8s s %7s MiB  exit %-3s' "$secs" "$((kib / 1024))" "$rc"
}

cases=(
  "validate, 80 MB attribute value|validate ${cat_args[*]} $work/text-80mb.xml"
  "validate, 80 MB text node|validate ${cat_args[*]} $work/node-80mb.xml"
  "validate, 200,000 attributes|validate ${cat_args[*]} $work/attributes.xml"
  "inspect, issue.xml with 100,000 attributes|inspect $work/issue-attrs"
  "validate, 1 GB whitespace before the root|validate ${cat_args[*]} $work/space-1gb.xml"
  "validate, 300 MB ALTO inside a ZIP|validate ${cat_args[*]} $work/alto-300mb.zip"
  "validate, a FIFO|validate $work/fifo.xml"
  "build, a FIFO issue.xml|build $work/fifo-issue -o $work/out-fifo"
  "export --from-list /dev/zero|export --from-list /dev/zero --format jsonl"
  "build, 60 MB page text|build $work/page-60mb.txt --title T --date 2024-01-02 -o $work/page.zip"
)
printf '%-45s | %-32s | %s\n' "case" "new" "${old:+old}"
for c in "${cases[@]}"; do
  label=${c%%|*}
  read -r -a args <<<"${c#*|}"
  printf '%-45s | %s | ' "$label" "$(measure "$new" "${args[@]}")"
  [ -n "$old" ] && measure "$old" "${args[@]}"
  echo
  rm -rf "$work/out-fifo" "$work/page.zip"
done
