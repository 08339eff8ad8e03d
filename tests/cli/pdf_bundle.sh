# PDF issues end to end: export of a page PDF, build of an issue of page PDFs (the PDFs stay
# byte for byte in the bundle and METS points to them; ALTO carries the page size in points and
# text equal to poppler's own, checked against pdftotext), check-conformance on the bundle
# (when ../shared is there), and clear errors for encrypted and damaged PDFs.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
export SOURCE_DATE_EPOCH=1710720000
[ -n "${TEST_PDF_DIR:-}" ] && [ -f "$TEST_PDF_DIR/en.pdf" ] ||
  { echo "skipped: the test PDFs are not built (TEST_PDF_DIR)"; exit 77; }
make_pdf=$SOURCE_DIR/scripts/make-test-pdf
pdfs=${TEST_PDF_DIR:?}

# Export: one page PDF as JSON Lines, like a page text file.
run "$PAPERBAG" export "$pdfs/en.pdf" --title "The Paperbag Courier" --date 2024-03-18 --page 1 \
  --format jsonl
expect_rc 0
python3 - "$work/out" "$pdfs/en.json" <<'PY' || fail "export of en.pdf does not hold the typeset articles"
import json, sys
records = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
truth = json.load(open(sys.argv[2], encoding="utf-8"))["pages"][0]
heads = {(r.get("headline") or "").replace(" ", "") for r in records if r["type"] == "article"}
for a in truth["articles"]:
    assert a["headline"].replace(" ", "") in heads, (a["headline"], heads)
assert any(r["type"] == "illustration" for r in records)
PY

# Build: an issue folder of two page PDFs (the Chinese page has a vertical headline).
issue=$work/issue
mkdir -p "$issue/pdf"
cp "$pdfs/zh.pdf" "$issue/pdf/p01.pdf"
"$make_pdf" --lang zh --seed 11 "$issue/pdf/p02.pdf"
cat >"$issue/issue.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>纸袋日报</title>
  <identifier type="local">zhidai-2024-03-18</identifier>
  <language>zh-Hans</language>
  <date>2024-03-18</date>
  <pages>
    <page sequence="1" label="1"><file role="pdf" href="pdf/p01.pdf"/></page>
    <page sequence="2" label="2"><file role="pdf" href="pdf/p02.pdf"/></page>
  </pages>
</issue>
XML
run "$PAPERBAG" build "$issue" -o "$work/out-bundles"
expect_rc 0
bundle=$work/out-bundles/zhidai-2024-03-18.zip
[ -f "$bundle" ] || fail "no bundle: $(cat "$work/out" "$work/err")"
mkdir -p "$work/x"
(cd "$work/x" && unzip -q "$bundle")
data=$work/x/zhidai-2024-03-18/data
cmp "$data/pdf/p01.pdf" "$issue/pdf/p01.pdf" || fail "the bundle's p01.pdf differs from the original"
cmp "$data/pdf/p02.pdf" "$issue/pdf/p02.pdf" || fail "the bundle's p02.pdf differs from the original"
grep -q 'xlink:href="pdf/p01.pdf"' "$data/mets.xml" || fail "METS does not point to pdf/p01.pdf"
for n in 1 2; do
  python3 - "$data/alto/000$n.xml" "$issue/pdf/p0$n.pdf" <<'PY' || fail "ALTO of page $n"
import subprocess, sys, xml.etree.ElementTree as ET
alto = ET.parse(sys.argv[1]).getroot()
ns = {"a": alto.tag[1:].split("}")[0]}
page = alto.find(".//a:Page", ns)
assert page is not None
unit = alto.find(".//a:MeasurementUnit", ns)
# Geometry: the page is A4 (595 x 842 pt), written in the unit ALTO allows (docs/profile.md),
# and every block, line and word has a box inside the page.
scale = {"inch1200": 1200 / 72, "mm10": 254 / 72}[unit.text]
width, height = float(page.get("WIDTH")), float(page.get("HEIGHT"))
assert abs(width / scale - 595) < 1 and abs(height / scale - 842) < 1, page.attrib
boxes = 0
for tag in ("TextBlock", "TextLine", "String"):
    for e in alto.iter("{%s}%s" % (ns["a"], tag)):
        x, y = float(e.get("HPOS")), float(e.get("VPOS"))
        w, h = float(e.get("WIDTH")), float(e.get("HEIGHT"))
        assert 0 <= x and 0 <= y and x + w <= width + 0.5 and y + h <= height + 0.5, (tag, e.attrib)
        boxes += 1
assert boxes > 0
text = "".join(s.get("CONTENT") for s in alto.iter("{%s}String" % ns["a"]))
poppler = subprocess.run(["pdftotext", "-enc", "UTF-8", sys.argv[2], "-"], capture_output=True,
                         text=True, check=True).stdout
norm = lambda s: sorted(c for c in s if not c.isspace() and c != "\f")
assert norm(text) == norm(poppler), "ALTO text and pdftotext differ: %d vs %d chars" % (len(norm(text)), len(norm(poppler)))
PY
done
# Same input, same bytes.
run "$PAPERBAG" build "$issue" -o "$work/again"
cmp "$bundle" "$work/again/zhidai-2024-03-18.zip" || fail "two builds of the PDF issue differ"

check=$SHARED_DIR/tools/check-conformance
if [ -x "$check" ] && command -v java >/dev/null; then
  run "$check" "$bundle"
  grep -q "failed (xmllint 0, jdk 0, no schema 0)" "$work/out" ||
    fail "check-conformance: $(tail -n 3 "$work/out")"
else
  echo "skipped check-conformance: ../shared/tools/check-conformance or java not available"
fi

# Hostile PDFs: an error naming the file, non-zero exit, no output records.
run "$PAPERBAG" export "$pdfs/hostile/encrypted.pdf" --title T --date 2024-03-18 --format jsonl
[ "$rc" != 0 ] || fail "encrypted PDF exported"
expect_err "encrypted.pdf: error: the PDF is encrypted"
expect_err "[PB-PDF-ENCRYPTED]"
run "$PAPERBAG" export "$pdfs/hostile/truncated.pdf" --title T --date 2024-03-18 --format jsonl
[ "$rc" != 0 ] || fail "truncated PDF exported"
expect_err "truncated.pdf: error: poppler cannot read this PDF"
run "$PAPERBAG" export "$pdfs/hostile/scan.pdf" --title T --date 2024-03-18 --format jsonl
expect_err "PB-PDF-NO-TEXT"
finish
