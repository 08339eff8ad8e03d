#!/usr/bin/env bash
# One issue-level PDF whose pages are the issue's pages (<pages><file role="pdf" .../>, see
# docs/manifest.md): build with and without page elements, the PDF stored once and pointed to
# from the physical sequence, every page's ALTO with the text of its own PDF page (pdftotext
# -f N -l N), bundles that verify and pass ../shared/tools/check-conformance; a PDF whose page
# count differs from the manifest's pages fails at the manifest's line; old manifests stay
# valid; a multi-page PDF on the command line builds too. --render-images DPI: a PNG per page rendered by poppler when the deposit has none,
# the same bytes in two builds, deposited images kept.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
export SOURCE_DATE_EPOCH=1710720000
[ -n "${TEST_PDF_DIR:-}" ] && [ -f "$TEST_PDF_DIR/issue.pdf" ] ||
  { echo "skipped: the test PDFs are not built (TEST_PDF_DIR)"; exit 77; }
pdfs=$TEST_PDF_DIR
check=$SHARED_DIR/tools/check-conformance
verify_args=(--no-xml)
[ -f "$SHARED_DIR/schemas/catalog.xml" ] && verify_args=(--catalog "$SHARED_DIR/schemas/catalog.xml")
conformance() {
  if [ -x "$check" ] && command -v java >/dev/null; then
    run "$check" "$1"
    grep -q "failed (xmllint 0, jdk 0, no schema 0)" "$work/out" ||
      fail "check-conformance $1: $(tail -n 3 "$work/out")"
  else
    echo "skipped check-conformance: ../shared/tools/check-conformance or java not available"
  fi
}
manifest() {  # manifest PAGES-XML: an issue.xml whose <pages> holds the issue PDF and PAGES-XML
  cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>The Paperbag Courier</title>
  <identifier type="local">courier-2024-03-18</identifier>
  <language>en</language>
  <date>2024-03-18</date>
  <pages>
    <file role="pdf" href="issue.pdf"/>
$1
  </pages>
</issue>
XML
}

# Without page elements: the PDF's three pages are the issue's pages 1, 2, 3.
issue=$work/issue
mkdir -p "$issue"
cp "$pdfs/issue.pdf" "$issue/issue.pdf"
manifest "" >"$issue/issue.xml"
run "$PAPERBAG" build "$issue" -o "$work/a"
expect_rc 0
bundle=$work/a/courier-2024-03-18.zip
[ -f "$bundle" ] || fail "no bundle: $(cat "$work/err")"
mkdir -p "$work/x" && (cd "$work/x" && unzip -q "$bundle")
data=$work/x/courier-2024-03-18/data
cmp "$data/pdf/issue.pdf" "$issue/issue.pdf" || fail "the bundle's issue.pdf differs"
[ "$(ls "$data/pdf")" = issue.pdf ] || fail "PDF stored more than once: $(ls "$data/pdf")"
python3 - "$data/mets.xml" <<'PY' || fail "METS of the issue PDF"
import sys, xml.etree.ElementTree as ET
m = {"m": "http://www.loc.gov/METS/", "x": "http://www.w3.org/1999/xlink"}
root = ET.parse(sys.argv[1]).getroot()
files = [f for f in root.iterfind(".//m:file", m) if f.get("USE") == "pdf"]
assert [f.find("m:FLocat", m).get("{%s}href" % m["x"]) for f in files] == ["pdf/issue.pdf"], files
seq = root.find(".//m:structMap[@TYPE='PHYSICAL']/m:div", m)
assert seq.get("TYPE") == "physSequence" and seq.find("m:fptr", m).get("FILEID") == files[0].get("ID")
pages = seq.findall("m:div", m)
assert [(p.get("ORDER"), p.get("ORDERLABEL")) for p in pages] == [("1", "1"), ("2", "2"), ("3", "3")]
PY
for n in 1 2 3; do
  pdftotext -enc UTF-8 -f $n -l $n "$issue/issue.pdf" "$work/p$n.txt"
  python3 - "$data/alto/000$n.xml" "$work/p$n.txt" $n <<'PY' || fail "ALTO of page $n"
import sys, xml.etree.ElementTree as ET
alto = ET.parse(sys.argv[1]).getroot()
ns = alto.tag[1:].split("}")[0]
text = "".join(s.get("CONTENT") for s in alto.iter("{%s}String" % ns))
poppler = open(sys.argv[2], encoding="utf-8").read()
norm = lambda s: sorted(c for c in s if not c.isspace() and c != "\f")
assert norm(text) == norm(poppler), "page %s: ALTO %d chars, pdftotext %d" % (sys.argv[3], len(norm(text)), len(norm(poppler)))
settings = [e.text for e in alto.iter("{%s}processingStepSettings" % ns)]
assert settings == ["source: pdf/issue.pdf, page %s" % sys.argv[3]], settings
PY
done
run "$PAPERBAG" verify "${verify_args[@]}" "$bundle"
expect_rc 0
conformance "$bundle"
run "$PAPERBAG" export "$issue" --format jsonl
expect_rc 0
python3 - "$work/out" <<'PY' || fail "export of the issue-PDF folder"
import json, sys
pages = {p for l in open(sys.argv[1], encoding="utf-8") for p in json.loads(l)["pages"]}
assert pages == {"1", "2", "3"}, pages
PY

run "$PAPERBAG" inspect "$issue"
expect_rc 0
expect_out "pdf: issue.pdf page 2 (application/pdf)"

# The same PDF given on the command line: three pages, the PDF stored once.
run "$PAPERBAG" build "$issue/issue.pdf" --title "The Paperbag Courier" --date 2024-03-18 \
  -o "$work/cli.zip"
expect_rc 0
[ "$(unzip -l "$work/cli.zip" | grep -c 'data/pdf/issue.pdf')" = 1 ] || fail "command-line PDF not stored once"
[ "$(unzip -l "$work/cli.zip" | grep -c 'data/alto/')" = 3 ] || fail "command-line PDF: not three pages"

# With page elements: labels and sections from the manifest; a page's own image is kept.
mkdir -p "$issue/img"
cp "$SOURCE_DIR/tests/data/ocr/ocrd-workspace/OCR-D-IMG/OCR-D-IMG_0001.png" "$issue/img/front.png"
manifest '    <page sequence="1" label="A1" section="Front"><file role="image" href="img/front.png"/></page>
    <page sequence="2" label="A2"/>
    <page sequence="3" label="A3"/>' >"$issue/issue.xml"
run "$PAPERBAG" build --render-images 50 "$issue" -o "$work/b"
expect_rc 0
bundle=$work/b/courier-2024-03-18.zip
run "$PAPERBAG" verify "${verify_args[@]}" "$bundle"
expect_rc 0
conformance "$bundle"
unzip -l "$bundle" >"$work/list"
for f in data/images/front.png data/images/issue-0002.png data/images/issue-0003.png; do
  grep -q "$f" "$work/list" || fail "bundle lacks $f"
done
grep -q "issue-0001.png" "$work/list" && fail "page 1 has a deposited image but got a rendered one"
unzip -p "$bundle" '*/data/images/issue-0002.png' >"$work/p2.png"
python3 - "$work/p2.png" <<'PY' || fail "rendered page image"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
width, height = struct.unpack(">II", data[16:24])
# A4 (595.3 x 841.9 pt) at 50 dpi, rounded.
assert (width, height) == (413, 585), (width, height)
PY
unzip -p "$bundle" '*/data/alto/0003.xml' | grep -q '<fileName>images/issue-0003.png</fileName>' ||
  fail "ALTO does not name the rendered image"
unzip -p "$bundle" '*/data/mets.xml' | grep -q 'ORDERLABEL="A2"' || fail "labels not from the manifest"
run "$PAPERBAG" build --render-images 50 --force "$issue" -o "$work/c"
cmp "$bundle" "$work/c/courier-2024-03-18.zip" || fail "two builds with --render-images differ"
run "$PAPERBAG" build --render-images 5000 "$issue" -o "$work/d"
expect_rc 2
expect_err "--render-images"

# Page count differs from the manifest's pages: an error at the <file> line.
manifest '    <page sequence="1" label="1"/>
    <page sequence="2" label="2"/>' >"$issue/issue.xml"
run "$PAPERBAG" build "$issue" -o "$work/e"
expect_rc 1
expect_err "issue.xml:8: error: issue PDF 'issue.pdf' has 3 page(s) but the manifest lists 2: its pages must be the issue's pages [PB-PDF-PAGES]"
# A page without any file needs the issue PDF.
cat >"$issue/issue.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>T</title>
  <language>en</language>
  <date>2024-03-18</date>
  <pages>
    <page sequence="1" label="1"/>
  </pages>
</issue>
XML
run "$PAPERBAG" build "$issue" -o "$work/e"
expect_rc 1
expect_err "issue.xml:7: error: page 1 has no file (and the issue no issue-level PDF) [PB-MANIFEST-FILE]"
finish
