# paperbag validate report formats (json against docs/validate-report.schema.json, junit and
# sarif structurally), -o written atomically, --skip, --max-errors, --strict, exit codes, and
# "not validated" (exit 2) without schemas; the built-in manifest schema needs no setup.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
catalog=$SHARED_DIR/schemas/catalog.xml
data=$SOURCE_DIR/tests/data/validate
export HOME=$work/home XDG_DATA_HOME=$work/data
unset XML_CATALOG_FILES PAPERBAG_SCHEMA_DIR

# Zero configuration: an issue manifest validates against the built-in schema.
mkdir -p "$work/issue"
cat >"$work/issue/issue.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<issue xmlns="urn:x-paperbag:issue:1" version="1.0">
  <title>The Test Gazette</title>
  <identifier type="issn">2049-3630</identifier>
  <language>en</language>
  <date>2024-03-18</date>
  <pages>
    <page sequence="1" label="A1"><file role="text" href="p1.txt"/></page>
  </pages>
</issue>
XML
run "$PAPERBAG" validate "$work/issue/issue.xml"
expect_rc 0
expect_out "issue.xml: valid [paperbag issue manifest; schema builtin:issue-manifest.xsd]"
sed 's/2024-03-18/2024-02-30/' "$work/issue/issue.xml" >"$work/issue/bad.xml"
run "$PAPERBAG" validate "$work/issue/bad.xml"
expect_rc 1
expect_out "bad.xml:6: error: <date> is '2024-02-30', which is not a date (YYYY-MM-DD). [PB-XSD]"

# Without any catalog, official schemas are missing: "not validated", exit 2, with advice
# (said once per run on stderr).
run "$PAPERBAG" validate "$data/valid/alto4.xml"
expect_rc 2
expect_out "alto4.xml: not validated"
expect_err "paperbag schemas install"   # the fix, once for the run
run "$PAPERBAG" validate --format json "$data/valid/alto4.xml"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); f=d["files"][0]; assert f["verdict"]=="not_validated" and f["schemas"]==[] and d["exit_code"]==2, d' "$work/out" \
  || fail "json of a not-validated file"
# Unknown root element: skipped with a warning (so nothing validated, exit 2); not validated
# with --unknown=fail.
printf '<catalog xmlns="urn:x-unknown"/>' >"$work/unknown.xml"
run "$PAPERBAG" validate "$work/unknown.xml"
expect_rc 2
expect_out "warning: skipped: no schema is known for the root element {urn:x-unknown}catalog"
run "$PAPERBAG" validate --unknown=fail "$work/unknown.xml"
expect_rc 2
expect_out "error: not validated: no schema is known for the root element {urn:x-unknown}catalog"

[ -f "$catalog" ] || { echo "SKIP: rest needs $catalog"; finish; exit 77; }

inputs=("$data/valid/alto4.xml" "$data/invalid/alto4-bad.xml" "$work/unknown.xml" "$data/hostile/truncated.xml" --unknown=fail)
run "$PAPERBAG" validate --catalog "$catalog" --format json -o "$work/report.json" "${inputs[@]}"
expect_rc 2
expect_out "summary: 4 files: 1 valid, 2 invalid, 1 not validated"   # only the summary line on stdout
[ "$(wc -l <"$work/out")" = 1 ] || fail "-o FILE: more than the summary on stdout"
ls "$work"/.report.json* 2>/dev/null && fail "temporary report file left behind"
python3 - "$work/report.json" "$SOURCE_DIR/docs/validate-report.schema.json" <<'PY' || fail "json report does not match its schema"
import json, sys, jsonschema
report = json.load(open(sys.argv[1]))
jsonschema.validate(report, json.load(open(sys.argv[2])))
verdicts = [f["verdict"] for f in report["files"]]
assert verdicts == ["valid", "invalid", "not_validated", "invalid"], verdicts
assert report["totals"] == {"files": 4, "valid": 1, "invalid": 2, "not_validated": 1, "skipped": 0,
                            "errors": report["totals"]["errors"], "warnings": 0}, report["totals"]
bad = report["files"][1]
assert {(f["line"], f["rule"]) for f in bad["findings"]} >= {(7, "PB-XSD"), (9, "PB-ALTO-001")}
assert bad["schemas"] == ["http://www.loc.gov/standards/alto/v4/alto-4-4.xsd"], bad["schemas"]
PY

run "$PAPERBAG" validate --catalog "$catalog" --format junit -o "$work/junit.xml" "${inputs[@]}"
expect_rc 2
python3 - "$work/junit.xml" <<'PY' || fail "junit report structure"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites" and root.get("tests") == "4", root.attrib
suite = root.find("testsuite")
cases = suite.findall("testcase")
assert len(cases) == 4
assert suite.get("failures") == "2" and suite.get("errors") == "1", suite.attrib
assert cases[0].find("failure") is None and cases[0].find("error") is None
assert "alto4-bad.xml:7:" in cases[1].find("failure").text
assert cases[2].find("error") is not None
PY

run "$PAPERBAG" validate --catalog "$catalog" --format sarif "${inputs[@]}"
expect_rc 2
python3 - "$work/out" <<'PY' || fail "sarif report structure"
import json, sys
s = json.load(open(sys.argv[1]))
assert s["version"] == "2.1.0" and s["$schema"].endswith("sarif-2.1.0.json")
run = s["runs"][0]
rule_ids = {r["id"] for r in run["tool"]["driver"]["rules"]}
assert {"PB-XSD", "PB-METS-010", "PB-ALTO-001"} <= rule_ids
for r in run["results"]:
    assert r["ruleId"] in rule_ids, r["ruleId"]
    assert r["level"] in ("error", "warning", "note")
    assert r["message"]["text"]
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"]
lines = {(r["ruleId"], r["locations"][0]["physicalLocation"].get("region", {}).get("startLine")) for r in run["results"]}
assert ("PB-XSD", 7) in lines and ("PB-ALTO-002", 8) in lines, lines
PY

# --max-errors keeps N findings per file and counts the rest; --skip drops a rule.
run "$PAPERBAG" validate --catalog "$catalog" --max-errors 2 "$data/invalid/alto4-bad.xml"
expect_rc 1
expect_out "invalid: 2 errors, 0 warnings, 3 more not shown"
[ "$(grep -c 'error:' "$work/out")" = 2 ] || fail "--max-errors 2 printed $(grep -c 'error:' "$work/out") findings"
run "$PAPERBAG" validate --catalog "$catalog" --skip PB-ALTO-002 --skip PB-ALTO-001 "$data/invalid/alto4-bad.xml"
grep -q 'PB-ALTO-00' "$work/out" && fail "--skip did not drop PB-ALTO rules"

# Warnings fail only under --strict.
mkdir -p "$work/w"
printf 'x' >"$work/w/a.txt"
cat >"$work/w/mets.xml" <<'XML'
<mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink">
  <fileSec><fileGrp><file ID="F1"><FLocat LOCTYPE="URL" xlink:href="a.txt"/></file></fileGrp></fileSec>
  <structMap><div/></structMap>
</mets>
XML
run "$PAPERBAG" validate --catalog "$catalog" "$work/w/mets.xml"
expect_rc 0
expect_out "mets.xml:2: warning: file 'F1' is not used by any structMap"
run "$PAPERBAG" validate --catalog "$catalog" --strict "$work/w/mets.xml"
expect_rc 1

# --list-rules: every rule with severity and one line.
run "$PAPERBAG" validate --list-rules
expect_rc 0
expect_out "PB-METS-010  error  [mets]  file CHECKSUM matches the FLocat file's digest"
# ... and docs/validate.md documents every one of them.
while read -r rule _; do
  grep -qF "| $rule |" "$SOURCE_DIR/docs/validate.md" || fail "$rule is not in docs/validate.md"
done <"$work/out"

finish
