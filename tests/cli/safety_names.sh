# Names that bundles must carry unchanged: NFD page file names, characters that URIs escape
# (space, %, #, ?, non-ASCII), and OCR originals paperbag does not validate. Every bundle
# build writes must pass verify, and build and verify must agree.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
export SOURCE_DATE_EPOCH=1710720000
command -v python3 >/dev/null || { echo "skipped: python3 is not installed"; exit 77; }
page="$SOURCE_DIR/samples/riverton-courier-2024-03-18/page-01.txt"

# entry BUNDLE SUFFIX: prints the entry of BUNDLE whose name ends with SUFFIX.
entry() {
  python3 - "$1" "$2" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    name = next(n for n in z.namelist() if n.endswith(sys.argv[2]))
    sys.stdout.write(z.read(name).decode())
PY
}

# Page files whose names need escaping in a METS href.
mkdir -p "$work/names"
names=("space name.txt" "pct%41.txt" "pct%.txt" "hash#1.txt" "q?.txt" "é.txt")
files=()
for n in "${names[@]}"; do cp "$page" "$work/names/$n"; files+=("$work/names/$n"); done
run "$PAPERBAG" build "${files[@]}" --title "The Riverton Courier" --date 2024-03-18 --lang en -o "$work/names.zip"
expect_rc 0
entry "$work/names.zip" data/mets.xml >"$work/mets.xml"
for href in 'text/space%20name.txt' 'text/pct%2541.txt' 'text/pct%25.txt' 'text/hash%231.txt' 'text/q%3F.txt' 'text/%C3%A9.txt'; do
  grep -qF "xlink:href=\"$href\"" "$work/mets.xml" || fail "METS lacks the escaped href $href"
done
run "$PAPERBAG" verify "$work/names.zip"
expect_rc 0
run "$PAPERBAG" export "$work/names.zip"
expect_rc 0
expect_out '"file":"pct%41.txt"'
expect_out '"file":"hash#1.txt"'
run "$PAPERBAG" validate --profile paperbag "$work/names.zip"
expect_rc 0

# A page file named in NFD (as macOS writes it): one NFC name in METS, ZIP and manifest.
nfd=$(printf 'Ge\xcc\x81neve.txt')
cp "$page" "$work/$nfd"
run "$PAPERBAG" build "$work/$nfd" --title "The Riverton Courier" --date 2024-03-18 --lang en -o "$work/nfd.zip"
expect_rc 0
entry "$work/nfd.zip" data/mets.xml | grep -qF 'xlink:href="text/G%C3%A9neve.txt"' || fail "METS href is not NFC"
run "$PAPERBAG" verify "$work/nfd.zip"
expect_rc 0

# OCR files in formats paperbag does not validate (PAGE, ALTO 1.x, hOCR with a DOCTYPE) are
# kept as received; PREMIS says so, and verify agrees with build (exit 0).
mkdir -p "$work/ocr"
cp "$page" "$work/ocr/page-01.txt"
cat >"$work/ocr/page.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page imageFilename="p.jpg" imageWidth="10" imageHeight="10"/></PcGts>
XML
cat >"$work/ocr/alto1.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://schema.ccs-gmbh.com/ALTO"><Layout><Page ID="P1" HEIGHT="10" WIDTH="10"/></Layout></alto>
XML
cat >"$work/ocr/hocr.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>hocr</title></head><body><div class="ocr_page"/></body></html>
XML
cat >"$work/ocr/issue.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>The Riverton Courier</title>
  <language>en</language>
  <date>2024-03-18</date>
  <pages>
    <page sequence="1" label="A1">
      <file role="text" href="page-01.txt"/>
      <file role="ocr" href="page.xml"/>
      <file role="ocr" href="alto1.xml"/>
      <file role="ocr" href="hocr.xml"/>
    </page>
  </pages>
</issue>
XML
run "$PAPERBAG" build "$work/ocr" -o "$work/ocr-out"
expect_rc 0
bundle=$(ls "$work"/ocr-out/*.zip)
entry "$bundle" data/mets.xml >"$work/mets.xml"
grep -qF "not validated: 3 original OCR file(s) kept as received (fixity only): page.xml alto1.xml hocr.xml" "$work/mets.xml" \
  || fail "PREMIS does not record the OCR files that were not validated"
run "$PAPERBAG" verify "$bundle"
expect_rc 0
expect_out "[PB-OCR-NOT-VALIDATED]"

finish
