# build: concurrent runs into one folder, issue keys of non-Latin titles, bundles of other
# issues, incremental builds against damaged bundles, signals and stale temporaries.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
export SOURCE_DATE_EPOCH=1710720000
command -v python3 >/dev/null || { echo "skipped: python3 is not installed"; exit 77; }
pages="$SOURCE_DIR/samples/jianghe-daily-2024-03-18"

# make_issue DIR TITLE DATE: an issue folder with the sample's page texts, no identifiers.
make_issue() {
  mkdir -p "$1"
  cp "$pages/page-01.txt" "$pages/page-02.txt" "$1/"
  cat >"$1/issue.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>$2</title>
  <language>zh-Hans</language>
  <date>$3</date>
  <pages>
    <page sequence="1" label="1"><file role="text" href="page-01.txt"/></page>
    <page sequence="2" label="2"><file role="text" href="page-02.txt"/></page>
  </pages>
</issue>
XML
}

# Two Chinese titles of the same day get keys of their own (ICU Any-Latin; Latin-ASCII).
make_issue "$work/lvliang" 吕梁日报 2022-05-16
make_issue "$work/shanxi" 山西日报 2022-05-16
run "$PAPERBAG" build "$work/lvliang" "$work/shanxi" -o "$work/o"
expect_rc 0
[ -f "$work/o/lu-liang-ri-bao-2022-05-16.zip" ] || fail "no lu-liang-ri-bao bundle: $(ls "$work/o")"
[ -f "$work/o/shan-xi-ri-bao-2022-05-16.zip" ] || fail "no shan-xi-ri-bao bundle: $(ls "$work/o")"
[ ! -e "$work/o/issue-2022-05-16.zip" ] || fail "the shared key issue-2022-05-16 is still used"

# 陕西日报 transliterates like 山西日报: its build must not replace the other issue's bundle.
make_issue "$work/shaanxi" 陕西日报 2022-05-16
cp "$work/o/shan-xi-ri-bao-2022-05-16.zip" "$work/shanxi.zip"
run "$PAPERBAG" build "$work/shaanxi" -o "$work/o"
expect_rc 2
expect_err "holds another issue ('山西日报 2022-05-16'); not replaced without --force [PB-BAG-IDENTITY]"
cmp "$work/o/shan-xi-ri-bao-2022-05-16.zip" "$work/shanxi.zip" || fail "the other issue's bundle was replaced"
run "$PAPERBAG" build "$work/shaanxi" -o "$work/o" --force
expect_rc 0

# Incremental builds check the bundle on disk: damaged entries, a missing METS or a wrong
# Payload-Oxum are rebuilt, never reported "unchanged".
key=lu-liang-ri-bao-2022-05-16.zip
run "$PAPERBAG" build "$work/lvliang" -o "$work/o"
expect_out "unchanged  $work/o/$key"
cp "$work/o/$key" "$work/good.zip"
python3 - "$work/o/$key" <<'PY'
import copy, sys, zipfile
path = sys.argv[1]
with zipfile.ZipFile(path) as z:
    info = next(i for i in z.infolist() if i.filename.endswith("data/mets.xml"))
data = bytearray(open(path, "rb").read())
start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
data[start + 10] ^= 0xFF   # inside the compressed METS: a CRC error when read
open(path, "wb").write(data)
PY
run "$PAPERBAG" build "$work/lvliang" -o "$work/o"
expect_rc 0
expect_out "built      $work/o/$key"
expect_err "[PB-BUILD-REBUILT]"
cmp "$work/o/$key" "$work/good.zip" || fail "the rebuilt bundle differs from the original build"
python3 - "$work/o/$key" "$work/nomets.zip" <<'PY'
import copy, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w") as dst:
    for info in src.infolist():
        if not info.filename.endswith("data/mets.xml"):
            dst.writestr(copy.copy(info), src.read(info))
PY
cp "$work/nomets.zip" "$work/o/$key"
run "$PAPERBAG" build "$work/lvliang" -o "$work/o"
expect_rc 0
expect_out "built      $work/o/$key"
run "$PAPERBAG" verify "$work/o/$key"
expect_rc 0

# Two builds of the same issues into one folder at once: both succeed, every bundle is
# there, and neither removed the other's staging file.
for i in $(seq 1 12); do make_issue "$work/many/i$i" "Daily $i" 2024-01-$(printf %02d "$i"); done
"$PAPERBAG" build "$work"/many/i* -o "$work/race" --force -j 2 >"$work/r1" 2>&1 &
p1=$!
"$PAPERBAG" build "$work"/many/i* -o "$work/race" --force -j 2 >"$work/r2" 2>&1 &
p2=$!
wait "$p1" || fail "first concurrent build failed: $(tail -3 "$work/r1")"
wait "$p2" || fail "second concurrent build failed: $(tail -3 "$work/r2")"
[ "$(ls "$work/race" | grep -c '\.zip$')" = 12 ] || fail "concurrent builds lost bundles: $(ls -a "$work/race")"
[ -z "$(find "$work/race" -maxdepth 1 -name '.*' ! -name .)" ] || fail "concurrent builds left hidden files: $(ls -a "$work/race")"

# SIGTERM and SIGINT during packing remove the staging files.
cp -r "$work/lvliang" "$work/big"
truncate -s 1G "$work/big/scan.jpg"
sed -i 's|<file role="text" href="page-01.txt"/>|<file role="text" href="page-01.txt"/><file role="image" href="scan.jpg"/>|' "$work/big/issue.xml"
for sig in TERM INT; do
  rm -rf "$work/sig"
  # A background job starts with SIGINT ignored: restore the default as a terminal would.
  python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])' \
    "$PAPERBAG" build "$work/big" -o "$work/sig" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 400); do
    [ -n "$(find "$work/sig" -maxdepth 1 -name '.*.building*' 2>/dev/null)" ] && break
    sleep 0.05
  done
  [ -n "$(find "$work/sig" -maxdepth 1 -name '.*.building*' 2>/dev/null)" ] || fail "SIG$sig: packing never started"
  kill -s "$sig" "$pid"
  wait "$pid" 2>/dev/null || true
  [ -z "$(find "$work/sig" -maxdepth 1 -name '.*' ! -name .)" ] || fail "SIG$sig left: $(ls -a "$work/sig")"
done

finish
