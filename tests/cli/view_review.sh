# paperbag view and build --corrections, in a real headless Chromium (DevTools protocol through
# tests/support/review_browser.py; no mock DOM): the review of a built sample bundle loads
# without console errors, shows one region group and one index entry per METS article,
# selecting an article highlights its blocks; a correction made by clicking through the UI,
# downloaded and applied with --corrections, changes the rebuilt METS and ALTO as expected and
# is recorded in PREMIS with the reviewer; corrections for another issue or naming unknown
# blocks are refused (exit 1). A PDF issue's review shows the page rendered by poppler.
# Skips (77) when chromium or python3-websocket is not installed (scripts/setup-deps installs
# both).
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
export SOURCE_DATE_EPOCH=1710720000
browser=$SOURCE_DIR/tests/support/review_browser.py
command -v chromium >/dev/null || { echo "skipped: chromium is not installed"; exit 77; }
# Debian's python3 has python3-websocket; another python3 first on PATH may not.
py=
for candidate in python3 /usr/bin/python3; do
  command -v "$candidate" >/dev/null && "$candidate" -c 'import websocket, jsonschema' 2>/dev/null &&
    { py=$candidate; break; }
done
[ -n "$py" ] || { echo "skipped: python3-websocket is not installed"; exit 77; }

issue=$SOURCE_DIR/samples/riverton-courier-2024-03-18
key=riverton-courier-2024-03-18
run "$PAPERBAG" build "$issue" -o "$work/b1"
expect_rc 0
bundle=$work/b1/$key.zip

# The review of the bundle: one self-contained page, nothing from the network.
run "$PAPERBAG" view "$bundle" -o "$work/review"
expect_rc 0
expect_out "review     $work/review/index.html (2 pages, "
index=$work/review/index.html
[ -f "$index" ] || fail "no index.html"
grep -Eq '<(script|link|img)[^>]* (src|href)=' "$index" && fail "index.html loads a file"
grep -Eiq '(src|href)="(https?:)?//' "$index" && fail "index.html points to the network"
grep -q "data-issue=\"$key\"" "$index" || fail "the body does not name the issue"

unzip -p "$bundle" "$key/data/mets.xml" >"$work/mets1.xml"
articles=$("$py" - "$work/mets1.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://www.loc.gov/METS/"}
print(len(ET.parse(sys.argv[1]).findall(".//m:div[@TYPE='article']", ns)))
PY
)
[ "$articles" -gt 2 ] || fail "the sample bundle has $articles articles"

"$py" "$browser" check "$index" >"$work/check.json" || fail "the browser check did not run"
"$py" - "$work/check.json" "$work/mets1.xml" <<'PY' || fail "the review in the browser"
import json, sys, xml.etree.ElementTree as ET
r = json.load(open(sys.argv[1]))
ns = {"m": "http://www.loc.gov/METS/"}
ids = [d.get("ID") for d in ET.parse(sys.argv[2]).findall(".//m:div[@TYPE='article']", ns)]
assert r["console_errors"] == [], r["console_errors"]
assert r["index_entries"] == len(ids), (r["index_entries"], ids)
assert sorted(r["index_ids"]) == sorted(ids), (r["index_ids"], ids)
assert sorted(r["region_ids"]) == sorted(ids), (r["region_ids"], ids)
assert r["regions_without_block"] == 0
assert r["unlabelled"] == 0 and r["not_focusable"] == 0, r
assert r["external"] == [], r["external"]
# Enter on the first (least confident) entry highlights exactly that article's blocks.
assert r["selected_regions"] == r["regions_of_first"] > 0, r
assert r["selected_entries"] is True, r
assert r["focus_visible"] not in ("none", ""), r["focus_visible"]
assert r["focus_after_arrow"] not in (None, r["selected_article"]), r
assert r["selected_after_escape"] == 0, r
PY

# A correction through the UI: move a block to another article, mark one as furniture,
# download the file.
mkdir -p "$work/downloads"
"$py" "$browser" correct "$index" "$work/downloads" >"$work/correct.json" ||
  fail "the browser correction did not run"
corrections=$work/downloads/$key-corrections.json
[ -f "$corrections" ] || fail "no corrections were downloaded: $(cat "$work/correct.json")"
"$py" - "$work/correct.json" "$corrections" "$SOURCE_DIR/docs/corrections.schema.json" <<'PY' ||
import json, sys, jsonschema
plan = json.load(open(sys.argv[1]))
doc = json.load(open(sys.argv[2]))
jsonschema.validate(doc, json.load(open(sys.argv[3])))
assert plan["console_errors"] == [], plan["console_errors"]
assert plan["download_state"] == "completed", plan
assert plan["region_article_after_move"] == plan["target"], plan
assert doc["reviewer"] == "Ada Reviewer" and doc["issue"] == "riverton-courier-2024-03-18", doc
assert doc["corrections"] == [
    {"op": "reassign", "block": plan["moved"], "article": plan["target"]},
    {"op": "furniture", "block": plan["furniture"]}], doc
PY
  fail "the downloaded corrections"

run "$PAPERBAG" build "$issue" -o "$work/b2" --corrections "$corrections"
expect_rc 0
unzip -p "$work/b2/$key.zip" "$key/data/mets.xml" >"$work/mets2.xml"
"$py" - "$work/correct.json" "$work/mets2.xml" <<'PY' || fail "the rebuilt METS"
import json, sys, xml.etree.ElementTree as ET
plan = json.load(open(sys.argv[1]))
ns = {"m": "http://www.loc.gov/METS/", "p": "http://www.loc.gov/premis/v3"}
root = ET.parse(sys.argv[2]).getroot()
def blocks(div_id):
    div = root.find(".//m:div[@ID='%s']" % div_id, ns)
    assert div is not None, div_id
    return {a.get("BEGIN") for a in div.iter("{http://www.loc.gov/METS/}area")
            if a.get("BETYPE") == "IDREF"}
assert plan["moved"] in blocks(plan["target"]), "moved block not in its new article"
assert plan["moved"] not in blocks(plan["donor"]), "moved block still in its old article"
everywhere = {a.get("BEGIN") for a in root.iter("{http://www.loc.gov/METS/}area")}
assert plan["furniture"] not in everywhere, "the furniture block is still in an article"
events = {e.findtext("p:eventType", namespaces=ns): e for e in root.iter("{%s}event" % ns["p"])}
review = events["metadata modification"]
assert "Ada Reviewer" in review.findtext(".//p:eventDetail", namespaces=ns)
roles = [l.findtext("p:linkingAgentRole", namespaces=ns)
         for l in review.findall("p:linkingAgentIdentifier", ns)]
assert roles == ["executing program", "reviewer"], roles
agents = [a for a in root.iter("{%s}agent" % ns["p"])
          if a.findtext("p:agentType", namespaces=ns) == "person"]
assert [a.findtext("p:agentName", namespaces=ns) for a in agents] == ["Ada Reviewer"]
PY
unzip -p "$work/b2/$key.zip" "$key/data/alto/0001.xml" "$key/data/alto/0002.xml" |
  grep -q "ID=\"$("$py" -c 'import json,sys;print(json.load(open(sys.argv[1]))["furniture"])' \
    "$work/correct.json")\" TAGREFS=\"TAG_furniture\"" || fail "ALTO does not mark the furniture block"

# Deterministic: the same issue and corrections give the same bundle; the corrections are
# part of the input digest (a rebuild without them is not "unchanged").
run "$PAPERBAG" build "$issue" -o "$work/b3" --corrections "$corrections"
expect_rc 0
cmp -s "$work/b2/$key.zip" "$work/b3/$key.zip" || fail "two builds with corrections differ"
run "$PAPERBAG" build "$issue" -o "$work/b3"
expect_rc 0
expect_out "built"
if [ -x "$SHARED_DIR/tools/check-conformance" ]; then
  run "$SHARED_DIR/tools/check-conformance" "$work/b2/$key.zip"
  expect_rc 0
else
  echo "note: ../shared is absent; check-conformance of the corrected bundle skipped"
fi

# Bad corrections: another issue, an unknown block, an unknown article, a broken file.
"$py" - "$corrections" "$work" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
def save(name, d):
    json.dump(d, open(sys.argv[2] + "/" + name, "w"))
save("other.json", dict(doc, issue="jianghe-daily-2024-03-18"))
save("block.json", dict(doc, corrections=[{"op": "furniture", "block": "p9-b9999"}]))
save("article.json", dict(doc, corrections=[{"op": "reassign", "block": doc["corrections"][0]["block"],
                                             "article": "LOG_art-999"}]))
save("schema.json", dict(doc, corrections=[{"op": "furniture", "block": "p1-b0001", "x": 1}]))
PY
run "$PAPERBAG" build "$issue" -o "$work/bad" --corrections "$work/other.json"
expect_rc 1
expect_err "these corrections are for issue 'jianghe-daily-2024-03-18', not for '$key' [PB-CORRECTIONS-ISSUE]"
[ -e "$work/bad/$key.zip" ] && fail "a bundle was written for another issue's corrections"
run "$PAPERBAG" build "$issue" -o "$work/bad" --corrections "$work/block.json"
expect_rc 1
expect_err "$work/block.json: error: /corrections/0 (furniture): block 'p9-b9999' does not exist in issue '$key' [PB-CORRECTIONS-UNKNOWN]"
run "$PAPERBAG" build "$issue" -o "$work/bad" --corrections "$work/article.json"
expect_rc 1
expect_err "article 'LOG_art-999' does not exist"
run "$PAPERBAG" build "$issue" -o "$work/bad" --corrections "$work/schema.json"
expect_rc 1
expect_err "/corrections/0/x: unknown member"
printf 'not json' >"$work/broken.json"
run "$PAPERBAG" build "$issue" -o "$work/bad" --corrections "$work/broken.json"
expect_rc 1
expect_err "[PB-CORRECTIONS-SYNTAX]"
[ -e "$work/bad/$key.zip" ] && fail "a bundle was written for refused corrections"

# A PDF issue: the page rendered by poppler under its article regions.
if [ -n "${TEST_PDF_DIR:-}" ] && [ -f "$TEST_PDF_DIR/en.pdf" ]; then
  pdf_issue=$work/pdf-issue
  mkdir -p "$pdf_issue"
  cp "$TEST_PDF_DIR/en.pdf" "$pdf_issue/p01.pdf"
  cat >"$pdf_issue/issue.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>The Paperbag Courier</title>
  <identifier type="local">paperbag-courier-2024-03-18</identifier>
  <language>en</language>
  <date>2024-03-18</date>
  <pages><page sequence="1" label="1"><file role="pdf" href="p01.pdf"/></page></pages>
</issue>
XML
  run "$PAPERBAG" build "$pdf_issue" -o "$work/pdf-out"
  expect_rc 0
  run "$PAPERBAG" view "$work/pdf-out/paperbag-courier-2024-03-18.zip" -o "$work/pdf-review"
  expect_rc 0
  expect_out "1 page images)"
  head -c 8 "$work/pdf-review/page-0001.png" | od -An -c | grep -q 'P   N   G' ||
    fail "page-0001.png is not a PNG"
  "$py" "$browser" check "$work/pdf-review/index.html" >"$work/pdf.json" ||
    fail "the browser check of the PDF review did not run"
  "$py" - "$work/pdf.json" <<'PY' || fail "the PDF review in the browser"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["console_errors"] == [], r["console_errors"]
assert r["images"] == ["page-0001.png"], r["images"]
assert r["index_entries"] == r["regions"] > 0, r
assert r["selected_regions"] == r["regions_of_first"] > 0, r
PY
  # The issue folder itself gives the same review as its bundle.
  run "$PAPERBAG" view "$pdf_issue" -o "$work/pdf-review-folder" --read-only
  expect_rc 0
  grep -q 'id="tools"' "$work/pdf-review-folder/index.html" && fail "--read-only shows the tools"
else
  echo "note: the test PDFs are not built; the PDF review is not checked"
fi

# A deposited page image is shipped beside the review byte for byte (here beside page text,
# which has no coordinates to place the blocks on it).
img_issue=$work/img-issue
mkdir -p "$img_issue"
cp "$issue"/page-0*.txt "$img_issue/"
"$py" - "$img_issue/scan-01.png" <<'PY'
import struct, sys, zlib
w, h = 40, 60
raw = b"".join(b"\0" + bytes([200, 190, 170]) * w for _ in range(h))
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
sed -e 's|<file role="text" href="page-01.txt"[^>]*/>|&<file role="image" href="scan-01.png"/>|' \
  "$issue/issue.xml" >"$img_issue/issue.xml"
grep -q scan-01.png "$img_issue/issue.xml" || fail "the test manifest has no image"
run "$PAPERBAG" view "$img_issue" -o "$work/img-review"
expect_rc 0
expect_out "1 page images)"
cmp -s "$img_issue/scan-01.png" "$work/img-review/page-0001.png" ||
  fail "the deposited image is not shipped byte for byte"
grep -q '<img class="page-image" src="page-0001.png" alt="Image of page A1 ' "$work/img-review/index.html" ||
  fail "the review does not show the deposited image"

# Hostile text stays text: markup in a page is escaped, never run.
evil=$work/evil-issue
cp -r "$issue" "$evil"
printf '\n<script>alert(1)</script> "quoted" <img src=x onerror=alert(2)>\n' >>"$evil/page-02.txt"
run "$PAPERBAG" view "$evil" -o "$work/evil-review"
expect_rc 0
grep -q '<script>alert(1)' "$work/evil-review/index.html" && fail "page text became a script"
grep -q '<img src=x' "$work/evil-review/index.html" && fail "page text became an element"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt;' "$work/evil-review/index.html" ||
  fail "the hostile line is not shown as text"

# Bad input: a file that is not a bundle.
printf 'PK\003\004 broken' >"$work/broken.zip"
run "$PAPERBAG" view "$work/broken.zip" -o "$work/none"
expect_rc 1
[ -e "$work/none/index.html" ] && fail "a review was written for a broken bundle"
finish
