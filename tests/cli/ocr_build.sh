#!/usr/bin/env bash
# OCR input on the command line: a single ALTO/hOCR/PAGE file exported with its geometry; an
# issue folder described by a METS file built into a bundle that verifies, with the source
# METS and the migration recorded; absent files and wrong checksums fail with the METS' file
# and line unless --missing=warn; 100 MB ALTO, PAGE and hOCR files read at flat memory under
# prlimit.
# The ../shared/ocr-dev part is skipped (with a message) when it is absent.
set -euo pipefail
source "$SOURCE_DIR/tests/support/cli_lib.sh"
export SOURCE_DATE_EPOCH=1710720000
data=$SOURCE_DIR/tests/data/ocr
shared=${SHARED_DIR:-$SOURCE_DIR/../shared}
# verify validates the XML inside against the official schemas when ../shared has them.
verify_args=(--no-xml)
[ -f "$shared/schemas/catalog.xml" ] && verify_args=(--catalog "$shared/schemas/catalog.xml")

# One ALTO file: export with --title/--date/--page; records carry boxes in the file's unit.
"$PAPERBAG" export "$data/alto1-nons-hyphen.xml" --title "Test Gazette" --date 1911-03-16 \
  --page 1 --format jsonl -o "$work/one.jsonl" 2>"$work/err" || fail "export of one ALTO file"
grep -q '"unit":"pixel"' "$work/one.jsonl" || fail "no geometry in the record: $(cat "$work/one.jsonl")"
grep -q 'council met yesterday' "$work/one.jsonl" || fail "hyphenation not joined: $(cat "$work/one.jsonl")"
for f in hocr-xhtml-doctype.hocr hocr-html5-kraken.hocr page2019-indexed.xml; do
  "$PAPERBAG" export "$data/$f" --title T --date 2024-01-01 --page 1 --format jsonl \
    -o "$work/$f.jsonl" 2>"$work/err" || fail "export of $f: $(cat "$work/err")"
  [ -s "$work/$f.jsonl" ] || fail "$f: no records"
done

# A METS issue folder (written here): build, verify, source METS and migration event inside.
issue=$work/issue
mkdir -p "$issue/text"
cp "$data/alto1-nons-hyphen.xml" "$issue/text/p1.xml"
size=$(stat -c %s "$issue/text/p1.xml")
md5=$(md5sum "$issue/text/p1.xml" | cut -d' ' -f1)
mets() {  # mets CHECKSUM HREF
  cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<mets xmlns="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink">
  <dmdSec ID="ISSUE"><mdWrap MDTYPE="MODS"><xmlData><mods:mods>
    <mods:titleInfo><mods:title>Test Gazette</mods:title></mods:titleInfo>
    <mods:originInfo><mods:dateIssued>1911-03-16</mods:dateIssued></mods:originInfo>
  </mods:mods></xmlData></mdWrap></dmdSec>
  <fileSec><fileGrp USE="Text">
    <file ID="ALTO1" MIMETYPE="text/xml" SIZE="$size" CHECKSUMTYPE="MD5" CHECKSUM="$1">
      <FLocat LOCTYPE="URL" xlink:href="$2"/>
    </file>
  </fileGrp></fileSec>
  <structMap TYPE="PHYSICAL"><div TYPE="Newspaper" DMDID="ISSUE">
    <div TYPE="page" ORDER="1" ORDERLABEL="1"><fptr FILEID="ALTO1"/></div>
  </div></structMap>
</mets>
XML
}
mets "$md5" "text/p1.xml" >"$issue/mets.xml"
"$PAPERBAG" build "$issue" -o "$work/built" >"$work/built.txt" 2>"$work/err" || fail "build: $(cat "$work/err")"
bundle=$(ls "$work"/built/*.zip)
"$PAPERBAG" verify "${verify_args[@]}" "$bundle" >"$work/verify.txt" 2>&1 || fail "verify: $(tail -5 "$work/verify.txt")"
unzip -l "$bundle" | grep "data/source/mets.xml" >/dev/null || fail "source METS not in the bundle"
unzip -l "$bundle" | grep "data/ocr/p1.xml" >/dev/null || fail "original ALTO not in the bundle"
unzip -p "$bundle" '*/data/mets.xml' | grep 'migration' >/dev/null || fail "no migration event"
unzip -p "$bundle" '*/data/ocr/p1.xml' | cmp -s - "$issue/text/p1.xml" || fail "ALTO not byte for byte"

# A wrong checksum: exit 1 with the METS' path and line; --missing=warn records it.
mets 00000000000000000000000000000000 "text/p1.xml" >"$issue/mets.xml"
set +e
"$PAPERBAG" build "$issue" -o "$work/bad" >/dev/null 2>"$work/err"; rc=$?
set -e
[ $rc -eq 1 ] || fail "wrong checksum: exit $rc, want 1"
grep -q "mets.xml:8: error: file 'ALTO1' (text/p1.xml): MD5 0000" "$work/err" \
  || fail "wrong checksum message: $(cat "$work/err")"
# An absent file: exit 1, named; --missing=warn builds and records it.
mets "$md5" "text/absent.xml" >"$issue/mets.xml"
set +e
"$PAPERBAG" build "$issue" -o "$work/bad" >/dev/null 2>"$work/err"; rc=$?
set -e
[ $rc -eq 1 ] || fail "absent file: exit $rc, want 1"
grep -q "mets.xml:8: error: file 'ALTO1' (text/absent.xml) is listed in the METS but absent \[PB-SOURCE-MISSING\]" "$work/err" \
  || fail "absent file message: $(cat "$work/err")"
"$PAPERBAG" build --missing=warn "$issue" -o "$work/warn" >/dev/null 2>"$work/err" \
  || fail "--missing=warn: $(cat "$work/err")"
unzip -p "$work"/warn/*.zip '*/data/mets.xml' | grep 'absent files.*text/absent.xml' >/dev/null \
  || fail "absent file not recorded in PREMIS"

# A 100 MB ALTO file (about 600,000 words): read, segmented and exported with the address
# space limited to 1 GiB; the reader streams, so memory is the words, not a tree.
if command -v prlimit >/dev/null; then
  big=$work/big.xml
  python3 - "$big" <<'PY'
import sys
word = ('<String ID="S{0}" HPOS="{1}" VPOS="{2}" WIDTH="8" HEIGHT="10" WC="0.9" '
        'CONTENT="Wortzusammensetzungsbeispiel{0}"/><SP WIDTH="4"/>')
with open(sys.argv[1], 'w') as f:
    f.write('<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout>'
            '<Page WIDTH="100000" HEIGHT="100000"><PrintSpace>\n')
    size = n = block = 0
    while size < 100 * 1024 * 1024:
        parts = ['<TextBlock ID="B%d">' % block]
        for line in range(20):
            parts.append('<TextLine>')
            for i in range(10):
                parts.append(word.format(n, i * 9, (block % 900) * 100 + line))
                n += 1
            parts.append('</TextLine>\n')
        parts.append('</TextBlock>\n')
        chunk = ''.join(parts)
        f.write(chunk)
        size += len(chunk)
        block += 1
    f.write('</PrintSpace></Page></Layout></alto>\n')
PY
  [ "$(stat -c %s "$big")" -ge 100000000 ] || fail "big file too small"
  run prlimit --as=$((1024 * 1024 * 1024)) -- "$PAPERBAG" export "$big" --title Big \
    --date 2024-01-01 --page 1 --format jsonl -o "$work/big.jsonl"
  expect_rc 0
  [ -s "$work/big.jsonl" ] || fail "100 MB ALTO: no records"
  rm -f "$big"
  # The same for PAGE: streamed one child of Page at a time, never one tree of the file.
  python3 - "$work/big.page.xml" <<'PY2'
import sys
word = ('<Word id="w{0}"><Coords points="{1},{2} {3},{2} {3},{4} {1},{4}"/>'
        '<TextEquiv conf="0.9"><Unicode>Wortzusammensetzung{0}</Unicode></TextEquiv></Word>')
with open(sys.argv[1], 'w') as f:
    f.write('<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15">'
            '<Page imageFilename="p.png" imageWidth="100000" imageHeight="100000">\n')
    size = n = region = 0
    while size < 100 * 1024 * 1024:
        top = (region % 900) * 100
        parts = ['<TextRegion id="r%d"><Coords points="0,%d 900,%d 900,%d 0,%d"/>'
                 % (region, top, top, top + 90, top + 90)]
        for line in range(20):
            parts.append('<TextLine id="r%dl%d">' % (region, line))
            for i in range(10):
                parts.append(word.format(n, i * 9, top + line, i * 9 + 8, top + line + 1))
                n += 1
            parts.append('</TextLine>\n')
        parts.append('</TextRegion>\n')
        chunk = ''.join(parts)
        f.write(chunk)
        size += len(chunk)
        region += 1
    f.write('</Page></PcGts>\n')
PY2
  [ "$(stat -c %s "$work/big.page.xml")" -ge 100000000 ] || fail "big PAGE file too small"
  run prlimit --as=$((1024 * 1024 * 1024)) -- "$PAPERBAG" export "$work/big.page.xml" --title Big \
    --date 2024-01-01 --page 1 --format jsonl -o "$work/big-page.jsonl"
  expect_rc 0
  [ -s "$work/big-page.jsonl" ] || fail "100 MB PAGE: no records"
  rm -f "$work/big.page.xml"
  # And hOCR (XHTML, as tesseract writes it): streamed one block at a time.
  python3 - "$work/big.hocr" <<'PY2'
import sys
word = "<span class='ocrx_word' id='w{0}' title='bbox {1} {2} {3} {4}; x_wconf 90'>Wortzusammensetzung{0}</span> "
with open(sys.argv[1], 'w') as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 '
            'Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta name="ocr-system" '
            'content="tesseract 5"/></head><body>'
            "<div class='ocr_page' title='bbox 0 0 100000 100000'>\n")
    size = n = par = 0
    while size < 100 * 1024 * 1024:
        top = (par % 900) * 100
        parts = ["<div class='ocr_carea'><p class='ocr_par' id='p%d' title='bbox 0 %d 900 %d'>"
                 % (par, top, top + 90)]
        for line in range(20):
            parts.append("<span class='ocr_line' title='bbox 0 %d 90 %d'>" % (top + line, top + line + 1))
            for i in range(10):
                parts.append(word.format(n, i * 9, top + line, i * 9 + 8, top + line + 1))
                n += 1
            parts.append('</span>\n')
        parts.append('</p></div>\n')
        chunk = ''.join(parts)
        f.write(chunk)
        size += len(chunk)
        par += 1
    f.write('</div></body></html>\n')
PY2
  [ "$(stat -c %s "$work/big.hocr")" -ge 100000000 ] || fail "big hOCR file too small"
  run prlimit --as=$((1024 * 1024 * 1024)) -- "$PAPERBAG" export "$work/big.hocr" --title Big \
    --date 2024-01-01 --page 1 --format jsonl -o "$work/big-hocr.jsonl"
  expect_rc 0
  [ -s "$work/big-hocr.jsonl" ] || fail "100 MB hOCR: no records"
  rm -f "$work/big.hocr"
else
  echo "prlimit missing: 100 MB check skipped"
fi

# The ocr-dev issues (images absent: --missing=warn): the BnL and BL issues build and verify;
# check-conformance passes the whole BnL bundle, and in the BL bundles every file paperbag
# wrote (the BL's own originals, kept byte for byte, are ALTO 1.x without a namespace and a
# METS with PREMIS 2, for which ../shared/schemas has no schema).
dev=$shared/ocr-dev/mets-alto
check=$shared/tools/check-conformance
if [ -d "$dev" ]; then
  for d in bnl_luxemburger-zeitung_1858-07-10 bl_south-staffordshire-examiner_1874-05-02; do
    "$PAPERBAG" build --missing=warn "$dev/$d" -o "$work/dev" \
      >/dev/null 2>"$work/err" || fail "$d build: $(grep error "$work/err" | head -3)"
  done
  for z in "$work"/dev/*.zip; do
    "$PAPERBAG" verify "${verify_args[@]}" "$z" >"$work/verify.txt" 2>&1 || fail "verify $z: $(grep -v valid "$work/verify.txt" | head -5)"
  done
  if [ -x "$check" ] && command -v java >/dev/null; then
    "$check" "$work/dev/lq-1007.zip" >"$work/check.txt" 2>&1 ||
      fail "check-conformance BnL: $(tail -n 3 "$work/check.txt")"
    mkdir -p "$work/bl" && (cd "$work/bl" && unzip -q "$work/dev/0002599.zip")
    "$check" "$work"/bl/*/data/mets.xml "$work"/bl/*/data/alto "$work"/bl/*/data/newsml \
      >"$work/check.txt" 2>&1 || fail "check-conformance BL: $(tail -n 3 "$work/check.txt")"
  else
    echo "check-conformance skipped: ../shared/tools/check-conformance or java not available"
  fi
  set +e
  "$PAPERBAG" build "$dev/bl_the-statesman_1824-02-17" -o "$work/dev2" >/dev/null 2>"$work/err"; rc=$?
  set -e
  [ $rc -eq 1 ] || fail "BL Statesman without --missing=warn: exit $rc"
  grep -q "0002647_18240217_mets.xml:1171: error: file 'img0001-alto' (0002647_18240217_0001.xml): SHA-256" "$work/err" \
    || fail "BL Statesman checksum finding: $(grep -v MISSING "$work/err" | head -3)"
else
  echo "../shared/ocr-dev not found: library issues skipped"
fi
finish
