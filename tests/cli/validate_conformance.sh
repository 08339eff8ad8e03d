# paperbag validate agrees with xmllint on the official schemas (valid and broken documents
# per standard, same XSD error lines), and its profile rules report what XSD cannot, at the
# expected lines (tests/data/validate/invalid/*.expect: "LINE RULE" per line).
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
catalog=$SHARED_DIR/schemas/catalog.xml
[ -f "$catalog" ] || { echo "SKIP: $catalog not found (official schemas needed)"; exit 77; }
command -v xmllint >/dev/null || { echo "SKIP: xmllint not installed"; exit 77; }
export XML_CATALOG_FILES=$catalog
data=$SOURCE_DIR/tests/data/validate

for f in "$data"/valid/*.xml "$data"/invalid/*.xml; do
  run "$PAPERBAG" validate --profile none --format json --catalog "$catalog" "$f"
  cp "$work/out" "$work/report.json"
  # The schema paperbag used, as xmllint can load it (URL through the catalog, or our file).
  schema=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["files"][0]["schemas"][0])' "$work/report.json")
  case $schema in builtin:*) schema=$SOURCE_DIR/xsd/${schema#builtin:} ;; esac
  set +e
  xmllint --noout --nonet --schema "$schema" "$f" >/dev/null 2>"$work/xmllint"
  xrc=$?
  set -e
  python3 - "$work/report.json" "$work/xmllint" "$xrc" "$f" <<'PY' || fail "verdict or lines differ from xmllint for $f"
import json, re, sys
report = json.load(open(sys.argv[1]))["files"][0]
xrc = int(sys.argv[3])
path = sys.argv[4]
ours = report["verdict"]
theirs = "valid" if xrc == 0 else "invalid"
if ours != theirs:
    sys.exit(f"{path}: paperbag says {ours}, xmllint says {theirs}")
x_lines = sorted({int(m.group(1)) for m in re.finditer("^" + re.escape(path) + r":(\d+): element", open(sys.argv[2]).read(), re.M)})
p_lines = sorted({f["line"] for f in report["findings"] if f["rule"] == "PB-XSD"})
if x_lines != p_lines:
    sys.exit(f"{path}: XSD error lines paperbag {p_lines} vs xmllint {x_lines}")
PY
done

# Valid documents: exit 0, also with the profile rules (METS checksums, references, ...).
run "$PAPERBAG" validate --catalog "$catalog" "$data/valid"
expect_rc 0
expect_out "8 files: 8 valid, 0 invalid, 0 not validated"
expect_out "valid/mets.xml: valid [METS 1.12.1"

# The same documents inside a ZIP bundle, read without extracting: the same verdicts, and the
# METS FLocat files (checksums, ALTO IDs) are looked up inside the bundle.
(cd "$data/valid" && python3 -c 'import sys, zipfile, os
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for n in sorted(os.listdir(".")):
        z.write(n, "bag/data/" + n)' "$work/valid.zip")
run "$PAPERBAG" validate -j 3 --catalog "$catalog" "$work/valid.zip"
expect_rc 0
expect_out "8 files: 8 valid, 0 invalid, 0 not validated"
expect_out "valid.zip!/bag/data/mets.xml: valid [METS 1.12.1"

# Broken documents: every expected finding at its line.
for expect in "$data"/invalid/*.expect; do
  f=${expect%.expect}.xml
  run "$PAPERBAG" validate --format json --catalog "$catalog" "$f"
  expect_rc 1
  python3 - "$work/out" "$expect" <<'PY' || fail "findings of $f differ from $expect"
import json, sys
report = json.load(open(sys.argv[1]))["files"][0]
found = {(d["line"], d["rule"]) for d in report["findings"]}
for line in open(sys.argv[2]):
    if not line.strip():
        continue
    n, rule = line.split()
    if (int(n), rule) not in found:
        sys.exit(f"missing {rule} at line {n}; found {sorted(found)}")
assert report["verdict"] == "invalid", report["verdict"]
PY
done

# The /etc/passwd href of mets-bad.xml is refused, never read.
run "$PAPERBAG" validate --catalog "$catalog" "$data/invalid/mets-bad.xml"
grep -q "root:" "$work/out" "$work/err" && fail "content of /etc/passwd in the output"

# A packageItem's itemRef resolves when the referenced item is among the inputs; a feed's
# package that points to items not given is a warning (tests/cli/validate_findings.sh has the
# bundle case, where it is an error).
run "$PAPERBAG" validate --catalog "$catalog" "$data/valid/package.xml"
expect_rc 0
expect_out "package.xml:12: warning: itemRef residref 'urn:example:article:1' is not the guid of any item among the inputs"
expect_out "[PB-NEWSML-001]"
run "$PAPERBAG" validate --catalog "$catalog" "$data/valid/package.xml" "$data/valid/newsitem.xml"
expect_rc 0

finish
