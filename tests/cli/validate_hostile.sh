# Hostile inputs: each is a finding with exit 1 (never a crash, hang, or a file read outside
# the input), whether or not official schemas are configured. Generated cases (deep nesting,
# huge text node, quadratic blowup) are written here; the others are in
# tests/data/validate/hostile/.
source "$(dirname "$0")/../support/cli_lib.sh"
set -e
data=$SOURCE_DIR/tests/data/validate/hostile
export HOME=$work/home XDG_DATA_HOME=$work/data  # no user schema directory
unset XML_CATALOG_FILES PAPERBAG_SCHEMA_DIR

python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
open(f"{w}/deep.xml", "w").write('<mods xmlns="http://www.loc.gov/mods/v3">' + "<note>" * 10000 + "</note>" * 10000 + "</mods>")
open(f"{w}/huge-text.xml", "w").write('<mods xmlns="http://www.loc.gov/mods/v3"><note>' + "x" * (12 * 1024 * 1024) + "</note></mods>")
ent = "A" * 100000
open(f"{w}/quadratic.xml", "w").write(f'<?xml version="1.0"?>\n<!DOCTYPE m [<!ENTITY a "{ent}">]>\n<mods xmlns="http://www.loc.gov/mods/v3"><note>' + "&a;" * 100000 + "</note></mods>")
PY

check() {  # check FILE RULE TEXT: exit 1, the rule reported, nothing from /etc/passwd
  run timeout 60 "$PAPERBAG" validate "$1"
  expect_rc 1
  grep -qF -- "[$2]" "$work/out" || fail "$1: no $2 finding: $(head -c 300 "$work/out")"
  grep -qF -- "$3" "$work/out" || fail "$1: message lacks '$3': $(head -c 300 "$work/out")"
  if grep -q "root:x:0" "$work/out" "$work/err"; then fail "$1: /etc/passwd content in output"; fi
  [ "$(wc -c <"$work/out")" -lt 100000 ] || fail "$1: report unexpectedly large"
}

check "$data/xxe.xml" PB-XML-DTD "DOCTYPE) refused"
check "$data/billion-laughs.xml" PB-XML-DTD "DOCTYPE) refused"
check "$work/quadratic.xml" PB-XML-DTD "DOCTYPE) refused"
check "$work/deep.xml" PB-XML-SYNTAX "Excessive depth"
check "$work/huge-text.xml" PB-XML-LIMIT "character data without markup"
check "$data/not-xml.xml" PB-XML-SYNTAX "not-xml.xml:1:1: error:"
check "$data/truncated.xml" PB-XML-SYNTAX "truncated.xml:2:"
check "$data/nul-bytes.xml" PB-XML-SYNTAX "nul-bytes.xml:3:"
check "$data/wrong-encoding.xml" PB-XML-SYNTAX "not proper UTF-8"

# An empty file and a ZIP that is not one.
: >"$work/empty.xml"
check "$work/empty.xml" PB-XML-SYNTAX "empty file"

# All together, in parallel: one verdict line per file, in input order.
run timeout 120 "$PAPERBAG" validate -j 4 "$data" "$work/deep.xml"
expect_rc 1
grep -E ': (invalid|valid|not validated)' "$work/out" | grep -v '^paperbag' | sed 's/:.*//' >"$work/order"
{ ls "$data"/*.xml | sort; echo "$work/deep.xml"; } | sed 's|//|/|g' >"$work/expected-order"
sed -i 's|//|/|g' "$work/order"
diff "$work/expected-order" "$work/order" >/dev/null || fail "results not in input order: $(cat "$work/order")"

# A bundle entry named ../evil.xml is refused, never read.
python3 - "$work/evil.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("../evil.xml", "<x/>")
    z.writestr("ok/not-xml.xml", "plain text")
PY
run timeout 60 "$PAPERBAG" validate "$work/evil.zip"
expect_rc 1
expect_out "evil.zip!/../evil.xml: error: unsafe entry name: " && expect_out "[PB-BAG-UNSAFE-NAME]"
expect_out "evil.zip!/ok/not-xml.xml:1:1: error:"

# A file that is not a ZIP but named .zip, and a missing input: the tool cannot work (2).
printf 'garbage' >"$work/fake.zip"
run "$PAPERBAG" validate "$work/fake.zip"
expect_rc 2
expect_out "not a readable ZIP bundle"
run "$PAPERBAG" validate "$work/nowhere.xml"
expect_rc 2
expect_err "cannot open: No such file or directory"

finish
