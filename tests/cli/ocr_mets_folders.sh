#!/usr/bin/env bash
# Issue folders described by the METS of other tools, written for these tests under
# tests/data/ocr: an NDNP issue (np:page divs in a structMap without TYPE, files without
# MIMETYPE, ALTO 2.0 in inch1200, TIFF masters, title from the METS LABEL) and an OCR-D
# workspace (fileGrps OCR-D-IMG / OCR-D-OCR, PAGE 2019, MD5 checksums). Each builds into a
# bundle that passes verify and ../shared/tools/check-conformance, and exports with `export
# DIR`; a file the METS lists that is absent, or one whose checksum is wrong, fails the build
# with exit 1 naming the METS file and line, and --missing=warn packages what is there and
# records the absent file. check-conformance is skipped (with a message) without ../shared.
set -euo pipefail
source "$SOURCE_DIR/tests/support/cli_lib.sh"
export SOURCE_DATE_EPOCH=1710720000
data=$SOURCE_DIR/tests/data/ocr
shared=${SHARED_DIR:-$SOURCE_DIR/../shared}
verify_args=(--no-xml)
[ -f "$shared/schemas/catalog.xml" ] && verify_args=(--catalog "$shared/schemas/catalog.xml")
check=$shared/tools/check-conformance
have_check=0
if [ -x "$check" ] && command -v java >/dev/null; then have_check=1; else
  echo "check-conformance skipped: ../shared/tools/check-conformance or java not available"
fi

# conformance BUNDLE [--allow-unknown]: every XML file of the bundle valid (PAGE originals
# have no schema in ../shared: --allow-unknown lets them pass as unknown, never as invalid).
conformance() {
  [ $have_check = 1 ] || return 0
  run "$check" "$@"
  grep -q "failed (xmllint 0, jdk 0" "$work/out" && grep -q ", 0 failed" "$work/out" ||
    fail "check-conformance $1: $(tail -n 4 "$work/out")"
}

# NDNP: two pages, metadata from MODS, the LABEL as title, page numbers from the page MODS.
ndnp=$data/ndnp/sn99000001/1902010101
run "$PAPERBAG" build "$ndnp" -o "$work/ndnp"
expect_rc 0
bundle=$work/ndnp/sn99000001-1902-01-01.zip
[ -f "$bundle" ] || fail "NDNP: no bundle named after the LCCN: $(ls "$work/ndnp")"
run "$PAPERBAG" verify "${verify_args[@]}" "$bundle"
expect_rc 0
conformance "$bundle"
unzip -l "$bundle" >"$work/list"
for f in data/images/0001.tif data/ocr/0002.xml data/source/1902010101.xml data/alto/0002.xml; do
  grep -q "$f" "$work/list" || fail "NDNP bundle lacks $f"
done
unzip -p "$bundle" '*/data/ocr/0001.xml' | cmp -s - "$ndnp/0001.xml" || fail "NDNP ALTO not byte for byte"
unzip -p "$bundle" '*/data/mets.xml' >"$work/ndnp-mets.xml"
grep -q '<mods:title>The Example Gazette</mods:title>' "$work/ndnp-mets.xml" ||
  fail "NDNP title: $(grep -o '<mods:title>[^<]*' "$work/ndnp-mets.xml" | head -2)"
grep -q 'MIMETYPE="image/tiff"' "$work/ndnp-mets.xml" || fail "NDNP master not an image/tiff"
grep -q 'migration' "$work/ndnp-mets.xml" || fail "NDNP: no migration event"
run "$PAPERBAG" export "$ndnp" --format jsonl -o "$work/ndnp.jsonl"
expect_rc 0
python3 - "$work/ndnp.jsonl" <<'PY' || fail "NDNP export records"
import json, sys
records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
heads = [r["headline"] for r in records if r["type"] == "article"]
assert heads == ["GREAT FIRE AT THE MILLS", "SCHOOL BOARD MEETS"], heads
first = records[0]
assert first["date"] == "1902-01-01" and first["volume"] == "12" and first["number"] == "1", first
g = first["geometry"][0]
assert g["unit"] == "inch1200" and g["image"] == "data/images/0001.tif", g
assert all(0 <= x and 0 <= y and x + w <= g["width"] and y + h <= g["height"]
           for x, y, w, h in g["boxes"]), g
assert "burned to the ground" in first["body"].replace("\n", " "), first["body"]
PY

# OCR-D workspace: PAGE 2019 with a ReadingOrder, images in OCR-D-IMG.
ocrd=$data/ocrd-workspace
run "$PAPERBAG" build "$ocrd" -o "$work/ocrd"
expect_rc 0
bundle=$work/ocrd/der-rheinbote-1921-06-01.zip
[ -f "$bundle" ] || fail "OCR-D: no bundle: $(ls "$work/ocrd") $(cat "$work/err")"
run "$PAPERBAG" verify "${verify_args[@]}" "$bundle"
expect_rc 0
conformance "$bundle" --allow-unknown
unzip -l "$bundle" >"$work/list"
for f in data/images/OCR-D-IMG_0002.png data/ocr/OCR-D-OCR_0001.xml data/source/mets.xml; do
  grep -q "$f" "$work/list" || fail "OCR-D bundle lacks $f"
done
unzip -p "$bundle" '*/data/mets.xml' | grep -q 'mods:identifier type="uri">https://example.org' ||
  fail "OCR-D: the purl is not kept as a uri identifier"
run "$PAPERBAG" export "$ocrd" --format jsonl -o "$work/ocrd.jsonl"
expect_rc 0
python3 - "$work/ocrd.jsonl" <<'PY' || fail "OCR-D export records"
import json, sys
records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
heads = [r["headline"] for r in records if r["type"] == "article"]
assert heads == ["Neue Brücke über den Rhein eröffnet", "Aus dem Stadtrat"], heads
assert records[0]["language"] == "de", records[0]["language"]
g = records[1]["geometry"][0]
assert g["unit"] == "pixel" and g["image"] == "data/images/OCR-D-IMG_0002.png", g
PY

# Broken copies: an absent file (NDNP) and a wrong checksum (OCR-D) fail with file and line.
cp -r "$ndnp" "$work/ndnp-absent"
rm "$work/ndnp-absent/0002.xml"
run "$PAPERBAG" build "$work/ndnp-absent" -o "$work/bad"
expect_rc 1
expect_err "1902010101.xml:53: error: file 'ocrFile2' (0002.xml) is listed in the METS but absent [PB-SOURCE-MISSING]"
[ ! -e "$work/bad" ] || [ -z "$(ls "$work/bad")" ] || fail "a bundle was written for a broken issue"
run "$PAPERBAG" build --missing=warn "$work/ndnp-absent" -o "$work/warn"
expect_rc 0
unzip -p "$work"/warn/*.zip '*/data/mets.xml' | grep -q 'absent files.*0002.xml' ||
  fail "--missing=warn: the absent file is not recorded"
run "$PAPERBAG" verify "${verify_args[@]}" "$work"/warn/*.zip
expect_rc 0
cp -r "$ocrd" "$work/ocrd-changed"
echo "<!-- changed -->" >>"$work/ocrd-changed/OCR-D-OCR/OCR-D-OCR_0002.xml"
run "$PAPERBAG" build "$work/ocrd-changed" -o "$work/bad"
expect_rc 1
expect_err "mets.xml:28: error: file 'OCR-D-OCR_0002' (OCR-D-OCR/OCR-D-OCR_0002.xml): MD5 "
expect_err "[PB-SOURCE-CHECKSUM]"
finish
