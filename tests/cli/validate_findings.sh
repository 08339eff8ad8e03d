# Findings and reports of validate and verify (issue #14): one line per finding, bundle
# entries named in every format, every rule in SARIF and --list-rules (also as JSON), JUnit
# named after the command, findings sorted, null for an unknown line, SARIF fingerprints;
# nothing validated is exit 2, --skip of an unknown rule is a usage error, --include/--exclude,
# --unknown; PB-SCHEMA-MISSING once per run; validate and verify agree on a bundle; PB-NEWSML-001
# a warning outside a bundle and an error inside one.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
export HOME=$work/home XDG_DATA_HOME=$work/data SOURCE_DATE_EPOCH=1710720000
unset XML_CATALOG_FILES PAPERBAG_SCHEMA_DIR
data=$SOURCE_DIR/tests/data/validate

manifest() {  # manifest FILE DATE: an issue manifest (built-in schema, no setup needed)
  cat >"$1" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>The Test Gazette</title>
  <language>en</language>
  <date>$2</date>
  <pages>
    <page sequence="1" label="A1"><file role="text" href="p1.txt"/></page>
  </pages>
</issue>
XML
}

# A finding is one line, even when libxml2 quotes a value with newlines in it.
mkdir -p "$work/m"
manifest "$work/m/multi.xml" '2024-03-18
   and more'
run "$PAPERBAG" validate "$work/m/multi.xml"
expect_rc 1
[ "$(wc -l <"$work/out")" = 3 ] || fail "a finding spans lines: $(cat "$work/out")"
expect_out "multi.xml:5: error: <date> is '2024-03-18 and more', which is not a date (YYYY-MM-DD). [PB-XSD]"
run "$PAPERBAG" validate --format json "$work/m/multi.xml"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); m=d["files"][0]["findings"][0]["message"]; assert "\n" not in m and "  " not in m, m' "$work/out" \
  || fail "json message not on one line"

# Nothing validated: exit 2 with a clear message (also through a filter that leaves nothing).
mkdir -p "$work/empty"
run "$PAPERBAG" validate "$work/empty"
expect_rc 2
expect_err "nothing validated: no XML file found in the input"
expect_out "nothing validated"

# --skip with a rule that does not exist is a usage error; an existing one is fine.
run "$PAPERBAG" validate --skip PB-NO-SUCH-RULE "$work/m/multi.xml"
expect_rc 2
expect_err "unknown rule 'PB-NO-SUCH-RULE' given to --skip"
run "$PAPERBAG" validate --skip PB-XSD "$work/m/multi.xml"
expect_rc 0
run "$PAPERBAG" verify --skip PB-NOPE "$work/m/multi.xml"
expect_rc 2
expect_err "unknown rule 'PB-NOPE' given to --skip"

# --include / --exclude GLOB, repeatable; files named directly are always validated.
mkdir -p "$work/f/sub"
manifest "$work/f/good.xml" 2024-03-18
manifest "$work/f/bad.xml" 2024-02-30
manifest "$work/f/sub/deep.xml" 2024-03-19
run "$PAPERBAG" validate "$work/f"
expect_rc 1
expect_out "summary: 3 files"
run "$PAPERBAG" validate --exclude 'bad*' "$work/f"
expect_rc 0
expect_out "summary: 2 files: 2 valid"
run "$PAPERBAG" validate --include 'sub/*' "$work/f"
expect_rc 0
expect_out "summary: 1 file: 1 valid"
expect_out "sub/deep.xml: valid"
run "$PAPERBAG" validate --include 'good.xml' --include 'deep.xml' "$work/f"
expect_rc 0
expect_out "summary: 2 files: 2 valid"
run "$PAPERBAG" validate --include '*.nothing' "$work/f"
expect_rc 2
expect_err "nothing validated"
expect_err "(after --include/--exclude)"
run "$PAPERBAG" validate --exclude '*' "$work/f/bad.xml"
expect_rc 1

# --unknown: PAGE and NDNP batch.xml have no schema in paperbag.
mkdir -p "$work/u"
manifest "$work/u/issue.xml" 2024-03-18
cat >"$work/u/page.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"><Page/></PcGts>
XML
printf '<batch xmlns="http://www.loc.gov/ndnp" name="batch_x"/>\n' >"$work/u/batch.xml"
run "$PAPERBAG" validate "$work/u"
expect_rc 0
expect_out "page.xml: warning: skipped: no schema is known for the root element {http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15}PcGts (PAGE XML) [PB-SCHEMA-UNKNOWN]"
expect_out "batch.xml: skipped: 0 errors, 1 warning [NDNP batch]"
expect_out "summary: 1 file: 1 valid, 0 invalid, 0 not validated; 2 skipped (2 of a format paperbag has no schema for)"
run "$PAPERBAG" validate --strict "$work/u"
expect_rc 1
run "$PAPERBAG" validate --unknown=ignore "$work/u"
expect_rc 0
grep -q "page.xml" "$work/out" && fail "--unknown=ignore still lists the file"
expect_out "; 2 skipped (2 of a format"
run "$PAPERBAG" validate --unknown=fail "$work/u"
expect_rc 2
expect_out "page.xml: error: not validated: no schema is known"
run "$PAPERBAG" validate --unknown=bogus "$work/u"
expect_rc 2
run "$PAPERBAG" validate --format junit "$work/u"
python3 - "$work/out" <<'PY' || fail "junit of skipped files"
import sys, xml.etree.ElementTree as ET
suite = ET.parse(sys.argv[1]).getroot().find("testsuite")
assert suite.get("name") == "paperbag validate" and suite.get("skipped") == "2", suite.attrib
assert len([c for c in suite.findall("testcase") if c.find("skipped") is not None]) == 2
PY
run "$PAPERBAG" validate --unknown=ignore "$work/u/page.xml"
expect_rc 2
expect_err "nothing validated"

# JSON: null for an unknown line or column, and the structure of docs/validate-report.schema.json.
run "$PAPERBAG" validate --format json "$work/u" "$work/f/bad.xml"
expect_rc 1
python3 - "$work/out" "$SOURCE_DIR/docs/validate-report.schema.json" <<'PY' || fail "json report"
import json, sys
report = json.load(open(sys.argv[1]))
try:
    import jsonschema
    jsonschema.validate(report, json.load(open(sys.argv[2])))
except ImportError:
    pass
found = [f for file in report["files"] for f in file["findings"]]
assert all(f["line"] is None or f["line"] >= 1 for f in found), found
assert any(f["line"] is None and f["column"] is None for f in found), found
assert any(f["line"] == 5 for f in found), found
assert report["totals"]["skipped"] == 2 and report["command"] == "validate", report["totals"]
PY

# --list-rules, as text and as JSON, for validate and verify.
run "$PAPERBAG" validate --list-rules
expect_rc 0
expect_out "PB-NEWSML-001  warning  [mets]"
run "$PAPERBAG" validate --list-rules --format json
expect_rc 0
python3 -c 'import json,sys; r={x["id"]: x for x in json.load(open(sys.argv[1]))}; assert "PB-XSD" in r and "PB-BAG-CHECKSUM" not in r and r["PB-SCHEMA-UNKNOWN"]["severity"]=="warning", r' "$work/out" \
  || fail "validate --list-rules --format json"
run "$PAPERBAG" verify --list-rules --format json
expect_rc 0
python3 -c 'import json,sys; r={x["id"] for x in json.load(open(sys.argv[1]))}; assert {"PB-XSD","PB-BAG-CHECKSUM","PB-BAG-SYMLINK","PB-VERIFY-XML-SKIPPED","PB-OCR-NOT-VALIDATED"} <= r, r' "$work/out" \
  || fail "verify --list-rules --format json"
cp "$work/out" "$work/verify-rules.json"

# verify: the entry that failed is named in text, JSON and SARIF; JUnit is named after verify.
python3 - "$work/flip.zip" <<'PY'
import hashlib, sys, zipfile
payload = {"data/mets.xml": b"<mets/>\n", "data/text/p1.txt": "first\n".encode(),
           "data/text/p2.txt": b"second\n"}
manifest = "".join(f"{hashlib.sha256(v).hexdigest()}  {k}\n" for k, v in sorted(payload.items()))
payload["data/text/p1.txt"] = b"tampered\n"
payload["data/text/p2.txt"] = b"tampered too\n"
files = {"bag/bagit.txt": b"BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n",
         "bag/manifest-sha256.txt": manifest.encode()}
files.update({"bag/" + k: v for k, v in payload.items()})
with zipfile.ZipFile(sys.argv[1], "w") as z:
    for name, data in files.items():
        z.writestr(name, data)
PY
run "$PAPERBAG" verify "$work/flip.zip"
expect_rc 1
expect_out "flip.zip!/bag/data/text/p1.txt: error:"
run "$PAPERBAG" verify --format json "$work/flip.zip"
expect_rc 1
python3 - "$work/out" <<'PY' || fail "verify json names the entry"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["command"] == "verify"
found = report["files"][0]["findings"]
paths = [f.get("path") for f in found]
assert any(p and p.endswith("flip.zip!/bag/data/text/p1.txt") for p in paths), paths
keys = [(f.get("path", ""), f["line"] or 0, f["column"] or 0) for f in found]
assert keys == sorted(keys), keys
PY
run "$PAPERBAG" verify --format sarif "$work/flip.zip"
expect_rc 1
cp "$work/out" "$work/first.sarif"
python3 - "$work/out" "$work/verify-rules.json" <<'PY' || fail "verify sarif"
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
listed = {r["id"] for r in json.load(open(sys.argv[2]))}
assert listed <= rules, listed - rules
artifacts = run["artifacts"]
for r in run["results"]:
    assert r["ruleId"] in rules, r["ruleId"]
    assert r["partialFingerprints"]["paperbag/v1"], r
loc = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]
       if r["ruleId"] == "PB-BAG-CHECKSUM"]
assert loc and all("flip.zip!/bag/data/text/p" in l["uri"] for l in loc), loc
entry = artifacts[loc[0]["index"]]
assert entry["location"]["uri"].startswith("bag/data/text/p"), entry
assert artifacts[entry["parentIndex"]]["location"]["uri"].endswith("flip.zip"), artifacts
prints = [r["partialFingerprints"]["paperbag/v1"] for r in run["results"]]
assert len(set(prints)) == len(prints), prints
PY
run "$PAPERBAG" verify --format sarif "$work/flip.zip"
cmp -s "$work/out" "$work/first.sarif" || fail "SARIF (and its fingerprints) differ between two runs"
run "$PAPERBAG" verify --format junit "$work/flip.zip"
expect_rc 1
python3 - "$work/out" <<'PY' || fail "verify junit is named after verify"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suite = root.find("testsuite")
assert suite.get("name") == "paperbag verify", suite.attrib
assert all(c.get("classname") == "paperbag.verify" for c in suite.findall("testcase"))
PY

# Without installed schemas: PB-SCHEMA-MISSING with its fix once per run, not per file; and
# validate and verify give the same verdict on a bundle paperbag built.
run "$PAPERBAG" build "$SOURCE_DIR/samples/riverton-courier-2024-03-18" -o "$work/bundles"
expect_rc 0
bundle=$(ls "$work"/bundles/*.zip | head -n 1)
run "$PAPERBAG" verify "$bundle"
verify_rc=$rc
[ "$(cat "$work/out" "$work/err" | grep -c "paperbag schemas install")" = 1 ] \
  || fail "verify: the fix for missing schemas is not said exactly once: $(cat "$work/err")"
expect_err "[PB-SCHEMA-MISSING]"
run "$PAPERBAG" validate "$bundle"
[ "$rc" = "$verify_rc" ] || fail "validate exits $rc, verify $verify_rc on the same bundle"
[ "$(cat "$work/out" "$work/err" | grep -c "paperbag schemas install")" = 1 ] \
  || fail "validate: the fix for missing schemas is not said exactly once"
run "$PAPERBAG" validate "$data/valid/alto4.xml" "$data/valid/alto2.xml" "$data/valid/mods.xml"
expect_rc 2
[ "$(cat "$work/out" "$work/err" | grep -c "paperbag schemas install")" = 1 ] \
  || fail "missing schemas advice repeated: $(cat "$work/out" "$work/err")"
expect_err "3 file(s) not validated"

# schemas install with nothing reachable: 0 installed is not "partly installed".
mkdir -p "$work/schemas"
echo '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog"/>' >"$work/schemas/catalog.xml"
run "$PAPERBAG" schemas install --dir "$work/schemas" --mirror http://127.0.0.1:9 --timeout 2
expect_rc 2
grep -q "partly" "$work/out" "$work/err" && fail "0 installed called 'partly installed'"
expect_err "nothing installed in $work/schemas: 0 of 27 official schemas"

# PB-NEWSML-001: a feed's package pointing to items not given is a warning; inside a bundle
# every item must be there (an error).
catalog=$SHARED_DIR/schemas/catalog.xml
[ -f "$catalog" ] || { echo "SKIP: rest needs $catalog"; finish; exit 77; }
run "$PAPERBAG" validate --catalog "$catalog" "$data/invalid/package-bad.xml"
expect_rc 0
expect_out "package-bad.xml:12: warning: itemRef residref 'urn:example:article:404'"
(cd "$data" && python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("bag/bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n")
    z.write("invalid/package-bad.xml", "bag/data/newsml/package.xml")
    z.write("valid/newsitem.xml", "bag/data/newsml/a1.xml")' "$work/package.zip")
run "$PAPERBAG" validate --profile mets --catalog "$catalog" "$work/package.zip"
expect_rc 1
expect_out "package.zip!/bag/data/newsml/package.xml:12: error: itemRef residref 'urn:example:article:404' is not the guid of any item in the bundle"

finish
